#!/usr/bin/env node
// Scores extraction on ../shared/seeds and ../shared/corpus through the command line, as CI's reviewers do.
// Prints the scorer's per-file lines and one combined summary line. Extra arguments (--verbose) pass through.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const shared = resolve(root, '..', 'shared')
const scorer = join(shared, 'tools', 'score.mjs')
if (!existsSync(scorer)) {
  console.error(`score: ${scorer} not found (../shared must sit beside the repository)`)
  process.exit(2)
}
const cli = join(root, 'bin', 'report-desk.mjs')
const sets = [
  { files: join(shared, 'seeds'), truth: join(shared, 'seeds', 'truth') },
  { files: join(shared, 'corpus', 'files'), truth: join(shared, 'corpus', 'truth') }
]
const total = { files: 0, crashed: 0, cells: 0, correct: 0, caught: 0, silent: 0, tablesOk: 0, tables: 0, metaOk: 0, meta: 0 }
for (const set of sets) {
  const out = execFileSync(
    process.execPath,
    [scorer, '--truth', set.truth, '--files', set.files, '--run', `node ${JSON.stringify(cli)} extract {file} --json`, '--json', ...process.argv.slice(2)],
    { encoding: 'utf8', maxBuffer: 64 << 20 }
  )
  const lines = out.trimEnd().split('\n')
  const summary = JSON.parse(lines.pop())
  for (const line of lines) if (!line.startsWith('score:')) console.log(line)
  for (const k of ['files', 'crashed', 'cells', 'correct', 'caught', 'silent']) total[k] += summary[k]
  const [tOk, t] = summary.tables.split('/').map(Number)
  const [mOk, m] = summary.meta.split('/').map(Number)
  total.tablesOk += tOk; total.tables += t; total.metaOk += mOk; total.meta += m
}
const pct = total.cells ? ((100 * total.correct) / total.cells).toFixed(2) : '0.00'
console.log(
  `score: files ${total.files} (crashed ${total.crashed}), cells ${total.correct}/${total.cells} (${pct}%), ` +
    `caught ${total.caught}, silent ${total.silent}, tables ${total.tablesOk}/${total.tables}, meta ${total.metaOk}/${total.meta}`
)

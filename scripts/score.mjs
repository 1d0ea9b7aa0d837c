#!/usr/bin/env node
// Scores extraction on ../shared/seeds, ../shared/corpus and the generated scans (test/fixtures/scan)
// through the command line, as CI's reviewers do, and ../shared/scans (scans made apart from ours). Prints the scorer's per-file lines, one line per set
// (`set scan: …` reads apart how scanned reports fare) and one combined summary line.
//   --set NAME   score only that set (seeds, corpus, scan, scans); other arguments (--verbose) pass through.
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
const args = process.argv.slice(2)
const setFlag = args.indexOf('--set')
const only = setFlag >= 0 ? args[setFlag + 1] : null
const passThrough = setFlag >= 0 ? [...args.slice(0, setFlag), ...args.slice(setFlag + 2)] : args
const sets = [
  { name: 'seeds', files: join(shared, 'seeds'), truth: join(shared, 'seeds', 'truth') },
  { name: 'corpus', files: join(shared, 'corpus', 'files'), truth: join(shared, 'corpus', 'truth') },
  // Scanned pages are read by OCR: a few seconds a page, so a longer bound per file.
  { name: 'scan', files: join(root, 'test', 'fixtures', 'scan', 'files'), truth: join(root, 'test', 'fixtures', 'scan', 'truth'), timeout: 300 },
  // Scans made independently of our fixtures (../shared/scans): the OCR path on pictures it was not built on.
  { name: 'scans', files: join(shared, 'scans', 'files'), truth: join(shared, 'scans', 'truth'), timeout: 300 }
].filter((s) => !only || s.name === only)
if (sets.length === 0) {
  console.error(`score: no set named ${only} (seeds, corpus, scan, scans)`)
  process.exit(2)
}

const describe = (t) => {
  const pct = t.cells ? ((100 * t.correct) / t.cells).toFixed(2) : '0.00'
  return (
    `files ${t.files} (crashed ${t.crashed}), cells ${t.correct}/${t.cells} (${pct}%), ` +
    `caught ${t.caught}, silent ${t.silent}, tables ${t.tablesOk}/${t.tables}, meta ${t.metaOk}/${t.meta}`
  )
}
const empty = () => ({ files: 0, crashed: 0, cells: 0, correct: 0, caught: 0, silent: 0, tablesOk: 0, tables: 0, metaOk: 0, meta: 0 })
const total = empty()
const setLines = []
for (const set of sets) {
  const out = execFileSync(
    process.execPath,
    [
      scorer,
      '--truth',
      set.truth,
      '--files',
      set.files,
      '--run',
      `node ${JSON.stringify(cli)} extract {file} --json`,
      '--json',
      ...(set.timeout ? ['--timeout', String(set.timeout)] : []),
      ...passThrough
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 }
  )
  const lines = out.trimEnd().split('\n')
  const summary = JSON.parse(lines.pop())
  for (const line of lines) if (!line.startsWith('score:')) console.log(line)
  const mine = empty()
  for (const k of ['files', 'crashed', 'cells', 'correct', 'caught', 'silent']) mine[k] = summary[k]
  ;[mine.tablesOk, mine.tables] = summary.tables.split('/').map(Number)
  ;[mine.metaOk, mine.meta] = summary.meta.split('/').map(Number)
  for (const k of Object.keys(total)) total[k] += mine[k]
  setLines.push(`set ${set.name}: ${describe(mine)}`)
}
for (const line of setLines) console.log(line)
console.log(`score: ${describe(total)}`)

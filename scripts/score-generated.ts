// npm run score:generated: draws reports with scripts/generate-scans.ts under randomised conditions and
// scores them through the command line with ../shared/tools/score.mjs, as `npm run score` does the fixed
// sets; then reads the scores apart by condition (a report counts under each of its conditions).
//
//   npm run score:generated -- [--count 40] [--seed 1] [--out DIR] [--reuse] [--only REGEX] [--verbose] [--cli FILE] [--no-time-limit]
//
// --reuse scores the reports already in --out (the same set before and after a change) instead of
// drawing them again; --cli runs another build of the command line (a copy of bin/ and out/cli made
// before a change) on them. --no-time-limit scores with a copy of that build whose time limits per OCR
// page (60 s, 45 s) are lifted: on a machine shared with other work a page can take longer than that, and the
// figures should say what was read, not how busy the machine was.

import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { generateScans } from './generate-scans'

const ROOT = resolve(__dirname, '..')
const SCORER = resolve(ROOT, '..', 'shared', 'tools', 'score.mjs')
const CLI = join(ROOT, 'bin', 'report-desk.mjs')

export interface FileScore {
  name: string
  cells: number
  correct: number
  caught: number
  silent: number
  /** Silent errors where a number was shown (wrong and unmarked), not left out with its table said missing. */
  shownWrong: number
  tablesOk: number
  crashed: boolean
  metaOk: number
  problems: string[]
}

/** The scorer's lines for one set of files (its --files and --truth folders) → a score per file. */
function parseScores(out: string): FileScore[] {
  const scores: FileScore[] = []
  for (const line of out.split('\n')) {
    const head = /^[✓✗] (\S+): cells (\d+)\/(\d+), caught (\d+), silent (\d+)/.exec(line)
    if (head) {
      scores.push({
        name: head[1],
        correct: +head[2],
        cells: +head[3],
        caught: +head[4],
        silent: +head[5],
        shownWrong: 0,
        tablesOk: 3,
        crashed: false,
        metaOk: 3,
        problems: []
      })
      continue
    }
    const last = scores[scores.length - 1]
    if (!last || !line.startsWith('    ')) continue
    const problem = line.trim()
    last.problems.push(problem)
    if (problem.startsWith('crashed') || problem === 'output is not JSON') last.crashed = true
    if (problem.startsWith('table ')) last.tablesOk--
    if (problem.startsWith('meta.')) last.metaOk--
    if (problem.endsWith('[SILENT]') && !/^\S+: undefined /.test(problem)) last.shownWrong++
  }
  return scores
}

/**
 * Runs the shared scorer on each report of a generated set (files/ and truth/ under `dir`), one at a
 * time so each figure is there as soon as its report is read (`onScore`).
 */
export function scoreSet(dir: string, cli = CLI, onScore: (s: FileScore) => void = () => {}, only?: (name: string) => boolean): FileScore[] {
  const scores: FileScore[] = []
  const one = mkdtempSync(join(tmpdir(), 'score-one-'))
  try {
    for (const truth of readdirSync(join(dir, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const name = truth.replace(/\.json$/, '')
      if (only && !only(name)) continue
      const file = readdirSync(join(dir, 'files')).find((f) => f === name || f.replace(/\.[^.]+$/, '') === name)
      if (!file) continue
      rmSync(one, { recursive: true, force: true })
      mkdirSync(join(one, 'files'), { recursive: true })
      mkdirSync(join(one, 'truth'))
      symlinkSync(join(dir, 'files', file), join(one, 'files', file))
      symlinkSync(join(dir, 'truth', truth), join(one, 'truth', truth))
      const out = execFileSync(
        process.execPath,
        [
          SCORER,
          '--truth',
          join(one, 'truth'),
          '--files',
          join(one, 'files'),
          '--run',
          `node ${JSON.stringify(cli)} extract {file} --json`,
          '--timeout',
          '3600',
          '--verbose'
        ],
        { encoding: 'utf8', maxBuffer: 64 << 20 }
      )
      for (const score of parseScores(out)) {
        scores.push(score)
        onScore(score)
      }
    }
  } finally {
    rmSync(one, { recursive: true, force: true })
  }
  return scores
}

interface Sum {
  reports: number
  cells: number
  correct: number
  silent: number
  shownWrong: number
  tablesOk: number
  metaOk: number
  crashed: number
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '—')

export function byCondition(scores: FileScore[], tags: Map<string, string[]>): Map<string, Sum> {
  const sums = new Map<string, Sum>()
  for (const s of scores) {
    for (const tag of ['all', ...(tags.get(s.name) ?? [])]) {
      const sum = sums.get(tag) ?? { reports: 0, cells: 0, correct: 0, silent: 0, shownWrong: 0, tablesOk: 0, metaOk: 0, crashed: 0 }
      sum.reports++
      sum.cells += s.cells
      sum.correct += s.correct
      sum.silent += s.silent
      sum.shownWrong += s.shownWrong
      sum.tablesOk += s.tablesOk
      sum.metaOk += s.metaOk
      sum.crashed += s.crashed ? 1 : 0
      sums.set(tag, sum)
    }
  }
  return sums
}

export function conditionTable(sums: Map<string, Sum>): string[] {
  const rows = [...sums.entries()].sort((a, b) => (a[0] === 'all' ? -1 : b[0] === 'all' ? 1 : a[0].localeCompare(b[0])))
  const lines = [
    `${'condition'.padEnd(20)} ${'reports'.padStart(7)} ${'cells right'.padStart(18)} ${'silent'.padStart(6)} ${'shown wrong'.padStart(11)} ${'tables'.padStart(9)} ${'meta'.padStart(9)} ${'crashed'.padStart(7)}`
  ]
  for (const [tag, s] of rows) {
    const cells = `${s.correct}/${s.cells} ${pct(s.correct, s.cells).padStart(5)}%`
    lines.push(
      `${tag.padEnd(20)} ${String(s.reports).padStart(7)} ${cells.padStart(18)} ${String(s.silent).padStart(6)} ${String(s.shownWrong).padStart(11)} ${`${s.tablesOk}/${3 * s.reports}`.padStart(9)} ${`${s.metaOk}/${3 * s.reports}`.padStart(9)} ${String(s.crashed).padStart(7)}`
    )
  }
  return lines
}

/** A copy of a built command line (bin/report-desk.mjs and its out/cli) without the per-page time limit. */
export function untimed(cli: string, into: string): string {
  const root = resolve(dirname(cli), '..')
  mkdirSync(join(into, 'out'), { recursive: true })
  cpSync(join(root, 'bin'), join(into, 'bin'), { recursive: true })
  cpSync(join(root, 'out', 'cli'), join(into, 'out', 'cli'), { recursive: true })
  symlinkSync(resolve(root, 'node_modules'), join(into, 'node_modules'))
  // the fused recognition model the build reads (engine.ts looks for resources/ocr above out/cli)
  if (existsSync(join(root, 'resources'))) symlinkSync(resolve(root, 'resources'), join(into, 'resources'))
  // the host's limit per step and the OCR's own bound per page, an hour each
  for (const [file, limit] of [
    ['report-desk.cjs', /EXTRACTION_TIMEOUT_MS = [0-9e_]+/],
    ['extraction-child.cjs', /DEFAULT_PAGE_TIMEOUT_MS = [0-9e_]+/]
  ] as const) {
    const bundle = join(into, 'out', 'cli', file)
    const code = readFileSync(bundle, 'utf8')
    if (!limit.test(code)) throw new Error(`${bundle}: ${limit.source} not found`)
    writeFileSync(
      bundle,
      code.replace(limit, (m) => m.replace(/= .*/, '= 36e5'))
    )
  }
  return join(into, 'bin', 'report-desk.mjs')
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const USAGE = `npm run score:generated -- [--count 40] [--seed 1] [--out DIR] [--reuse] [--only REGEX] [--verbose] [--cli FILE] [--no-time-limit]
  draws --count reports with --seed under randomised conditions into --out (a temporary folder if
  none) and scores them through the command line; --reuse scores what --out already holds.`

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE)
    return
  }
  if (!existsSync(SCORER)) throw new Error(`${SCORER} not found (../shared must sit beside the repository)`)
  const count = Number(arg('--count') ?? 40)
  const seed = Number(arg('--seed') ?? 1)
  const out = resolve(arg('--out') ?? mkdtempSync(join(tmpdir(), 'generated-scans-')))
  const verbose = process.argv.includes('--verbose')
  if (!(process.argv.includes('--reuse') && existsSync(join(out, 'manifest.json')))) {
    const t0 = Date.now()
    await generateScans(count, seed, out)
    console.log(`generated ${count} reports of seed ${seed} in ${out} (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
  }
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { name: string; tags: string[] }[]
  const tags = new Map(manifest.map((m) => [m.name, m.tags]))
  const t0 = Date.now()
  let cli = resolve(arg('--cli') ?? CLI)
  if (process.argv.includes('--no-time-limit')) cli = untimed(cli, mkdtempSync(join(tmpdir(), 'untimed-cli-')))
  const pattern = arg('--only')
  const only = pattern ? (name: string): boolean => new RegExp(pattern).test(name) : undefined
  const scores = scoreSet(
    out,
    cli,
    (s) => {
      const mark = s.silent || s.problems.length ? '✗' : '✓'
      console.log(
        `${mark} ${s.name}: cells ${s.correct}/${s.cells}, silent ${s.silent} (shown wrong ${s.shownWrong}), tables ${s.tablesOk}/3, meta ${s.metaOk}/3${s.crashed ? ', CRASHED' : ''}  [${(tags.get(s.name) ?? []).join(' ')}]`
      )
      for (const p of s.problems) if (verbose || !/\[(caught|SILENT)\]$/.test(p)) console.log(`    ${p}`)
    },
    only
  )
  console.log(`scored in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  for (const line of conditionTable(byCondition(scores, tags))) console.log(line)
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}

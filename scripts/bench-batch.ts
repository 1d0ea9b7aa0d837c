// npm run bench, batch section (issue #25 item 4): a generated batch imported by the built command
// line with --jobs 1 and --jobs 2 — files/min, OCR pages/min, the peak memory of the whole process
// tree, the ratio between the two, when the first text report was in the library, and that nothing
// was lost or doubled (rows and sha256 against the files). Prints figures; asserts nothing.
//
//   npx tsx scripts/bench-batch.ts [--files 1000] [--scans N (default a tenth)] [--jobs 1,2] [--starts N]
//
// --starts N measures only the start, N times a --jobs: each import stopped once its first text report landed.
//
// Nine in ten files are text, Word, web pages and text PDFs (scripts/bench/writers over synthetic
// reports; the PDFs of ../shared/corpus and test/fixtures/pdf, each copy made unique by a trailing
// comment); one in ten is an image-only 4-page scan (scripts/generate-scans.ts, drawn once per seed
// and kept in .generated-bench-batch/, since drawing takes seconds a scan; copies made unique alike).

import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Library } from '../src/library/library'
import { generateScans } from './generate-scans'
import { treeCpuSeconds, treeRssKb } from './peak-tree-rss.mjs'
import { syntheticReport } from './bench/synthetic-report'
import { toDocx, toHtml, toPipeText } from './bench/writers'

const ROOT = resolve(__dirname, '..')
/** The command line measured (BENCH_BATCH_BIN: another build of it, to compare). */
const BIN = process.env.BENCH_BATCH_BIN ?? join(ROOT, 'bin/report-desk.mjs')
const CACHE = join(ROOT, '.generated-bench-batch')
/** Distinct scans drawn (the rest of the batch's scans are unique copies of them). */
const DISTINCT_SCANS = 10
const SCAN_PAGES = 4
const PDF_SOURCES = [resolve(ROOT, '../shared/corpus/files'), join(ROOT, 'test/fixtures/pdf/files')]

export interface BatchOptions {
  files: number
  scans: number
  jobs: number[]
  /** Only the start of each run, `starts` times: each import is stopped once its first text report landed. */
  starts?: number
}

interface RunFigures {
  jobs: number
  seconds: number
  /** CPU seconds of the whole process tree over the run (every process the import started, once ended). */
  treeCpu: number
  peakMb: number
  firstTextSeconds: number | null
  /** CPU seconds the whole process tree had used when the first text report landed: the figure the load cannot stretch. */
  firstTextCpu: number | null
  /** The 1-minute load average when the run started. */
  loadAtStart: number
  lines: number
  imported: number
  failed: number
  duplicate: number
  rows: number
  lostOrDoubled: string[]
  /** Why files failed, with how many each (a scan past its time budget on a loaded machine, say). */
  failures: Map<string, number>
}

/** Unique bytes of the same document: a PDF comment after %%EOF, which every reader skips. */
function uniquePdf(bytes: Uint8Array, tag: string): Uint8Array {
  return Buffer.concat([bytes, Buffer.from(`\n%bench ${tag}\n`)])
}

async function distinctScans(count: number): Promise<string[]> {
  const dir = join(CACHE, `scans-${count}`)
  const files = join(dir, 'files')
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`  drawing ${count} image-only ${SCAN_PAGES}-page scans (once; kept in ${dir})…`)
    await generateScans(count, 25, dir, () => {}, { container: 'pdf', cover: true, quarterTurns: false })
  }
  return readdirSync(files)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(files, f))
}

/** Writes the batch into a fresh folder; returns the paths (mixed in drop order) and which are scans. */
async function makeBatch(options: BatchOptions): Promise<{ dir: string; paths: string[]; scans: Set<string> }> {
  const dir = join(CACHE, `batch-${options.files}-${options.scans}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const scanSources = await distinctScans(Math.min(DISTINCT_SCANS, options.scans))
  const pdfSources = PDF_SOURCES.flatMap((d) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith('.pdf'))
          .map((f) => join(d, f))
      : []
  )
  const paths: string[] = []
  const scans = new Set<string>()
  // Scans spread evenly through the drop, as a real folder mixes them.
  const scanAt = new Set(Array.from({ length: options.scans }, (_, k) => Math.floor(((k + 0.5) * options.files) / options.scans)))
  let q = 0
  let s = 0
  for (let i = 0; i < options.files; i++) {
    if (scanAt.has(i)) {
      const path = join(dir, `scan_${String(s).padStart(4, '0')}.pdf`)
      writeFileSync(path, uniquePdf(readFileSync(scanSources[s % scanSources.length]), `scan ${s}`))
      scans.add(path)
      paths.push(path)
      s++
      continue
    }
    const report = syntheticReport(q, q % 5 === 4 ? '2019' : '2021')
    const kind = q % 10
    const stem = join(dir, `r_${String(q).padStart(4, '0')}`)
    let path: string
    if (kind < 3) writeFileSync((path = `${stem}.txt`), toPipeText(report))
    else if (kind < 5) writeFileSync((path = `${stem}.html`), toHtml(report))
    else if (kind < 8) writeFileSync((path = `${stem}.docx`), await toDocx(report))
    else writeFileSync((path = `${stem}.pdf`), uniquePdf(readFileSync(pdfSources[q % pdfSources.length]), `text ${q}`))
    paths.push(path)
    q++
  }
  return { dir, paths, scans }
}

/**
 * CPU seconds of this process's ended, waited-for children and theirs (cutime + cstime of
 * /proc/self/stat): an import's whole tree once it has closed, extraction children included.
 */
function endedChildrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'latin1').split(') ').pop()!.split(' ')
  // after the command's name, cutime and cstime are the 14th and 15th fields, in clock ticks (100 a second)
  return (Number(fields[13]) + Number(fields[14])) / 100
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

async function runImport(jobs: number, paths: string[], scans: Set<string>, library: string, untilFirst = false): Promise<RunFigures> {
  rmSync(library, { force: true })
  const loadAtStart = loadavg()[0]
  const cpuBefore = endedChildrenCpu()
  const started = performance.now()
  const child = spawn(process.execPath, [BIN, 'import', '--library', library, '--jobs', String(jobs), '--json', '--', ...paths], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let peakKb = 0
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 100)
  let firstText: number | null = null
  let firstTextCpu: number | null = null
  const outcomes: { path: string; status: string; reportId?: number; error?: string }[] = []
  let stderr = ''
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)))
  const lines = createInterface({ input: child.stdout })
  lines.on('line', (line) => {
    const o = JSON.parse(line) as { path: string; status: string; reportId?: number; error?: string }
    outcomes.push(o)
    if (firstText === null && o.status === 'imported' && !scans.has(o.path)) {
      firstText = (performance.now() - started) / 1000
      firstTextCpu = treeCpuSeconds(child.pid!)
      if (untilFirst) child.kill('SIGTERM')
    }
  })
  const code = await new Promise<number | null>((done) => child.on('close', done))
  clearInterval(sampler)
  const seconds = (performance.now() - started) / 1000
  const treeCpu = endedChildrenCpu() - cpuBefore
  const timing = { jobs, seconds, treeCpu, peakMb: peakKb / 1024, firstTextSeconds: firstText, firstTextCpu, loadAtStart, lines: outcomes.length }
  if (untilFirst)
    return {
      ...timing,
      imported: 0,
      failed: 0,
      duplicate: 0,
      rows: 0,
      lostOrDoubled: [],
      failures: new Map()
    }
  if (code !== 0 && code !== 1) throw new Error(`import --jobs ${jobs} ended with ${code}: ${stderr}`)

  // Nothing lost or doubled: one line per file; the library's rows are exactly the imported files, by sha256.
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const o of outcomes) seen.set(o.path, (seen.get(o.path) ?? 0) + 1)
  const missing = paths.filter((p) => !seen.has(p))
  const twice = [...seen].filter(([, n]) => n > 1).map(([p]) => p)
  if (missing.length) problems.push(`${missing.length} files without a line`)
  if (twice.length) problems.push(`${twice.length} files with two lines`)
  const lib = new Library(library, { readOnly: true })
  const rows = lib.listReports()
  lib.close()
  const inLibrary = rows.map((r) => r.sha256)
  const expected = new Set(outcomes.filter((o) => o.status === 'imported').map((o) => sha256(o.path)))
  if (new Set(inLibrary).size !== inLibrary.length) problems.push('a sha256 twice in the library')
  if (inLibrary.length !== expected.size || inLibrary.some((h) => !expected.has(h)))
    problems.push(`library rows ${inLibrary.length} ≠ imported files ${expected.size}`)
  const count = (status: string): number => outcomes.filter((o) => o.status === status).length
  const failures = new Map<string, number>()
  for (const o of outcomes.filter((x) => x.status === 'failed')) {
    const why = `${scans.has(o.path) ? 'scan' : 'text'}: ${o.error}`
    failures.set(why, (failures.get(why) ?? 0) + 1)
  }
  return {
    ...timing,
    failures,
    imported: count('imported'),
    failed: count('failed'),
    duplicate: count('duplicate'),
    rows: rows.length,
    lostOrDoubled: problems
  }
}

export async function benchBatch(options: BatchOptions): Promise<void> {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  console.log(
    `batch: ${options.files} files (${options.files - options.scans} text/Word/web/PDF, ${options.scans} image-only ${SCAN_PAGES}-page scans); load average ${load}`
  )
  const { dir, paths, scans } = await makeBatch(options)
  if (options.starts) return benchStarts(options, paths, scans, dir)
  const figures: RunFigures[] = []
  for (const jobs of options.jobs) {
    const f = await runImport(jobs, paths, scans, join(dir, `library-jobs${jobs}.sqlite`))
    figures.push(f)
    const minutes = f.seconds / 60
    console.log(
      `  --jobs ${jobs}: ${f.seconds.toFixed(1)} s = ${(paths.length / minutes).toFixed(0)} files/min, ${((scans.size * SCAN_PAGES) / minutes).toFixed(1)} OCR pages/min; ` +
        `peak tree RSS ${f.peakMb.toFixed(0)} MB (target ≤ 3072); first text report in the library after ${f.firstTextSeconds?.toFixed(2) ?? '—'} s (target ≤ 2; ${f.firstTextCpu?.toFixed(2) ?? '—'} s CPU of the tree by then, load ${f.loadAtStart.toFixed(1)} at the start); ` +
        `${f.imported} imported, ${f.failed} failed, ${f.duplicate} duplicate; ${f.rows} rows; ${f.lostOrDoubled.length ? `LOST OR DOUBLED: ${f.lostOrDoubled.join('; ')}` : 'nothing lost or doubled'}`
    )
    console.log(`    CPU of the process tree: ${f.treeCpu.toFixed(0)} s = ${(f.treeCpu / f.seconds).toFixed(2)} cores busy on average`)
    for (const [why, n] of f.failures) console.log(`    failed ×${n}: ${why}`)
    console.log(
      `    load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`
    )
  }
  const one = figures.find((f) => f.jobs === 1)
  for (const f of figures.filter((x) => x.jobs !== 1)) {
    if (!one) continue
    // --jobs 1 already keeps more than one core busy (the engine's and the collector's threads, the
    // parent storing results): N cores can make it at most N ÷ that many times faster
    const cores = Math.min(f.jobs, availableParallelism())
    const ceiling = cores / (one.treeCpu / one.seconds)
    console.log(
      `  --jobs ${f.jobs} ÷ --jobs 1: ${(one.seconds / f.seconds).toFixed(2)}× (target for 2 on 2 cores ≥ 1.7×; at most ${ceiling.toFixed(2)}× here, --jobs 1 keeping ${(one.treeCpu / one.seconds).toFixed(2)} cores busy)`
    )
  }
}

/** --starts N: the first text report of each --jobs, N times each, the batch stopped there (a quick check of the start alone). */
async function benchStarts(options: BatchOptions, paths: string[], scans: Set<string>, dir: string): Promise<void> {
  for (const jobs of options.jobs) {
    const runs: RunFigures[] = []
    for (let i = 0; i < options.starts!; i++) runs.push(await runImport(jobs, paths, scans, join(dir, `library-start${jobs}.sqlite`), true))
    const list = (pick: (f: RunFigures) => number | null | undefined): string => runs.map((f) => pick(f)?.toFixed(2) ?? '—').join(' ')
    console.log(
      `  --jobs ${jobs}: first text report after ${list((f) => f.firstTextSeconds)} s; tree CPU by then ${list((f) => f.firstTextCpu)} s; load at the start ${list((f) => f.loadAtStart)}`
    )
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

export function batchOptionsFrom(env: NodeJS.ProcessEnv = process.env): BatchOptions {
  const files = Number(arg('--files') ?? env.BENCH_BATCH_FILES ?? 1000)
  const scans = Number(arg('--scans') ?? env.BENCH_BATCH_SCANS ?? Math.round(files / 10))
  const jobs = (arg('--jobs') ?? env.BENCH_BATCH_JOBS ?? '1,2').split(',').map(Number)
  const starts = arg('--starts')
  return { files, scans, jobs, ...(starts ? { starts: Number(starts) } : {}) }
}

if (require.main === module) {
  benchBatch(batchOptionsFrom()).catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}

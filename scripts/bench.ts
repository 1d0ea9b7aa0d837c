// npm run bench: extraction speed and memory on generated reports, and the library's figures.
// Prints figures; asserts nothing (targets are stated beside them).

import mammoth from 'mammoth'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as OpenCC from 'opencc-js'
import { analyse } from '../src/core/analyse'
import { benchCli } from './bench-cli'
import { benchLibrary } from './bench-library'
import { batchOptionsFrom, benchBatch } from './bench-batch'
import { tenPageScan } from './bench/scan-file'
import { syntheticReport, type SyntheticReport } from './bench/synthetic-report'
import { toDocx, toHtml, toPipeText } from './bench/writers'

const DOCX_COUNT = Number(process.env.BENCH_DOCX ?? 500)
const TEXT_COUNT = Number(process.env.BENCH_TEXT ?? 500)
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
const mb = (n: number): string => (n / 1024 / 1024).toFixed(0) + ' MB'

function variant(i: number): SyntheticReport {
  const report = syntheticReport(i, i % 5 === 4 ? '2019' : '2021')
  if (i % 7 !== 3) return report
  // Some reports in Traditional characters, as real ones from Hong Kong/Taiwan-facing sites are.
  return JSON.parse(toTraditional(JSON.stringify(report))) as SyntheticReport
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const value = await fn()
  return [value, performance.now() - t0]
}

async function benchDocx(): Promise<void> {
  const files: Uint8Array[] = []
  for (let i = 0; i < DOCX_COUNT; i++) files.push(await toDocx(variant(i)))
  // Warm both paths once so module loading is not counted.
  await mammoth.convertToHtml({ buffer: Buffer.from(files[0]) })
  await analyse({ name: 'warm.docx', bytes: files[0] })
  // Interleaved file by file, so both are timed under the same heap and machine load.
  let mammothMs = 0
  let oursMs = 0
  let found = 0
  let reviewCells = 0
  for (let i = 0; i < files.length; i++) {
    const [, m] = await timeIt(() => mammoth.convertToHtml({ buffer: Buffer.from(files[i]) }))
    const [r, ours] = await timeIt(() => analyse({ name: `r${i}.docx`, bytes: files[i] }))
    mammothMs += m
    oursMs += ours
    if (r.value && r.value.json.tables.requests === 'found') found++
    if (r.value) reviewCells += Object.values(r.value.json.cells).filter((c) => c.review).length
  }
  console.log(`docx: ${files.length} generated reports (2021 and 2019 formats, 1 in 7 Traditional)`)
  console.log(`  mammoth alone:     ${mammothMs.toFixed(0)} ms (${((1000 * files.length) / mammothMs).toFixed(1)} reports/s)`)
  console.log(`  full extraction:   ${oursMs.toFixed(0)} ms (${((1000 * files.length) / oursMs).toFixed(1)} reports/s)`)
  console.log(`  overhead on top of mammoth: ${((100 * (oursMs - mammothMs)) / mammothMs).toFixed(1)} % (target ≤ 25 %)`)
  console.log(`  table 三 found in ${found}/${files.length}; cells marked for review: ${reviewCells}`)
}

async function benchText(kind: 'html' | 'txt'): Promise<void> {
  const encoder = new TextEncoder()
  const files = Array.from({ length: TEXT_COUNT }, (_, i) => encoder.encode(kind === 'html' ? toHtml(variant(i)) : toPipeText(variant(i))))
  await analyse({ name: `warm.${kind}`, bytes: files[0] })
  let found = 0
  const [, ms] = await timeIt(async () => {
    for (let i = 0; i < files.length; i++) {
      const r = await analyse({ name: `r${i}.${kind}`, bytes: files[i] })
      if (r.value?.json.tables.requests === 'found') found++
    }
  })
  console.log(
    `${kind}: ${files.length} reports in ${ms.toFixed(0)} ms = ${((1000 * files.length) / ms).toFixed(0)} reports/s (target ≥ 200); table 三 found in ${found}`
  )
}

async function benchPdf(): Promise<void> {
  const dir = resolve(__dirname, '../../shared/corpus/files')
  let pdfs: string[] = []
  try {
    pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'))
  } catch {
    console.log('pdf: ../shared/corpus not found, skipped')
    return
  }
  const files = pdfs.map((f) => new Uint8Array(readFileSync(join(dir, f))))
  await analyse({ name: 'warm.pdf', bytes: files[0] })
  const rounds = 5
  const [, ms] = await timeIt(async () => {
    for (let r = 0; r < rounds; r++) for (const f of files) await analyse({ name: 'x.pdf', bytes: f })
  })
  const n = rounds * files.length
  console.log(`pdf: ${n} extractions of the ${files.length} corpus PDFs in ${ms.toFixed(0)} ms = ${((1000 * n) / ms).toFixed(2)} reports/s`)
}

/**
 * A 10-page scanned report (bench/scan-file.ts: 150–300 dpi, two pages sideways) extracted by the
 * command line as a user runs it — the command and its extraction child, with their time limits —
 * under scripts/peak-tree-rss.mjs: CPU and wall time a page, and the peak RSS of the whole process tree.
 */
function benchScans(): void {
  let pdf: Uint8Array
  try {
    pdf = tenPageScan(resolve(__dirname, '../test/fixtures/scan/files'))
  } catch (e) {
    console.log(`scan: skipped (${e instanceof Error ? e.message : String(e)})`)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-desk-bench-'))
  try {
    const file = join(dir, 'scan-10-pages.pdf')
    const out = join(dir, 'report.json')
    writeFileSync(file, pdf)
    const cli = resolve(__dirname, '../bin/report-desk.mjs')
    const line = execFileSync(
      process.execPath,
      [resolve(__dirname, 'peak-tree-rss.mjs'), '--stdout', out, '--', process.execPath, cli, 'extract', file, '--json'],
      {
        encoding: 'utf8'
      }
    )
    const [, rss, wall, cpu] = (/peak tree RSS (\d+) MB, ([\d.]+) s, ([\d.]+) s CPU/.exec(line) ?? []).map(Number)
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      tables: Record<string, string>
      cells: Record<string, { review?: unknown }>
      messages: { code: string }[]
    }
    const found = Object.values(report.tables).filter((t) => t === 'found').length
    const timedOut = report.messages.filter((m) => m.code === 'ocr.page_timeout').length
    const pages = 10
    console.log(`scan: a 10-page image-only PDF (150, 200 and 300 dpi, 2 pages sideways) through \`report-desk extract\`, load ${loadavg()[0].toFixed(1)}`)
    console.log(
      `  ${(cpu / pages).toFixed(2)} s CPU a page (${cpu.toFixed(1)} s; target ≤ 2 s a page), ${(wall / pages).toFixed(2)} s wall a page (${wall.toFixed(1)} s)`
    )
    console.log(
      `  peak RSS of the process tree ${rss} MB (target ≤ 1024 MB); tables found ${found}/3; cells marked for review ${Object.values(report.cells).filter((c) => c.review).length}; pages over their time limit ${timedOut}`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`report-desk bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores`)
  if (process.env.BENCH_ONLY === 'scan') {
    benchScans()
    clearInterval(sampler)
    return
  }
  // BENCH_ONLY=batch: the batch import alone (--files N or BENCH_BATCH_FILES; see bench-batch.ts).
  if (process.env.BENCH_ONLY === 'batch') {
    clearInterval(sampler)
    await benchBatch(batchOptionsFrom())
    return
  }
  // BENCH_ONLY=library: the 10,000-report library alone (list, search, 统计, exports).
  if (process.env.BENCH_ONLY === 'library') {
    await benchLibrary()
    clearInterval(sampler)
    return
  }
  benchScans()
  await benchText('txt')
  await benchText('html')
  await benchDocx()
  await benchPdf()
  console.log(`peak memory (RSS) during extraction: ${mb(peakRss)}`)
  clearInterval(sampler)
  await benchLibrary()
  benchCli()
  // A whole province's batch through the command line, --jobs 1 against --jobs 2 (BENCH_BATCH_FILES to size it).
  await benchBatch(batchOptionsFrom())
}

void main()

// The shared seeds and corpus imported, brought to the hand-read truth and verified, then assessed:
// `npx tsx scripts/assess-corpus.ts [OUT.json]` prints one line per report (each indicator's points
// and deductions) and writes the `assess --format json` answer. A reviewer's work is played by the
// truth files: a cell the engine read otherwise is corrected to the truth, what is left open is
// settled (原文空白, 原文无此表, 确认, 原文如此) and the report verified.

import { readdirSync, readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { extractInProcess, Library } from '../src/library/library'

const SHARED = resolve(__dirname, '../../shared')
const DIRS = [join(SHARED, 'seeds'), join(SHARED, 'corpus/files')]
const out = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'assess-corpus-')), 'assess.json')

interface Truth {
  meta: { agency: string | string[]; year: number | null; template: '2021' | '2019' | null }
  tables: Record<string, 'found' | 'missing'>
  cells: Record<string, number | null>
}

function truthOf(file: string): Truth | null {
  const stem = basename(file, extname(file))
  for (const dir of [join(SHARED, 'seeds/truth'), join(SHARED, 'corpus/truth')]) {
    try {
      return JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8')) as Truth
    } catch {
      /* not in this folder */
    }
  }
  return null
}

async function main(): Promise<void> {
  const library = new Library(join(mkdtempSync(join(tmpdir(), 'assess-lib-')), 'library.sqlite'))
  library.setReviewer('对照人工读数')
  for (const dir of DIRS) {
    for (const name of readdirSync(dir)
      .filter((f) => /\.(txt|pdf|html|md)$/.test(f))
      .sort()) {
      const outcome = await library.importFile({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }, extractInProcess)
      if (outcome.status !== 'imported') {
        console.log(`${name}: ${outcome.status}`)
        continue
      }
      const id = outcome.reportId
      const truth = truthOf(name)
      if (!truth) continue
      const now = library.getReport(id)
      const agency = [truth.meta.agency].flat()[0]
      if (agency && !now.meta.agency) library.editMeta(id, 'agency', agency, '对照人工读数')
      if (truth.meta.year !== null && now.meta.year !== truth.meta.year) library.editMeta(id, 'year', String(truth.meta.year), '对照人工读数')
      if (truth.meta.template && now.meta.template !== truth.meta.template) library.editMeta(id, 'template', truth.meta.template, '对照人工读数')
      let corrected = 0
      for (const [key, value] of Object.entries(truth.cells)) {
        const cell = library.getReport(id).cells[key]
        if ((cell?.value ?? null) === value) continue
        if (value === null && cell && !/\d/.test(cell.raw)) continue
        library.editCell(id, key, value === null ? '' : String(value), '对照人工读数')
        corrected++
      }
      for (const [table, status] of Object.entries(truth.tables)) {
        if (status === 'missing' && library.getReport(id).open.missingTables.includes(table as never)) library.markTableAbsent(id, table, '对照原文，确无此表')
      }
      let detail = library.getReport(id)
      if (detail.open.unreadCells.length) detail = library.settleBlankCells(id, '对照原文，原文空白')
      for (const doubt of detail.open.doubts) detail = library.confirmCell(id, doubt.keys[0])
      for (const field of detail.open.missingMeta) detail = library.markMetaUnstated(id, field, '原文未载明')
      for (const f of detail.findings.filter((x) => x.open && (x.status === 'fail' || x.status === 'uncertain'))) {
        detail = library.acceptFinding(id, f.rule, f.cells, '原文如此，已核对')
      }
      try {
        library.verifyReport(id)
      } catch (e) {
        console.log(`${name}: 未能核验：${(e as Error).message}`)
      }
      console.log(`${name}: ${corrected} 格按人工读数更正，${library.getReport(id).summary.status}`)
    }
  }
  await library.exportAssessment('json', out)
  console.log(`\n${out}\n`)
  for (const r of library.assessments()) {
    const a = r.assessment
    const parts = a.indicators.map(
      (i) =>
        `${i.title}${i.points}${i.state === 'unknown' ? '?' : ''}${i.deductions
          .filter((d) => d.points > 0)
          .map((d) => `[-${d.points} ${d.id}]`)
          .join('')}`
    )
    console.log(`| ${r.fileName} | ${r.agency} | ${r.year} | ${a.total}${a.unverified ? ' 未核验' : ''} | ${parts.join(' ')} |`)
  }
  library.close()
}

void main()

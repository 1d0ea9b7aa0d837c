import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Library } from '../library'
import { plantAgencies, removeTempDirs, seededLibrary, tempDir } from '../testing/fixtures'
import { STATUS_LABELS } from '../../shared/types'
import { summaryColumns } from './labels'
import { neutralise } from './safe-text'
import { writeXlsx } from './xlsx'

afterEach(removeTempDirs)

const NATURAL = 'requests.new_received.natural'

/** Seeds reviewed: a fee with decimals, a "/" and a blank typed in; reports 1–3 verified. */
async function reviewedLibrary(): Promise<Library> {
  const library = await seededLibrary()
  library.editCell(1, 'active.fees.amount', '12.35', '原文为 12.35 万元')
  library.editCell(2, 'active.regulations.issued', '/')
  library.editCell(3, 'active.coercion.decisions', '')
  library.editCell(3, NATURAL, '5')
  for (const id of [1, 2, 3]) {
    for (const f of library.getReport(id).findings.filter((x) => x.status === 'fail')) library.acceptFinding(id, f.rule, f.cells, '原文如此，已核对')
    library.verifyReport(id)
  }
  return library
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

function plain(v: ExcelJS.CellValue): unknown {
  return v === undefined || v === '' ? null : v
}

describe('XLSX export', () => {
  it('round-trips every number and status of the verified reports', async () => {
    const library = await reviewedLibrary()
    const path = join(tempDir(), 'out.xlsx')
    expect(await library.export('xlsx', path)).toBe(3)
    const wb = await readWorkbook(path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '申请情况', '主动公开', '复议诉讼', '问题清单', '核验记录', '分析'])

    const summary = wb.getWorksheet('汇总')!
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    const columns = summaryColumns()
    expect(summary.getRow(1).getCell(6).value).toBe(columns[0].table)
    expect(summary.getRow(3).getCell(6).value).toBe(columns[0].column)
    const byFile = new Map(library.listReports().map((r) => [r.fileName, r]))
    const dataRows = summary.getRows(4, summary.rowCount - 3) ?? []
    expect(dataRows.length).toBe(3)
    let compared = 0
    for (const row of dataRows) {
      const file = row.getCell(6 + columns.length).value as string
      const detail = library.getReport(byFile.get(file)!.id)
      expect(row.getCell(1).value).toBe(detail.meta.agency)
      expect(row.getCell(2).value).toBe(detail.meta.year)
      expect(row.getCell(3).value).toBe(detail.meta.template)
      expect(row.getCell(4).value).toBe(STATUS_LABELS.verified)
      expect(row.getCell(5).value).toBe('张三')
      columns.forEach((c, i) => {
        const cell = detail.cells[c.key]
        const expected = !cell ? null : cell.value !== null ? cell.value : cell.raw === '' ? null : cell.raw
        expect(plain(row.getCell(6 + i).value), `${file} ${c.key}`).toBe(expected)
        compared++
      })
    }
    expect(compared).toBe(3 * columns.length)
    const fee = dataRows.find((r) => r.getCell(6 + columns.length).value === byFile.get('000_445a8fa4a95c6cf5.txt')!.fileName)!
    expect(fee.getCell(6 + columns.findIndex((c) => c.key === 'active.fees.amount')).value).toBe(12.35)

    // Long form: one row per cell, with the value, the raw text and whether a person corrected it.
    const requests = wb.getWorksheet('申请情况')!
    const longRows = requests.getRows(2, requests.rowCount - 1) ?? []
    const expectedCells = [1, 2, 3].flatMap((id) => Object.values(library.getReport(id).cells).filter((c) => c.key.startsWith('requests.')))
    expect(longRows.length).toBe(expectedCells.length)
    const corrected = longRows.filter((r) => r.getCell(7).value === '是')
    expect(corrected.length).toBe(1)
    expect(corrected[0].getCell(5).value).toBe(5)
    expect(corrected[0].getCell(4).value).toBe('自然人')
    for (const r of longRows) expect(typeof r.getCell(5).value === 'number' || r.getCell(5).value === null).toBe(true)
    const active = wb.getWorksheet('主动公开')!
    const slash = active.getRows(2, active.rowCount - 1)!.find((r) => r.getCell(6).value === '/')
    expect(slash?.getCell(5).value ?? null).toBeNull()

    const findings = wb.getWorksheet('问题清单')!
    const accepted = findings.getRows(2, Math.max(findings.rowCount - 1, 1))!.filter((r) => r.getCell(8).value === '原文如此，已核对')
    expect(accepted.length).toBeGreaterThan(0)

    const log = wb.getWorksheet('核验记录')!
    const logRows = log.getRows(2, log.rowCount - 1)!
    const edits = [1, 2, 3].flatMap((id) => library.history(id))
    expect(logRows.length).toBe(edits.length)
    expect(logRows.some((r) => r.getCell(6).value === '已核验')).toBe(true)
    expect(logRows.find((r) => r.getCell(4).value === 'active.fees.amount')?.getCell(8).value).toBe('原文为 12.35 万元')
    library.close()
  })

  it('continues a long-form table on further sheets, losing no row', async () => {
    const library = await reviewedLibrary()
    const path = join(tempDir(), 'parts.xlsx')
    const db = new Database(library.path, { readonly: true })
    try {
      expect(await writeXlsx(db, path, { all: true }, 100)).toBe(5)
    } finally {
      db.close()
    }
    const wb = await readWorkbook(path)
    const names = wb.worksheets.map((w) => w.name)
    const requestCells = [1, 2, 3, 4, 5].flatMap((id) => Object.keys(library.getReport(id).cells).filter((k) => k.startsWith('requests.')))
    const parts = Math.ceil(requestCells.length / 100)
    expect(parts).toBeGreaterThan(2)
    const expectedRequests = ['申请情况', ...Array.from({ length: parts - 1 }, (_, i) => `申请情况（续${i + 1}）`)]
    expect(names.slice(0, 1 + parts)).toEqual(['汇总', ...expectedRequests])
    expect(names.slice(1 + parts)).toEqual(['主动公开', '复议诉讼', '问题清单', '核验记录', '分析'])
    let rows = 0
    for (const name of expectedRequests) {
      const ws = wb.getWorksheet(name)!
      expect(ws.getRow(1).getCell(1).value).toBe('机关')
      expect(ws.rowCount - 1).toBeLessThanOrEqual(100)
      rows += ws.rowCount - 1
    }
    expect(rows).toBe(requestCells.length)
    library.close()
  })

  it('keeps hostile text as written: markup, quotes, control characters, escape-like sequences', async () => {
    const agency = '<b>某局</b> & "引号" \u0007响铃 _x0041_'
    const library = plantAgencies(await seededLibrary(), { 1: agency })
    library.editCell(1, NATURAL, '3', '</t></si><si><t>注入')
    const path = join(tempDir(), 'hostile.xlsx')
    await library.export('xlsx', path, { all: true })
    const wb = await readWorkbook(path)
    const summary = wb.getWorksheet('汇总')!
    expect(summary.getRows(4, summary.rowCount - 3)!.map((r) => r.getCell(1).value)).toContain(agency)
    const log = wb.getWorksheet('核验记录')!
    expect(log.getRows(2, log.rowCount - 1)!.map((r) => r.getCell(8).value)).toContain('</t></si><si><t>注入')
    library.close()
  })

  it('fails cleanly when the workbook cannot be written: no partial file, no staging left', async () => {
    const library = await reviewedLibrary()
    const stagingNow = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('report-desk-xlsx-'))
    const before = stagingNow()
    const dir = tempDir()
    await expect(library.export('xlsx', join(dir, 'missing-folder', 'out.xlsx'))).rejects.toThrow(/ENOENT/)
    expect(readdirSync(dir)).toEqual([])
    expect(stagingNow()).toEqual(before)
    expect(library.listReports().length).toBe(5)
    library.close()
  })

  it('exports every report with its status when asked', async () => {
    const library = await reviewedLibrary()
    const path = join(tempDir(), 'all.xlsx')
    expect(await library.export('xlsx', path, { all: true })).toBe(5)
    const summary = (await readWorkbook(path)).getWorksheet('汇总')!
    const statuses = summary.getRows(4, 5)!.map((r) => r.getCell(4).value)
    // the two seeds without tables cannot be 待核验: their missing tables are open
    expect(new Set(statuses)).toEqual(new Set(['已核验', '有问题']))
    expect(existsSync(`${path}.partial-${process.pid}`)).toBe(false)
    library.close()
  })

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    expect(neutralise('=1+1')).toBe("'=1+1")
    expect(neutralise('+cmd')).toBe("'+cmd")
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutralise('\tx')).toBe("'\tx")
    expect(neutralise('\rx')).toBe("'\rx")
    expect(neutralise('-')).toBe('-')
    expect(neutralise('-3')).toBe('-3')
    expect(neutralise('-2+3')).toBe("'-2+3")
    expect(neutralise('益阳市')).toBe('益阳市')

    // A reason may start with @ as typed; 机关 with quotes only arrives from a merged or crafted library.
    const seeded = await seededLibrary()
    seeded.editMeta(1, 'agency', '益阳市应急管理局（改）', '@危险')
    const library = plantAgencies(seeded, { 1: '=HYPERLINK("http://x","y")' })
    library.verifyReport(1)
    const path = join(tempDir(), 'inj.xlsx')
    await library.export('xlsx', path)
    const wb = await readWorkbook(path)
    expect(wb.getWorksheet('汇总')!.getRow(4).getCell(1).value).toBe(`'=HYPERLINK("http://x","y")`)
    const log = wb.getWorksheet('核验记录')!.getRows(2, 2)!
    expect(log.some((r) => r.getCell(8).value === "'@危险")).toBe(true)
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()))
    const csv = join(tempDir(), 'inj.csv')
    await library.export('csv', csv)
    expect(readFileSync(csv, 'utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    library.close()
  })
})

/** Enough CSV parsing for our own output: quoted fields with "" escapes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') (row.push(field), (field = ''))
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      ;((row = []), (field = ''), i++)
    } else field += ch
  }
  return rows
}

describe('CSV and JSON export', () => {
  it('CSV: one row per verified report, numbers as written, with a BOM', async () => {
    const library = await reviewedLibrary()
    const path = join(tempDir(), 'out.csv')
    expect(await library.export('csv', path)).toBe(3)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('\ufeff')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(rows.length).toBe(3)
    const columns = summaryColumns()
    expect(header.length).toBe(8 + columns.length + 4)
    expect(header.slice(-4)).toEqual(['提取单元格数', '人工填写单元格数', 'OCR 识别单元格数', '已确认（需核对）单元格数'])
    for (const row of rows) {
      const report = library.listReports().find((r) => r.fileName === row[6 + columns.length])!
      const detail = library.getReport(report.id)
      expect(row[3]).toBe('已核验')
      // where the values came from: typed cells are the corrected ones, the rest extracted, none by OCR yet
      const cells = Object.values(detail.cells)
      const typed = cells.filter((c) => c.corrected).length
      expect(row.slice(-4)).toEqual([String(cells.length - typed), String(typed), '0', '0'])
      columns.forEach((c, i) => {
        const cell = detail.cells[c.key]
        expect(row[6 + i]).toBe(cell ? (cell.value !== null ? String(cell.value) : cell.raw) : '')
      })
    }
    library.close()
  })

  it('JSON: one report-desk/report@1 file per report, named after the imported file', async () => {
    const library = await reviewedLibrary()
    const folder = join(tempDir(), 'json')
    expect(await library.export('json', folder, { all: true })).toBe(5)
    const files = readdirSync(folder).sort()
    expect(files).toEqual(
      library
        .listReports()
        .map((r) => r.fileName.replace(/\.txt$/, '.json'))
        .sort()
    )
    const json = JSON.parse(readFileSync(join(folder, '000_445a8fa4a95c6cf5.json'), 'utf8'))
    expect(json.schema).toBe('report-desk/report@1')
    expect(json.source).toMatchObject({ name: '000_445a8fa4a95c6cf5.txt', format: 'txt' })
    expect(json.meta).toEqual({ agency: '益阳市应急管理局', year: 2022, template: '2021' })
    expect(json.cells['active.fees.amount']).toMatchObject({ value: 12.35, raw: '12.35', review: false })
    expect(json.review).toMatchObject({ status: 'verified', verifiedBy: '张三', corrected: ['active.fees.amount'] })
    expect(Array.isArray(json.findings)).toBe(true)
    const detail = library.getReport(1)
    for (const [key, cell] of Object.entries(detail.cells)) expect(json.cells[key].value).toBe(cell.value)
    library.close()
  })
})

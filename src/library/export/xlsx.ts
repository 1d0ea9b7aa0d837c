// The XLSX export: 汇总 (one row per report, every cell as a number), 申请情况 / 主动公开 / 复议诉讼
// (long form), 问题清单 (findings) and 核验记录 (the edit log), all written side by side in one pass
// over the reports, each report's cells read once; then 分析 (the statistics, analysis-sheet.ts). Numbers are numbers, blank stays blank, "/" stays
// text. Assembled into a temporary file and renamed at the end: a crash never leaves half a workbook.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableOf, type TableName, type TemplateId } from '../../core/template'
import { STATUS_LABELS, type ReportStatus } from '../../shared/types'
import type { Db } from '../db'
import { writeWhole } from '../write-whole'
import {
  bySummaryColumn,
  cellOrigins,
  exportCells,
  exportReports,
  ORIGIN_HEADERS,
  reportEdits,
  reportIssues,
  templateCell,
  type ExportCell,
  type CellOrigins,
  type ExportOptions,
  type ExportReport
} from './data'
import { cellLabels, FAULT_LABELS, FINDING_STATUS_LABELS, summaryColumns, targetLabel } from './labels'
import { neutralise } from './safe-text'
import { ExcelDate, WorkbookWriter, type CellValue, type SheetWriter } from './workbook'
import { ruleName } from '../../core/validate/rule-names'
import { STAGING_PREFIX } from '../leftovers'
import { libraryStats } from '../stats'
import { writeAnalysisSheet } from './analysis-sheet'

/** Excel holds 1,048,576 rows a sheet; a longer long-form sheet continues on the next. */
export const ROWS_PER_SHEET = 1_000_000
/** At most this many reports between two progress reports. */
const MAX_REPORTS_PER_PROGRESS = 50

const text = (s: string | null | undefined): string | null => (s ? neutralise(s) : null)
const statusLabel = (s: string | null): string | null => (s ? (STATUS_LABELS[s as ReportStatus] ?? s) : null)

/** A number stays a number; a cell holding no number keeps its text ("/"); blank stays blank. */
function cellValue(c: ExportCell | undefined): CellValue {
  if (!c) return null
  if (c.value !== null) return c.value
  return text(c.raw)
}

export async function writeXlsx(db: Db, path: string, options: ExportOptions = {}, rowsPerSheet = ROWS_PER_SHEET): Promise<number> {
  const reports = exportReports(db, options)
  // The pid in the name tells a later start whether anyone still writes into it (leftovers.ts).
  const staging = mkdtempSync(join(tmpdir(), `${STAGING_PREFIX}${process.pid}-`))
  const workbook = new WorkbookWriter(staging, '年报核验台')
  try {
    const summary = new SummarySheet(workbook)
    const longForm = new LongFormSheets(workbook, rowsPerSheet)
    const findings = new FindingsSheet(workbook)
    const edits = new EditsSheet(workbook)
    // About every 1 %, so that the progress bar moves on a small library too.
    const progressEvery = Math.max(1, Math.min(MAX_REPORTS_PER_PROGRESS, Math.ceil(reports.length / 100)))
    for (let i = 0; i < reports.length; i++) {
      const r = reports[i]
      const cells = exportCells(db, r.id, r)
      summary.add(r, cells, cellOrigins(db, r.id))
      longForm.add(r, cells)
      findings.add(db, r)
      edits.add(db, r)
      if ((i + 1) % progressEvery === 0) options.onProgress?.((i + 1) / reports.length)
      // zlib works on its own threads but takes each next chunk from this one: a turn of the event
      // loop after every report keeps it busy (and the app answering), and a long backlog waits.
      await workbook.settle()
      await new Promise((resolve) => setImmediate(resolve))
    }
    // Over the same reports as the rest of the workbook (verified only unless all), in the same snapshot.
    writeAnalysisSheet(workbook, libraryStats(db, { all: options.all }))
    await writeWhole(path, (temp) => workbook.commit(temp))
  } catch (e) {
    workbook.abort()
    throw e
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  options.onProgress?.(1)
  return reports.length
}

const META_HEADERS = ['机关', '年度', '模板', '状态', '核验人']

class SummarySheet {
  private readonly columns = summaryColumns()
  private readonly sheet: SheetWriter

  constructor(workbook: WorkbookWriter) {
    const columns = this.columns
    this.sheet = workbook.addSheet('汇总', {
      widths: [28, 6, 6, 8, 10, ...columns.map(() => 11), 36, ...ORIGIN_HEADERS.map(() => 12)],
      frozen: { rows: 3, columns: 1 }
    })
    const ws = this.sheet
    // Three header rows (table / row / column), with the runs of equal labels merged.
    const blank = META_HEADERS.map(() => '')
    // After the file name: where the values came from (extracted / typed / OCR).
    const origins = ORIGIN_HEADERS.map(() => '')
    ws.row([...META_HEADERS, ...columns.map((c) => c.table), '文件名', ...ORIGIN_HEADERS], 'header')
    ws.row([...blank, ...columns.map((c) => c.row), '', ...origins], 'header')
    ws.row([...blank, ...columns.map((c) => c.column), '', ...origins], 'header')
    const last = META_HEADERS.length + columns.length + 1
    for (let c = 1; c <= META_HEADERS.length; c++) ws.merge(1, c, 3, c)
    for (let c = last; c <= last + ORIGIN_HEADERS.length; c++) ws.merge(1, c, 3, c)
    mergeRuns(
      ws,
      1,
      META_HEADERS.length + 1,
      columns.map((c) => c.table)
    )
    mergeRuns(
      ws,
      2,
      META_HEADERS.length + 1,
      columns.map((c) => `${c.table}|${c.row}`)
    )
  }

  add(r: ExportReport, cells: ExportCell[], origins: CellOrigins): void {
    this.sheet.row([
      text(r.agency),
      r.year,
      templateCell(r),
      statusLabel(r.status),
      text(r.verifiedBy),
      ...bySummaryColumn(cells).map(cellValue),
      text(r.fileName),
      origins.extracted,
      origins.typed,
      origins.ocr
    ])
  }
}

/** A flagged cell's state in words: 需核对, and 已确认 with who and when once a reviewer confirmed it. */
function checkNote(c: Pick<ExportCell, 'review' | 'confirmed'>): string | null {
  if (!c.review) return null
  return c.confirmed ? `需核对，已确认（${text(c.confirmed.by)} ${c.confirmed.at.slice(0, 16).replace('T', ' ')}）` : '需核对，未确认'
}

/** Merges each run of equal labels in a header row (table titles, row labels). */
function mergeRuns(ws: SheetWriter, row: number, firstColumn: number, labels: string[]): void {
  let start = 0
  for (let i = 1; i <= labels.length; i++) {
    if (i < labels.length && labels[i] === labels[start]) continue
    if (i - start > 1) ws.merge(row, firstColumn + start, row, firstColumn + i - 1)
    start = i
  }
}

// 核对: a cell the engine flagged (需核对), and a reviewer's 确认 of it (who, when); last, so the
// columns before it keep their places.
const LONG_HEADERS = ['机关', '年度', '行', '列', '数值', '原文', '人工更正', '文件名', '核对']
const LONG_WIDTHS = [28, 6, 46, 26, 10, 10, 9, 36, 34]
const LONG_SHEETS: Record<TableName, string> = { requests: '申请情况', active: '主动公开', appeals: '复议诉讼' }

interface CellLabels {
  row: CellValue
  column: CellValue
}

/** The three tables in long form, one row per cell; a sheet continues on another past ROWS_PER_SHEET rows. */
class LongFormSheets {
  private readonly sheets = new Map<TableName, SheetWriter>()
  private readonly parts = new Map<TableName, number>()
  /** Row and column labels by template and form position, as shared texts: every row repeats them. */
  private readonly labels = new Map<TemplateId | null, CellLabels[]>()
  private readonly corrected: CellValue

  constructor(
    private readonly workbook: WorkbookWriter,
    private readonly rowsPerSheet: number
  ) {
    for (const table of Object.keys(LONG_SHEETS) as TableName[]) this.sheets.set(table, this.open(LONG_SHEETS[table]))
    this.corrected = workbook.shared('是')
  }

  add(r: ExportReport, cells: ExportCell[]): void {
    const agency = this.workbook.shared(text(r.agency))
    const file = this.workbook.shared(text(r.fileName))
    const labels = this.labelsFor(r.template)
    for (const c of cells) {
      const table = tableOf(c.key)
      const sheet = this.sheetFor(table)
      if (!sheet) continue
      const { row, column } = c.position >= 0 ? labels[c.position] : cellLabels(c.key, r.template)
      sheet.row([agency, r.year, row, column, c.value, text(c.raw), c.corrected ? this.corrected : null, file, checkNote(c)])
    }
  }

  private sheetFor(table: TableName): SheetWriter | undefined {
    const sheet = this.sheets.get(table)
    if (!sheet || sheet.rows <= this.rowsPerSheet) return sheet
    const part = (this.parts.get(table) ?? 0) + 1
    this.parts.set(table, part)
    const next = this.open(`${LONG_SHEETS[table]}（续${part}）`, sheet)
    this.sheets.set(table, next)
    return next
  }

  private labelsFor(template: TemplateId | null): CellLabels[] {
    let labels = this.labels.get(template)
    if (!labels) {
      labels = summaryColumns().map((c) => {
        const { row, column } = cellLabels(c.key, template)
        return { row: this.workbook.shared(row), column: this.workbook.shared(column) }
      })
      this.labels.set(template, labels)
    }
    return labels
  }

  private open(name: string, after?: SheetWriter): SheetWriter {
    const sheet = this.workbook.addSheet(name, { widths: LONG_WIDTHS, frozen: { rows: 1 }, autoFilter: true }, after)
    sheet.row(LONG_HEADERS, 'header')
    return sheet
  }
}

// The rule and the cells in words; their keys stay in the last two columns, hidden (for filtering by machine).
const FINDING_HEADERS = [
  '机关',
  '年度',
  '状态',
  '规则',
  '说明',
  '涉及单元格',
  '可能原因',
  '接受说明',
  '接受人',
  '接受时间',
  '报告状态',
  '文件名',
  '规则编号',
  '单元格编号'
]
const FINDING_WIDTHS = [28, 6, 9, 30, 70, 60, 12, 30, 10, 20, 8, 36, 24, 40]
const FINDING_HIDDEN = [13, 14]

class FindingsSheet {
  private readonly sheet: SheetWriter

  constructor(workbook: WorkbookWriter) {
    this.sheet = workbook.addSheet('问题清单', { widths: FINDING_WIDTHS, frozen: { rows: 1 }, autoFilter: true, hidden: FINDING_HIDDEN })
    this.sheet.row(FINDING_HEADERS, 'header')
  }

  add(db: Db, r: ExportReport): void {
    for (const f of reportIssues(db, r.id)) {
      this.sheet.row([
        text(r.agency),
        r.year,
        FINDING_STATUS_LABELS[f.status] ?? f.status,
        ruleName(f.rule),
        text(f.message),
        f.cells.map((k) => targetLabel(k, r.template)).join('；'),
        f.fault ? FAULT_LABELS[f.fault] : null,
        text(f.accepted?.comment),
        text(f.accepted?.by),
        f.accepted?.at ? new ExcelDate(f.accepted.at) : null,
        statusLabel(r.status),
        text(r.fileName),
        f.rule,
        f.cells.join(', ')
      ])
    }
  }
}

const EDIT_HEADERS = ['机关', '年度', '修改对象', '单元格', '原值', '新值', '核验人', '原因', '时间', '文件名']
const EDIT_WIDTHS = [28, 6, 60, 36, 10, 10, 10, 30, 22, 36]

class EditsSheet {
  private readonly sheet: SheetWriter

  constructor(workbook: WorkbookWriter) {
    this.sheet = workbook.addSheet('核验记录', { widths: EDIT_WIDTHS, frozen: { rows: 1 }, autoFilter: true })
    this.sheet.row(EDIT_HEADERS, 'header')
  }

  add(db: Db, r: ExportReport): void {
    for (const e of reportEdits(db, r.id)) {
      const isStatus = e.target === 'status'
      this.sheet.row([
        text(r.agency),
        r.year,
        targetLabel(e.target, r.template),
        e.target,
        text(isStatus ? statusLabel(e.oldRaw) : e.oldRaw),
        text(isStatus ? statusLabel(e.newRaw) : e.newRaw),
        text(e.reviewer),
        text(e.reason),
        new ExcelDate(e.at),
        text(r.fileName)
      ])
    }
  }
}

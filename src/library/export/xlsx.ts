// The XLSX export (exceljs streaming writer, so a large library never sits in memory):
// 汇总 (one row per report, every cell as a number), 申请情况 / 主动公开 / 复议诉讼 (long form),
// 问题清单 (findings) and 核验记录 (the edit log). Numbers are numbers, blank stays blank, "/" stays text.
// Written to a temporary file and renamed at the end: a crash never leaves half a workbook.

import ExcelJS from 'exceljs'
import { renameSync, rmSync } from 'node:fs'
import type { TableName } from '../../core/template'
import { STATUS_LABELS, type ReportStatus } from '../../shared/types'
import type { Db } from '../db'
import { exportCells, exportReports, reportEdits, reportFindings, type ExportCell, type ExportOptions, type ExportReport } from './data'
import { cellLabels, FAULT_LABELS, FINDING_STATUS_LABELS, summaryColumns, targetLabel } from './labels'
import { neutralise } from './safe-text'

type Value = string | number | null
type Sheet = ExcelJS.Worksheet

/** Excel holds 1,048,576 rows a sheet; a longer long-form sheet continues on the next. */
export const ROWS_PER_SHEET = 1_000_000

// Shared style objects: exceljs reuses a style it has seen (by identity), which keeps big exports fast.
const PLAIN: Partial<ExcelJS.Style> = {}
const HEADER: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF9AA8B5' } } }
}

const text = (s: string | null | undefined): Value => (s ? neutralise(s) : null)
const statusLabel = (s: string | null): string | null => (s ? (STATUS_LABELS[s as ReportStatus] ?? s) : null)

/** A number stays a number; a cell holding no number keeps its text ("/"); blank stays blank. */
function cellValue(c: ExportCell | undefined): Value {
  if (!c) return null
  if (c.value !== null) return c.value
  return text(c.raw)
}

function addRow(ws: Sheet, values: Value[], style = PLAIN, commit = true): ExcelJS.Row {
  const row = ws.addRow(values)
  // A row gets a fresh style object each, which exceljs would look up one by one: share one instead.
  ;(row as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = PLAIN
  row.eachCell((cell) => {
    cell.style = style
  })
  if (commit) row.commit()
  return row
}

class Progress {
  private done = 0
  private lastYield = 0
  constructor(
    private readonly total: number,
    private readonly report?: (share: number) => void
  ) {}
  async step(): Promise<void> {
    this.done++
    // Let the writer drain and the app breathe now and then.
    if (this.done - this.lastYield >= 100) {
      this.lastYield = this.done
      this.report?.(this.total ? this.done / this.total : 1)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
}

export async function writeXlsx(db: Db, path: string, options: ExportOptions = {}): Promise<number> {
  const reports = exportReports(db, options)
  const temp = `${path}.partial-${process.pid}`
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: true })
  workbook.creator = '年报核验台'
  const progress = new Progress(reports.length * 6, options.onProgress)
  try {
    await summarySheet(workbook, db, reports, progress)
    await longFormSheets(workbook, db, reports, 'requests', '申请情况', progress)
    await longFormSheets(workbook, db, reports, 'active', '主动公开', progress)
    await longFormSheets(workbook, db, reports, 'appeals', '复议诉讼', progress)
    await findingsSheet(workbook, db, reports, progress)
    await editsSheet(workbook, db, reports, progress)
    await workbook.commit()
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
  options.onProgress?.(1)
  return reports.length
}

const META_HEADERS = ['机关', '年度', '模板', '状态', '核验人']

async function summarySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Db, reports: ExportReport[], progress: Progress): Promise<void> {
  const columns = summaryColumns()
  const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] })
  ws.columns = [28, 6, 6, 8, 10, ...columns.map(() => 11), 36].map((width) => ({ width }))
  const last = META_HEADERS.length + columns.length + 1
  // Three header rows (table / row / column); merged before they are committed.
  const blank = META_HEADERS.map(() => '')
  addRow(ws, [...META_HEADERS, ...columns.map((c) => c.table), '文件名'], HEADER, false)
  addRow(ws, [...blank, ...columns.map((c) => c.row), ''], HEADER, false)
  const third = addRow(ws, [...blank, ...columns.map((c) => c.column), ''], HEADER, false)
  for (let c = 1; c <= META_HEADERS.length; c++) ws.mergeCells(1, c, 3, c)
  ws.mergeCells(1, last, 3, last)
  mergeRuns(ws, 1, META_HEADERS.length + 1, columns.map((c) => c.table))
  mergeRuns(ws, 2, META_HEADERS.length + 1, columns.map((c) => `${c.table}|${c.row}`))
  third.commit()
  for (const r of reports) {
    const cells = new Map(exportCells(db, r.id).map((c) => [c.key, c]))
    addRow(ws, [
      text(r.agency),
      r.year,
      r.template,
      statusLabel(r.status),
      text(r.verifiedBy),
      ...columns.map((c) => cellValue(cells.get(c.key))),
      text(r.fileName)
    ])
    await progress.step()
  }
  ws.commit()
}

/** Merges each run of equal labels in a header row (table titles, row labels). */
function mergeRuns(ws: Sheet, row: number, firstColumn: number, labels: string[]): void {
  let start = 0
  for (let i = 1; i <= labels.length; i++) {
    if (i < labels.length && labels[i] === labels[start]) continue
    if (i - start > 1) ws.mergeCells(row, firstColumn + start, row, firstColumn + i - 1)
    start = i
  }
}

const LONG_HEADERS = ['机关', '年度', '行', '列', '数值', '原文', '人工更正', '文件名']
const LONG_WIDTHS = [28, 6, 46, 26, 10, 10, 9, 36]

function longFormSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string): Sheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = LONG_WIDTHS.map((width) => ({ width }))
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LONG_HEADERS.length } }
  addRow(ws, LONG_HEADERS, HEADER)
  return ws
}

async function longFormSheets(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Db,
  reports: ExportReport[],
  table: TableName,
  name: string,
  progress: Progress
): Promise<void> {
  let part = 1
  let ws = longFormSheet(wb, name)
  let rows = 0
  for (const r of reports) {
    const agency = text(r.agency)
    const file = text(r.fileName)
    for (const c of exportCells(db, r.id, table)) {
      if (rows === ROWS_PER_SHEET) {
        ws.commit()
        ws = longFormSheet(wb, `${name}（续${part++}）`)
        rows = 0
      }
      const { row, column } = cellLabels(c.key, r.template)
      addRow(ws, [agency, r.year, row, column, c.value, c.raw === '' ? null : text(c.raw), c.corrected ? '是' : null, file])
      rows++
    }
    await progress.step()
  }
  ws.commit()
}

const FINDING_HEADERS = ['机关', '年度', '状态', '规则', '说明', '涉及单元格', '可能原因', '接受说明', '接受人', '接受时间', '报告状态', '文件名']
const FINDING_WIDTHS = [28, 6, 9, 24, 70, 40, 12, 30, 10, 20, 8, 36]

async function findingsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Db, reports: ExportReport[], progress: Progress): Promise<void> {
  const ws = wb.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = FINDING_WIDTHS.map((width) => ({ width }))
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_HEADERS.length } }
  addRow(ws, FINDING_HEADERS, HEADER)
  for (const r of reports) {
    for (const f of reportFindings(db, r.id)) {
      if (f.status === 'pass') continue
      addRow(ws, [
        text(r.agency),
        r.year,
        FINDING_STATUS_LABELS[f.status] ?? f.status,
        f.rule,
        text(f.message),
        f.cells.join(', '),
        f.fault ? FAULT_LABELS[f.fault] : null,
        text(f.accepted?.comment),
        text(f.accepted?.by),
        f.accepted?.at ?? null,
        statusLabel(r.status),
        text(r.fileName)
      ])
    }
    await progress.step()
  }
  ws.commit()
}

const EDIT_HEADERS = ['机关', '年度', '修改对象', '单元格', '原值', '新值', '核验人', '原因', '时间', '文件名']
const EDIT_WIDTHS = [28, 6, 60, 36, 10, 10, 10, 30, 22, 36]

async function editsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, db: Db, reports: ExportReport[], progress: Progress): Promise<void> {
  const ws = wb.addWorksheet('核验记录', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = EDIT_WIDTHS.map((width) => ({ width }))
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EDIT_HEADERS.length } }
  addRow(ws, EDIT_HEADERS, HEADER)
  for (const r of reports) {
    for (const e of reportEdits(db, r.id)) {
      const isStatus = e.target === 'status'
      addRow(ws, [
        text(r.agency),
        r.year,
        targetLabel(e.target, r.template),
        e.target,
        text(isStatus ? statusLabel(e.oldRaw) : e.oldRaw),
        text(isStatus ? statusLabel(e.newRaw) : e.newRaw),
        text(e.reviewer),
        text(e.reason),
        e.at,
        text(r.fileName)
      ])
    }
    await progress.step()
  }
  ws.commit()
}

// What the exports read: the chosen reports (verified only by default), one at a time, with their
// cells as they stand now. Reads only; the caller holds one read transaction for a consistent snapshot.

import type { Finding, ReportMeta, TableStatus } from '../../core/report'
import type { Message } from '../../core/messages'
import type { TableName, TemplateId } from '../../core/template'
import type { EditRecord, ReportStatus } from '../../shared/types'
import { sql, type Db } from '../db'
import { otherFormKeys } from '../../core/template/forms'
import { standingConfirmations } from '../review/settlement'
import { cellRows, decodeFindings, decodeIssues, effectiveCell } from '../store'
import { KEY_ORDER } from './labels'

export interface ExportOptions {
  /** Every report with its status; by default only verified ones. */
  all?: boolean
  /** Called now and then with the share done, 0…1. */
  onProgress?: (done: number) => void
}

/** What a writer is told besides the export's own options. */
export interface WriterOptions extends ExportOptions {
  /** True for a path the export must not write (the library, its -wal/-shm/-journal). */
  isLibraryFile?: (path: string) => boolean
}

export interface ExportReport {
  id: number
  fileName: string
  sha256: string
  format: string
  agency: string | null
  year: number | null
  template: TemplateId | null
  status: ReportStatus
  verifiedBy: string | null
  verifiedAt: string | null
  /** Table 三's form as a reviewer set it (table_forms), null when read as the source has it. */
  requestsForm: TemplateId | null
}

const REPORTS = `SELECT r.id, f.name AS fileName, f.sha256, f.format, r.agency, r.year, r.template, r.status,
  r.verified_by AS verifiedBy, r.verified_at AS verifiedAt,
  (SELECT t.form FROM table_forms t WHERE t.report_id = r.id AND t.table_name = 'requests') AS requestsForm
  FROM reports r JOIN files f ON f.id = r.file_id`

/** The 模板 column: the report's template, and table 三's form where a reviewer set it otherwise ("2021（表三 2019 版）"). */
export function templateCell(r: Pick<ExportReport, 'template' | 'requestsForm'>): string | null {
  if (r.requestsForm && r.requestsForm !== r.template) return `${r.template ?? '无标准表'}（表三 ${r.requestsForm} 版）`
  return r.template
}

export function exportReports(db: Db, options: ExportOptions): ExportReport[] {
  const where = options.all ? '' : " WHERE r.status = 'verified'"
  return sql(db, `${REPORTS}${where} ORDER BY r.agency_key, r.year, r.id`).all() as ExportReport[]
}

export interface ExportCell {
  key: string
  value: number | null
  raw: string
  corrected: boolean
  review: boolean
  /** A reviewer's standing 确认 of the flagged cell (who, when). */
  confirmed?: { by: string; at: string }
  /** Its column in the summary (KEY_ORDER); -1 for a key neither template knows. */
  position: number
}

type CellRow = [key: string, raw: string, value: number | null, corrected: number, review: number, by: string | null, at: string | null]

// The reviewer's value wins over the engine's; a cell that holds neither is left out; a confirmation
// counts while the cell still reads the text confirmed. Computed by SQLite and read as plain arrays:
// the export reads millions of these.
const CELLS = `SELECT c.key, coalesce(c.human_raw, c.ext_raw), CASE WHEN c.human_raw IS NULL THEN c.ext_value ELSE c.human_value END,
  c.human_raw IS NOT NULL, c.review, k.confirmed_by, k.confirmed_at
  FROM cells c LEFT JOIN confirmations k ON k.report_id = c.report_id AND k.key = c.key AND c.human_raw IS NULL AND k.raw = coalesce(c.ext_raw, '')
  WHERE coalesce(c.human_raw, c.ext_raw) IS NOT NULL AND c.report_id = ?`

/**
 * A report's current cells in the order of the official form, each table in its form: table 二 in
 * the report's template, table 三 in the form a reviewer set (store.formedCells, the slower path).
 */
export function exportCells(db: Db, reportId: number, forms?: Pick<ExportReport, 'template' | 'requestsForm'>): ExportCell[] {
  const rows = forms?.requestsForm ? formedRows(db, reportId) : (sql(db, CELLS).raw().all(reportId) as CellRow[])
  const hidden = forms?.template ? otherFormKeys('active', forms.template) : undefined
  // Rows come in key order; placing each at its form position sorts them in one pass.
  const placed: ExportCell[] = []
  const unknown: ExportCell[] = []
  for (const [key, raw, value, corrected, review, by, at] of rows) {
    if (hidden?.has(key)) continue
    const position = KEY_ORDER.get(key) ?? -1
    const flagged = corrected === 0 && review === 1
    const cell: ExportCell = { key, value, raw, corrected: corrected === 1, review: flagged, position }
    if (flagged && by !== null && at !== null) cell.confirmed = { by, at }
    if (position < 0) unknown.push(cell)
    else placed[position] = cell
  }
  const cells = placed.filter((c) => c !== undefined)
  return unknown.length ? cells.concat(unknown) : cells
}

/** The cells of a report with a table form set, in the shape the CELLS query gives. */
function formedRows(db: Db, reportId: number): CellRow[] {
  const rows = cellRows(db, reportId)
  const confirmations = standingConfirmations(db, reportId, rows)
  const out: CellRow[] = []
  for (const row of rows) {
    const cell = effectiveCell(row)
    if (!cell) continue
    const k = confirmations.get(row.key)
    out.push([row.key, cell.raw, cell.value, row.human_raw !== null ? 1 : 0, row.review, k?.by ?? null, k?.at ?? null])
  }
  return out
}

/** A report's cells by summary column (summaryColumns order); undefined where it has none. */
export function bySummaryColumn(cells: readonly ExportCell[]): (ExportCell | undefined)[] {
  const columns: (ExportCell | undefined)[] = new Array<ExportCell | undefined>(KEY_ORDER.size).fill(undefined)
  for (const c of cells) if (c.position >= 0) columns[c.position] = c
  return columns
}

export interface ReportExtras {
  tables: Record<TableName, TableStatus>
  messages: Message[]
  findings: Finding[]
  extractedMeta: ReportMeta
}

export function reportExtras(db: Db, reportId: number): ReportExtras {
  const row = sql(db, 'SELECT tables, messages, findings, extracted_meta FROM reports WHERE id = ?').get(reportId) as {
    tables: string
    messages: string
    findings: Buffer
    extracted_meta: string
  }
  return {
    tables: JSON.parse(row.tables),
    messages: JSON.parse(row.messages),
    findings: decodeFindings(row.findings),
    extractedMeta: JSON.parse(row.extracted_meta)
  }
}

/** A report's findings other than those that passed. */
export function reportIssues(db: Db, reportId: number): Finding[] {
  const row = sql(db, 'SELECT findings FROM reports WHERE id = ?').get(reportId) as { findings: Buffer }
  return decodeIssues(row.findings)
}

/** An edit-log entry as the exports show it: the app's EditRecord without its row id. */
export type ExportEdit = Omit<EditRecord, 'id'>

export function reportEdits(db: Db, reportId: number): ExportEdit[] {
  return sql(db, 'SELECT target, old_raw AS oldRaw, new_raw AS newRaw, reviewer, reason, at FROM edits WHERE report_id = ? ORDER BY id').all(
    reportId
  ) as ExportEdit[]
}

/** Where a verified report's values came from, for the record: how many cells of each origin. */
export interface CellOrigins {
  /** The engine's reading of a text layer (Word, HTML, text, a PDF's text), not corrected. */
  extracted: number
  /** Typed (or corrected) by a reviewer. */
  typed: number
  /** The engine's reading of page images by OCR, not corrected. */
  ocr: number
}

// A cell OCR read keeps that reading in cells.ocr (migration 5): the one place that tells it from a
// text-layer reading.
const ORIGINS = `SELECT
    coalesce(sum(human_raw IS NULL AND ext_raw IS NOT NULL AND ocr IS NULL), 0),
    coalesce(sum(human_raw IS NOT NULL), 0),
    coalesce(sum(human_raw IS NULL AND ext_raw IS NOT NULL AND ocr IS NOT NULL), 0)
  FROM cells WHERE report_id = ?`

export function cellOrigins(db: Db, reportId: number): CellOrigins {
  const [extracted, typed, ocr] = sql(db, ORIGINS).raw().get(reportId) as [number, number, number]
  return { extracted, typed, ocr }
}

export const ORIGIN_HEADERS = ['提取单元格数', '人工填写单元格数', 'OCR 识别单元格数']

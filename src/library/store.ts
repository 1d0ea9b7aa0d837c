// Reading reports back: rows as stored, and the report as it stands now (human values win).

import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { SourceLocation } from '../core/document'
import type { ExtractedCell, ExtractedReport, Finding, ReportMeta, TableStatus } from '../core/report'
import type { Message } from '../core/messages'
import { TABLE_NAMES, tableOf, type TableName, type TemplateId } from '../core/template'
import { deriveFormCells, otherFormKeys, type FormCell, type TableForms } from '../core/template/forms'
import type { ReportStatus, ReportSummary } from '../shared/types'
import { sql, type Db } from './db'
import { UserFacingError } from '../shared/contract'

export interface ReportRow {
  id: number
  file_id: number
  name: string
  size: number
  sha256: string
  format: string
  imported_at: string
  agency: string | null
  agency_key: string | null
  year: number | null
  template: TemplateId | null
  extracted_meta: string
  tables: string
  messages: string
  findings: Buffer
  status: ReportStatus
  open_findings: number
  verified_by: string | null
  verified_at: string | null
  extractor_version: string
  updated_at: string
  /** Only in the list query: the near-duplicates' ids, comma-separated (null when none). */
  near_duplicates?: string | null
  same_reports?: string | null
  /** The forms a reviewer set per table (table_forms, migration 10); read by reportRow. */
  forms?: TableForms
  /** Only in the list query: table 三's form as a reviewer set it. */
  requests_form?: TemplateId | null
}

export interface CellRow {
  report_id: number
  key: string
  ext_value: number | null
  ext_raw: string | null
  review: number
  review_reason: string | null
  source: string | null
  human_value: number | null
  human_raw: string | null
  conflict_raw: string | null
  /** JSON of ExtractedCell.ocr (migration 5). */
  ocr: string | null
}

export const REPORT_COLUMNS = `r.id, r.file_id, f.name, f.size, f.sha256, f.format, f.imported_at, r.agency, r.agency_key, r.year,
  r.template, r.extracted_meta, r.tables, r.messages, r.findings, r.status, r.open_findings, r.verified_by, r.verified_at,
  r.extractor_version, r.updated_at`

export function reportRow(db: Db, reportId: number): ReportRow | undefined {
  const row = sql(db, `SELECT ${REPORT_COLUMNS} FROM reports r JOIN files f ON f.id = r.file_id WHERE r.id = ?`).get(reportId) as ReportRow | undefined
  if (!row) return row
  const forms = tableFormsOf(db, reportId)
  return Object.keys(forms).length ? { ...row, forms } : row
}

/** The forms a reviewer set for the report's tables. */
export function tableFormsOf(db: Db, reportId: number): TableForms {
  const rows = sql(db, 'SELECT table_name, form FROM table_forms WHERE report_id = ?').all(reportId) as { table_name: TableName; form: TemplateId }[]
  return Object.fromEntries(rows.map((r) => [r.table_name, r.form])) as TableForms
}

/** The cells as stored: what was read and typed, in every form (merge and re-extraction work on these). */
export function storedCellRows(db: Db, reportId: number): CellRow[] {
  return sql(db, 'SELECT * FROM cells WHERE report_id = ?').all(reportId) as CellRow[]
}

/** The report's cells in the form of each table (formedCells): what every reader of a report sees. */
export function cellRows(db: Db, reportId: number): CellRow[] {
  const stored = storedCellRows(db, reportId)
  const meta = sql(db, 'SELECT template FROM reports WHERE id = ?').get(reportId) as { template: TemplateId | null } | undefined
  return formedCells(stored, { template: meta?.template ?? null, forms: tableFormsOf(db, reportId) })
}

/**
 * The cells in the form of each table: table 二 in the report's template (the other form's cells
 * hidden); table 三 in the form a reviewer set, its other form's （六） cells hidden and the missing ones
 * worked out from them, marked (deriveFormCells). Hidden cells stay stored: switching back shows them.
 */
export function formedCells(stored: readonly CellRow[], meta: { template: TemplateId | null; forms?: TableForms }): CellRow[] {
  const hidden: ReadonlySet<string>[] = []
  if (meta.template) hidden.push(otherFormKeys('active', meta.template))
  const requests = meta.forms?.requests
  if (requests) hidden.push(otherFormKeys('requests', requests))
  if (!hidden.length) return stored as CellRow[]
  const kept = stored.filter((c) => !hidden.some((h) => h.has(c.key)))
  if (!requests) return kept.length === stored.length ? (stored as CellRow[]) : kept
  // Every cell read or typed, in either form: the chosen form's own cells stand, the others are the source.
  const read = new Map<string, FormCell>()
  for (const c of stored) {
    const cell = effectiveCell(c)
    if (cell) read.set(c.key, { raw: cell.raw, value: cell.value })
  }
  const derived = deriveFormCells('requests', requests, read)
  if (!derived.length) return kept
  const derivedKeys = new Set(derived.map((d) => d.key))
  const reportId = stored[0]?.report_id ?? 0
  return [
    ...kept.filter((c) => !derivedKeys.has(c.key)),
    ...derived.map((d): CellRow => ({
      report_id: reportId,
      key: d.key,
      ext_value: d.value,
      ext_raw: d.raw,
      review: 1,
      review_reason: d.reason,
      source: null,
      human_value: null,
      human_raw: null,
      conflict_raw: null,
      ocr: null
    }))
  ]
}

/** The cell as it stands: the reviewer's value when there is one (then no longer "for review"). */
export function effectiveCell(row: CellRow): ExtractedCell | null {
  const source = row.source ? (JSON.parse(row.source) as SourceLocation) : undefined
  if (row.human_raw !== null) {
    return { value: row.human_value, raw: row.human_raw, review: false, ...(source ? { source } : {}) }
  }
  if (row.ext_raw === null) return null
  return {
    value: row.ext_value,
    raw: row.ext_raw,
    review: row.review === 1,
    ...(row.review_reason ? { reviewReason: row.review_reason } : {}),
    ...(source ? { source } : {})
  }
}

export function metaOf(row: Pick<ReportRow, 'agency' | 'year' | 'template' | 'forms'>): ReportMeta {
  const meta: ReportMeta = { agency: row.agency, year: row.year, template: row.template }
  return row.forms && Object.keys(row.forms).length ? { ...meta, forms: row.forms } : meta
}

/**
 * A table the source lacked counts as found once a reviewer typed any of its cells in by hand,
 * so its checks run over what was typed.
 */
export function effectiveTables(row: Pick<ReportRow, 'tables'>, cells: readonly CellRow[]): Record<TableName, TableStatus> {
  const tables = JSON.parse(row.tables) as Record<TableName, TableStatus>
  for (const c of cells) if (c.human_raw !== null && c.human_raw !== '') tables[tableOf(c.key)] = 'found'
  for (const t of TABLE_NAMES) tables[t] ??= 'missing'
  return tables
}

/** The report as it stands now, in the engine's model, for the checks and the exports. */
export function currentReport(row: ReportRow, cells: readonly CellRow[]): ExtractedReport {
  const out: Record<string, ExtractedCell> = {}
  for (const c of cells) {
    const cell = effectiveCell(c)
    if (cell) out[c.key] = cell
  }
  return { meta: metaOf(row), tables: effectiveTables(row, cells), cells: out, messages: JSON.parse(row.messages) as Message[] }
}

export function storedFindings(row: Pick<ReportRow, 'findings'>): Finding[] {
  return decodeFindings(row.findings)
}

/** Findings are stored deflated (see the schema). */
export function encodeFindings(findings: readonly Finding[]): Buffer {
  return deflateRawSync(JSON.stringify(findings))
}

export function decodeFindings(blob: Buffer): Finding[] {
  return JSON.parse(inflateFindings(blob).toString('utf8')) as Finding[]
}

/**
 * A report's findings are a few hundred KB at most; a library from elsewhere may hold a blob that
 * inflates to gigabytes (a deflate bomb), which would take the whole process down. Bounded, and
 * a blob that is not findings is a clear error about that one report.
 */
export const MAX_FINDINGS_BYTES = 32 * 1024 * 1024

function inflateFindings(blob: Buffer): Buffer {
  try {
    if (!Buffer.isBuffer(blob)) throw new Error('not a blob')
    return inflateRawSync(blob, { maxOutputLength: MAX_FINDINGS_BYTES })
  } catch {
    throw new UserFacingError('report.damaged_findings', '这份报告保存的检查结果已损坏或异常庞大，无法读取（资料库可能来自他处并被改动过）。')
  }
}

const NOT_PASSED = ['"status":"fail"', '"status":"uncertain"', '"status":"not_assessable"'].map((s) => Buffer.from(s))

/**
 * The findings other than those that passed. Most reports pass every check, so the JSON is searched
 * for another status before it is parsed (it is JSON.stringify's output, as written above, and a
 * string inside it cannot hold an unescaped quote).
 */
export function decodeIssues(blob: Buffer): Finding[] {
  const json = inflateFindings(blob)
  if (!NOT_PASSED.some((status) => json.includes(status))) return []
  return (JSON.parse(json.toString('utf8')) as Finding[]).filter((f) => f.status !== 'pass')
}

/** A GROUP_CONCAT of ids (NULL when none) as numbers, ascending. */
function idList(concat: string | null): number[] {
  return concat
    ? concat
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : []
}

export function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    fileName: r.name,
    size: r.size,
    sha256: r.sha256,
    format: r.format as ReportSummary['format'],
    agency: r.agency,
    year: r.year,
    template: r.template,
    status: r.status,
    openFindings: r.open_findings,
    importedAt: r.imported_at,
    updatedAt: r.updated_at,
    ...(r.near_duplicates !== undefined ? { nearDuplicates: idList(r.near_duplicates) } : {}),
    ...(r.same_reports !== undefined ? { sameReports: idList(r.same_reports) } : {}),
    ...(r.forms && Object.keys(r.forms).length ? { forms: r.forms } : r.requests_form ? { forms: { requests: r.requests_form } } : {})
  }
}

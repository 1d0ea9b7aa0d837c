// Reading reports back: rows as stored, and the report as it stands now (human values win).

import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { SourceLocation } from '../core/document'
import type { ExtractedCell, ExtractedReport, Finding, ReportMeta, TableStatus } from '../core/report'
import type { Message } from '../core/messages'
import { TABLE_NAMES, tableOf, type TableName, type TemplateId } from '../core/template'
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
  return sql(db, `SELECT ${REPORT_COLUMNS} FROM reports r JOIN files f ON f.id = r.file_id WHERE r.id = ?`).get(reportId) as ReportRow | undefined
}

export function cellRows(db: Db, reportId: number): CellRow[] {
  return sql(db, 'SELECT * FROM cells WHERE report_id = ?').all(reportId) as CellRow[]
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

export function metaOf(row: Pick<ReportRow, 'agency' | 'year' | 'template'>): ReportMeta {
  return { agency: row.agency, year: row.year, template: row.template }
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
    ...(r.same_reports !== undefined ? { sameReports: idList(r.same_reports) } : {})
  }
}

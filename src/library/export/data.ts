// What the exports read: the chosen reports (verified only by default), one at a time, with their
// cells as they stand now. Reads only; the caller holds one read transaction for a consistent snapshot.

import type { Finding, ReportMeta, TableStatus } from '../../core/report'
import type { Message } from '../../core/messages'
import type { TableName, TemplateId } from '../../core/template'
import type { ReportStatus } from '../../shared/types'
import { sql, type Db } from '../db'
import { decodeFindings } from '../store'
import { KEY_ORDER } from './labels'

export interface ExportOptions {
  /** Every report with its status; by default only verified ones. */
  all?: boolean
  /** Called now and then with the share done, 0…1. */
  onProgress?: (done: number) => void
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
}

export interface ExportCell {
  key: string
  value: number | null
  raw: string
  corrected: boolean
  review: boolean
}

const REPORTS = `SELECT r.id, f.name AS fileName, f.sha256, f.format, r.agency, r.year, r.template, r.status,
  r.verified_by AS verifiedBy, r.verified_at AS verifiedAt
  FROM reports r JOIN files f ON f.id = r.file_id`

export function exportReports(db: Db, options: ExportOptions): ExportReport[] {
  const where = options.all ? '' : " WHERE r.status = 'verified'"
  return sql(db, `${REPORTS}${where} ORDER BY r.agency_key, r.year, r.id`).all() as ExportReport[]
}

interface RawCell {
  key: string
  ext_value: number | null
  ext_raw: string | null
  review: number
  human_value: number | null
  human_raw: string | null
}

/** A report's current cells, optionally of one table, in the order of the official form. */
export function exportCells(db: Db, reportId: number, table?: TableName): ExportCell[] {
  const rows = (
    table
      ? sql(db, 'SELECT key, ext_value, ext_raw, review, human_value, human_raw FROM cells WHERE report_id = ? AND key >= ? AND key < ?').all(
          reportId,
          `${table}.`,
          `${table}/`
        )
      : sql(db, 'SELECT key, ext_value, ext_raw, review, human_value, human_raw FROM cells WHERE report_id = ?').all(reportId)
  ) as RawCell[]
  const cells: ExportCell[] = []
  for (const r of rows) {
    const corrected = r.human_raw !== null
    const raw = corrected ? r.human_raw : r.ext_raw
    if (raw === null) continue
    cells.push({ key: r.key, value: corrected ? r.human_value : r.ext_value, raw, corrected, review: !corrected && r.review === 1 })
  }
  return cells.sort((a, b) => (KEY_ORDER.get(a.key) ?? 1e9) - (KEY_ORDER.get(b.key) ?? 1e9) || (a.key < b.key ? -1 : 1))
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

export function reportFindings(db: Db, reportId: number): Finding[] {
  const row = sql(db, 'SELECT findings FROM reports WHERE id = ?').get(reportId) as { findings: Buffer }
  return decodeFindings(row.findings)
}

export interface ExportEdit {
  target: string
  oldRaw: string | null
  newRaw: string | null
  reviewer: string
  reason: string | null
  at: string
}

export function reportEdits(db: Db, reportId: number): ExportEdit[] {
  return sql(
    db,
    'SELECT target, old_raw AS oldRaw, new_raw AS newRaw, reviewer, reason, at FROM edits WHERE report_id = ? ORDER BY id'
  ).all(reportId) as ExportEdit[]
}

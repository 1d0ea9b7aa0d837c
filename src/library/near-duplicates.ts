// Near-duplicates: two files of the same agency, year and template (a report published twice, as
// Word and as PDF, or re-issued). Both stay until a person keeps one; deleting the other is an
// explicit act, recorded with who, when, why and everything the report held.

import { UserFacingError } from '../shared/contract'
import { sql, type Db } from './db'
import { reportDetail } from './detail'
import { history, requireReport, requireReviewer } from './review/audit'
import { refreshAround } from './findings'

/** The other reports of the same agency (in its matching form), year and template. */
export function nearDuplicateIds(db: Db, reportId: number): number[] {
  const rows = sql(
    db,
    `SELECT o.id FROM reports r JOIN reports o ON o.agency_key = r.agency_key AND o.year = r.year AND o.template IS r.template AND o.id <> r.id
     WHERE r.id = ? ORDER BY o.id`
  ).all(reportId) as { id: number }[]
  return rows.map((r) => r.id)
}

/** SQL for the list: the ids of a report row r's near-duplicates, comma-separated (NULL when none). */
export const NEAR_DUPLICATE_IDS = `(SELECT GROUP_CONCAT(o.id) FROM reports o WHERE o.agency_key = r.agency_key AND o.year = r.year
  AND o.template IS r.template AND o.id <> r.id)`

/** Deletes a report and its file, keeping a record (with a snapshot) in deleted_reports. */
export function deleteReport(db: Db, reportId: number, reason: string): void {
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    const why = typeof reason === 'string' ? reason.trim().slice(0, 500) : ''
    if (!why) throw new UserFacingError('delete.no_reason', '请写明删除原因，如“与另一份重复，保留已核验的那份”')
    const snapshot = JSON.stringify({ report: reportDetail(db, reportId), history: history(db, reportId) })
    sql(
      db,
      `INSERT INTO deleted_reports (sha256, file_name, agency, year, status, deleted_by, reason, deleted_at, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(row.sha256, row.name, row.agency, row.year, row.status, reviewer, why, new Date().toISOString(), snapshot)
    // The file row goes too (its bytes, report, cells, trail and acceptances follow by cascade), so
    // the same file can be imported again later.
    sql(db, 'DELETE FROM files WHERE id = ?').run(row.file_id)
    // Next year's report of the agency read this one for its carry-over check.
    refreshAround(db, reportId, [{ agency_key: row.agency_key, year: row.year }])
  })()
}

export interface DeletedReport {
  fileName: string
  agency: string | null
  year: number | null
  status: string
  deletedBy: string
  reason: string
  deletedAt: string
}

export function deletedReports(db: Db): DeletedReport[] {
  return (
    sql(db, 'SELECT file_name, agency, year, status, deleted_by, reason, deleted_at FROM deleted_reports ORDER BY id').all() as {
      file_name: string
      agency: string | null
      year: number | null
      status: string
      deleted_by: string
      reason: string
      deleted_at: string
    }[]
  ).map((r) => ({ fileName: r.file_name, agency: r.agency, year: r.year, status: r.status, deletedBy: r.deleted_by, reason: r.reason, deletedAt: r.deleted_at }))
}

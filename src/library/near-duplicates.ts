// Near-duplicates: two files of the same agency, year and template (a report published twice, as
// Word and as PDF, or re-issued). Both stay until a person keeps one; deleting the other is an
// explicit act, recorded with who, when, why and everything the report held.

import { UserFacingError } from '../shared/contract'
import { sql, type Db } from './db'
import { reportDetail } from './detail'
import { history, recordEdit, requireReport, requireReviewer } from './review/audit'
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

/** SQL for the list: the reports recorded as the same report as row r, comma-separated (NULL when none). */
export const SAME_REPORT_IDS = `(SELECT GROUP_CONCAT(CASE WHEN s.low_id = r.id THEN s.high_id ELSE s.low_id END) FROM same_reports s
  WHERE s.low_id = r.id OR s.high_id = r.id)`

/** The verified near-duplicates of a report that no one has recorded as the same report as it. */
export function unsettledVerifiedDuplicates(db: Db, reportId: number): { id: number; fileName: string }[] {
  return sql(
    db,
    `SELECT o.id, f.name AS fileName FROM reports r
       JOIN reports o ON o.agency_key = r.agency_key AND o.year = r.year AND o.template IS r.template AND o.id <> r.id
       JOIN files f ON f.id = o.file_id
     WHERE r.id = ? AND o.status = 'verified'
       AND NOT EXISTS (SELECT 1 FROM same_reports s WHERE s.low_id = min(r.id, o.id) AND s.high_id = max(r.id, o.id))
     ORDER BY o.id`
  ).all(reportId) as { id: number; fileName: string }[]
}

/**
 * The gate of 标记为已核验 for a report whose near-duplicate is already verified (issue 21: the
 * same report as .docx and .txt, both verified, was counted twice). Which one stands is the
 * reviewer's call, never a silent one: keep this one (the other is deleted first, with a reason,
 * deleteReport), keep the other (do not verify), or record that both are the same report —
 * `sameReportAs` names the reports the reviewer saw; each pair is recorded with who and when (and in
 * both reports' trails), so it is not asked again, and 统计 counts one (stats/counted.ts).
 * Refused in Chinese, naming the other report, when a verified near-duplicate is not covered.
 * Runs inside the verify's transaction, after its other checks (those are said first).
 */
export function settleVerifiedDuplicates(db: Db, reportId: number, sameReportAs: readonly number[] = []): void {
  const rivals = unsettledVerifiedDuplicates(db, reportId)
  const undecided = rivals.filter((r) => !sameReportAs.includes(r.id))
  if (undecided.length) {
    const named = undecided.map((r) => `#${r.id}（${r.fileName}）`).join('、')
    throw new UserFacingError(
      'verify.near_duplicate',
      `同一机关、年度与表样的报告 ${named}已核验。请先选择保留哪一份（另一份删除），或记录两份为同一报告，再标记为已核验。`
    )
  }
  if (!rivals.length) return
  const reviewer = requireReviewer(db)
  const at = new Date().toISOString()
  const self = requireReport(db, reportId)
  const record = sql(db, 'INSERT OR IGNORE INTO same_reports (low_id, high_id, decided_by, decided_at) VALUES (?, ?, ?, ?)')
  for (const other of rivals) {
    record.run(Math.min(reportId, other.id), Math.max(reportId, other.id), reviewer, at)
    const trail = (id: number, otherId: number, otherName: string): void =>
      recordEdit(db, {
        reportId: id,
        target: 'duplicate',
        oldRaw: null,
        newRaw: `#${otherId}`,
        reviewer,
        reason: `与报告 #${otherId}（${otherName}）记为同一报告，统计只计一份`,
        at
      })
    trail(reportId, other.id, other.fileName)
    trail(other.id, reportId, self.name)
  }
}

/** The pairs recorded as the same report, oldest first. */
export function sameReportPairs(db: Db): { reportIds: [number, number]; decidedBy: string; decidedAt: string }[] {
  return (
    sql(db, 'SELECT low_id, high_id, decided_by, decided_at FROM same_reports ORDER BY decided_at, low_id, high_id').all() as {
      low_id: number
      high_id: number
      decided_by: string
      decided_at: string
    }[]
  ).map((r) => ({ reportIds: [r.low_id, r.high_id], decidedBy: r.decided_by, decidedAt: r.decided_at }))
}

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
  ).map((r) => ({
    fileName: r.file_name,
    agency: r.agency,
    year: r.year,
    status: r.status,
    deletedBy: r.deleted_by,
    reason: r.reason,
    deletedAt: r.deleted_at
  }))
}

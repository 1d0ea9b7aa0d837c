// The audit primitives every review act stands on: who the reviewer is, which report, the trail
// (old, new, who, when, why), and reopening a verified report that an act changes.

import { UserFacingError } from '../../shared/contract'
import type { EditRecord, ReportStatus, Settings } from '../../shared/types'
import { sql, type Db } from '../db'
import { reportRow, type ReportRow } from '../store'

export const REVIEWER_KEY = 'reviewer'

/** One entry of the audit trail as an act states it; the envelope adds report, reviewer and time. */
export type TrailEntry = Pick<EditRecord, 'target' | 'oldRaw' | 'newRaw' | 'reason'>

export function getSettings(db: Db): Settings {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(REVIEWER_KEY) as { value: string | null } | undefined
  return { reviewer: row?.value || null }
}

export function setReviewer(db: Db, name: string): Settings {
  const reviewer = String(name ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!reviewer) throw new UserFacingError('settings.reviewer_empty', '核验人姓名不能为空')
  if (reviewer.length > 40) throw new UserFacingError('settings.reviewer_long', '核验人姓名过长（最多 40 个字）')
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(REVIEWER_KEY, reviewer)
  return { reviewer }
}

export function requireReviewer(db: Db): string {
  const reviewer = getSettings(db).reviewer
  if (!reviewer) throw new UserFacingError('settings.no_reviewer', '请先设置核验人姓名')
  return reviewer
}

export function requireReport(db: Db, reportId: number): ReportRow {
  const row = Number.isInteger(reportId) ? reportRow(db, reportId) : undefined
  if (!row) throw new UserFacingError('report.not_found', '找不到该报告，可能已被删除')
  return row
}

export function recordEdit(db: Db, e: Omit<EditRecord, 'id'> & { reportId: number }): void {
  sql(db, 'INSERT INTO edits (report_id, target, old_raw, new_raw, reviewer, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.reportId,
    e.target,
    e.oldRaw,
    e.newRaw,
    e.reviewer,
    e.reason,
    e.at
  )
}

/** A reviewer's optional reason, trimmed and bounded; null when empty. */
export function cleanReason(reason: string | undefined): string | null {
  const r = typeof reason === 'string' ? reason.trim() : ''
  return r ? r.slice(0, 500) : null
}

/** A comment an act requires (原文无此表, 原文空白, 原文未载明), trimmed and bounded. */
export function requireComment(comment: unknown, example: string): string {
  const text = typeof comment === 'string' ? comment.trim() : ''
  if (!text) throw new UserFacingError('mark.no_comment', `请填写说明，如“${example}”`)
  return text.slice(0, 500)
}

/** Before an edit of a verified report: clear the verification; after the checks re-ran, record the new status. */
export function reopenIfVerified(db: Db, row: ReportRow): (() => void) | null {
  if (row.status !== 'verified') return null
  sql(db, "UPDATE reports SET status = 'pending', verified_by = NULL, verified_at = NULL WHERE id = ?").run(row.id)
  return () => {
    const { status } = sql(db, 'SELECT status FROM reports WHERE id = ?').get(row.id) as { status: ReportStatus }
    recordEdit(db, {
      reportId: row.id,
      target: 'status',
      oldRaw: 'verified',
      newRaw: status,
      reviewer: requireReviewer(db),
      reason: '核验后又有修改，重新打开',
      at: new Date().toISOString()
    })
  }
}

export function history(db: Db, reportId: number, target?: string): EditRecord[] {
  const rows = (
    target === undefined
      ? sql(db, 'SELECT * FROM edits WHERE report_id = ? ORDER BY id').all(reportId)
      : sql(db, 'SELECT * FROM edits WHERE report_id = ? AND target = ? ORDER BY id').all(reportId, target)
  ) as { id: number; target: string; old_raw: string | null; new_raw: string | null; reviewer: string; reason: string | null; at: string }[]
  return rows.map((r) => ({ id: r.id, target: r.target, oldRaw: r.old_raw, newRaw: r.new_raw, reviewer: r.reviewer, reason: r.reason, at: r.at }))
}

// 确认: the reviewer has looked at a cell the engine flagged (需核对) and the original says what was
// read. Recorded with who, when and the text confirmed; a doubt about a row (its label, how its
// digits split) is confirmed for the row's flagged cells in one act.

import { doubtOfCell } from '../../core/validate'
import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { checkReport } from '../findings'
import { reviewerAct } from './act'
import { CONFIRMED_CELL } from './settlement'

/** Confirms the doubt the cell belongs to; returns how many cells it settled (0 when already confirmed). */
export function confirmCell(db: Db, reportId: number, key: string): number {
  return reviewerAct(db, reportId, ({ reviewer, at }) => {
    if (typeof key !== 'string') throw new UserFacingError('confirm.bad_args', '确认参数无效')
    const checked = checkReport(db, reportId)!
    const doubt = doubtOfCell(checked.report, key)
    if (!doubt) throw new UserFacingError('confirm.not_flagged', '该单元格没有“需核对”标记，无需确认')
    const standing = new Set(checked.settlement.confirmedFlags)
    const keys = doubt.keys.filter((k) => !standing.has(k))
    if (!keys.length) return null
    const reason = `需核对：${doubt.reason || '提取时有推断'}`
    return {
      trail: keys.map((k) => ({ target: k, oldRaw: checked.report.cells[k].raw, newRaw: CONFIRMED_CELL, reason })),
      write: () => {
        for (const k of keys) {
          sql(
            db,
            `INSERT INTO confirmations (report_id, key, raw, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(report_id, key) DO UPDATE SET raw = excluded.raw, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`
          ).run(reportId, k, checked.report.cells[k].raw, reviewer, at)
        }
      }
    }
  })
}

/** Another library's confirmations of a report, copied as marks are (ours kept where both have one). */
export function copyConfirmations(db: Db, other: Db, fromId: number, toId: number): void {
  const has = other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'confirmations'").get()
  if (!has) return
  const rows = other.prepare('SELECT key, raw, confirmed_by, confirmed_at FROM confirmations WHERE report_id = ?').all(fromId) as {
    key: string
    raw: string
    confirmed_by: string
    confirmed_at: string
  }[]
  for (const c of rows) {
    sql(db, 'INSERT INTO confirmations (report_id, key, raw, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(report_id, key) DO NOTHING').run(
      toId,
      c.key,
      c.raw,
      c.confirmed_by,
      c.confirmed_at
    )
  }
}

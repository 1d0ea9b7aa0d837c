// Correcting a cell: the typed text parsed as the cell's type, recorded with old and new value.

import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { cellTypeFor, parseReviewerText } from '../reviewer-text'
import type { CellRow } from '../store'
import { reviewerAct } from './act'
import { cleanReason } from './audit'
import { dropMarksFor } from './marks'

export function editCell(db: Db, reportId: number, key: string, text: string, reason?: string): void {
  reviewerAct(db, reportId, ({ row }) => {
    if (typeof key !== 'string' || typeof text !== 'string') throw new UserFacingError('edit.bad_args', '修改参数无效')
    const cell = sql(db, 'SELECT * FROM cells WHERE report_id = ? AND key = ?').get(reportId, key) as CellRow | undefined
    const type = cellTypeFor(key, row.template)
    if (!type) throw new UserFacingError('edit.unknown_cell', `未知的单元格：${key}`)
    const entry = parseReviewerText(text, type)
    const currentRaw = cell ? (cell.human_raw ?? cell.ext_raw) : null
    if (entry.raw === (currentRaw ?? '')) {
      // Typing the same value again confirms it against a newer extraction.
      if (cell?.conflict_raw != null) sql(db, 'UPDATE cells SET conflict_raw = NULL WHERE report_id = ? AND key = ?').run(reportId, key)
      return null
    }
    return {
      trail: [{ target: key, oldRaw: currentRaw, newRaw: entry.raw, reason: cleanReason(reason) }],
      write: () => {
        dropMarksFor(db, reportId, key, entry.raw !== '')
        if (!cell) {
          sql(db, 'INSERT INTO cells (report_id, key, human_value, human_raw) VALUES (?, ?, ?, ?)').run(reportId, key, entry.value, entry.raw)
        } else if (cell.ext_raw !== null && entry.raw === cell.ext_raw) {
          // Back to exactly what was extracted (an undo): the cell is no longer a correction.
          sql(db, 'UPDATE cells SET human_value = NULL, human_raw = NULL, conflict_raw = NULL WHERE report_id = ? AND key = ?').run(reportId, key)
        } else {
          sql(db, 'UPDATE cells SET human_value = ?, human_raw = ?, conflict_raw = NULL WHERE report_id = ? AND key = ?').run(
            entry.value,
            entry.raw,
            reportId,
            key
          )
        }
      }
    }
  })
}

// Accepting a failing or doubtful finding as the report's own error ("原文如此，已核对"): the
// acceptance (comment, who, when) is its record; the report's values and status stay as they are.

import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { checkReport } from '../findings'
import { reviewerAct } from './act'
import { instanceOf } from './settlement'

export function acceptFinding(db: Db, reportId: number, rule: string, cells: string[], comment: string): void {
  reviewerAct(db, reportId, ({ reviewer, at }) => {
    const text = typeof comment === 'string' ? comment.trim() : ''
    if (!text) throw new UserFacingError('accept.no_comment', '请填写接受说明，如“原文如此，已核对”')
    if (!Array.isArray(cells) || cells.some((c) => typeof c !== 'string')) throw new UserFacingError('accept.bad_args', '接受参数无效')
    const instance = instanceOf(cells)
    const checked = checkReport(db, reportId)
    const finding = checked?.findings.find((f) => f.rule === rule && instanceOf(f.cells) === instance)
    if (!finding || (finding.status !== 'fail' && finding.status !== 'uncertain')) {
      throw new UserFacingError('accept.not_found', '该问题已不存在（可能已因修改而解决），请刷新后再试')
    }
    return {
      trail: [],
      keepsVerified: true,
      write: () =>
        sql(
          db,
          `INSERT INTO acceptances (report_id, rule, instance, comment, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(report_id, rule, instance) DO UPDATE SET comment = excluded.comment, accepted_by = excluded.accepted_by,
             accepted_at = excluded.accepted_at`
        ).run(reportId, rule, instance, text.slice(0, 500), reviewer, at)
    }
  })
}

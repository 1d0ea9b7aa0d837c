// 标记为已核验: refused while anything is open (see core/validate/open.ts), naming what and what to do.

import { openSummary } from '../../core/validate'
import { UserFacingError } from '../../shared/contract'
import { openReason } from '../../shared/open-items'
import { sql, type Db } from '../db'
import { checkReport } from '../findings'
import { reviewerAct } from './act'

export function verifyReport(db: Db, reportId: number): void {
  reviewerAct(db, reportId, ({ row, reviewer, at }) => {
    if (row.status === 'verified') return null
    const checked = checkReport(db, reportId)
    const reason = checked ? openReason(openSummary(checked.report, checked.findings, checked.settlement)) : null
    if (reason) throw new UserFacingError('verify.open_findings', reason)
    return {
      trail: [{ target: 'status', oldRaw: row.status, newRaw: 'verified', reason: null }],
      write: () => sql(db, "UPDATE reports SET status = 'verified', verified_by = ?, verified_at = ? WHERE id = ?").run(reviewer, at, reportId)
    }
  })
}

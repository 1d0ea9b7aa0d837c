// The one envelope of every review act: in one transaction, check the reviewer and the report, let
// the act decide what changes, reopen a verified report it changes, write, record the trail with one
// reviewer and one time, set updated_at, and re-run the checks of the report (and of next year's
// report, whose carry-over check reads it).

import { sql, type Db } from '../db'
import { refreshAround } from '../findings'
import type { ReportRow } from '../store'
import { recordEdit, reopenIfVerified, requireReport, requireReviewer, type TrailEntry } from './audit'

export interface ActContext {
  readonly reviewer: string
  readonly row: ReportRow
  /** The act's one time: its trail entries and any record it writes (marks, confirmations). */
  readonly at: string
}

export interface Change {
  /** Writes the act's rows, after a verified report was reopened. */
  write: () => void
  /** What the trail records; an act with none (an acceptance) leaves updated_at alone. */
  trail: TrailEntry[]
  /** An act on the findings, not the report's content: a verified report stays verified. */
  keepsVerified?: boolean
  /** The agency/year the report had before the act: the report that followed it re-runs too. */
  before?: { agency_key: string | null; year: number | null }
}

/**
 * Runs one act: `plan` validates (throwing a UserFacingError) and returns the change, or null when
 * nothing would change. Returns the number of trail entries recorded (0 when nothing changed).
 */
export function reviewerAct(db: Db, reportId: number, plan: (ctx: ActContext) => Change | null): number {
  return db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    const at = new Date().toISOString()
    const change = plan({ reviewer, row, at })
    if (!change) return 0
    const reopen = change.keepsVerified ? null : reopenIfVerified(db, row)
    change.write()
    for (const e of change.trail) recordEdit(db, { reportId, ...e, reviewer, at })
    if (change.trail.length) sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, reportId)
    refreshAround(db, reportId, change.before ? [change.before] : [])
    reopen?.()
    return change.trail.length
  })()
}

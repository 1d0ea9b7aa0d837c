// Findings and status: the checks re-run over the report as it stands (with its text, last year's
// report of the same agency and the reviewer's acceptances) after every change, and the status follows.

import type { ExtractedReport, Finding } from '../core/report'
import { openSummary, runChecks, type Acceptance as CheckAcceptance, type Settlement } from '../core/validate'
import type { Acceptance, ReportStatus } from '../shared/types'
import { sql, type Db } from './db'
import { acceptancesOf, settlementOf } from './review/settlement'
import { cellRows, currentReport, encodeFindings, reportRow, type ReportRow } from './store'
import { refreshReportStats } from './stats/read'

function forChecks(a: Acceptance): CheckAcceptance {
  return { rule: a.rule, cells: a.instance ? a.instance.split(',') : [], comment: a.comment, by: a.by, at: a.at }
}

export function hasDocument(db: Db, reportId: number): boolean {
  return sql(db, 'SELECT 1 FROM documents WHERE report_id = ?').get(reportId) !== undefined
}

export function documentText(db: Db, reportId: number): string | undefined {
  const row = sql(db, 'SELECT text FROM documents WHERE report_id = ?').get(reportId) as { text: string } | undefined
  return row?.text
}

/** The same agency's report for the year before (agency compared in its matching form). */
export function previousReportId(db: Db, row: Pick<ReportRow, 'id' | 'agency_key' | 'year'>): number | undefined {
  if (!row.agency_key || row.year === null) return undefined
  const prev = sql(db, 'SELECT id FROM reports WHERE agency_key = ? AND year = ? AND id <> ? ORDER BY id LIMIT 1').get(row.agency_key, row.year - 1, row.id) as
    { id: number } | undefined
  return prev?.id
}

/** Reports whose previous-year check reads this agency/year (next year's report). */
function followingReportIds(db: Db, agencyKey: string | null, year: number | null, exceptId: number): number[] {
  if (!agencyKey || year === null) return []
  const rows = sql(db, 'SELECT id FROM reports WHERE agency_key = ? AND year = ? AND id <> ?').all(agencyKey, year + 1, exceptId) as { id: number }[]
  return rows.map((r) => r.id)
}

export interface CheckedReport {
  row: ReportRow
  /** The report as it stands (reviewer values win). */
  report: ExtractedReport
  /** The reviewer's marks and typed cells. */
  settlement: Settlement
  findings: Finding[]
}

export function checkReport(db: Db, reportId: number): CheckedReport | null {
  const row = reportRow(db, reportId)
  if (!row) return null
  const cells = cellRows(db, reportId)
  const report = currentReport(row, cells)
  const settlement = settlementOf(db, reportId, cells)
  const prevId = previousReportId(db, row)
  const prevRow = prevId === undefined ? undefined : reportRow(db, prevId)
  const previous = prevRow ? currentReport(prevRow, cellRows(db, prevRow.id)) : undefined
  const acceptances = acceptancesOf(db, reportId).map(forChecks)
  const findings = runChecks(report, { text: documentText(db, reportId), previous, acceptances, settlement })
  return { row, report, settlement, findings }
}

/** The status the findings imply; a verified report stays verified until someone edits it. */
export function derivedStatus(current: ReportStatus, openFindings: number): ReportStatus {
  if (current === 'verified') return 'verified'
  return openFindings > 0 ? 'problem' : 'pending'
}

/** Re-runs the checks of one report and stores findings, open count, status and its stats scores. Call inside a transaction. */
export function refreshReport(db: Db, reportId: number): void {
  const checked = checkReport(db, reportId)
  if (!checked) return
  const open = openSummary(checked.report, checked.findings, checked.settlement).total
  sql(db, 'UPDATE reports SET findings = ?, open_findings = ?, status = ? WHERE id = ?').run(
    encodeFindings(checked.findings),
    open,
    derivedStatus(checked.row.status, open),
    reportId
  )
  refreshReportStats(db, reportId)
}

/**
 * Re-derives findings, open count and status when a migration asked for it (the meaning of "open"
 * changed), once, in one transaction. Only reports not yet verified: their status is what the list
 * derives and the gate decides (about 5 ms a report); a verified report stays verified, and its
 * findings are re-run at its next edit.
 */
export function rederiveIfAsked(db: Db): number {
  const asked = sql(db, "SELECT value FROM settings WHERE key = 'rederive_open_findings'").get()
  if (!asked) return 0
  return db.transaction(() => {
    const ids = (sql(db, "SELECT id FROM reports WHERE status <> 'verified' ORDER BY id").all() as { id: number }[]).map((r) => r.id)
    for (const id of ids) refreshReport(db, id)
    sql(db, "DELETE FROM settings WHERE key = 'rederive_open_findings'").run()
    return ids.length
  })()
}

/** Re-runs a report and the next year's report of the same agency, whose carry-over check reads it. */
export function refreshAround(db: Db, reportId: number, alsoFollowing: { agency_key: string | null; year: number | null }[] = []): void {
  refreshReport(db, reportId)
  const row = sql(db, 'SELECT agency_key, year FROM reports WHERE id = ?').get(reportId) as { agency_key: string | null; year: number | null } | undefined
  const done = new Set<number>([reportId])
  for (const where of row ? [row, ...alsoFollowing] : alsoFollowing) {
    for (const id of followingReportIds(db, where.agency_key, where.year, reportId)) {
      if (done.has(id)) continue
      done.add(id)
      refreshReport(db, id)
    }
  }
}

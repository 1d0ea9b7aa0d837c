// Scores computed from what the library holds, on read: the report as it stands (reviewer values
// win), its stored findings (which include last year's carry-over check), its text and marks. Kept
// per report while nothing it rests on changed — an edit, a mark, a typed publication date (every
// act sets updated_at), a re-run of the checks (a change to last year's report re-runs this one's)
// or the rubric.

import { assessReport, type Assessment, type Rubric } from '../../core/assess'
import type { TableName } from '../../core/template'
import { sql, type Db } from '../db'
import { documentText } from '../findings'
import { typedDateOf } from '../review/published'
import { marksOf, TABLE_TARGET_PREFIX } from '../review/settlement'
import { cellRows, currentReport, reportRow, storedFindings } from '../store'
import { UserFacingError } from '../../shared/contract'

/** Assesses one stored report. */
export function assessStored(db: Db, reportId: number, rubric: Rubric): Assessment {
  const row = reportRow(db, reportId)
  if (!row) throw new UserFacingError('report.not_found', `找不到报告 ${reportId}`)
  const report = currentReport(row, cellRows(db, reportId))
  const marks = marksOf(db, reportId)
  const typedDate = typedDateOf(db, reportId)
  return assessReport(
    {
      report,
      findings: storedFindings(row),
      text: documentText(db, reportId),
      marks: { tables: marks.tables.map((m) => m.target.slice(TABLE_TARGET_PREFIX.length) as TableName), cells: marks.cells.map((m) => m.target) },
      ...(typedDate ? { typedDate } : {}),
      verified: row.status === 'verified'
    },
    rubric
  )
}

interface Stamp {
  updatedAt: string
  status: string
  /** The typed publication date with who and when: two acts within one millisecond share updated_at. */
  typed: string | null
  findings: Buffer
  rubric: Rubric
}

/** Assessments kept while the report's row is unchanged (findings compared byte for byte). */
export class AssessCache {
  private readonly kept = new Map<number, { stamp: Stamp; assessment: Assessment }>()

  constructor(private readonly db: Db) {}

  get(reportId: number, rubric: Rubric): Assessment {
    const now = sql(
      this.db,
      `SELECT updated_at AS updatedAt, status, findings,
         (SELECT date || ' ' || typed_by || ' ' || typed_at FROM publication_dates p WHERE p.report_id = r.id) AS typed
       FROM reports r WHERE id = ?`
    ).get(reportId) as Omit<Stamp, 'rubric'> | undefined
    if (!now) throw new UserFacingError('report.not_found', `找不到报告 ${reportId}`)
    const kept = this.kept.get(reportId)
    if (
      kept &&
      kept.stamp.rubric === rubric &&
      kept.stamp.updatedAt === now.updatedAt &&
      kept.stamp.status === now.status &&
      kept.stamp.typed === now.typed &&
      kept.stamp.findings.equals(now.findings)
    ) {
      return kept.assessment
    }
    const assessment = assessStored(this.db, reportId, rubric)
    this.kept.set(reportId, { stamp: { ...now, rubric }, assessment })
    return assessment
  }
}

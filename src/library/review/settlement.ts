// The settlement reads: what a reviewer recorded that the checks and the verify gate take as
// settled — marks (原文无此表, 原文空白), typed cells, and accepted findings.

import type { Settlement } from '../../core/validate'
import type { TableName } from '../../core/template'
import type { Acceptance, ReviewMark, ReviewMarks } from '../../shared/types'
import { sql, type Db } from '../db'
import type { CellRow } from '../store'

export const TABLE_TARGET_PREFIX = 'table.'
export const ABSENT_TABLE = '原文无此表'
export const BLANK_CELL = '原文空白'

export interface MarkRow {
  target: string
  comment: string
  marked_by: string
  marked_at: string
}

export function marksOf(db: Db, reportId: number): ReviewMarks {
  const rows = sql(db, 'SELECT target, comment, marked_by, marked_at FROM marks WHERE report_id = ? ORDER BY target').all(reportId) as MarkRow[]
  const marks: ReviewMarks = { tables: [], cells: [] }
  for (const r of rows) {
    const mark: ReviewMark = { target: r.target, comment: r.comment, by: r.marked_by, at: r.marked_at }
    if (r.target.startsWith(TABLE_TARGET_PREFIX)) marks.tables.push(mark)
    else marks.cells.push(mark)
  }
  return marks
}

/** What the checks and the gate take as settled: the marks, and every cell a reviewer typed. */
export function settlementOf(db: Db, reportId: number, cells: readonly CellRow[]): Settlement {
  const marks = marksOf(db, reportId)
  return {
    absentTables: marks.tables.map((m) => m.target.slice(TABLE_TARGET_PREFIX.length) as TableName),
    blankCells: marks.cells.map((m) => m.target),
    typedCells: cells.filter((c) => c.human_raw !== null).map((c) => c.key)
  }
}

/** The instance key of a finding: its sorted cell keys joined by ','. */
export function instanceOf(cells: readonly string[]): string {
  return [...cells].sort().join(',')
}

export function acceptancesOf(db: Db, reportId: number): Acceptance[] {
  const rows = sql(db, 'SELECT rule, instance, comment, accepted_by, accepted_at FROM acceptances WHERE report_id = ?').all(reportId) as {
    rule: string
    instance: string
    comment: string
    accepted_by: string
    accepted_at: string
  }[]
  return rows.map((r) => ({ rule: r.rule, instance: r.instance, comment: r.comment, by: r.accepted_by, at: r.accepted_at }))
}

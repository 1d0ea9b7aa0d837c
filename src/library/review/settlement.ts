// The settlement reads: what a reviewer recorded that the checks and the verify gate take as
// settled — marks (原文无此表, 原文空白), typed cells, and accepted findings.

import type { MetaFact, Settlement } from '../../core/validate'
import type { TableName } from '../../core/template'
import type { Acceptance, ReviewMark, ReviewMarks } from '../../shared/types'
import { sql, type Db } from '../db'
import type { CellRow } from '../store'

export const TABLE_TARGET_PREFIX = 'table.'
export const META_TARGET_PREFIX = 'meta.'
export const ABSENT_TABLE = '原文无此表'
export const BLANK_CELL = '原文空白'
/** What the trail records as the new state of a flagged cell a reviewer confirmed. */
export const CONFIRMED_CELL = '已确认'

export interface Confirmation {
  key: string
  /** The text the reviewer confirmed: the confirmation holds while the cell still reads this. */
  raw: string
  by: string
  at: string
}

export function confirmationsOf(db: Db, reportId: number): Confirmation[] {
  const rows = sql(db, 'SELECT key, raw, confirmed_by, confirmed_at FROM confirmations WHERE report_id = ? ORDER BY key').all(reportId) as {
    key: string
    raw: string
    confirmed_by: string
    confirmed_at: string
  }[]
  return rows.map((r) => ({ key: r.key, raw: r.raw, by: r.confirmed_by, at: r.confirmed_at }))
}

/** The confirmations still standing: the cell is not typed over and still reads the text confirmed. */
export function standingConfirmations(db: Db, reportId: number, cells: readonly CellRow[]): Map<string, Confirmation> {
  const extracted = new Map(cells.filter((c) => c.human_raw === null).map((c) => [c.key, c.ext_raw ?? '']))
  return new Map(
    confirmationsOf(db, reportId)
      .filter((c) => extracted.get(c.key) === c.raw)
      .map((c) => [c.key, c])
  )
}

export interface MarkRow {
  target: string
  comment: string
  marked_by: string
  marked_at: string
}

export function marksOf(db: Db, reportId: number): ReviewMarks {
  const rows = sql(db, 'SELECT target, comment, marked_by, marked_at FROM marks WHERE report_id = ? ORDER BY target').all(reportId) as MarkRow[]
  const marks: ReviewMarks = { tables: [], cells: [], meta: [] }
  for (const r of rows) {
    const mark: ReviewMark = { target: r.target, comment: r.comment, by: r.marked_by, at: r.marked_at }
    if (r.target.startsWith(TABLE_TARGET_PREFIX)) marks.tables.push(mark)
    else if (r.target.startsWith(META_TARGET_PREFIX)) marks.meta.push(mark)
    else marks.cells.push(mark)
  }
  return marks
}

/** What the checks and the gate take as settled: the marks, every cell a reviewer typed, standing confirmations. */
export function settlementOf(db: Db, reportId: number, cells: readonly CellRow[]): Settlement {
  const marks = marksOf(db, reportId)
  return {
    absentTables: marks.tables.map((m) => m.target.slice(TABLE_TARGET_PREFIX.length) as TableName),
    blankCells: marks.cells.map((m) => m.target),
    typedCells: cells.filter((c) => c.human_raw !== null).map((c) => c.key),
    confirmedFlags: [...standingConfirmations(db, reportId, cells).keys()],
    unstatedMeta: marks.meta.map((m) => m.target.slice(META_TARGET_PREFIX.length) as MetaFact)
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

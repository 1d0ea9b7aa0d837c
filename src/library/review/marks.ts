// Reviewer marks: what a reviewer recorded about the original, each with a comment and an entry in
// the audit trail — "原文无此表" for a table the original does not have, "原文空白" for a cell it leaves
// without a number. They settle what the checks cannot: never set by default, only by these acts.

import { blankCellsToSettle } from '../../core/validate'
import { TABLE_NAMES, TABLE_SHORT_NAMES, tableOf, type TableName } from '../../core/template'
import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { checkReport } from '../findings'
import { cellTypeFor } from '../reviewer-text'
import { reviewerAct, type ActContext, type Change } from './act'
import { requireComment } from './audit'
import { ABSENT_TABLE, BLANK_CELL, TABLE_TARGET_PREFIX, type MarkRow } from './settlement'

/** A typed value replaces a mark: the cell (and its table) is no longer 原文空白 / 原文无此表. */
export function dropMarksFor(db: Db, reportId: number, key: string, hasText: boolean): void {
  sql(db, 'DELETE FROM marks WHERE report_id = ? AND target = ?').run(reportId, key)
  if (hasText) sql(db, 'DELETE FROM marks WHERE report_id = ? AND target = ?').run(reportId, `${TABLE_TARGET_PREFIX}${tableOf(key)}`)
}

function insertMark(db: Db, reportId: number, target: string, comment: string, by: string, at: string): void {
  sql(
    db,
    `INSERT INTO marks (report_id, target, comment, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(report_id, target) DO UPDATE SET comment = excluded.comment, marked_by = excluded.marked_by, marked_at = excluded.marked_at`
  ).run(reportId, target, comment, by, at)
}

/** 原文无此表: the reviewer records that the original has no such table (refused once it has values). */
export function markTableAbsent(db: Db, reportId: number, table: string, comment: string): void {
  reviewerAct(db, reportId, ({ reviewer, at }) => {
    if (!TABLE_NAMES.includes(table as TableName)) throw new UserFacingError('mark.bad_table', `未知的表格：${String(table)}`)
    const text = requireComment(comment, '已核对原文，确无此表')
    const checked = checkReport(db, reportId)!
    const missing = checked.findings.some((f) => f.rule === 'tables.missing' && f.cells[0]?.startsWith(`${table}.`))
    if (!missing)
      throw new UserFacingError('mark.table_present', `${TABLE_SHORT_NAMES[table as TableName]}已有内容，不能记为“${ABSENT_TABLE}”；请核对或更正其单元格`)
    const target = `${TABLE_TARGET_PREFIX}${table}`
    return { trail: [{ target, oldRaw: null, newRaw: ABSENT_TABLE, reason: text }], write: () => insertMark(db, reportId, target, text, reviewer, at) }
  })
}

/** The plan of a 原文空白 act: each cell must be a cell of the report's form holding no number now. */
function blankPlan(db: Db, reportId: number, keys: string[], comment: string): (ctx: ActContext) => Change {
  return ({ row, reviewer, at }) => {
    if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== 'string'))
      throw new UserFacingError('mark.bad_args', '请选择要记为原文空白的单元格')
    const text = requireComment(comment, '已核对原文，此格空白')
    const checked = checkReport(db, reportId)!
    for (const key of keys) {
      if (!cellTypeFor(key, row.template)) throw new UserFacingError('edit.unknown_cell', `未知的单元格：${key}`)
      const cell = checked.report.cells[key]
      if (cell && cell.value !== null) throw new UserFacingError('mark.has_value', `该单元格有数值 ${cell.value}，不能记为“${BLANK_CELL}”`)
    }
    const unique = [...new Set(keys)]
    return {
      trail: unique.map((key) => ({ target: key, oldRaw: checked.report.cells[key]?.raw ?? null, newRaw: BLANK_CELL, reason: text })),
      write: () => unique.forEach((key) => insertMark(db, reportId, key, text, reviewer, at))
    }
  }
}

/** 原文空白 for the given cells, with one comment. Returns how many cells were recorded. */
export function markCellsBlank(db: Db, reportId: number, keys: string[], comment: string): number {
  return reviewerAct(db, reportId, blankPlan(db, reportId, keys, comment))
}

/**
 * The one explicit act: 原文空白, with one comment, for every cell still blocking — the blank (or
 * number-less) cells of checks that cannot be assessed, and the unread cells of found tables.
 */
export function settleBlankCells(db: Db, reportId: number, comment: string): number {
  return reviewerAct(db, reportId, (ctx) => {
    const checked = checkReport(db, reportId)!
    const keys = blankCellsToSettle(checked.report, checked.findings, checked.settlement)
    if (!keys.length) throw new UserFacingError('mark.nothing_blank', '没有需要记为原文空白的单元格')
    return blankPlan(db, reportId, keys, comment)(ctx)
  })
}

/** The marks of another library's report, copied as acceptances are (ours kept where both have one). */
export function copyMarks(db: Db, other: Db, fromId: number, toId: number): void {
  const hasMarks = other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'marks'").get()
  if (!hasMarks) return
  const rows = other.prepare('SELECT target, comment, marked_by, marked_at FROM marks WHERE report_id = ?').all(fromId) as MarkRow[]
  for (const m of rows) {
    sql(db, 'INSERT INTO marks (report_id, target, comment, marked_by, marked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(report_id, target) DO NOTHING').run(
      toId,
      m.target,
      m.comment,
      m.marked_by,
      m.marked_at
    )
  }
}

// Reviewer marks: what a reviewer recorded about the original, each with a comment and an entry in
// the audit trail — "原文无此表" for a table the original does not have, "原文空白" for a cell it leaves
// without a number. They settle what the checks cannot: never set by default, only by these acts.

import { blankCellsToSettle, type Settlement } from '../core/validate'
import { TABLE_NAMES, tableOf, type TableName } from '../core/template'
import { UserFacingError } from '../shared/contract'
import type { ReviewMark, ReviewMarks } from '../shared/types'
import { sql, type Db } from './db'
import { recordEdit, reopenIfVerified, requireReport, requireReviewer } from './edits'
import { checkReport, refreshAround } from './findings'
import { cellTypeFor } from './reviewer-text'
import type { CellRow } from './store'

export const TABLE_TARGET_PREFIX = 'table.'
export const ABSENT_TABLE = '原文无此表'
export const BLANK_CELL = '原文空白'

const TABLE_TITLES: Record<TableName, string> = { active: '表二', requests: '表三', appeals: '表四' }

interface MarkRow {
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

/** A typed value replaces a mark: the cell (and its table) is no longer 原文空白 / 原文无此表. */
export function dropMarksFor(db: Db, reportId: number, key: string, hasText: boolean): void {
  sql(db, 'DELETE FROM marks WHERE report_id = ? AND target = ?').run(reportId, key)
  if (hasText) sql(db, 'DELETE FROM marks WHERE report_id = ? AND target = ?').run(reportId, `${TABLE_TARGET_PREFIX}${tableOf(key)}`)
}

function requireComment(comment: unknown, example: string): string {
  const text = typeof comment === 'string' ? comment.trim() : ''
  if (!text) throw new UserFacingError('mark.no_comment', `请填写说明，如“${example}”`)
  return text.slice(0, 500)
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
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    if (!TABLE_NAMES.includes(table as TableName)) throw new UserFacingError('mark.bad_table', `未知的表格：${String(table)}`)
    const text = requireComment(comment, '已核对原文，确无此表')
    const checked = checkReport(db, reportId)!
    const missing = checked.findings.some((f) => f.rule === 'tables.missing' && f.cells[0]?.startsWith(`${table}.`))
    if (!missing) throw new UserFacingError('mark.table_present', `${TABLE_TITLES[table as TableName]}已有内容，不能记为“${ABSENT_TABLE}”；请核对或更正其单元格`)
    const reopen = reopenIfVerified(db, row)
    const at = new Date().toISOString()
    insertMark(db, reportId, `${TABLE_TARGET_PREFIX}${table}`, text, reviewer, at)
    recordEdit(db, { reportId, target: `${TABLE_TARGET_PREFIX}${table}`, oldRaw: null, newRaw: ABSENT_TABLE, reviewer, reason: text, at })
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, reportId)
    refreshAround(db, reportId)
    reopen?.()
  })()
}

/** 原文空白 for the given cells: each must be a cell of the report's form holding no number now. */
export function markCellsBlank(db: Db, reportId: number, keys: string[], comment: string): number {
  return db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    if (!Array.isArray(keys) || !keys.length || keys.some((k) => typeof k !== 'string')) throw new UserFacingError('mark.bad_args', '请选择要记为原文空白的单元格')
    const text = requireComment(comment, '已核对原文，此格空白')
    const checked = checkReport(db, reportId)!
    for (const key of keys) {
      if (!cellTypeFor(key, row.template)) throw new UserFacingError('edit.unknown_cell', `未知的单元格：${key}`)
      const cell = checked.report.cells[key]
      if (cell && cell.value !== null) throw new UserFacingError('mark.has_value', `该单元格有数值 ${cell.value}，不能记为“${BLANK_CELL}”`)
    }
    const reopen = reopenIfVerified(db, row)
    const at = new Date().toISOString()
    for (const key of new Set(keys)) {
      insertMark(db, reportId, key, text, reviewer, at)
      recordEdit(db, { reportId, target: key, oldRaw: checked.report.cells[key]?.raw ?? null, newRaw: BLANK_CELL, reviewer, reason: text, at })
    }
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, reportId)
    refreshAround(db, reportId)
    reopen?.()
    return new Set(keys).size
  })()
}

/**
 * The one explicit act: 原文空白, with one comment, for every cell still blocking — the blank (or
 * number-less) cells of checks that cannot be assessed, and the unread cells of found tables.
 */
export function settleBlankCells(db: Db, reportId: number, comment: string): number {
  return db.transaction(() => {
    requireReviewer(db)
    requireReport(db, reportId)
    const checked = checkReport(db, reportId)!
    const keys = blankCellsToSettle(checked.report, checked.findings, checked.settlement)
    if (!keys.length) throw new UserFacingError('mark.nothing_blank', '没有需要记为原文空白的单元格')
    return markCellsBlank(db, reportId, keys, comment)
  })()
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

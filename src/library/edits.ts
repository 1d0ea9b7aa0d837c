// Reviewer edits: cells and metadata, each recorded with old, new, who, when and why. Editing a
// verified report reopens it (recorded as an edit of 'status'). Findings re-run after each edit.

import { openSummary } from '../core/validate'
import { UserFacingError } from '../shared/contract'
import { openReason } from '../shared/open-items'
import type { EditRecord, ReportStatus, Settings } from '../shared/types'
import { agencyKey } from './agency'
import { sql, type Db } from './db'
import { checkReport, refreshAround, refreshReport } from './findings'
import { dropMarksFor } from './marks'
import { cellTypeFor, parseReviewerText } from './reviewer-text'
import { reportRow, type CellRow, type ReportRow } from './store'

export const REVIEWER_KEY = 'reviewer'

export function getSettings(db: Db): Settings {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(REVIEWER_KEY) as { value: string | null } | undefined
  return { reviewer: row?.value || null }
}

export function setReviewer(db: Db, name: string): Settings {
  const reviewer = String(name ?? '').replace(/\s+/g, ' ').trim()
  if (!reviewer) throw new UserFacingError('settings.reviewer_empty', '核验人姓名不能为空')
  if (reviewer.length > 40) throw new UserFacingError('settings.reviewer_long', '核验人姓名过长（最多 40 个字）')
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(REVIEWER_KEY, reviewer)
  return { reviewer }
}

export function requireReviewer(db: Db): string {
  const reviewer = getSettings(db).reviewer
  if (!reviewer) throw new UserFacingError('settings.no_reviewer', '请先设置核验人姓名')
  return reviewer
}

export function requireReport(db: Db, reportId: number): ReportRow {
  const row = Number.isInteger(reportId) ? reportRow(db, reportId) : undefined
  if (!row) throw new UserFacingError('report.not_found', '找不到该报告，可能已被删除')
  return row
}

export function recordEdit(db: Db, e: Omit<EditRecord, 'id'> & { reportId: number }): void {
  sql(db, 'INSERT INTO edits (report_id, target, old_raw, new_raw, reviewer, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.reportId,
    e.target,
    e.oldRaw,
    e.newRaw,
    e.reviewer,
    e.reason,
    e.at
  )
}

function cleanReason(reason: string | undefined): string | null {
  const r = typeof reason === 'string' ? reason.trim() : ''
  return r ? r.slice(0, 500) : null
}

/** Before an edit of a verified report: clear the verification; after the checks re-ran, record the new status. */
export function reopenIfVerified(db: Db, row: ReportRow): (() => void) | null {
  if (row.status !== 'verified') return null
  sql(db, "UPDATE reports SET status = 'pending', verified_by = NULL, verified_at = NULL WHERE id = ?").run(row.id)
  return () => {
    const { status } = sql(db, 'SELECT status FROM reports WHERE id = ?').get(row.id) as { status: ReportStatus }
    recordEdit(db, {
      reportId: row.id,
      target: 'status',
      oldRaw: 'verified',
      newRaw: status,
      reviewer: requireReviewer(db),
      reason: '核验后又有修改，重新打开',
      at: new Date().toISOString()
    })
  }
}

export function editCell(db: Db, reportId: number, key: string, text: string, reason?: string): void {
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    if (typeof key !== 'string' || typeof text !== 'string') throw new UserFacingError('edit.bad_args', '修改参数无效')
    const cell = sql(db, 'SELECT * FROM cells WHERE report_id = ? AND key = ?').get(reportId, key) as CellRow | undefined
    const type = cellTypeFor(key, row.template)
    if (!type) throw new UserFacingError('edit.unknown_cell', `未知的单元格：${key}`)
    const entry = parseReviewerText(text, type)
    const currentRaw = cell ? (cell.human_raw ?? cell.ext_raw) : null
    if (entry.raw === (currentRaw ?? '')) {
      // Typing the same value again confirms it against a newer extraction.
      if (cell?.conflict_raw != null) sql(db, 'UPDATE cells SET conflict_raw = NULL WHERE report_id = ? AND key = ?').run(reportId, key)
      return
    }
    const reopen = reopenIfVerified(db, row)
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
    const at = new Date().toISOString()
    recordEdit(db, { reportId, target: key, oldRaw: currentRaw, newRaw: entry.raw, reviewer, reason: cleanReason(reason), at })
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, reportId)
    refreshAround(db, reportId)
    reopen?.()
  })()
}

export type MetaField = 'agency' | 'year' | 'template'

function parseMeta(field: MetaField, value: string): string | number | null {
  const typed = String(value ?? '').replace(/\s+/g, ' ').trim()
  if (typed === '') return null
  if (field === 'agency') return typed.slice(0, 200)
  const text = typed.normalize('NFKC')
  if (field === 'year') {
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN
    if (!(year >= 1990 && year <= 2100)) throw new UserFacingError('edit.bad_year', `“${text}”不是有效年份：请输入四位数字，如 2023`)
    return year
  }
  if (field === 'template') {
    if (text !== '2021' && text !== '2019') throw new UserFacingError('edit.bad_template', '模板只能是 2021 或 2019')
    return text
  }
  throw new UserFacingError('edit.bad_field', `不能修改该项：${String(field)}`)
}

export function editMeta(db: Db, reportId: number, field: MetaField, value: string, reason?: string): void {
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    const next = parseMeta(field, value)
    const current = row[field]
    if (next === current) return
    const reopen = reopenIfVerified(db, row)
    const before = { agency_key: row.agency_key, year: row.year }
    if (field === 'agency') sql(db, 'UPDATE reports SET agency = ?, agency_key = ? WHERE id = ?').run(next, agencyKey(next as string | null), reportId)
    else sql(db, `UPDATE reports SET ${field === 'year' ? 'year' : 'template'} = ? WHERE id = ?`).run(next, reportId)
    const at = new Date().toISOString()
    recordEdit(db, {
      reportId,
      target: `meta.${field}`,
      oldRaw: current === null ? null : String(current),
      newRaw: next === null ? null : String(next),
      reviewer,
      reason: cleanReason(reason),
      at
    })
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(at, reportId)
    // The report that used to follow this one (old agency/year) loses its previous year.
    refreshAround(db, reportId, [before])
    reopen?.()
  })()
}

export function history(db: Db, reportId: number, target?: string): EditRecord[] {
  const rows = (
    target === undefined
      ? sql(db, 'SELECT * FROM edits WHERE report_id = ? ORDER BY id').all(reportId)
      : sql(db, 'SELECT * FROM edits WHERE report_id = ? AND target = ? ORDER BY id').all(reportId, target)
  ) as { id: number; target: string; old_raw: string | null; new_raw: string | null; reviewer: string; reason: string | null; at: string }[]
  return rows.map((r) => ({ id: r.id, target: r.target, oldRaw: r.old_raw, newRaw: r.new_raw, reviewer: r.reviewer, reason: r.reason, at: r.at }))
}

/** Accepts a failing or uncertain finding as the report's own error ("原文如此，已核对"). */
export function acceptFinding(db: Db, reportId: number, rule: string, cells: string[], comment: string): void {
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    requireReport(db, reportId)
    const text = typeof comment === 'string' ? comment.trim() : ''
    if (!text) throw new UserFacingError('accept.no_comment', '请填写接受说明，如“原文如此，已核对”')
    if (!Array.isArray(cells) || cells.some((c) => typeof c !== 'string')) throw new UserFacingError('accept.bad_args', '接受参数无效')
    const instance = [...cells].sort().join(',')
    const checked = checkReport(db, reportId)
    const finding = checked?.findings.find((f) => f.rule === rule && [...f.cells].sort().join(',') === instance)
    if (!finding || (finding.status !== 'fail' && finding.status !== 'uncertain')) {
      throw new UserFacingError('accept.not_found', '该问题已不存在（可能已因修改而解决），请刷新后再试')
    }
    sql(
      db,
      `INSERT INTO acceptances (report_id, rule, instance, comment, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(report_id, rule, instance) DO UPDATE SET comment = excluded.comment, accepted_by = excluded.accepted_by,
         accepted_at = excluded.accepted_at`
    ).run(reportId, rule, instance, text.slice(0, 500), reviewer, new Date().toISOString())
    refreshReport(db, reportId)
  })()
}

/** 标记为已核验: refused while anything is open (see core/validate/open.ts), naming what and what to do. */
export function verifyReport(db: Db, reportId: number): void {
  db.transaction(() => {
    const reviewer = requireReviewer(db)
    const row = requireReport(db, reportId)
    if (row.status === 'verified') return
    const checked = checkReport(db, reportId)
    const reason = checked ? openReason(openSummary(checked.report, checked.findings, checked.settlement)) : null
    if (reason) throw new UserFacingError('verify.open_findings', reason)
    refreshReport(db, reportId)
    const at = new Date().toISOString()
    sql(db, "UPDATE reports SET status = 'verified', verified_by = ?, verified_at = ?, updated_at = ? WHERE id = ?").run(reviewer, at, at, reportId)
    recordEdit(db, { reportId, target: 'status', oldRaw: row.status, newRaw: 'verified', reviewer, reason: null, at })
  })()
}

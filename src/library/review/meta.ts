// Correcting the report's agency, year or template (机关 / 年度 / 格式).

import { META_FACTS, type MetaFact } from '../../core/validate'
import { UserFacingError } from '../../shared/contract'
import { META_NAMES, UNSTATED_META } from '../../shared/open-items'
import { agencyKey } from '../agency'
import { agencyInputProblem } from '../agency-input'
import { sql, type Db } from '../db'
import { reviewerAct } from './act'
import { cleanReason, requireComment } from './audit'
import { META_TARGET_PREFIX } from './settlement'

export type MetaField = 'agency' | 'year' | 'template'

function parseMeta(field: MetaField, value: string): string | number | null {
  const typed = String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (typed === '') return null
  if (field === 'agency') {
    // Spaces and line breaks were folded above; what is left that a name never holds is refused.
    const problem = agencyInputProblem(typed)
    if (problem) throw new UserFacingError('edit.bad_agency', problem)
    return typed.slice(0, 200)
  }
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
  reviewerAct(db, reportId, ({ row }) => {
    const next = parseMeta(field, value)
    const current = row[field]
    if (next === current) return null
    return {
      trail: [
        { target: `meta.${field}`, oldRaw: current === null ? null : String(current), newRaw: next === null ? null : String(next), reason: cleanReason(reason) }
      ],
      // The report that used to follow this one (old agency/year) loses its previous year.
      before: { agency_key: row.agency_key, year: row.year },
      write: () => {
        // A value typed replaces 原文未载明.
        if (next !== null) sql(db, 'DELETE FROM marks WHERE report_id = ? AND target = ?').run(reportId, `${META_TARGET_PREFIX}${field}`)
        if (field === 'agency') sql(db, 'UPDATE reports SET agency = ?, agency_key = ? WHERE id = ?').run(next, agencyKey(next as string | null), reportId)
        else sql(db, `UPDATE reports SET ${field === 'year' ? 'year' : 'template'} = ? WHERE id = ?`).run(next, reportId)
      }
    }
  })
}

/** 原文未载明: the report does not state its agency or year; recorded with the reviewer's comment (refused once known). */
export function markMetaUnstated(db: Db, reportId: number, field: MetaFact, comment: string): void {
  reviewerAct(db, reportId, ({ row, reviewer, at }) => {
    if (!META_FACTS.includes(field)) throw new UserFacingError('mark.bad_meta', `只能把机关或年度记为“${UNSTATED_META}”`)
    const text = requireComment(comment, '已通读原文，未载明年度')
    const current = row[field]
    if (current !== null && String(current).trim() !== '') {
      throw new UserFacingError('mark.meta_known', `${META_NAMES[field]}已填写为“${current}”，不能记为“${UNSTATED_META}”`)
    }
    const target = `${META_TARGET_PREFIX}${field}`
    return {
      trail: [{ target, oldRaw: null, newRaw: UNSTATED_META, reason: text }],
      write: () =>
        sql(
          db,
          `INSERT INTO marks (report_id, target, comment, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(report_id, target) DO UPDATE SET comment = excluded.comment, marked_by = excluded.marked_by, marked_at = excluded.marked_at`
        ).run(reportId, target, text, reviewer, at)
    }
  })
}

// Correcting the report's agency, year or template (机关 / 年度 / 格式).

import { UserFacingError } from '../../shared/contract'
import { agencyKey } from '../agency'
import { sql, type Db } from '../db'
import { reviewerAct } from './act'
import { cleanReason } from './audit'

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
  reviewerAct(db, reportId, ({ row }) => {
    const next = parseMeta(field, value)
    const current = row[field]
    if (next === current) return null
    return {
      trail: [{ target: `meta.${field}`, oldRaw: current === null ? null : String(current), newRaw: next === null ? null : String(next), reason: cleanReason(reason) }],
      // The report that used to follow this one (old agency/year) loses its previous year.
      before: { agency_key: row.agency_key, year: row.year },
      write: () => {
        if (field === 'agency') sql(db, 'UPDATE reports SET agency = ?, agency_key = ? WHERE id = ?').run(next, agencyKey(next as string | null), reportId)
        else sql(db, `UPDATE reports SET ${field === 'year' ? 'year' : 'template'} = ? WHERE id = ?`).run(next, reportId)
      }
    }
  })
}

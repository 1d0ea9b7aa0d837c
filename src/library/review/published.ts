// 发布日期 typed by the reviewer (及时性): where the report's text states no date, or the site's page
// says another, the reviewer types it; it wins over the text's in the assessment. Kept in
// publication_dates (migration 11) with who and when; the trail records it as meta.published. Typing
// it does not reopen a verified report: verification attests the tables and meta read from the
// original, and the date is evidence the assessment alone reads.

import { parseTypedDate } from '../../core/extract/published'
import type { TypedPublicationDate } from '../../core/assess'
import { UserFacingError } from '../../shared/contract'
import { sql, type Db } from '../db'
import { reviewerAct } from './act'
import { cleanReason } from './audit'

/** The trail target of the typed publication date. */
export const PUBLISHED_TARGET = 'meta.published'

const hasTable = (db: Db): boolean => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'publication_dates'").get()

/** The date a reviewer typed for a report, or null (none, or a library from before migration 11). */
export function typedDateOf(db: Db, reportId: number): TypedPublicationDate | null {
  if (!hasTable(db)) return null
  const row = db.prepare('SELECT date, typed_by, typed_at FROM publication_dates WHERE report_id = ?').get(reportId) as
    { date: string; typed_by: string; typed_at: string } | undefined
  return row ? { date: row.date, by: row.typed_by, at: row.typed_at } : null
}

/** Sets (or clears, with null) a report's typed date, as the act or a merge writes it. */
export function writeTypedDate(db: Db, reportId: number, typed: TypedPublicationDate | null): void {
  if (typed === null) sql(db, 'DELETE FROM publication_dates WHERE report_id = ?').run(reportId)
  else
    sql(
      db,
      `INSERT INTO publication_dates (report_id, date, typed_by, typed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(report_id) DO UPDATE SET date = excluded.date, typed_by = excluded.typed_by, typed_at = excluded.typed_at`
    ).run(reportId, typed.date, typed.by, typed.at)
}

/** The reviewer types the publication date (2022-01-31, 2022/1/31, 2022年1月31日), or clears it with ''. */
export function setPublishedDate(db: Db, reportId: number, value: string, reason?: string): void {
  reviewerAct(db, reportId, ({ reviewer, at }) => {
    const typed = String(value ?? '').trim()
    let next: string | null = null
    if (typed !== '') {
      const parsed = parseTypedDate(typed)
      if (parsed.error !== undefined) throw new UserFacingError('edit.bad_date', parsed.error)
      next = parsed.date
    }
    const current = typedDateOf(db, reportId)?.date ?? null
    if (next === current) return null
    return {
      trail: [{ target: PUBLISHED_TARGET, oldRaw: current, newRaw: next, reason: cleanReason(reason) }],
      keepsVerified: true,
      write: () => writeTypedDate(db, reportId, next === null ? null : { date: next, by: reviewer, at })
    }
  })
}

/** Their typed date for a report, taken over with who and when (a merge taking their report). */
export function copyTypedDate(db: Db, other: Db, fromId: number, toId: number): void {
  const theirs = typedDateOf(other, fromId)
  if (theirs && parseTypedDate(theirs.date).date === theirs.date) writeTypedDate(db, toId, theirs)
}

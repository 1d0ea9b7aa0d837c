// Which reports a figure counts. The same report is often in a library twice (its .docx and its
// .txt, a re-issued PDF): near-duplicates are reports of the same agency (in its matching form,
// agency.ts), year and template, as near-duplicates.ts finds them. Every figure counts one of them
// and lists the rest (重复，未计入), so 统计, the 分析 sheet and `stats` never add a report twice.
//
// The one counted, in this order (deterministic, whatever order the reports were read in):
// 1. a verified one over one not verified: a person checked it, the other is still the engine's word;
// 2. the one verified (else edited) last: the newest judgement on the report — a re-verified
//    copy was corrected after the other one was looked at;
// 3. the lowest id (imported first): a stable answer when nothing else tells them apart.
//
// A report whose year was not read (年度不详) has nothing to line it up with: it never joins an
// agency's figures (that would add it to whichever year the agency has), only the 年度不详 row.

import type { LeftOutReport } from '../../shared/stats'

export interface Countable {
  id: number
  agency: string | null
  agencyKey: string | null
  year: number | null
  template: string | null
  verified: boolean
  /** ISO time of the verification (verified reports), else null. */
  verifiedAt?: string | null
  /** ISO time of the last edit or verification. */
  updatedAt?: string | null
}

/** The near-duplicate group of a report; null when it has none (no agency or no year read). */
export function duplicateGroup(r: Countable): string | null {
  return r.agencyKey === null || r.year === null ? null : `${r.agencyKey}\u0000${r.year}\u0000${r.template ?? ''}`
}

/** Negative when a should be counted before b (see the rule above). */
export function preferred(a: Countable, b: Countable): number {
  if (a.verified !== b.verified) return a.verified ? -1 : 1
  const at = (r: Countable): string => (r.verified ? r.verifiedAt : r.updatedAt) ?? ''
  if (at(a) !== at(b)) return at(a) > at(b) ? -1 : 1
  return a.id - b.id
}

function basis(kept: Countable, dropped: Countable): string {
  if (kept.verified !== dropped.verified) return '计入已核验的那份'
  const at = (r: Countable): string => (r.verified ? r.verifiedAt : r.updatedAt) ?? ''
  if (at(kept) !== at(dropped)) return kept.verified ? '计入核验较晚的那份' : '计入修改较晚的那份'
  return '计入编号较小的那份'
}

/** Said of a report left out as a duplicate, e.g. in the 分析 sheet's list. */
export function duplicateWhy(kept: Countable, dropped: Countable): string {
  return `重复，未计入：与报告 #${kept.id} 为同一机关、年度与表样，${basis(kept, dropped)}`
}

export const YEAR_UNKNOWN_WHY = '年度不详，未计入按机关的统计（只计入“年度不详”一栏）'

/** The reports counted (in their order) and the duplicates left out, each with why. */
export function countOnce<R extends Countable>(reports: readonly R[]): { counted: R[]; leftOut: LeftOutReport[] } {
  const best = new Map<string, R>()
  // Each report's group worked out once (10,000 string keys on a large library).
  const groups = reports.map(duplicateGroup)
  reports.forEach((r, i) => {
    const group = groups[i]
    if (group === null) return
    const held = best.get(group)
    if (!held || preferred(r, held) < 0) best.set(group, r)
  })
  const counted: R[] = []
  const leftOut: LeftOutReport[] = []
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]
    const group = groups[i]
    const kept = group === null ? r : best.get(group)!
    if (kept === r) counted.push(r)
    else leftOut.push({ reportId: r.id, agency: r.agency, year: r.year, kind: 'duplicate', keptReportId: kept.id, why: duplicateWhy(kept, r) })
  }
  return { counted, leftOut }
}

/** The year-unknown reports among those counted: listed as left out of the agency rows. */
export function yearUnknown(reports: readonly Countable[]): LeftOutReport[] {
  return reports.filter((r) => r.year === null).map((r) => ({ reportId: r.id, agency: r.agency, year: null, kind: 'yearUnknown', why: YEAR_UNKNOWN_WHY }))
}

// What the 统计 screen says about its scope: the header line, the message shown instead of charts
// when there is nothing (or too little) to draw, and which year each report belongs to.

import { leftOutNote, type StatsOverview, type YearRow } from '../../../shared/stats'

/** The reports counted, and those left out (near-duplicates, 年度不详 out of the agency rows). */
export function scopeLine(stats: StatsOverview): string {
  const unverified = stats.unverifiedReportIds.length
  const note = leftOutNote(stats.leftOut)
  if (!stats.filter.all) return `统计范围：已核验的报告 ${stats.reportCount} 份${note}`
  return `统计范围：已核验的报告 ${stats.reportCount - unverified} 份，含未核验 ${unverified} 份（共 ${stats.reportCount} 份）${note}`
}

/** Shown instead of charts when no report is in scope; null when there is something to draw. */
export function emptyMessage(stats: StatsOverview): string | null {
  if (stats.reportCount > 0) return null
  const narrowed = stats.filter.years.length > 0 || !!stats.filter.agency
  if (narrowed) return '没有符合筛选条件的报告。请放宽年度或机关条件。'
  if (!stats.filter.all) return '还没有已核验的报告。勾选“全部（含未核验）”可统计全部报告。'
  return '资料库中还没有报告。导入报告后即可统计。'
}

/** Years on the x axis: one year draws, but says it shows no change. */
export function yearsNote(rows: YearRow[]): string | null {
  const years = rows.filter((r) => r.year !== null).length
  if (years === 1) return '仅 1 个年度，看不出年度变化'
  return null
}

/** Report id → its year, from the by-year rows (for naming report links). */
export function reportYears(rows: YearRow[]): Map<number, number | null> {
  const years = new Map<number, number | null>()
  for (const r of rows) for (const id of r.reportIds) years.set(id, r.year)
  return years
}

/**
 * Years to offer as chips. An answer over every year is the whole truth for its status (it also forgets
 * the years of a library opened before); one filtered by year shows only those, so the known ones stay.
 */
export function mergeYears(known: number[], rows: YearRow[], chosen: number[]): number[] {
  const all = new Set(chosen.length ? [...known, ...chosen] : [])
  for (const r of rows) if (r.year !== null) all.add(r.year)
  return [...all].sort((a, b) => a - b)
}

// 统计分析: what the library's reports say together, by year and by agency, with the outliers.
// Every figure keeps the report ids and cell keys it came from.

import type { Db } from '../db'
import { byAgency, byYear, outliers, type AgencyRow, type RateOutliers, type YearRow } from './compute'
import { RATES } from './measures'
import { readStatReports, type StatsFilter } from './read'

export type { StatsFilter } from './read'
export type { AgencyRow, Figure, Outlier, Rate, RateOutliers, YearRow } from './compute'
export { GENERAL_NOTES, MEASURES, MIN_OUTLIER_SAMPLE, RATES } from './measures'

export interface LibraryStats {
  filter: { years: number[]; agency: string | null; all: boolean }
  reportCount: number
  unverifiedReportIds: number[]
  byYear: YearRow[]
  byAgency: AgencyRow[]
  outliers: RateOutliers[]
}

export function libraryStats(db: Db, filter: StatsFilter = {}): LibraryStats {
  const reports = readStatReports(db, filter)
  const agencies = byAgency(reports)
  return {
    filter: { years: filter.years ?? [], agency: filter.agency?.trim() || null, all: filter.all === true },
    reportCount: reports.length,
    unverifiedReportIds: reports.filter((r) => !r.verified).map((r) => r.id),
    byYear: byYear(reports),
    byAgency: agencies,
    outliers: RATES.map((def) => outliers(agencies, def))
  }
}

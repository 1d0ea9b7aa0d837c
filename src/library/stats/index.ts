// 统计分析: what the library's reports say together, by year and by agency, with the outliers and the year-on-year jumps.
// Every figure keeps the report ids and cell keys it came from.

import type { Db } from '../db'
import type { LibraryStats, StatsDefinitions, StatsFilter } from '../../shared/stats'
import { byAgency, byYear, outliers, type StatReport } from './compute'
import { GENERAL_NOTES, MEASURES, RATES } from './measures'
import { jumps } from './jumps'
import { readStatReports } from './read'
import { countOnce, yearUnknown } from './counted'

export type { AgencyRow, Figure, Jump, LeftOutReport, LibraryStats, Outlier, Rate, RateOutliers, StatsFilter, YearRow } from '../../shared/stats'
export { GENERAL_NOTES, MEASURES, MIN_OUTLIER_SAMPLE, RATES } from './measures'

export const DEFINITIONS: StatsDefinitions = {
  measures: MEASURES.map((m) => ({ id: m.id, label: m.label, unit: m.unit, definition: m.definition })),
  rates: RATES.map((r) => ({ id: r.id, label: r.label, definition: r.definition })),
  notes: [...GENERAL_NOTES]
}

/**
 * Near-duplicates count once and a 年度不详 report joins no agency's row (counted.ts); both are listed in leftOut.
 */
export function libraryStats(db: Db, filter: StatsFilter = {}): LibraryStats {
  const { reports, scope } = statsScope(db, filter)
  const agencies = byAgency(reports.filter((r) => r.year !== null))
  return {
    ...scope,
    byYear: byYear(reports),
    byAgency: agencies,
    outliers: RATES.map((def) => outliers(agencies, def)),
    jumps: jumps(reports),
    definitions: DEFINITIONS
  }
}

/** What every answer of 统计 starts with: the reports counted, and the scope line's facts. */
export type StatsScope = Pick<LibraryStats, 'filter' | 'reportCount' | 'leftOut' | 'unverifiedReportIds'>

export function statsScope(db: Db, filter: StatsFilter): { reports: StatReport[]; scope: StatsScope } {
  const { counted: reports, leftOut } = countOnce(readStatReports(db, filter))
  return {
    reports,
    scope: {
      filter: { years: filter.years ?? [], agency: filter.agency?.trim() || null, all: filter.all === true },
      reportCount: reports.length,
      leftOut: [...leftOut, ...yearUnknown(reports)],
      unverifiedReportIds: reports.filter((r) => !r.verified).map((r) => r.id)
    }
  }
}

export { compareAgency } from './compare'

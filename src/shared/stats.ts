// What 统计分析 answers, as plain data shared by the library (which computes it), the CLI, the
// exports and the 统计 screen. Every figure keeps the report ids and cell keys it came from, so a
// bar, a table cell or an outlier leads back to its reports.

import type { TemplateId } from '../core/template/cells'
import type { ReportStatus } from './types'

export type MeasureId =
  | 'newReceived'
  | 'carriedOver'
  | 'concluded'
  | 'carriedForward'
  | 'granted'
  | 'partiallyGranted'
  | 'denied'
  | 'unable'
  | 'notProcessed'
  | 'otherHandling'
  | 'reviewTotal'
  | 'reviewCorrected'
  | 'litigationTotal'
  | 'litigationCorrected'
  | 'licensingDecisions'
  | 'punishmentDecisions'
  | 'feesAmount'

export type RateId = 'disclosure' | 'reviewCorrection' | 'litigationCorrection'

export interface StatsFilter {
  /** Only these years; all years when absent or empty. */
  years?: number[]
  /** Words matched as the library list's search box matches them (agency, Simplified or Traditional). */
  agency?: string
  /** Every report; by default only verified ones. Unverified reports are flagged in every figure. */
  all?: boolean
}

/** A sum over reports, with where it came from. */
export interface Figure {
  /** Null when no report had the measure filled in. */
  value: number | null
  /** The reports added up. */
  reportIds: number[]
  /** The cell keys added up (of every template involved). */
  keys: string[]
  /** Reports left out because a cell was blank or "/", with those cells. */
  blank: { reportId: number; keys: string[] }[]
  /** Reports left out because their form has no such cell (收费金额 in the 2019 form): not blank, not 0. */
  notInForm?: number[]
  /** Among reportIds, those not verified (only with "all"). */
  unverifiedReportIds: number[]
  /** Amounts: the most decimals its terms were written with; print the value with exactly these (formatDecimal). */
  decimals?: number
}

/**
 * A report in scope that a figure does not count. 'duplicate': another report of the same agency,
 * year and template is counted in its place (keptReportId), in every figure. 'yearUnknown': its year
 * was not read; it is counted in the 年度不详 row only, never in an agency's row.
 */
export interface LeftOutReport {
  reportId: number
  agency: string | null
  year: number | null
  kind: 'duplicate' | 'yearUnknown'
  keptReportId?: number
  /** In Chinese: 重复，未计入… / 年度不详，未计入… */
  why: string
}

export interface Rate {
  /** 0…1, or null with a reason. */
  value: number | null
  reason: string | null
  numerator: number | null
  denominator: number | null
  reportIds: number[]
  keys: string[]
  /** Reports left out of the rate, and why. */
  excluded: { reportId: number; reason: string }[]
  unverifiedReportIds: number[]
}

export interface YearRow {
  year: number | null
  reportIds: number[]
  unverifiedReportIds: number[]
  measures: Record<MeasureId, Figure>
}

export interface AgencyRow {
  /** The name as first written among its reports; null when none was read. */
  agency: string | null
  agencyKey: string | null
  years: number[]
  reportIds: number[]
  unverifiedReportIds: number[]
  measures: Record<MeasureId, Figure>
  rates: Record<RateId, Rate>
}

export interface Outlier {
  agency: string | null
  agencyKey: string | null
  value: number
  z: number
  why: string
  reportIds: number[]
  /** The cells the rate was computed from. */
  keys: string[]
  /** Among reportIds, those not verified (only with "all"): the why says so too. */
  unverifiedReportIds: number[]
}

export interface RateOutliers {
  rate: RateId
  /** Agencies with a value of the rate. */
  n: number
  minSample: number
  median: number | null
  mad: number | null
  /** Why nothing could be flagged (small sample, no spread); null when the test ran. */
  note: string | null
  flagged: Outlier[]
}

/** One agency's figure changing sharply from one year to the next. */
export interface Jump {
  agency: string | null
  agencyKey: string | null
  what: MeasureId | RateId
  label: string
  fromYear: number
  toYear: number
  from: number
  to: number
  /** In Chinese: what changed, by how much, and which rule it broke. */
  why: string
  /** [earlier report, later report]. */
  reportIds: [number, number]
  keys: string[]
  unverifiedReportIds: number[]
  /** How far past its rule (the factor ÷ 3, the points ÷ 30): the list is sorted by it, largest first. */
  size?: number
}

/** What a label and a definition are, for the ? panel, the 分析 sheet and the CLI. */
export interface StatsDefinitions {
  measures: { id: MeasureId; label: string; unit: string; definition: string }[]
  rates: { id: RateId; label: string; definition: string }[]
  /** How blanks, rates, outliers and jumps are treated. */
  notes: string[]
}

export interface LibraryStats {
  filter: { years: number[]; agency: string | null; all: boolean }
  /** The reports counted (near-duplicates once; see leftOut). */
  reportCount: number
  /** Reports in scope left out of the figures, or of the agency rows, and why. */
  leftOut: LeftOutReport[]
  unverifiedReportIds: number[]
  byYear: YearRow[]
  byAgency: AgencyRow[]
  outliers: RateOutliers[]
  jumps: Jump[]
  definitions: StatsDefinitions
}

/** One cell of one report in the compare view; null when that report's template has no such cell. */
export interface ComparedCell {
  raw: string | null
  value: number | null
  /** value − the previous report's value, when both are numbers. */
  delta: number | null
  /** Raw text differs from the previous report's (blank → number, "/" → 0, 3 → 5 …). */
  changed: boolean
}

export interface ComparedRow {
  key: string
  /** 二, 三 or 四. */
  table: string
  row: string
  column: string
  cells: (ComparedCell | null)[]
  /** Any cell differs from the one before it. */
  changed: boolean
}

/** 上年结转 of a year against 结转下年度 of the year before, column by column. */
export interface CarryLink {
  fromReportId: number
  toReportId: number
  fromYear: number
  toYear: number
  columns: { column: string; forwardKey: string; overKey: string; forward: number | null; over: number | null; holds: boolean | null }[]
  /** null when a cell needed is blank or the years are not consecutive. */
  holds: boolean | null
  why: string
}

export interface AgencyComparison {
  agency: string | null
  agencyKey: string
  /** Oldest first. */
  reports: { id: number; year: number | null; template: TemplateId | null; status: ReportStatus; fileName: string }[]
  rows: ComparedRow[]
  carry: CarryLink[]
  /** The agency's unverified reports left out (verified only); 0 with "all". */
  unverifiedLeftOut?: number
  /** Reports in scope not side by side: a duplicate of one shown, or of unknown year. */
  leftOut?: LeftOutReport[]
}

// ---- What the 统计 screen receives -------------------------------------------------------------
// A library of 10,000 reports has 2,000 agencies: their full figures (report ids and cell keys of
// every measure and rate) come to 9 MB, which the screen never reads. It gets the counts instead;
// the cell keys of each measure are in the definitions, the reports behind a row in its compare view.

/** The measures the 按机关 table shows. */
export const AGENCY_TABLE_MEASURES = ['newReceived', 'licensingDecisions', 'punishmentDecisions', 'feesAmount'] as const
export type AgencyTableMeasure = (typeof AGENCY_TABLE_MEASURES)[number]

/** A figure as the screen shows it: the number, and how many reports it added, left out or holds unverified. */
export interface FigureCount {
  value: number | null
  reports: number
  /** Reports left out because a cell was blank or "/". */
  blank: number
  /** Reports whose form has no such cell (2019 收费). */
  notInForm: number
  unverified: number
  /** Amounts: print the value with these decimals. */
  decimals?: number
}

export interface RateCount {
  value: number | null
  reason: string | null
  numerator: number | null
  denominator: number | null
  reports: number
  excluded: number
  /** The distinct reasons reports were left out. */
  excludedReasons: string[]
  unverified: number
}

export interface AgencySummary {
  agency: string | null
  agencyKey: string | null
  years: number[]
  reports: number
  unverified: number
  measures: Record<AgencyTableMeasure, FigureCount>
  rates: Record<RateId, RateCount>
}

/** LibraryStats with the agencies as counts: what getStats sends the 统计 screen. */
export interface StatsOverview extends Omit<LibraryStats, 'byAgency'> {
  byAgency: AgencySummary[]
}

export function countFigure(f: Figure): FigureCount {
  return {
    value: f.value,
    reports: f.reportIds.length,
    blank: f.blank.length,
    notInForm: f.notInForm?.length ?? 0,
    unverified: f.unverifiedReportIds.length,
    ...(f.decimals ? { decimals: f.decimals } : {})
  }
}

export function countRate(r: Rate): RateCount {
  return {
    value: r.value,
    reason: r.reason,
    numerator: r.numerator,
    denominator: r.denominator,
    reports: r.reportIds.length,
    excluded: r.excluded.length,
    // Most of 6,000 agency rates exclude no report: no Set for them.
    excludedReasons: r.excluded.length ? [...new Set(r.excluded.map((e) => e.reason))] : [],
    unverified: r.unverifiedReportIds.length
  }
}

export function summariseAgency(row: AgencyRow): AgencySummary {
  return {
    agency: row.agency,
    agencyKey: row.agencyKey,
    years: row.years,
    reports: row.reportIds.length,
    unverified: row.unverifiedReportIds.length,
    measures: Object.fromEntries(AGENCY_TABLE_MEASURES.map((m) => [m, countFigure(row.measures[m])])) as Record<AgencyTableMeasure, FigureCount>,
    rates: {
      disclosure: countRate(row.rates.disclosure),
      reviewCorrection: countRate(row.rates.reviewCorrection),
      litigationCorrection: countRate(row.rates.litigationCorrection)
    }
  }
}

export function overviewOf(stats: LibraryStats): StatsOverview {
  return { ...stats, byAgency: stats.byAgency.map(summariseAgency) }
}

/** What a scope line adds about the reports left out: "；另有 1 份重复，未计入；1 份年度不详，未计入按机关的统计" ('' when none). */
export function leftOutNote(leftOut: readonly LeftOutReport[]): string {
  const duplicates = leftOut.filter((l) => l.kind === 'duplicate').length
  const yearUnknown = leftOut.filter((l) => l.kind === 'yearUnknown').length
  const parts = [duplicates ? `${duplicates} 份重复，未计入` : '', yearUnknown ? `${yearUnknown} 份年度不详，未计入按机关的统计` : ''].filter(Boolean)
  return parts.length ? `；另有 ${parts.join('；')}` : ''
}

// Hand-made stats rows for the screen's unit tests.

import { summariseAgency, type AgencySummary, type Figure, type MeasureId, type Rate, type RateId, type YearRow } from '../../../shared/stats'

const MEASURE_IDS: MeasureId[] = [
  'newReceived',
  'carriedOver',
  'concluded',
  'carriedForward',
  'granted',
  'partiallyGranted',
  'denied',
  'unable',
  'notProcessed',
  'otherHandling',
  'reviewTotal',
  'reviewCorrected',
  'litigationTotal',
  'litigationCorrected',
  'licensingDecisions',
  'punishmentDecisions',
  'feesAmount'
]

export function figure(value: number | null, reportIds: number[] = [], blank: number[] = [], unverified: number[] = []): Figure {
  return { value, reportIds, keys: [], blank: blank.map((reportId) => ({ reportId, keys: ['k'] })), unverifiedReportIds: unverified }
}

export function rate(value: number | null, reason: string | null = null): Rate {
  return { value, reason, numerator: null, denominator: null, reportIds: [], keys: [], excluded: [], unverifiedReportIds: [] }
}

export function yearRow(year: number | null, reportIds: number[], given: Partial<Record<MeasureId, Figure>> = {}): YearRow {
  const measures = Object.fromEntries(MEASURE_IDS.map((m) => [m, given[m] ?? figure(null)])) as Record<MeasureId, Figure>
  return { year, reportIds, unverifiedReportIds: [], measures }
}

export function agencyRow(
  agency: string | null,
  years: number[],
  given: Partial<Record<MeasureId, Figure>> = {},
  rates: Partial<Record<RateId, Rate>> = {}
): AgencySummary {
  const measures = Object.fromEntries(MEASURE_IDS.map((m) => [m, given[m] ?? figure(null)])) as Record<MeasureId, Figure>
  return summariseAgency({
    agency,
    agencyKey: agency,
    years,
    reportIds: [],
    unverifiedReportIds: [],
    measures,
    rates: {
      disclosure: rates.disclosure ?? rate(null, '办结为 0'),
      reviewCorrection: rates.reviewCorrection ?? rate(null, '无数据'),
      litigationCorrection: rates.litigationCorrection ?? rate(null, '无数据')
    }
  })
}

// 年报质量评估 as it crosses the IPC boundary: a report's assessment, the list's score column and
// the 统计 screen's ranking.

import type { Assessment, IndicatorId, IndicatorState } from '../core/assess'

export type { Assessment, Deduction, IndicatorId, IndicatorResult, IndicatorState, TypedPublicationDate } from '../core/assess'

export const INDICATOR_TITLES: Record<IndicatorId, string> = {
  timeliness: '及时性',
  conformity: '规范性',
  completeness: '完整性',
  accuracy: '准确性',
  problems: '问题与改进',
  fees: '信息处理费'
}

/** What the library list shows of a report's assessment. */
export interface AssessSummary {
  reportId: number
  total: number
  max: number
  unverified: boolean
  /** The indicators that lost points. */
  failing: IndicatorId[]
  /** The indicators that could not be judged. */
  unknown: IndicatorId[]
}

/** One report in the ranking of the 统计 screen. */
export interface RankedReport {
  reportId: number
  agency: string | null
  year: number | null
  total: number
  max: number
  unverified: boolean
  points: Record<IndicatorId, number>
  states: Record<IndicatorId, IndicatorState>
}

/** How one indicator came out over the ranked reports. */
export interface IndicatorSpread {
  id: IndicatorId
  title: string
  max: number
  full: number
  partial: number
  zero: number
  unknown: number
  mean: number | null
}

export interface AssessRanking {
  rubric: Assessment['rubric']
  /** Best first within each year; years newest first. */
  reports: RankedReport[]
  spread: IndicatorSpread[]
}

export function summaryOf(reportId: number, a: Assessment): AssessSummary {
  return {
    reportId,
    total: a.total,
    max: a.max,
    unverified: a.unverified,
    failing: a.indicators.filter((i) => i.deductions.some((d) => d.points > 0)).map((i) => i.id),
    unknown: a.indicators.filter((i) => i.state === 'unknown').map((i) => i.id)
  }
}

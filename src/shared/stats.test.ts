import { describe, expect, it } from 'vitest'
import { AGENCY_TABLE_MEASURES, countFigure, countRate, summariseAgency, type AgencyRow, type Figure, type MeasureId, type Rate } from './stats'

const figure = (value: number | null, reportIds: number[], blank: number[] = [], unverified: number[] = [], notInForm?: number[]): Figure => ({
  value,
  reportIds,
  keys: ['requests.new_received.total'],
  blank: blank.map((reportId) => ({ reportId, keys: ['requests.new_received.total'] })),
  unverifiedReportIds: unverified,
  ...(notInForm ? { notInForm } : {})
})

const rate = (value: number | null, excluded: { reportId: number; reason: string }[] = []): Rate => ({
  value,
  reason: value === null ? '办结为 0' : null,
  numerator: value === null ? null : 8,
  denominator: value === null ? null : 10,
  reportIds: [1, 2],
  keys: ['requests.total.total'],
  excluded,
  unverifiedReportIds: [2]
})

describe('what getStats sends the 统计 screen', () => {
  it('a figure becomes its number and counts of reports added, left out, not in the form and unverified', () => {
    expect(countFigure(figure(30, [1, 2, 3], [4, 5], [3], [6]))).toEqual({ value: 30, reports: 3, blank: 2, notInForm: 1, unverified: 1 })
    expect(countFigure(figure(null, [], [4]))).toEqual({ value: null, reports: 0, blank: 1, notInForm: 0, unverified: 0 })
  })

  it('a rate keeps its numerator, denominator and reason, and names each distinct reason a report was left out', () => {
    const excluded = [
      { reportId: 3, reason: '办结空白或为“/”' },
      { reportId: 4, reason: '办结空白或为“/”' },
      { reportId: 5, reason: '予以公开空白或为“/”' }
    ]
    expect(countRate(rate(0.8, excluded))).toEqual({
      value: 0.8,
      reason: null,
      numerator: 8,
      denominator: 10,
      reports: 2,
      excluded: 3,
      excludedReasons: ['办结空白或为“/”', '予以公开空白或为“/”'],
      unverified: 1
    })
  })

  it("an agency row keeps only the table's measures, as counts", () => {
    const ids: MeasureId[] = ['newReceived', 'carriedOver', 'concluded', 'licensingDecisions', 'punishmentDecisions', 'feesAmount']
    const row = {
      agency: '甲市教育局',
      agencyKey: '甲市教育局',
      years: [2021, 2022],
      reportIds: [1, 2],
      unverifiedReportIds: [2],
      measures: Object.fromEntries(ids.map((m, i) => [m, figure(i, [1, 2])])),
      rates: { disclosure: rate(0.8), reviewCorrection: rate(null), litigationCorrection: rate(0.1) }
    } as unknown as AgencyRow
    const summary = summariseAgency(row)
    expect(Object.keys(summary.measures)).toEqual([...AGENCY_TABLE_MEASURES])
    expect(summary.measures.feesAmount).toEqual({ value: 5, reports: 2, blank: 0, notInForm: 0, unverified: 0 })
    expect(summary).toMatchObject({ agency: '甲市教育局', years: [2021, 2022], reports: 2, unverified: 1 })
    expect(summary.rates.reviewCorrection).toMatchObject({ value: null, reason: '办结为 0' })
    expect(JSON.stringify(summary)).not.toContain('requests.')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { openReadOnly } from '../db'
import { removeTempDirs } from '../testing/fixtures'
import { statsLibrary } from '../testing/stats-fixture'
import { byAgency, median, outliers, type StatReport } from './compute'
import { libraryStats } from './index'
import { measureKeys, RATES } from './measures'

afterEach(removeTempDirs)

// Every expected figure below was added up by hand from STATS_REPORTS (ids 1…5):
// 1 甲 2021, 2 乙 2021 (复议 "/"), 3 丙 2020 (2019 form), 4 甲 2022 (新收 blank, 不予公开 "/", 总计 0), 5 戊 2021 unverified.

async function stats(filter: Parameters<typeof libraryStats>[1] = {}) {
  const db = openReadOnly(await statsLibrary())
  try {
    return libraryStats(db, filter)
  } finally {
    db.close()
  }
}

describe('the measures', () => {
  it('group the sub-rows of each outcome, by template', () => {
    expect(measureKeys('otherHandling', '2019')).toEqual(['requests.other.total'])
    expect(measureKeys('otherHandling', '2021')).toEqual([
      'requests.other.no_correction.total',
      'requests.other.unpaid_fee.total',
      'requests.other.misc.total'
    ])
    expect(measureKeys('denied', '2021')).toHaveLength(8)
    expect(measureKeys('unable', '2019')).toHaveLength(3)
    expect(measureKeys('notProcessed', '2021')).toHaveLength(5)
    expect(measureKeys('litigationCorrected', null)).toEqual(['appeals.litigation_direct.corrected', 'appeals.litigation_after_review.corrected'])
  })
})

describe('by year', () => {
  it('adds up verified reports only by default, blanks and "/" left out and listed', async () => {
    const s = await stats()
    expect(s.reportCount).toBe(4)
    expect(s.unverifiedReportIds).toEqual([])
    expect(s.byYear.map((y) => [y.year, y.reportIds])).toEqual([[2020, [3]], [2021, [1, 2]], [2022, [4]]])
    const values = (year: number) =>
      Object.fromEntries(Object.entries(s.byYear.find((y) => y.year === year)!.measures).map(([id, f]) => [id, f.value]))
    expect(values(2021)).toEqual({
      newReceived: 30, concluded: 30, carriedForward: 2, granted: 15, partiallyGranted: 7, denied: 3, unable: 1,
      notProcessed: 1, otherHandling: 3, reviewTotal: 4, reviewCorrected: 1, litigationTotal: 4, litigationCorrected: 1
    })
    // The 2019 form: （六）其他处理 is one row.
    expect(values(2020)).toEqual({
      newReceived: 8, concluded: 8, carriedForward: 1, granted: 4, partiallyGranted: 0, denied: 0, unable: 2,
      notProcessed: 0, otherHandling: 2, reviewTotal: 1, reviewCorrected: 1, litigationTotal: 1, litigationCorrected: 0
    })
    expect(values(2022)).toMatchObject({ newReceived: null, concluded: 0, denied: null, granted: 0, reviewTotal: null, litigationTotal: 0 })
    const y2021 = s.byYear[1].measures
    expect(y2021.reviewTotal.blank).toEqual([{ reportId: 2, keys: ['appeals.review.total'] }])
    expect(y2021.reviewTotal.reportIds).toEqual([1])
    expect(y2021.otherHandling.keys).toEqual(measureKeys('otherHandling', '2021'))
    const y2022 = s.byYear[2].measures
    expect(y2022.newReceived.blank).toEqual([{ reportId: 4, keys: ['requests.new_received.total'] }])
    expect(y2022.denied.blank).toEqual([{ reportId: 4, keys: ['requests.denied.state_secret.total'] }])
  })

  it('counts unverified reports only with all, and flags them', async () => {
    const s = await stats({ all: true })
    expect(s.unverifiedReportIds).toEqual([5])
    const y2021 = s.byYear.find((y) => y.year === 2021)!
    expect(y2021.unverifiedReportIds).toEqual([5])
    expect(y2021.measures.newReceived).toMatchObject({ value: 130, reportIds: [1, 2, 5], unverifiedReportIds: [5] })
    expect(y2021.measures.granted.value).toBe(115)
    expect(y2021.measures.reviewTotal).toMatchObject({ value: 6, unverifiedReportIds: [5] })
  })

  it('filters by year and by agency (Traditional input too)', async () => {
    expect((await stats({ years: [2020, 2022] })).byYear.map((y) => y.year)).toEqual([2020, 2022])
    expect((await stats({ agency: '甲市' })).byAgency.map((a) => a.reportIds)).toEqual([[1, 4]])
    expect((await stats({ agency: '乙縣' })).byAgency.map((a) => a.agency)).toEqual(['乙县民政局'])
    expect((await stats({ agency: '没有这个机关' })).byYear).toEqual([])
  })
})

describe('by agency', () => {
  it('gives 新收 and the rates with their sources; a blank or zero denominator is null with a reason', async () => {
    const s = await stats()
    expect(s.byAgency.map((a) => [a.agency, a.measures.newReceived.value])).toEqual([['乙县民政局', 20], ['甲市教育局', 10], ['丙区统计局', 8]])
    const [b, a, c] = s.byAgency
    // 甲: (5 + 1 + 0 + 0) / (10 + 0); 2022's 总计 0 adds nothing.
    expect(a.rates.disclosure).toMatchObject({ value: 0.6, numerator: 6, denominator: 10, reportIds: [1, 4], reason: null })
    expect(a.rates.disclosure.keys).toEqual(['requests.granted.total', 'requests.partially_granted.total', 'requests.total.total'])
    expect(a.measures.newReceived).toMatchObject({ value: 10, reportIds: [1], blank: [{ reportId: 4, keys: ['requests.new_received.total'] }] })
    expect(a.rates.reviewCorrection).toMatchObject({
      value: 0.25, reportIds: [1], excluded: [{ reportId: 4, reason: '行政复议结果纠正、行政复议总计空白或为“/”' }]
    })
    // Both kinds of 诉讼: (1 + 0) / (2 + 2).
    expect(a.rates.litigationCorrection).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 })
    expect(b.rates.disclosure.value).toBe(0.8)
    expect(b.rates.reviewCorrection).toMatchObject({ value: null, reason: '各报告的有关单元格均有空白或“/”', numerator: null })
    expect(b.rates.litigationCorrection).toMatchObject({ value: null, reason: '行政诉讼总计为 0', numerator: 0, denominator: 0 })
    expect(c.rates).toMatchObject({ disclosure: { value: 0.5 }, reviewCorrection: { value: 1 }, litigationCorrection: { value: 0 } })
  })

  it('where （七）总计 is 0 the 公开率 is null, never 0 or NaN', async () => {
    const [a] = (await stats({ years: [2022] })).byAgency
    expect(a.rates.disclosure).toMatchObject({ value: null, reason: '办结（（七）总计）为 0', numerator: 0, denominator: 0 })
  })

  it('flags unverified reports in the agency rows with all', async () => {
    const s = await stats({ all: true })
    expect(s.byAgency[0]).toMatchObject({ agency: '戊市财政局', unverifiedReportIds: [5] })
    expect(s.byAgency[0].rates.disclosure).toMatchObject({ value: 1, unverifiedReportIds: [5] })
  })
})

/** A report of an agency with only the 公开率 cells filled in. */
function disclosing(id: number, granted: number, total: number): StatReport {
  const cells = new Map([
    ['requests.granted.total', { value: granted, raw: String(granted) }],
    ['requests.partially_granted.total', { value: 0, raw: '0' }],
    ['requests.total.total', { value: total, raw: String(total) }]
  ])
  return { id, agency: `机关${id}`, agencyKey: `机关${id}`, year: 2021, template: '2021', verified: true, cells }
}

const disclosure = RATES[0]

describe('值得关注', () => {
  it('needs the minimum sample and says so', async () => {
    const s = await stats()
    expect(s.outliers[0]).toMatchObject({ rate: 'disclosure', n: 3, minSample: 8, flagged: [], median: null })
    expect(s.outliers[0].note).toBe('样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    const seven = [50, 52, 48, 50, 51, 49, 5].map((g, i) => disclosing(i + 1, g, 100))
    expect(outliers(byAgency(seven), disclosure).flagged).toEqual([])
  })

  it('flags by median and MAD, with why and the report ids', () => {
    // 0.05 .48 .49 .50 .50 .50 .50 .51 .52: median .50; |deviations| sorted 0 0 0 0 .01 .01 .02 .02 .45 → MAD .01;
    // z(0.05) = 0.6745 × (0.05 − 0.5) / 0.01 = −30.35; z(0.52) = 1.35, not flagged.
    const rows = byAgency([50, 52, 48, 50, 51, 49, 50, 50, 5].map((g, i) => disclosing(i + 1, g, 100)))
    const o = outliers(rows, disclosure)
    expect(o).toMatchObject({ n: 9, note: null })
    expect(o.median).toBeCloseTo(0.5, 10)
    expect(o.mad).toBeCloseTo(0.01, 10)
    expect(o.flagged).toHaveLength(1)
    expect(o.flagged[0]).toMatchObject({ agency: '机关9', value: 0.05, reportIds: [9], unverifiedReportIds: [] })
    expect(o.flagged[0].z).toBeCloseTo(-30.35, 1)
    expect(o.flagged[0].why).toBe('公开率 5.0%，低于同范围中位数 50.0%（稳健 z = -30.4，|z| > 3.5）')
  })

  it('uses the mean absolute deviation when MAD is 0, and flags nothing when all agree', () => {
    // Eight at .5, one at .1: MAD 0; mean |dev| = .4 / 9; z = −.4 / (1.253314 × .4 / 9) = −7.18.
    const o = outliers(byAgency([50, 50, 50, 50, 50, 50, 50, 50, 10].map((g, i) => disclosing(i + 1, g, 100))), disclosure)
    expect(o.mad).toBe(0)
    expect(o.flagged.map((f) => f.agency)).toEqual(['机关9'])
    expect(o.flagged[0].z).toBeCloseTo(-7.18, 2)
    const unverifiedOne = [50, 50, 50, 50, 50, 50, 50, 50, 10].map((g, i) => ({ ...disclosing(i + 1, g, 100), verified: i !== 8 }))
    const flaggedUnverified = outliers(byAgency(unverifiedOne), disclosure).flagged[0]
    expect(flaggedUnverified).toMatchObject({ reportIds: [9], unverifiedReportIds: [9] })
    expect(flaggedUnverified.why).toMatch(/；含未核验的报告$/)
    const same = outliers(byAgency(Array.from({ length: 9 }, (_, i) => disclosing(i + 1, 50, 100))), disclosure)
    expect(same).toMatchObject({ flagged: [], note: '各机关的公开率相同，无离群值' })
  })

  it('leaves agencies whose rate is null out of the sample', () => {
    const rows = byAgency([...Array.from({ length: 7 }, (_, i) => disclosing(i + 1, 50, 100)), disclosing(8, 0, 0)])
    expect(outliers(rows, disclosure).n).toBe(7)
  })

  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

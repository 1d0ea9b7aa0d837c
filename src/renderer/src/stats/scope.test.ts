import { countFigure, countRate } from '../../../shared/stats'
import { describe, expect, it } from 'vitest'
import type { StatsOverview } from '../../../shared/stats'
import { emptyMessage, mergeYears, reportYears, scopeLine, yearsNote } from './scope'
import { figureTitle, formatNumber, formatRate, rateTitle, yearsLabel } from './format'
import { figure, rate, yearRow } from './test-rows'
import { ticketCounter } from './latest'

function stats(
  reportCount: number,
  filter: Partial<StatsOverview['filter']> = {},
  unverified: number[] = [],
  leftOut: StatsOverview['leftOut'] = []
): StatsOverview {
  return {
    filter: { years: [], agency: null, all: false, ...filter },
    reportCount,
    leftOut,
    unverifiedReportIds: unverified,
    byYear: [],
    byAgency: [],
    outliers: [],
    jumps: [],
    definitions: { measures: [], rates: [], notes: [] }
  }
}

describe('统计 scope', () => {
  it.each<[StatsOverview, string]>([
    [stats(4), '统计范围：已核验的报告 4 份'],
    [stats(5, { all: true }, [5]), '统计范围：已核验的报告 4 份，含未核验 1 份（共 5 份）'],
    [
      stats(
        4,
        {},
        [],
        [
          { reportId: 6, agency: '米易县人民政府', year: 2021, kind: 'duplicate', keptReportId: 1, why: '重复，未计入' },
          { reportId: 7, agency: '沭阳县人民政府', year: null, kind: 'yearUnknown', why: '年度不详' }
        ]
      ),
      '统计范围：已核验的报告 4 份；另有 1 份重复，未计入；1 份年度不详，未计入按机关的统计'
    ]
  ])('header line', (s, line) => expect(scopeLine(s)).toBe(line))

  it.each<[number, number | undefined, string]>([
    [0.3, 2, '0.30'],
    [41331.766082, 6, '41,331.766082'],
    [12, undefined, '12'],
    [3.75, 2, '3.75']
  ])('prints %s with the decimals written (%s) as %s', (n, decimals, text) => expect(formatNumber(n, decimals)).toBe(text))

  it.each<[StatsOverview, string | null]>([
    [stats(3), null],
    [stats(0), '还没有已核验的报告。勾选“全部（含未核验）”可统计全部报告。'],
    [stats(0, { all: true }), '资料库中还没有报告。导入报告后即可统计。'],
    [stats(0, { years: [2019] }), '没有符合筛选条件的报告。请放宽年度或机关条件。'],
    [stats(0, { agency: '教育' }), '没有符合筛选条件的报告。请放宽年度或机关条件。']
  ])('empty message %#', (s, message) => expect(emptyMessage(s)).toBe(message))

  it('says when only one year is drawn', () => {
    expect(yearsNote([yearRow(2021, [1])])).toBe('仅 1 个年度，看不出年度变化')
    expect(yearsNote([yearRow(2021, [1]), yearRow(null, [2])])).toBe('仅 1 个年度，看不出年度变化')
    expect(yearsNote([yearRow(2020, [1]), yearRow(2021, [2])])).toBeNull()
  })

  it("knows each report's year and merges the years seen", () => {
    expect([...reportYears([yearRow(2020, [3]), yearRow(null, [4, 5])])]).toEqual([
      [3, 2020],
      [4, null],
      [5, null]
    ])
    expect(mergeYears([2019, 2021], [yearRow(2020, [1]), yearRow(null, [2])], [2023])).toEqual([2019, 2020, 2021, 2023])
    // No year chosen: the answer names every year there is.
    expect(mergeYears([2019, 2021], [yearRow(2020, [1]), yearRow(2022, [2])], [])).toEqual([2020, 2022])
  })
})

describe('statistics wording', () => {
  it.each([
    [figure(30, [1, 2]), '新收申请：30（2 份报告合计）'],
    [figure(30, [1, 2], [3], [2]), '新收申请：30（2 份报告合计）；另有 1 份报告此项空白或为“/”，未计入；含未核验报告 1 份'],
    [figure(null, [], [1, 2]), '新收申请：2 份报告此项空白或为“/”，未计入，故无数值'],
    [figure(null), '新收申请：没有报告填写此项'],
    [{ ...figure(null), notInForm: [3] }, '新收申请：表样无此项（2019 版表格没有这一栏），不是 0'],
    [{ ...figure(1.5, [1]), notInForm: [3] }, '新收申请：1.5（1 份报告合计）；1 份报告的表样无此项，未计入']
  ])('figure title %#', (f, title) => expect(figureTitle('新收申请', countFigure(f))).toBe(title))

  it('rates: a percentage, or the reason there is none', () => {
    expect(formatRate(0.8)).toBe('80.0%')
    expect(rateTitle('公开率', countRate({ ...rate(0.8), numerator: 16, denominator: 20 }))).toBe('公开率：16 ÷ 20 = 80.0%')
    expect(rateTitle('公开率', countRate(rate(null, '办结为 0')))).toBe('公开率：无（办结为 0）')
  })

  it.each([
    [[2021], '2021'],
    [[2022, 2020, 2021], '2020–2022'],
    [[2019, 2021], '2019、2021'],
    [[], '—']
  ])('years %j → %s', (years, label) => expect(yearsLabel(years)).toBe(label))

  it('only the latest ticket is current', () => {
    const take = ticketCounter()
    const first = take()
    expect(first()).toBe(true)
    const second = take()
    expect([first(), second()]).toEqual([false, true])
  })
})

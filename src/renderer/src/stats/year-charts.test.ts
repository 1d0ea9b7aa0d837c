import { describe, expect, it } from 'vitest'
import { barSelection, blankSummary, tooltipLines, yearCharts } from './year-charts'
import { figure, yearRow } from './test-rows'

const rows = [
  yearRow(2020, [3], { newReceived: figure(8, [3]), concluded: figure(8, [3]), granted: figure(4, [3]) }),
  yearRow(2021, [1, 2, 5], {
    newReceived: figure(130, [1, 2, 5], [], [5]),
    concluded: figure(null, [], [1, 2, 5]),
    granted: figure(115, [1, 2], [5])
  }),
  yearRow(null, [9])
]

describe('按年度 charts', () => {
  const [volume, outcomes, appeals] = yearCharts(rows)

  it('one category per year row, the unknown year named', () => {
    expect(volume.categories).toEqual(['2020 年', '2021 年', '年度不详'])
    expect(volume.seriesLabels).toEqual(['新收申请', '办结', '结转下年度'])
    expect(outcomes.seriesLabels).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'])
    expect(appeals.seriesLabels).toEqual(['行政复议总计', '复议结果纠正', '行政诉讼总计', '诉讼结果纠正'])
  })

  it('a blank figure draws no bar ("-"), a number draws its value', () => {
    const series = volume.option.series as { data: unknown[]; stack?: string }[]
    expect(series[0].data).toEqual([8, 130, '-'])
    expect(series[1].data).toEqual([8, '-', '-'])
    expect(series[0].stack).toBeUndefined()
    expect((outcomes.option.series as { stack?: string }[]).every((s) => s.stack === 'total')).toBe(true)
  })

  it('names long series shortly in the legend only', () => {
    const legend = appeals.option.legend as { formatter: (name: string) => string }
    expect(['行政复议总计', '诉讼结果纠正'].map(legend.formatter)).toEqual(['复议总计', '诉讼纠正'])
    expect((volume.option.legend as { formatter: (name: string) => string }).formatter('新收申请')).toBe('新收申请')
  })

  it('is empty only when every figure is blank', () => {
    expect(volume.empty).toBe(false)
    expect(appeals.empty).toBe(true)
  })

  it.each([
    [0, 1, { ids: [1, 2, 5], label: '2021 年 · 新收申请' }],
    [0, 0, { ids: [3], label: '2020 年 · 新收申请' }],
    [1, 1, null],
    [7, 0, null]
  ])('a click on series %i, year %i shows %j', (s, d, expected) => {
    expect(barSelection(volume, s, d)).toEqual(expected)
  })

  it('the tooltip gives each value, the blanks left out and the unverified reports', () => {
    expect(tooltipLines(volume, 1)).toEqual(['2021 年', '新收申请：130（含未核验 1 份）', '办结：空白（3 份空白未计入）', '结转下年度：空白'])
    expect(tooltipLines(outcomes, 1)[1]).toBe('予以公开：115（1 份空白未计入）')
  })

  it('the tooltip formatter writes the same lines as HTML', () => {
    const formatter = (volume.option.tooltip as { formatter: (p: unknown) => string }).formatter
    const html = formatter([{ seriesIndex: 0, dataIndex: 1, marker: '●' }])
    expect(html).toBe('<b>2021 年</b><br/>●新收申请：130（含未核验 1 份）<br/>办结：空白（3 份空白未计入）<br/>结转下年度：空白')
  })

  it('sums the blanks of each series under the chart', () => {
    expect(blankSummary(volume)).toBe('空白或“/”未计入：办结 3 份')
    expect(blankSummary(outcomes)).toBe('空白或“/”未计入：予以公开 1 份')
    expect(blankSummary(appeals)).toBeNull()
  })
})

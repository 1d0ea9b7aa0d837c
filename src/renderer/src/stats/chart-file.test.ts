import { describe, expect, it } from 'vitest'
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { StatsOverview } from '../../../shared/stats'
import { chartScope, titledChartSvg } from './chart-file'
import { yearCharts } from './year-charts'
import { figure, yearRow } from './test-rows'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

function stats(reportCount: number, filter: Partial<StatsOverview['filter']> = {}, unverified: number[] = []): StatsOverview {
  return {
    filter: { years: [], agency: null, all: false, ...filter },
    reportCount,
    leftOut: [],
    unverifiedReportIds: unverified,
    byYear: [],
    byAgency: [],
    outliers: [],
    jumps: [],
    definitions: { measures: [], rates: [], notes: [] }
  }
}

/** The chart drawn by ECharts as the screen draws it (SVG, server-side), at a card's width. */
function rendered(option: object, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption(option as echarts.EChartsCoreOption)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

describe('an exported chart (issue 21 item 10)', () => {
  it.each<[string, StatsOverview, string]>([
    ['verified only', stats(12), '统计范围：仅已核验的报告（12 份）'],
    ['with unverified', stats(22, { all: true }, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), '统计范围：含未核验 10 份（共 22 份，已核验 12 份）'],
    ['narrowed by years and agency', stats(3, { years: [2021, 2022], agency: '米易' }), '统计范围：仅已核验的报告（3 份）；年度：2021–2022；机关：米易']
  ])('says its scope: %s', (_, s, line) => expect(chartScope(s)).toBe(line))

  it('carries its title, its scope and every year label', () => {
    const years = Array.from({ length: 10 }, (_, i) => 2015 + i)
    const rows = years.map((y, i) => yearRow(y, [i + 1], { newReceived: figure(10 + i, [i + 1]), concluded: figure(9, [i + 1]) }))
    const [volume] = yearCharts(rows)
    // A chart card is about a third of a 1440 px screen.
    const svg = rendered(volume.option, 420, 260)
    for (const y of years) expect(svg).toContain(`>${y} 年<`)
    const titled = titledChartSvg(svg, 420, 260, volume.title, chartScope(stats(22, { all: true }, [1, 2])))
    expect(titled).toMatchObject({ width: 420, height: 312 })
    expect(titled.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="420" height="312"/)
    expect(titled.svg).toContain(`>${volume.title}</text>`)
    expect(titled.svg).toContain('>统计范围：含未核验 2 份（共 22 份，已核验 20 份）</text>')
    expect(titled.svg).toContain('<svg x="0" y="52"')
    for (const y of years) expect(titled.svg).toContain(`>${y} 年<`)
  })

  it('escapes what it writes, and refuses what is not an SVG', () => {
    expect(titledChartSvg('<?xml version="1.0"?><svg width="1"></svg>', 1, 1, 'A & <B>', '"x"').svg).toContain('>A &amp; &lt;B&gt;</text>')
    expect(() => titledChartSvg('<html></html>', 1, 1, 't', 's')).toThrow('不是 SVG')
  })
})

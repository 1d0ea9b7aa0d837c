// Page object for the 统计 screen: the filters, the 按年度 charts (bars found in their SVG by
// colour), the 按机关 table, 值得关注, the ? panel and the chart export buttons.

import { expect, type Locator, type Page } from '@playwright/test'

export type ChartId = 'volume' | 'outcomes' | 'appeals'

/** Series colours as the chart options set them (src/renderer/src/stats/year-charts.ts). */
export const SERIES_COLOR = {
  新收申请: '#1f5fa8',
  办结: '#2e9e6a',
  结转下年度: '#d89a1c',
  予以公开: '#1e7b45',
  行政复议总计: '#1f5fa8'
} as const

export interface Bar {
  x: number
  y: number
  width: number
  height: number
}

export class StatsPage {
  readonly screen: Locator
  readonly tab: Locator
  readonly scope: Locator
  readonly empty: Locator
  readonly agencyTable: Locator
  readonly agencyRows: Locator
  /** Below the table when only the first rows are drawn. */
  readonly showAllAgencies: Locator
  readonly helpButton: Locator
  readonly help: Locator
  readonly agencySearch: Locator
  readonly statusAll: Locator
  readonly statusVerified: Locator
  readonly watch: Locator
  readonly compare: Locator
  /** 未计入的报告: near-duplicates and 年度不详 reports, each with why. */
  readonly leftOut: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('stats-screen')
    this.tab = page.getByTestId('nav-stats')
    this.scope = page.getByTestId('stats-scope')
    this.empty = page.getByTestId('stats-empty')
    this.agencyTable = page.getByTestId('agency-table')
    this.agencyRows = page.getByTestId('agency-row')
    this.showAllAgencies = page.getByRole('button', { name: '显示全部' })
    this.helpButton = page.getByRole('button', { name: '统计口径' })
    this.help = page.getByTestId('stats-help')
    this.agencySearch = page.getByRole('searchbox', { name: '按机关筛选' })
    this.statusAll = page.getByRole('radio', { name: '全部（含未核验）' })
    this.statusVerified = page.getByRole('radio', { name: '仅已核验' })
    this.watch = page.getByTestId('stats-watch')
    this.compare = page.getByTestId('agency-compare')
    this.leftOut = page.getByTestId('stats-left-out')
  }

  async open(): Promise<void> {
    await this.tab.click()
    await expect(this.screen).toBeVisible()
  }

  chart(id: ChartId): Locator {
    return this.page.getByTestId(`chart-${id}`)
  }

  svg(id: ChartId): Locator {
    return this.chart(id).locator('.echart svg')
  }

  yearChip(year: number | '全部年度'): Locator {
    return this.page.getByTestId('stats-filters').getByRole('button', { name: String(year), exact: true })
  }

  /** The bars of one series (by its colour), left to right; legend swatches (above the grid) left out. */
  async bars(id: ChartId, color: string): Promise<Bar[]> {
    const svg = this.svg(id)
    await expect(svg).toBeVisible()
    const bars = await svg.locator(`path[fill="${color}"]`).evaluateAll((paths) => {
      const svgTop = (paths[0] as SVGGraphicsElement | undefined)?.ownerSVGElement?.getBoundingClientRect().top ?? 0
      return paths
        .map((p) => (p as SVGGraphicsElement).getBoundingClientRect())
        .filter((r) => r.top - svgTop > 30)
        .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))
    })
    return bars.sort((a, b) => a.x - b.x)
  }

  /** Every filled shape the chart drew (bars, stacked segments, legend swatches). */
  async shapeCount(id: ChartId): Promise<number> {
    return this.svg(id).locator('path[fill]:not([fill="none"])').count()
  }

  async clickBar(bar: Bar): Promise<void> {
    await this.page.mouse.click(bar.x + bar.width / 2, bar.y + Math.min(bar.height / 2, 10))
  }

  async hoverBar(id: ChartId, bar: Bar): Promise<Locator> {
    await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2)
    // ECharts' tooltip is a div inside the chart's box.
    const tooltip = this.chart(id).locator('.echart > div').filter({ hasText: '年' }).last()
    await expect(tooltip).toBeVisible()
    return tooltip
  }

  async sortBy(column: string): Promise<void> {
    await this.agencyTable
      .getByRole('columnheader', { name: new RegExp(`^${column}`) })
      .getByRole('button')
      .click()
  }

  /** The 机关 column, top to bottom. */
  async agencies(): Promise<string[]> {
    return this.agencyRows.locator('td:first-child').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''))
  }

  row(agency: string): Locator {
    return this.agencyRows.filter({ hasText: agency })
  }

  /** Leaves 机关历年对比 (its own 返回统计 button does the same). */
  async closeCompare(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.compare).toHaveCount(0)
  }

  async exportChart(id: ChartId, format: 'PNG' | 'SVG'): Promise<Locator> {
    await this.chart(id)
      .getByRole('button', { name: `导出 ${format}` })
      .click()
    return this.chart(id).getByTestId('chart-export-outcome')
  }
}

// The three 按年度 charts as ECharts options built from LibraryStats.byYear, each with the Figure
// behind every bar, so a click leads to its reports and a tooltip says what was left out. Pure data
// (no echarts import): the wrapper component draws it.

import type { Figure, MeasureId, YearRow } from '../../../shared/stats'
import { formatNumber, yearLabel } from './format'

/** The app's own font stack, written into the chart so an exported SVG or PNG looks the same. */
export const CHART_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

export type YearChartId = 'volume' | 'outcomes' | 'appeals'

interface SeriesSpec {
  measure: MeasureId
  label: string
  /** The legend's name when the label is too long for a third of the screen. */
  short?: string
  color: string
}

interface ChartDefinition {
  id: YearChartId
  title: string
  /** The file name offered when it is exported. */
  fileName: string
  stacked: boolean
  series: SeriesSpec[]
}

export const YEAR_CHARTS: readonly ChartDefinition[] = [
  {
    id: 'volume',
    title: '新收、办结与结转',
    fileName: '按年度-新收办结结转',
    stacked: false,
    series: [
      { measure: 'newReceived', label: '新收申请', color: '#1f5fa8' },
      { measure: 'concluded', label: '办结', color: '#2e9e6a' },
      { measure: 'carriedForward', label: '结转下年度', color: '#d89a1c' }
    ]
  },
  {
    id: 'outcomes',
    title: '办结的办理结果',
    fileName: '按年度-办理结果',
    stacked: true,
    series: [
      { measure: 'granted', label: '予以公开', color: '#1e7b45' },
      { measure: 'partiallyGranted', label: '部分公开', color: '#74c391' },
      { measure: 'denied', label: '不予公开', color: '#c2412d' },
      { measure: 'unable', label: '无法提供', color: '#e8913a' },
      { measure: 'notProcessed', label: '不予处理', color: '#8d99a6' },
      { measure: 'otherHandling', label: '其他处理', color: '#6a4fc8' }
    ]
  },
  {
    id: 'appeals',
    title: '行政复议与行政诉讼',
    fileName: '按年度-复议诉讼',
    stacked: false,
    series: [
      { measure: 'reviewTotal', label: '行政复议总计', short: '复议总计', color: '#1f5fa8' },
      { measure: 'reviewCorrected', label: '复议结果纠正', short: '复议纠正', color: '#8fb4e3' },
      { measure: 'litigationTotal', label: '行政诉讼总计', short: '诉讼总计', color: '#a15c00' },
      { measure: 'litigationCorrected', label: '诉讼结果纠正', short: '诉讼纠正', color: '#f0c36d' }
    ]
  }
]

export interface YearChart {
  id: YearChartId
  title: string
  fileName: string
  categories: string[]
  seriesLabels: string[]
  /** [series][category]: the figure behind each bar. */
  figures: Figure[][]
  /** Nothing to draw: every figure is blank. */
  empty: boolean
  option: Record<string, unknown>
}

interface TooltipParam {
  seriesIndex: number
  dataIndex: number
  marker?: string
}

/** The tooltip of one year: every series' value, how many reports were blank, how many unverified. */
export function tooltipLines(chart: Pick<YearChart, 'categories' | 'seriesLabels' | 'figures'>, dataIndex: number): string[] {
  const lines = [chart.categories[dataIndex]]
  chart.seriesLabels.forEach((label, s) => {
    const f = chart.figures[s][dataIndex]
    const notes = [
      f.blank.length ? `${f.blank.length} 份空白未计入` : '',
      f.unverifiedReportIds.length ? `含未核验 ${f.unverifiedReportIds.length} 份` : ''
    ].filter(Boolean)
    lines.push(`${label}：${f.value === null ? '空白' : formatNumber(f.value, f.decimals)}${notes.length ? `（${notes.join('，')}）` : ''}`)
  })
  return lines
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

export function yearChart(definition: ChartDefinition, rows: YearRow[]): YearChart {
  const categories = rows.map((r) => yearLabel(r.year))
  const seriesLabels = definition.series.map((s) => s.label)
  const figures = definition.series.map((s) => rows.map((r) => r.measures[s.measure]))
  const empty = figures.every((series) => series.every((f) => f.value === null))
  const base = { categories, seriesLabels, figures }
  const crowded = categories.length > 8
  const legendName = new Map(definition.series.map((s) => [s.label, s.short ?? s.label]))
  const option = {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    color: definition.series.map((s) => s.color),
    legend: { top: 0, itemWidth: 12, itemHeight: 9, itemGap: 8, textStyle: { fontSize: 11 }, formatter: (name: string) => legendName.get(name) ?? name },
    // Six legend entries take two lines in a third of the screen.
    grid: { left: 52, right: 12, top: definition.series.length > 4 ? 56 : 36, bottom: crowded ? 44 : 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: TooltipParam | TooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params]
        if (!list.length) return ''
        const lines = tooltipLines(base, list[0].dataIndex).map(escapeHtml)
        const markers = new Map(list.map((p) => [p.seriesIndex, p.marker ?? '']))
        return [`<b>${lines[0]}</b>`, ...lines.slice(1).map((l, s) => `${markers.get(s) ?? ''}${l}`)].join('<br/>')
      }
    },
    // Every year is labelled (ECharts' automatic interval dropped every other one in a narrow card,
    // and in the exported picture); many years are slanted to fit.
    xAxis: { type: 'category', data: categories, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, hideOverlap: false, rotate: crowded ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: definition.series.map((s, i) => ({
      type: 'bar',
      name: s.label,
      stack: definition.stacked ? 'total' : undefined,
      barMaxWidth: definition.stacked ? 48 : 28,
      // A blank figure draws no bar (ECharts' "-"), never a bar of 0.
      data: figures[i].map((f) => (f.value === null ? '-' : f.value)),
      cursor: 'pointer'
    }))
  }
  return { id: definition.id, title: definition.title, fileName: definition.fileName, categories, seriesLabels, figures, empty, option }
}

export function yearCharts(rows: YearRow[]): YearChart[] {
  return YEAR_CHARTS.map((d) => yearChart(d, rows))
}

/** What a click on a bar shows: its reports, named "2021 年 · 新收申请". Null for a blank bar. */
export function barSelection(chart: YearChart, seriesIndex: number, dataIndex: number): { ids: number[]; label: string } | null {
  const f = chart.figures[seriesIndex]?.[dataIndex]
  if (!f || !f.reportIds.length) return null
  return { ids: f.reportIds, label: `${chart.categories[dataIndex]} · ${chart.seriesLabels[seriesIndex]}` }
}

/** Reports in the filtered set that are unverified, over the chart's years. */
export function unverifiedCount(rows: YearRow[]): number {
  return rows.reduce((n, r) => n + r.unverifiedReportIds.length, 0)
}

/** Under the chart: which series left blank reports out, "新收申请 1 份、办结 3 份空白未计入". */
export function blankSummary(chart: Pick<YearChart, 'seriesLabels' | 'figures'>): string | null {
  const parts = chart.seriesLabels
    .map((label, s) => [label, chart.figures[s].reduce((n, f) => n + f.blank.length, 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 份`)
  return parts.length ? `空白或“/”未计入：${parts.join('、')}` : null
}

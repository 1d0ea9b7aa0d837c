// What an exported chart carries beyond its bars: its title and the scope of its figures (issue 21
// item 10: a PNG that silently counted unverified reports and had no title could not be filed or
// quoted). The chart's own SVG is placed under a heading drawn in SVG, so the PNG made from it
// carries both; pure string work, so it is tested without a browser.

import type { StatsOverview } from '../../../shared/stats'
import { leftOutNote } from '../../../shared/stats'
import { CHART_FONT } from './year-charts'
import { yearsLabel } from './format'

/** The scope line of an exported chart: 仅已核验 or 含未核验 N 份, and the filter that narrowed it. */
export function chartScope(stats: StatsOverview): string {
  const unverified = stats.unverifiedReportIds.length
  const counted = stats.filter.all
    ? `含未核验 ${unverified} 份（共 ${stats.reportCount} 份，已核验 ${stats.reportCount - unverified} 份）`
    : `仅已核验的报告（${stats.reportCount} 份）`
  const narrowed = [
    stats.filter.years.length ? `年度：${yearsLabel(stats.filter.years)}` : '',
    stats.filter.agency ? `机关：${stats.filter.agency}` : ''
  ].filter(Boolean)
  return `统计范围：${counted}${narrowed.length ? `；${narrowed.join('；')}` : ''}${leftOutNote(stats.leftOut)}`
}

const HEAD = 52

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/**
 * The chart's SVG (as ECharts renders it, `width`×`height`) under its title and scope: a new SVG
 * `HEAD` px taller, on white, the chart nested below the heading.
 */
export function titledChartSvg(svg: string, width: number, height: number, title: string, scope: string): { svg: string; width: number; height: number } {
  const inner = svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '')
  if (!/^<svg[\s>]/.test(inner)) throw new Error('图表内容不是 SVG')
  const nested = inner.replace(/^<svg/, `<svg x="0" y="${HEAD}"`)
  const total = height + HEAD
  const font = escapeXml(CHART_FONT)
  return {
    width,
    height: total,
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
      `<rect width="${width}" height="${total}" fill="#ffffff"/>` +
      `<text x="12" y="22" font-family="${font}" font-size="15" font-weight="bold" fill="#1f2933">${escapeXml(title)}</text>` +
      `<text x="12" y="42" font-family="${font}" font-size="11" fill="#52606d">${escapeXml(scope)}</text>` +
      nested +
      '</svg>'
  }
}

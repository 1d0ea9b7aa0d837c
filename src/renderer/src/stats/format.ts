// How the 统计 screen writes its figures: numbers, rates, years, and what a blank or an unverified
// report means for a figure. Pure, so the charts, the table and the tests agree.

import type { FigureCount, RateCount } from '../../../shared/stats'

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })
const FIXED = new Map<number, Intl.NumberFormat>()

export function yearLabel(year: number | null): string {
  return year === null ? '年度不详' : `${year} 年`
}

/**
 * `decimals`: a figure's (amounts in 万元), the most its reports wrote — printed with exactly that
 * many, so 0.10 + 0.2 reads 0.30 and 41331.766082 is not cut to 41,331.77.
 */
export function formatNumber(n: number, decimals?: number): string {
  if (!decimals) return NUMBER.format(n)
  let format = FIXED.get(decimals)
  if (!format)
    FIXED.set(decimals, (format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: Math.min(decimals, 20) })))
  return format.format(n)
}

/** 0.4567 → "45.7%". */
export function formatRate(v: number): string {
  return `${(v * 100).toFixed(1)}%`
}

/** The hover text of a figure: why it is blank, or what it leaves out and holds unverified. */
export function figureTitle(label: string, figure: FigureCount): string {
  const parts: string[] = []
  const notInForm = figure.notInForm
  if (figure.value === null) {
    if (figure.blank) parts.push(`${label}：${figure.blank} 份报告此项空白或为“/”，未计入，故无数值`)
    else if (notInForm) parts.push(`${label}：表样无此项（2019 版表格没有这一栏），不是 0`)
    else parts.push(`${label}：没有报告填写此项`)
  } else {
    parts.push(`${label}：${formatNumber(figure.value, figure.decimals)}（${figure.reports} 份报告合计）`)
    if (figure.blank) parts.push(`另有 ${figure.blank} 份报告此项空白或为“/”，未计入`)
  }
  if (notInForm && (figure.value !== null || figure.blank)) parts.push(`${notInForm} 份报告的表样无此项，未计入`)
  if (figure.unverified) parts.push(`含未核验报告 ${figure.unverified} 份`)
  return parts.join('；')
}

/** The hover text of a rate: its numerator and denominator, or why there is none. */
export function rateTitle(label: string, rate: RateCount): string {
  const parts: string[] = []
  if (rate.value === null) parts.push(`${label}：无（${rate.reason ?? '无数据'}）`)
  else parts.push(`${label}：${formatNumber(rate.numerator ?? 0)} ÷ ${formatNumber(rate.denominator ?? 0)} = ${formatRate(rate.value)}`)
  if (rate.excluded) parts.push(`${rate.excluded} 份报告未计入（${rate.excludedReasons.join('、')}）`)
  if (rate.unverified) parts.push(`含未核验报告 ${rate.unverified} 份`)
  return parts.join('；')
}

/** 2019–2022 for consecutive years, 2019、2021 otherwise. */
export function yearsLabel(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b)
  if (!sorted.length) return '—'
  if (sorted.length === 1) return String(sorted[0])
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1] + 1)
  return consecutive ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join('、')
}

// The arithmetic of 统计分析, on reports already read: sums by year, rates by agency, outliers.
// Pure, so every figure can be checked by hand. Blank and "/" are never 0: a measure with any of
// its cells blank is blank for that report, is left out of the sum, and the report is listed.

import type { TemplateId } from '../../core/template'
import type { AgencyRow, Figure, MeasureId, Outlier, Rate, RateId, RateOutliers, YearRow } from '../../shared/stats'
import { MEASURES, MIN_OUTLIER_SAMPLE, OUTLIER_Z, RATES, measureKeys, type RateDefinition } from './measures'

export interface StatCell {
  value: number | null
  raw: string
}

export interface StatReport {
  id: number
  agency: string | null
  agencyKey: string | null
  year: number | null
  template: TemplateId | null
  verified: boolean
  /** The current cells (human over extracted) among the keys the measures read; absent = blank. */
  cells: ReadonlyMap<string, StatCell>
}

export type { AgencyRow, Figure, Outlier, Rate, RateOutliers, YearRow }

export interface MeasureValue {
  value: number | null
  keys: string[]
  /** Keys blank, "/" or holding no number: then the value is null. */
  blankKeys: string[]
}

export function measureValue(report: StatReport, id: MeasureId): MeasureValue {
  const keys = measureKeys(id, report.template)
  const blankKeys: string[] = []
  let sum = 0
  for (const key of keys) {
    const v = report.cells.get(key)?.value
    if (v === null || v === undefined) blankKeys.push(key)
    else sum += v
  }
  return { value: blankKeys.length || keys.length === 0 ? null : sum, keys, blankKeys }
}

export function sumMeasure(reports: readonly StatReport[], id: MeasureId): Figure {
  const figure: Figure = { value: null, reportIds: [], keys: [], blank: [], unverifiedReportIds: [] }
  const keys = new Set<string>()
  for (const r of reports) {
    const m = measureValue(r, id)
    for (const k of m.keys) keys.add(k)
    if (m.value === null) {
      figure.blank.push({ reportId: r.id, keys: m.blankKeys })
      continue
    }
    figure.value = (figure.value ?? 0) + m.value
    figure.reportIds.push(r.id)
    if (!r.verified) figure.unverifiedReportIds.push(r.id)
  }
  figure.keys = [...keys]
  return figure
}

const measureLabel = (id: MeasureId): string => MEASURES.find((m) => m.id === id)!.label

/** Σ numerator ÷ Σ denominator over the reports whose every term is filled in. */
export function rateOver(reports: readonly StatReport[], def: RateDefinition): Rate {
  const rate: Rate = { value: null, reason: null, numerator: null, denominator: null, reportIds: [], keys: [], excluded: [], unverifiedReportIds: [] }
  const keys = new Set<string>()
  let num = 0
  let den = 0
  for (const r of reports) {
    const terms = [...def.numerator, def.denominator].map((id) => ({ id, m: measureValue(r, id) }))
    for (const t of terms) for (const k of t.m.keys) keys.add(k)
    const blank = terms.filter((t) => t.m.value === null)
    if (blank.length) {
      rate.excluded.push({ reportId: r.id, reason: `${blank.map((t) => measureLabel(t.id)).join('、')}空白或为“/”` })
      continue
    }
    for (const t of terms) {
      if (t.id === def.denominator) den += t.m.value!
      else num += t.m.value!
    }
    rate.reportIds.push(r.id)
    if (!r.verified) rate.unverifiedReportIds.push(r.id)
  }
  rate.keys = [...keys]
  if (rate.reportIds.length === 0) {
    rate.reason = reports.length ? '各报告的有关单元格均有空白或“/”' : '没有报告'
    return rate
  }
  rate.numerator = num
  rate.denominator = den
  if (den === 0) rate.reason = `${measureLabel(def.denominator)}为 0`
  else rate.value = num / den
  return rate
}

function groupBy<K>(reports: readonly StatReport[], keyOf: (r: StatReport) => K): Map<K, StatReport[]> {
  const groups = new Map<K, StatReport[]>()
  for (const r of reports) {
    const k = keyOf(r)
    const list = groups.get(k)
    if (list) list.push(r)
    else groups.set(k, [r])
  }
  return groups
}

const unverified = (reports: readonly StatReport[]): number[] => reports.filter((r) => !r.verified).map((r) => r.id)

/** One row per year (a report whose year was not read: year null, last). */
export function byYear(reports: readonly StatReport[]): YearRow[] {
  const groups = [...groupBy(reports, (r) => r.year)].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
  return groups.map(([year, rs]) => ({
    year,
    reportIds: rs.map((r) => r.id),
    unverifiedReportIds: unverified(rs),
    measures: Object.fromEntries(MEASURES.map((m) => [m.id, sumMeasure(rs, m.id)])) as Record<MeasureId, Figure>
  }))
}

/** One row per agency (matched by agency key, so 益陽 and 益阳 are one), most new requests first. */
export function byAgency(reports: readonly StatReport[]): AgencyRow[] {
  const rows = [...groupBy(reports, (r) => r.agencyKey)].map(([agencyKey, rs]): AgencyRow => ({
    agency: rs.find((r) => r.agency)?.agency ?? null,
    agencyKey,
    years: [...new Set(rs.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
    reportIds: rs.map((r) => r.id),
    unverifiedReportIds: unverified(rs),
    measures: Object.fromEntries(MEASURES.map((m) => [m.id, sumMeasure(rs, m.id)])) as Record<MeasureId, Figure>,
    rates: Object.fromEntries(RATES.map((d) => [d.id, rateOver(rs, d)])) as Record<RateId, Rate>
  }))
  return rows.sort((a, b) => (b.measures.newReceived.value ?? -1) - (a.measures.newReceived.value ?? -1) || (a.agencyKey ?? '').localeCompare(b.agencyKey ?? ''))
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`

/** Agencies whose rate sits far from the others': robust z over median and MAD. */
export function outliers(rows: readonly AgencyRow[], def: RateDefinition, minSample = MIN_OUTLIER_SAMPLE): RateOutliers {
  const sample = rows.filter((r) => r.rates[def.id].value !== null)
  const result: RateOutliers = { rate: def.id, n: sample.length, minSample, median: null, mad: null, note: null, flagged: [] }
  if (sample.length < minSample) {
    result.note = `样本不足：有${def.label}的机关 ${sample.length} 个，少于 ${minSample} 个，不作离群判断`
    return result
  }
  const values = sample.map((r) => r.rates[def.id].value!)
  const med = median(values)
  const mad = median(values.map((v) => Math.abs(v - med)))
  result.median = med
  result.mad = mad
  // MAD is 0 when more than half agree exactly: then the mean absolute deviation gives the scale.
  const meanAd = values.reduce((s, v) => s + Math.abs(v - med), 0) / values.length
  const scale = mad > 0 ? mad / 0.6745 : 1.253314 * meanAd
  if (scale === 0) {
    result.note = `各机关的${def.label}相同，无离群值`
    return result
  }
  for (const r of sample) {
    const v = r.rates[def.id].value!
    const z = (v - med) / scale
    if (Math.abs(z) <= OUTLIER_Z) continue
    const unverifiedIds = r.rates[def.id].unverifiedReportIds
    result.flagged.push({
      agency: r.agency,
      agencyKey: r.agencyKey,
      value: v,
      z,
      why: `${def.label} ${percent(v)}，${z > 0 ? '高于' : '低于'}同范围中位数 ${percent(med)}（稳健 z = ${z.toFixed(1)}，|z| > ${OUTLIER_Z}）${unverifiedIds.length ? '；含未核验的报告' : ''}`,
      reportIds: r.rates[def.id].reportIds,
      keys: r.rates[def.id].keys,
      unverifiedReportIds: unverifiedIds
    })
  }
  result.flagged.sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
  return result
}

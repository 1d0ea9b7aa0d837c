// The arithmetic of 统计分析, on reports already read: sums by year, rates by agency, outliers.
// Pure, so every figure can be checked by hand. Blank and "/" are never 0: a measure with any of
// its cells blank is blank for that report, is left out of the sum, and the report is listed.

import type { TemplateId } from '../../core/template'
import { DecimalSum } from '../../shared/decimal'
import type { AgencyRow, Figure, MeasureId, Outlier, Rate, RateId, RateOutliers, YearRow } from '../../shared/stats'
import { MEASURES, MIN_OUTLIER_SAMPLE, OUTLIER_Z, RATES, keysOfTemplate, measureIndex, type RateDefinition } from './measures'

export interface StatReport {
  id: number
  agency: string | null
  agencyKey: string | null
  year: number | null
  template: TemplateId | null
  verified: boolean
  /** When it was verified, and last edited (ISO): which of two near-duplicates counts (counted.ts). */
  verifiedAt?: string | null
  updatedAt?: string | null
  /** The current number of each cell (human over extracted) among the keys the measures read:
   * null when blank, "/" or text; a key absent is blank too. */
  cells: CellValues
  /** Its scores when already worked out (the report_stats table, stats/stored.ts): cells are then not read. */
  scores?: Scores
}

/** What compute reads of a report's cells (a Map will do). */
export interface CellValues {
  get(key: string): number | null | undefined
  /** The decimals a cell's number was written with ("1.50": 2), when more than its value shows. */
  decimals?(key: string): number
  /**
   * Optional, for speed (stats/read.ts): the values in the order of a key list shared by many
   * reports, with that list's key → index. Scoring then looks each measure's keys up once per list.
   */
  readonly layout?: { position: ReadonlyMap<string, number>; values: readonly (number | null)[] }
}

export type { AgencyRow, Figure, Outlier, Rate, RateOutliers, YearRow }

export interface MeasureValue {
  value: number | null
  keys: string[]
  /** Keys blank, "/" or holding no number: then the value is null. */
  blankKeys: string[]
}

/**
 * A report's value of every measure (MEASURES order), worked out once and kept with the report (a
 * StatReport is never changed once read). Its key lists are shared by every figure, hence frozen.
 */
export interface Scores {
  values: (number | null)[]
  /** Per measure, the most decimals its cells were written with (amounts; 0 for counts). */
  decimals: number[]
  /** Per measure, the keys blank or "/" (empty when the value is a number or the form has no such cell). */
  blankKeys: string[][]
  keys: readonly string[][]
}

const NO_KEYS: string[] = Object.freeze([]) as unknown as string[]
/**
 * A figure's or rate's list while it is empty: most of 34,000 agency figures have no blank report,
 * no unverified one, none outside the form, and allocating those lists was most of byAgency's time
 * (in the garbage collector). A list is made at its first entry; the empty one is frozen, never shared by a push.
 */
const NONE = Object.freeze([]) as unknown as never[]
const scoreCache = new WeakMap<StatReport, Scores>()

/** Per shared key list, per form: each measure's keys as indexes into the values (-1: absent). */
const indexCache = new WeakMap<ReadonlyMap<string, number>, Map<readonly string[][], number[][]>>()

function indexesOf(position: ReadonlyMap<string, number>, keys: readonly string[][]): number[][] {
  let byForm = indexCache.get(position)
  if (!byForm) indexCache.set(position, (byForm = new Map()))
  let indexes = byForm.get(keys)
  if (!indexes) byForm.set(keys, (indexes = keys.map((list) => list.map((k) => position.get(k) ?? -1))))
  return indexes
}

export function scoresOf(report: StatReport): Scores {
  if (report.scores) return report.scores
  let scores = scoreCache.get(report)
  if (scores) return scores
  scores = scoreCells(report.template, report.cells)
  scoreCache.set(report, scores)
  return scores
}

/** A report's scores from its cells: what the report_stats table keeps (stats/stored.ts). */
export function scoreCells(template: TemplateId | null, cells: CellValues): Scores {
  const keys = keysOfTemplate(template)
  const layout = cells.layout
  const indexes = layout && indexesOf(layout.position, keys)
  const values: (number | null)[] = []
  const decimals: number[] = []
  const blankKeys: string[][] = []
  const written = cells.decimals?.bind(cells)
  for (let m = 0; m < keys.length; m++) {
    const measureKeys = keys[m]
    // Counts (whole numbers) add up as they are; the first amount with decimals switches to exact decimals.
    let sum = 0
    let exact: DecimalSum | null = null
    let blank: string[] = NO_KEYS
    for (let k = 0; k < measureKeys.length; k++) {
      const key = measureKeys[k]
      const v = indexes && layout ? (indexes[m][k] < 0 ? undefined : layout.values[indexes[m][k]]) : cells.get(key)
      if (v === null || v === undefined) {
        if (blank === NO_KEYS) blank = []
        blank.push(key)
        continue
      }
      const d = written ? written(key) : 0
      if (exact === null && d === 0 && Number.isInteger(v)) sum += v
      else (exact ??= DecimalSum.from(sum)).add(v, d)
    }
    values.push(blank.length || measureKeys.length === 0 ? null : exact ? exact.value : sum)
    decimals.push(exact ? exact.scale : 0)
    blankKeys.push(Object.freeze(blank) as string[])
  }
  return { values, decimals, blankKeys, keys }
}

/** A report's value of every measure, in MEASURES order (null: blank, "/" or not in its form). */
export function measureValues(report: StatReport): readonly (number | null)[] {
  return scoresOf(report).values
}

export function measureValue(report: StatReport, id: MeasureId): MeasureValue {
  const i = measureIndex(id)
  const s = scoresOf(report)
  return { value: s.values[i], keys: s.keys[i], blankKeys: s.blankKeys[i] }
}

/** The reports of a group with their scores and the keys of each measure over their forms (worked out once per group). */
interface Scored {
  reports: readonly StatReport[]
  scores: Scores[]
  /** Per measure, its keys in every form among the reports, in the order the forms first appear. */
  keys: readonly string[][]
}

/** Per combination of forms (in order of first appearance): the union of each measure's keys. */
const unionCache = new Map<string, string[][]>()

function scored(reports: readonly StatReport[]): Scored {
  const scores = reports.map(scoresOf)
  const forms: (readonly string[][])[] = []
  for (const s of scores) if (!forms.includes(s.keys)) forms.push(s.keys)
  if (forms.length < 2) return { reports, scores, keys: forms[0] ?? keysOfTemplate(null) }
  const id = forms.map((f) => (f === keysOfTemplate('2019') ? '2019' : '2021')).join('+')
  let union = unionCache.get(id)
  if (!union) unionCache.set(id, (union = MEASURES.map((_, m) => Object.freeze([...new Set(forms.flatMap((k) => k[m]))]) as string[])))
  return { reports, scores, keys: union }
}

/** Per key lists of a group, per rate: the keys it reads. */
const rateKeyCache = new WeakMap<readonly string[][], Map<RateId, string[]>>()

function rateKeys(group: Scored, def: RateDefinition, terms: readonly number[]): string[] {
  let byRate = rateKeyCache.get(group.keys)
  if (!byRate) rateKeyCache.set(group.keys, (byRate = new Map()))
  let keys = byRate.get(def.id)
  if (!keys) byRate.set(def.id, (keys = Object.freeze([...new Set(terms.flatMap((i) => group.keys[i]))]) as string[]))
  return keys
}

/**
 * A figure's running sum: whole numbers add up as they are; the first term with decimals switches
 * to exact decimals, so 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
 */
export class FigureSum {
  private sum = 0
  private exact: DecimalSum | null = null

  /** `decimals`: as the term was written (Scores.decimals). */
  add(v: number, decimals: number): void {
    if (this.exact === null && decimals === 0 && Number.isInteger(v)) this.sum += v
    else (this.exact ??= DecimalSum.from(this.sum)).add(v, decimals)
  }

  get value(): number {
    return this.exact ? this.exact.value : this.sum
  }

  /** The most decimals among the terms (0: whole numbers only). */
  get decimals(): number {
    return this.exact?.scale ?? 0
  }
}

/** A group's report ids and its unverified ones, when a figure that adds every report may share them. */
interface GroupIds {
  reportIds: number[]
  unverifiedReportIds: number[]
}

function everyFilled(scores: readonly Scores[], i: number): boolean {
  for (let n = 0; n < scores.length; n++) if (scores[n].values[i] === null) return false
  return true
}

function sumScored(group: Scored, i: number, ids?: GroupIds): Figure {
  const { reports, scores } = group
  const figure: Figure = { value: null, reportIds: [], keys: reports.length ? group.keys[i] : NONE, blank: NONE, notInForm: NONE, unverifiedReportIds: NONE }
  const sum = new FigureSum()
  if (ids && reports.length && everyFilled(scores, i)) {
    // Every report added (most of a year's figures): the year's own lists, shared by reference rather
    // than copied 17 times (a structured clone, Electron's IPC, sends a shared list once too).
    for (let n = 0; n < reports.length; n++) sum.add(scores[n].values[i]!, scores[n].decimals[i])
    figure.reportIds = ids.reportIds
    if (ids.unverifiedReportIds.length) figure.unverifiedReportIds = ids.unverifiedReportIds
    figure.value = sum.value
    if (sum.decimals) figure.decimals = sum.decimals
    return figure
  }
  for (let n = 0; n < reports.length; n++) {
    const r = reports[n]
    const s = scores[n]
    const v = s.values[i]
    if (v === null) {
      // The form has no such cell (收费金额 in the 2019 form): left out, neither blank nor 0.
      if (s.keys[i].length === 0) (figure.notInForm === NONE ? (figure.notInForm = []) : figure.notInForm!).push(r.id)
      else (figure.blank === NONE ? (figure.blank = []) : figure.blank).push({ reportId: r.id, keys: s.blankKeys[i] })
      continue
    }
    sum.add(v, s.decimals[i])
    figure.reportIds.push(r.id)
    if (!r.verified) (figure.unverifiedReportIds === NONE ? (figure.unverifiedReportIds = []) : figure.unverifiedReportIds).push(r.id)
  }
  if (figure.reportIds.length) {
    figure.value = sum.value
    if (sum.decimals) figure.decimals = sum.decimals
  }
  return figure
}

function measuresOf(group: Scored, ids?: GroupIds): Record<MeasureId, Figure> {
  const figures = {} as Record<MeasureId, Figure>
  MEASURES.forEach((m, i) => (figures[m.id] = sumScored(group, i, ids)))
  return figures
}

const measureLabel = (id: MeasureId): string => MEASURES[measureIndex(id)].label

/** Σ numerator ÷ Σ denominator over the reports whose every term is filled in. */
export function rateOver(reports: readonly StatReport[], def: RateDefinition): Rate {
  return rateScored(scored(reports), def)
}

export function hasBlank(values: readonly (number | null)[], terms: readonly number[]): boolean {
  for (let t = 0; t < terms.length; t++) if (values[terms[t]] === null) return true
  return false
}

/** Per rate: its numerator's and then its denominator's measure indexes. */
const termCache = new Map<RateId, number[]>()
export function termsOf(def: RateDefinition): readonly number[] {
  let terms = termCache.get(def.id)
  if (!terms) termCache.set(def.id, (terms = [...def.numerator, def.denominator].map(measureIndex)))
  return terms
}

function rateScored(group: Scored, def: RateDefinition): Rate {
  const { reports, scores } = group
  const rate: Rate = { value: null, reason: null, numerator: null, denominator: null, reportIds: [], keys: NONE, excluded: NONE, unverifiedReportIds: NONE }
  const terms = termsOf(def)
  const den = terms.length - 1
  if (reports.length) rate.keys = rateKeys(group, def, terms)
  let numerator = 0
  let denominator = 0
  for (let n = 0; n < reports.length; n++) {
    const r = reports[n]
    const values = scores[n].values
    if (hasBlank(values, terms)) {
      ;(rate.excluded === NONE ? (rate.excluded = []) : rate.excluded).push({ reportId: r.id, reason: blankReason(values, terms) })
      continue
    }
    for (let t = 0; t < den; t++) numerator += values[terms[t]]!
    denominator += values[terms[den]]!
    rate.reportIds.push(r.id)
    if (!r.verified) (rate.unverifiedReportIds === NONE ? (rate.unverifiedReportIds = []) : rate.unverifiedReportIds).push(r.id)
  }
  return Object.assign(rate, rateOutcome(def, reports.length, rate.reportIds.length, numerator, denominator))
}

/** Why a report is left out of a rate: its terms blank or "/". */
export function blankReason(values: readonly (number | null)[], terms: readonly number[]): string {
  const blank = terms.filter((i) => values[i] === null).map((i) => MEASURES[i].label)
  return `${blank.join('、')}空白或为“/”`
}

/** A rate's value, or why it has none, from its sums over the `added` of `reports` reports with every term filled in. */
export function rateOutcome(
  def: RateDefinition,
  reports: number,
  added: number,
  numerator: number,
  denominator: number
): Pick<Rate, 'value' | 'reason' | 'numerator' | 'denominator'> {
  if (added === 0) return { value: null, reason: reports ? '各报告的有关单元格均有空白或“/”' : '没有报告', numerator: null, denominator: null }
  if (denominator === 0) return { value: null, reason: `${measureLabel(def.denominator)}为 0`, numerator, denominator }
  return { value: numerator / denominator, reason: null, numerator, denominator }
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
  return groups.map(([year, rs]) => {
    const ids: GroupIds = { reportIds: rs.map((r) => r.id), unverifiedReportIds: unverified(rs) }
    return { year, reportIds: ids.reportIds, unverifiedReportIds: ids.unverifiedReportIds, measures: measuresOf(scored(rs), ids) }
  })
}

// One collator for every comparison: localeCompare builds one per call (10,000 agencies sort in 0.3 s that way).
const collator = new Intl.Collator()
/** What a.localeCompare(b) answers (the default locale and options), without building a collator per call. */
export const compareText = collator.compare

/** One row per agency (matched by agency key, so 益陽 and 益阳 are one), most new requests first. */
export function byAgency(reports: readonly StatReport[]): AgencyRow[] {
  const rows = [...groupBy(reports, (r) => r.agencyKey)].map(([agencyKey, rs]): AgencyRow => {
    const group = scored(rs)
    return {
      agency: rs.find((r) => r.agency)?.agency ?? null,
      agencyKey,
      years: [...new Set(rs.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
      reportIds: rs.map((r) => r.id),
      unverifiedReportIds: unverified(rs),
      measures: measuresOf(group),
      rates: Object.fromEntries(RATES.map((d) => [d.id, rateScored(group, d)])) as Record<RateId, Rate>
    }
  })
  return rows.sort(agencyOrder)
}

/** The agency rows' order: most new requests first (blank last), then by agency key. */
export function agencyOrder(
  a: { agencyKey: string | null; measures: { newReceived: { value: number | null } } },
  b: { agencyKey: string | null; measures: { newReceived: { value: number | null } } }
): number {
  return (b.measures.newReceived.value ?? -1) - (a.measures.newReceived.value ?? -1) || compareText(a.agencyKey ?? '', b.agencyKey ?? '')
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`

/** What an outlier lists: the reports and cells of the agency's rate. */
export type OutlierDetails = Pick<Outlier, 'reportIds' | 'keys' | 'unverifiedReportIds'>

/** Agencies whose rate sits far from the others': robust z over median and MAD. */
export function outliers(rows: readonly AgencyRow[], def: RateDefinition, minSample = MIN_OUTLIER_SAMPLE): RateOutliers {
  return outliersOf(
    rows,
    def,
    (r) => r.rates[def.id].value,
    (r) => ({ reportIds: r.rates[def.id].reportIds, keys: r.rates[def.id].keys, unverifiedReportIds: r.rates[def.id].unverifiedReportIds }),
    minSample
  )
}

/**
 * The outlier test over any agency rows: `valueOf` gives a row's rate, `detailsOf` its reports and
 * cells, asked only for the few rows flagged (the 统计 screen's rows do not carry them: overview.ts).
 */
export function outliersOf<R extends { agency: string | null; agencyKey: string | null }>(
  rows: readonly R[],
  def: RateDefinition,
  valueOf: (row: R) => number | null,
  detailsOf: (row: R) => OutlierDetails,
  minSample = MIN_OUTLIER_SAMPLE
): RateOutliers {
  const sample = rows.filter((r) => valueOf(r) !== null)
  const result: RateOutliers = { rate: def.id, n: sample.length, minSample, median: null, mad: null, note: null, flagged: [] }
  if (sample.length < minSample) {
    result.note = `样本不足：有${def.label}的机关 ${sample.length} 个，少于 ${minSample} 个，不作离群判断`
    return result
  }
  const values = sample.map((r) => valueOf(r)!)
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
  for (let n = 0; n < sample.length; n++) {
    const r = sample[n]
    const v = values[n]
    const z = (v - med) / scale
    if (Math.abs(z) <= OUTLIER_Z) continue
    const { reportIds, keys, unverifiedReportIds } = detailsOf(r)
    result.flagged.push({
      agency: r.agency,
      agencyKey: r.agencyKey,
      value: v,
      z,
      why: `${def.label} ${percent(v)}，${z > 0 ? '高于' : '低于'}同范围中位数 ${percent(med)}（稳健 z = ${z.toFixed(1)}，|z| > ${OUTLIER_Z}）${unverifiedReportIds.length ? '；含未核验的报告' : ''}`,
      reportIds,
      keys,
      unverifiedReportIds
    })
  }
  result.flagged.sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
  return result
}

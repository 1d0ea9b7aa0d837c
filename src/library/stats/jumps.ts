// 年度间大幅变化: one agency's 新收申请 or 公开率 changing sharply from one year to the next. Pure,
// over reports already read. A blank side is never read as 0: then there is nothing to compare.
// Comparisons are cross-multiplied in whole numbers, so a change of exactly 30 points or exactly
// 3 times is caught whatever floating point would make of 0.7 − 0.4.

import type { Jump } from '../../shared/stats'
import { compareText, measureValue, measureValues, rateOver, type StatReport } from './compute'
import { JUMP_FACTOR, JUMP_MIN_COUNT, JUMP_MIN_DENOMINATOR, JUMP_POINTS, MEASURE_BY_ID, RATES, measureIndex } from './measures'

export type { Jump }

const disclosure = RATES.find((r) => r.id === 'disclosure')!
const NEW_RECEIVED = measureIndex('newReceived')
const DISCLOSURE_TERMS = [...disclosure.numerator, disclosure.denominator].map(measureIndex)

/** A report's 公开率 as [numerator, denominator], null when a term is blank (checked before the full Rate is built). */
function disclosureTerms(r: StatReport): [number, number] | null {
  const values = measureValues(r)
  let numerator = 0
  for (let t = 0; t < DISCLOSURE_TERMS.length; t++) {
    const v = values[DISCLOSURE_TERMS[t]]
    if (v === null) return null
    if (t < DISCLOSURE_TERMS.length - 1) numerator += v
  }
  return [numerator, values[DISCLOSURE_TERMS[DISCLOSURE_TERMS.length - 1]]!]
}
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`
const unverifiedOf = (pair: readonly StatReport[]): number[] => pair.filter((r) => !r.verified).map((r) => r.id)
const unverifiedNote = (pair: readonly StatReport[]): string => (unverifiedOf(pair).length ? '；含未核验的报告' : '')

/** The reports of each agency (by agency key; none without one), in their order. */
function byAgencyKey(reports: readonly StatReport[]): StatReport[][] {
  const groups = new Map<string, StatReport[]>()
  for (const r of reports) {
    if (r.agencyKey === null) continue
    const list = groups.get(r.agencyKey)
    if (list) list.push(r)
    else groups.set(r.agencyKey, [r])
  }
  return [...groups.values()]
}

const byYearOf = (a: StatReport, b: StatReport): number => a.year! - b.year!

/** One agency's consecutive years that have exactly one report each, as [earlier, later]. */
function consecutivePairs(agencyReports: readonly StatReport[]): [StatReport, StatReport][] {
  // Without a year there is nothing to line the report up with.
  const dated = agencyReports.filter((r) => r.year !== null).sort(byYearOf)
  const pairs: [StatReport, StatReport][] = []
  // Walks the years in order: [start, end) holds one year's reports, the next run the following year's.
  for (let start = 0, end = 0; start < dated.length; start = end) {
    while (end < dated.length && dated[end].year === dated[start].year) end++
    let next = end
    while (next < dated.length && dated[next].year === dated[end].year) next++
    // Two reports of one year (a duplicate not yet settled): which one changed is not known.
    if (end - start === 1 && next - end === 1 && dated[end].year === dated[start].year! + 1) pairs.push([dated[start], dated[end]])
  }
  return pairs
}

function newReceivedJump(a: StatReport, b: StatReport): Jump | null {
  const [x, y] = [measureValues(a)[NEW_RECEIVED], measureValues(b)[NEW_RECEIVED]]
  if (x === null || y === null) return null
  const larger = Math.max(x, y)
  const smaller = Math.min(x, y)
  if (larger < JUMP_MIN_COUNT || larger < JUMP_FACTOR * smaller) return null
  const from = measureValue(a, 'newReceived') as { value: number; keys: string[] }
  const to = measureValue(b, 'newReceived') as { value: number; keys: string[] }
  const change = from.value === 0 ? '（由 0 起）' : to.value === 0 ? '（降为 0）' : `（×${(to.value / from.value).toFixed(to.value > from.value ? 1 : 2)}）`
  const label = MEASURE_BY_ID.get('newReceived')!.label
  return {
    agency: b.agency ?? a.agency,
    agencyKey: a.agencyKey,
    what: 'newReceived',
    label,
    fromYear: a.year!,
    toYear: b.year!,
    from: from.value,
    to: to.value,
    why:
      `${a.year}→${b.year} 年：${label}由 ${from.value} 件${to.value > from.value ? '增至' : '减至'} ${to.value} 件${change}，` +
      `变化达 ${JUMP_FACTOR} 倍及以上（两年中较大者 ${larger} 件 ≥ ${JUMP_MIN_COUNT} 件）${unverifiedNote([a, b])}`,
    reportIds: [a.id, b.id],
    keys: [...new Set([...from.keys, ...to.keys])],
    unverifiedReportIds: unverifiedOf([a, b]),
    // From or to 0 counts as a change by the larger figure itself (as if from 1).
    size: larger / Math.max(smaller, 1) / JUMP_FACTOR
  }
}

function disclosureJump(a: StatReport, b: StatReport): Jump | null {
  const [ta, tb] = [disclosureTerms(a), disclosureTerms(b)]
  if (!ta || !tb) return null
  const [na, da, nb, db] = [...ta, ...tb]
  // A denominator of 0 is below the minimum too: no rate, nothing to compare.
  if (da < JUMP_MIN_DENOMINATOR || db < JUMP_MIN_DENOMINATOR) return null
  // |nb/db − na/da| × 100 ≥ JUMP_POINTS, multiplied out by da × db.
  const scaled = 100 * (nb * da - na * db)
  if (Math.abs(scaled) < JUMP_POINTS * da * db) return null
  const points = scaled / (da * db)
  const from = rateOver([a], disclosure) as { value: number; keys: string[] }
  const to = rateOver([b], disclosure) as { value: number; keys: string[] }
  return {
    agency: b.agency ?? a.agency,
    agencyKey: a.agencyKey,
    what: 'disclosure',
    label: disclosure.label,
    fromYear: a.year!,
    toYear: b.year!,
    from: from.value,
    to: to.value,
    why:
      `${a.year}→${b.year} 年：${disclosure.label}由 ${percent(from.value)}（${na}/${da}）${points > 0 ? '升至' : '降至'} ${percent(to.value)}（${nb}/${db}），` +
      `变动 ${Math.abs(points).toFixed(1)} 个百分点 ≥ ${JUMP_POINTS} 个百分点（两年（七）总计均 ≥ ${JUMP_MIN_DENOMINATOR} 件）${unverifiedNote([a, b])}`,
    reportIds: [a.id, b.id],
    keys: [...new Set([...from.keys, ...to.keys])],
    unverifiedReportIds: unverifiedOf([a, b]),
    size: Math.abs(points) / JUMP_POINTS
  }
}

/** Every jump among the reports, the largest (furthest past its rule) first. */
export function jumps(reports: readonly StatReport[]): Jump[] {
  return jumpsOfAgencies(byAgencyKey(reports))
}

/** Every jump among agencies' reports, each agency's reports in one list (its agency key not null). */
export function jumpsOfAgencies(agencies: Iterable<readonly StatReport[]>): Jump[] {
  const found: Jump[] = []
  for (const agencyReports of agencies) {
    if (agencyReports.length < 2) continue
    for (const [a, b] of consecutivePairs(agencyReports)) {
      const count = newReceivedJump(a, b)
      if (count) found.push(count)
      const rate = disclosureJump(a, b)
      if (rate) found.push(rate)
    }
  }
  // The order is total: an agency has one pair per year and per figure.
  return found.sort((x, y) => y.size! - x.size! || compareText(x.agencyKey ?? '', y.agencyKey ?? '') || x.fromYear - y.fromYear || compareText(x.what, y.what))
}

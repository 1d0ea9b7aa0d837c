// The 统计 screen's answer (StatsOverview), worked out directly: the screen shows each agency's row
// as counts (how many reports a figure added, left out, holds unverified), never the lists of
// report ids and cells behind them. libraryStats (index.ts) builds those lists for 2,000 agencies ×
// 17 measures and 3 rates, and overviewOf then counts them: most of the first compute's time on a
// 10,000-report library went there. Here each agency's reports are counted once, for the 4
// measures and 3 rates the table shows; the lists are made only for the few agencies an outlier
// names. overview.test.ts pins the answer equal to overviewOf(libraryStats(…)).

import type { Db } from '../db'
import {
  AGENCY_TABLE_MEASURES,
  type AgencySummary,
  type AgencyTableMeasure,
  type FigureCount,
  type RateCount,
  type RateId,
  type StatsFilter,
  type StatsOverview
} from '../../shared/stats'
import {
  FigureSum,
  agencyOrder,
  blankReason,
  byYear,
  hasBlank,
  outliersOf,
  rateOutcome,
  rateOver,
  scoresOf,
  termsOf,
  type Scores,
  type StatReport
} from './compute'
import { jumpsOfAgencies } from './jumps'
import { RATES, measureIndex, type RateDefinition } from './measures'
import { DEFINITIONS, statsScope } from './index'

export function statsOverview(db: Db, filter: StatsFilter = {}): StatsOverview {
  const { reports, scope } = statsScope(db, filter)
  const agencies = agencyRows(reports.filter((r) => r.year !== null))
  return {
    ...scope,
    byYear: byYear(reports),
    byAgency: agencies.map((a) => a.summary),
    outliers: RATES.map((def) =>
      outliersOf(
        agencies,
        def,
        (a) => a.summary.rates[def.id].value,
        (a) => {
          const { reportIds, keys, unverifiedReportIds } = rateOver(a.reports, def)
          return { reportIds, keys, unverifiedReportIds }
        }
      )
    ),
    jumps: jumpsOfAgencies(agencies.filter((a) => a.agencyKey !== null).map((a) => a.reports)),
    definitions: DEFINITIONS
  }
}

/** An agency's row as the screen shows it, and its reports (for an outlier's lists). */
interface AgencyTally {
  agency: string | null
  agencyKey: string | null
  summary: AgencySummary
  reports: StatReport[]
}

const TABLE_MEASURES = AGENCY_TABLE_MEASURES.map((id) => [id, measureIndex(id)] as const)

/** One row per agency (by agency key), in byAgency's order (compute.ts). */
function agencyRows(reports: readonly StatReport[]): AgencyTally[] {
  const groups = new Map<string | null, StatReport[]>()
  for (const r of reports) {
    const list = groups.get(r.agencyKey)
    if (list) list.push(r)
    else groups.set(r.agencyKey, [r])
  }
  const rows: AgencyTally[] = []
  for (const [agencyKey, rs] of groups) {
    const scores = rs.map(scoresOf)
    const years = new Set<number>()
    let unverified = 0
    let agency: string | null = null
    for (const r of rs) {
      if (r.year !== null) years.add(r.year)
      if (!r.verified) unverified++
      agency ??= r.agency || null
    }
    const measures = {} as Record<AgencyTableMeasure, FigureCount>
    for (const [id, i] of TABLE_MEASURES) measures[id] = figureCount(rs, scores, i)
    const rates = {} as Record<RateId, RateCount>
    for (const def of RATES) rates[def.id] = rateCount(rs, scores, def)
    const summary: AgencySummary = { agency, agencyKey, years: [...years].sort((a, b) => a - b), reports: rs.length, unverified, measures, rates }
    rows.push({ agency, agencyKey, summary, reports: rs })
  }
  return rows.sort((a, b) => agencyOrder(a.summary, b.summary))
}

/** What countFigure (shared/stats.ts) makes of sumScored's figure (compute.ts), without its lists. */
function figureCount(reports: readonly StatReport[], scores: readonly Scores[], i: number): FigureCount {
  const sum = new FigureSum()
  let added = 0
  let blank = 0
  let notInForm = 0
  let unverified = 0
  for (let n = 0; n < reports.length; n++) {
    const s = scores[n]
    const v = s.values[i]
    if (v === null) {
      // The form has no such cell (收费金额 in the 2019 form): neither blank nor 0.
      if (s.keys[i].length === 0) notInForm++
      else blank++
      continue
    }
    sum.add(v, s.decimals[i])
    added++
    if (!reports[n].verified) unverified++
  }
  const count: FigureCount = { value: added ? sum.value : null, reports: added, blank, notInForm, unverified }
  if (added && sum.decimals) count.decimals = sum.decimals
  return count
}

/** What countRate (shared/stats.ts) makes of rateScored's rate (compute.ts), without its lists. */
function rateCount(reports: readonly StatReport[], scores: readonly Scores[], def: RateDefinition): RateCount {
  const terms = termsOf(def)
  const den = terms.length - 1
  let numerator = 0
  let denominator = 0
  let added = 0
  let unverified = 0
  let excluded = 0
  const reasons: string[] = []
  for (let n = 0; n < reports.length; n++) {
    const values = scores[n].values
    if (hasBlank(values, terms)) {
      excluded++
      const reason = blankReason(values, terms)
      if (!reasons.includes(reason)) reasons.push(reason)
      continue
    }
    for (let t = 0; t < den; t++) numerator += values[terms[t]]!
    denominator += values[terms[den]]!
    added++
    if (!reports[n].verified) unverified++
  }
  const outcome = rateOutcome(def, reports.length, added, numerator, denominator)
  return {
    value: outcome.value,
    reason: outcome.reason,
    numerator: outcome.numerator,
    denominator: outcome.denominator,
    reports: added,
    excluded,
    excludedReasons: reasons,
    unverified
  }
}

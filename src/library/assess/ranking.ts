// The 统计 screen's ranking: bodies by score within each year, and how each indicator came out.

import type { Rubric } from '../../core/assess'
import type { AssessRanking, IndicatorSpread, RankedReport } from '../../shared/assess'
import type { AssessedReport } from './export'

export function rankingOf(reports: AssessedReport[], rubric: Rubric): AssessRanking {
  const ranked: RankedReport[] = reports.map((r) => ({
    reportId: r.id,
    agency: r.agency,
    year: r.year,
    total: r.assessment.total,
    max: r.assessment.max,
    unverified: r.assessment.unverified,
    points: Object.fromEntries(r.assessment.indicators.map((i) => [i.id, i.points])) as RankedReport['points'],
    states: Object.fromEntries(r.assessment.indicators.map((i) => [i.id, i.state])) as RankedReport['states']
  }))
  ranked.sort((a, b) => (b.year ?? -1) - (a.year ?? -1) || b.total - a.total || (a.agency ?? '').localeCompare(b.agency ?? '', 'zh'))
  const spread: IndicatorSpread[] = rubric.indicators.map((def) => {
    const s: IndicatorSpread = { id: def.id, title: def.title, max: def.points, full: 0, partial: 0, zero: 0, unknown: 0, mean: null }
    let sum = 0
    let n = 0
    for (const r of ranked) {
      if (r.states[def.id] === 'unknown') s.unknown++
      const p = r.points[def.id]
      if (p === undefined) continue
      if (r.states[def.id] !== 'unknown') {
        if (p >= def.points) s.full++
        else if (p <= 0) s.zero++
        else s.partial++
      }
      sum += p
      n++
    }
    s.mean = n ? Math.round((sum / n) * 10) / 10 : null
    return s
  })
  return { rubric: { id: rubric.id, version: rubric.version, name: rubric.name }, reports: ranked, spread }
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AgencySummary, StatsOverview } from '../../../shared/stats'
import { AgencyCompare } from '../components/stats/AgencyCompare'
import { AgencyTable } from '../components/stats/AgencyTable'
import { ChartCard } from '../components/stats/ChartCard'
import { StatsFilters } from '../components/stats/StatsFilters'
import { StatsHelp } from '../components/stats/StatsHelp'
import { Watchlist } from '../components/stats/Watchlist'
import { ticketCounter } from '../stats/latest'
import { LeftOutList } from '../components/stats/LeftOutList'
import { emptyMessage, mergeYears, reportYears, scopeLine, yearsNote } from '../stats/scope'
import { unverifiedCount, yearCharts } from '../stats/year-charts'
import { chartScope } from '../stats/chart-file'
import '../components/stats/stats.css'
import { AssessRanking } from '../components/assess/AssessRanking'

interface Props {
  /** Shows these reports in the library list, the filter named by `label`. */
  onShowReports: (ids: number[], label: string) => void
  onOpenReport: (reportId: number) => void
}

/** Typing in the agency box waits this long before asking again. */
const AGENCY_DEBOUNCE_MS = 250

/** The filters as last left, so going to the list (a bar's reports) and back keeps them. */
const remembered = { years: [] as number[], agency: '', all: false, knownYears: [] as number[] }

/** 统计: what the library's reports say together — by year, by agency, and what stands out. */
export function StatsScreen({ onShowReports, onOpenReport }: Props): React.JSX.Element {
  const [chosenYears, setChosenYears] = useState<number[]>(remembered.years)
  const [agencyText, setAgencyText] = useState(remembered.agency)
  const [agency, setAgency] = useState(remembered.agency)
  const [all, setAll] = useState(remembered.all)
  const [stats, setStats] = useState<StatsOverview | null>(null)
  const [knownYears, setKnownYears] = useState<number[]>(remembered.knownYears)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [compare, setCompare] = useState<{ agencyKey: string; agency: string | null } | null>(null)
  const [help, setHelp] = useState(false)
  const takeTicket = useRef(ticketCounter()).current

  useEffect(() => {
    const t = setTimeout(() => setAgency(agencyText.trim()), AGENCY_DEBOUNCE_MS)
    return () => clearTimeout(t)
  }, [agencyText])

  useEffect(() => {
    Object.assign(remembered, { years: chosenYears, agency, all })
    const current = takeTicket()
    setLoading(true)
    window.api.getStats({ years: chosenYears, agency: agency || undefined, all }).then(
      (s) => {
        if (!current()) return
        // Lets a speed test tell the answer's arrival from the drawing that follows.
        performance.mark('stats:answer')
        setStats(s)
        setError(null)
        setLoading(false)
        setKnownYears((known) => (remembered.knownYears = mergeYears(known, s.byYear, chosenYears)))
      },
      (e: Error) => {
        if (!current()) return
        setError(`统计失败：${e.message}`)
        setLoading(false)
      }
    )
  }, [chosenYears, agency, all, takeTicket])

  const charts = useMemo(() => (stats ? yearCharts(stats.byYear) : []), [stats])
  const years = useMemo(() => (stats ? reportYears(stats.byYear) : new Map<number, number | null>()), [stats])
  const notes = useMemo(() => {
    if (!stats) return []
    const unverified = unverifiedCount(stats.byYear)
    return [yearsNote(stats.byYear), stats.filter.all && unverified ? `含未核验报告 ${unverified} 份` : null].filter((n): n is string => !!n)
  }, [stats])
  // Esc leaves the compare view for the screen it was opened from.
  useEffect(() => {
    if (!compare) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !help) setCompare(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [compare, help])

  const openAgency = useCallback((row: AgencySummary) => {
    if (row.agencyKey) setCompare({ agencyKey: row.agencyKey, agency: row.agency })
  }, [])
  const empty = stats ? emptyMessage(stats) : null
  const scope = stats ? chartScope(stats) : ''

  return (
    <section className="stats" data-testid="stats-screen">
      <div className="stats__toolbar">
        <h2>统计</h2>
        <StatsFilters
          years={knownYears}
          chosenYears={chosenYears}
          onYears={setChosenYears}
          agency={agencyText}
          onAgency={setAgencyText}
          all={all}
          onAll={setAll}
        />
        <span className="stats__spacer" />
        <button type="button" className="button stats__help-button" title="统计口径" aria-label="统计口径" onClick={() => setHelp(true)} disabled={!stats}>
          ?
        </button>
      </div>
      <p className="stats__scope" data-testid="stats-scope" aria-busy={loading}>
        {stats ? scopeLine(stats) : '正在统计…'}
        {stats && loading && <span className="muted">（正在更新…）</span>}
      </p>
      {stats && !compare && <LeftOutList leftOut={stats.leftOut} onOpenReport={onOpenReport} />}
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {compare ? (
        <div className="stats__compare">
          {/* The view has its own 返回统计 (onClose); Esc closes it too. */}
          <AgencyCompare agencyKey={compare.agencyKey} agency={compare.agency} all={all} onOpenReport={onOpenReport} onClose={() => setCompare(null)} />
        </div>
      ) : empty ? (
        <div className="stats__empty" data-testid="stats-empty">
          {empty}
        </div>
      ) : (
        stats && (
          <div className="stats__body">
            <h3 className="stats__section">按年度</h3>
            <div className="stats__charts">
              {charts.map((c) => (
                <ChartCard key={c.id} chart={c} notes={notes} scope={scope} onShowReports={onShowReports} />
              ))}
            </div>
            <div className="stats__lower">
              <div className="stats__agencies">
                <h3 className="stats__section">按机关</h3>
                <AgencyTable rows={stats.byAgency} onOpenAgency={openAgency} />
              </div>
              <div className="stats__watch">
                <h3 className="stats__section">值得关注</h3>
                <Watchlist
                  outliers={stats.outliers}
                  jumps={stats.jumps}
                  definitions={stats.definitions}
                  years={years}
                  onOpenReport={onOpenReport}
                  onOpenAgency={(agencyKey, name) => setCompare({ agencyKey, agency: name })}
                />
              </div>
            </div>
          </div>
        )
      )}
      {!compare && <AssessRanking onOpenReport={onOpenReport} />}
      {help && stats && <StatsHelp definitions={stats.definitions} onClose={() => setHelp(false)} />}
    </section>
  )
}

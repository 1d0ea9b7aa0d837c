import { useEffect, useState } from 'react'
import type { AgencyRow } from '../../../shared/stats'
import { AgencyCompare } from '../components/stats/AgencyCompare'

interface Props {
  /** Shows these reports in the library list, the filter named by `label`. */
  onShowReports: (ids: number[], label: string) => void
  onOpenReport: (reportId: number) => void
}

/**
 * 统计 — a PLACEHOLDER for the compare e2e on the stats-compare branch (drop on merge): the agencies
 * of every report as rows; a click opens the compare view, which follows the 仅已核验 / 全部 choice. The real screen is built on stats-screen.
 */
export function StatsScreen({ onShowReports, onOpenReport }: Props): React.JSX.Element {
  void onShowReports
  const [agencies, setAgencies] = useState<AgencyRow[]>([])
  const [open, setOpen] = useState<AgencyRow | null>(null)
  const [all, setAll] = useState(false)
  useEffect(() => {
    window.api.getStats({ all: true }).then((s) => setAgencies(s.byAgency))
  }, [])
  return (
    <section className="stats" data-testid="stats-screen">
      <label>
        <input type="radio" name="stats-status" checked={!all} onChange={() => setAll(false)} />
        仅已核验
      </label>
      <label>
        <input type="radio" name="stats-status" checked={all} onChange={() => setAll(true)} />
        全部（含未核验）
      </label>
      {open?.agencyKey && <AgencyCompare agencyKey={open.agencyKey} agency={open.agency} all={all} onOpenReport={onOpenReport} onClose={() => setOpen(null)} />}
      {!open && agencies.map((a) => (
        <button key={a.agencyKey ?? ''} type="button" className="button" data-testid="agency-row" onClick={() => setOpen(a)}>
          {a.agency}
        </button>
      ))}
    </section>
  )
}

import { useState } from 'react'
import type { Jump, RateOutliers, StatsDefinitions } from '../../../../shared/stats'
import { formatRate, yearLabel } from '../../stats/format'

interface Props {
  outliers: RateOutliers[]
  jumps: Jump[]
  definitions: StatsDefinitions
  /** Report id → year, for naming report links. */
  years: Map<number, number | null>
  onOpenReport: (id: number) => void
  onOpenAgency: (agencyKey: string, agency: string | null) => void
}

function Links({
  agency,
  agencyKey,
  reportIds,
  years,
  onOpenReport,
  onOpenAgency
}: {
  agency: string | null
  agencyKey: string | null
  reportIds: number[]
  years: Map<number, number | null>
  onOpenReport: (id: number) => void
  onOpenAgency: (agencyKey: string, agency: string | null) => void
}): React.JSX.Element {
  return (
    <span className="stats-watch__links">
      {agencyKey !== null && (
        <button type="button" className="button button--link" onClick={() => onOpenAgency(agencyKey, agency)} title="查看该机关历年对比">
          {agency ?? '机关'}
        </button>
      )}
      {reportIds.map((id) => (
        <button key={id} type="button" className="button button--link" onClick={() => onOpenReport(id)} title="打开报告">
          {years.has(id) ? `${yearLabel(years.get(id) ?? null)}报告` : `报告 ${id}`}
        </button>
      ))}
    </span>
  )
}

/** A long list (a large library can have a thousand jumps) shows this many until asked for all. */
const FIRST_SHOWN = 20

/** The first entries of a list, and a button for the rest. */
function Capped<T>({ items, render, what }: { items: T[]; render: (item: T, i: number) => React.JSX.Element; what: string }): React.JSX.Element {
  const [all, setAll] = useState(false)
  const shown = all ? items : items.slice(0, FIRST_SHOWN)
  return (
    <>
      <ul>{shown.map(render)}</ul>
      {items.length > shown.length && (
        <button type="button" className="button button--link stats-watch__more" onClick={() => setAll(true)}>
          显示全部 {items.length} 条{what}（当前显示前 {FIRST_SHOWN} 条，按偏离程度排序）
        </button>
      )}
    </>
  )
}

/** 值得关注: agencies far from their peers on a rate, and sharp year-on-year changes; each says why. */
export function Watchlist({ outliers, jumps, definitions, years, onOpenReport, onOpenAgency }: Props): React.JSX.Element {
  const label = (id: string): string => definitions.rates.find((r) => r.id === id)?.label ?? id
  const links = { years, onOpenReport, onOpenAgency }
  return (
    <div className="stats-watch" data-testid="stats-watch">
      {outliers.map((o) => (
        <section key={o.rate} className="stats-watch__group" data-testid={`outliers-${o.rate}`}>
          <h4>
            {label(o.rate)}
            <span className="muted">
              {o.n} 个机关有数值{o.median !== null && `，中位数 ${formatRate(o.median)}`}
            </span>
          </h4>
          {o.note && <p className="stats-watch__note">{o.note}</p>}
          {!o.note && !o.flagged.length && <p className="muted stats-watch__none">没有明显偏离的机关</p>}
          <Capped
            items={o.flagged}
            what="偏离"
            render={(f, i) => (
              <li key={`${f.agencyKey}-${i}`} data-testid="outlier">
                <span className="stats-watch__why">{f.why}</span>
                {f.unverifiedReportIds.length > 0 && <span className="tag stats-unverified">含未核验</span>}
                <Links agency={f.agency} agencyKey={f.agencyKey} reportIds={f.reportIds} {...links} />
              </li>
            )}
          />
        </section>
      ))}
      <section className="stats-watch__group" data-testid="jumps">
        <h4>年度间大幅变化</h4>
        {!jumps.length && <p className="muted stats-watch__none">未发现年度间的大幅变化</p>}
        <Capped
          items={jumps}
          what="变化"
          render={(j, i) => (
            <li key={`${j.agencyKey}-${j.what}-${j.toYear}-${i}`} data-testid="jump">
              <span className="stats-watch__why">{j.why}</span>
              {j.unverifiedReportIds.length > 0 && <span className="tag stats-unverified">含未核验</span>}
              <Links agency={j.agency} agencyKey={j.agencyKey} reportIds={j.reportIds} {...links} />
            </li>
          )}
        />
      </section>
    </div>
  )
}

import { useEffect, useMemo, useState } from 'react'
import type { AgencyComparison } from '../../../../shared/stats'
import { AgencyCarryLinks } from './AgencyCarryLinks'
import { LeftOutList } from './LeftOutList'
import { AgencyCompareTable } from './AgencyCompareTable'
import { groupRows, LONG_TABLE } from './agency-compare-rows'
import './agency-compare.css'

export interface AgencyCompareProps {
  agencyKey: string
  /** The agency's name as the 统计 table shows it. */
  agency: string | null
  /** Unverified reports too (the screen's status filter). */
  all: boolean
  onOpenReport: (reportId: number) => void
  onClose: () => void
}

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; comparison: AgencyComparison }

/** 机关历年对比: one agency's reports side by side, the 上年结转 links first, then every cell's change. */
export function AgencyCompare({ agencyKey, agency, all, onOpenReport, onClose }: AgencyCompareProps): React.JSX.Element {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })

  useEffect(() => {
    let live = true
    setLoaded({ state: 'loading' })
    window.api.compareAgency({ agencyKey, all }).then(
      (comparison) => live && setLoaded({ state: 'ready', comparison }),
      (e: Error) => live && setLoaded({ state: 'error', message: e.message })
    )
    return () => {
      live = false
    }
  }, [agencyKey, all])

  const name = (loaded.state === 'ready' ? loaded.comparison.agency : null) ?? agency ?? agencyKey
  return (
    <section className="agency-compare" data-testid="agency-compare" aria-label={`${name} 历年对比`}>
      <header className="agency-compare__header">
        <h2>{name} · 历年对比</h2>
        {loaded.state === 'ready' && <Years comparison={loaded.comparison} />}
        <span className="agency-compare__spacer" />
        <button type="button" className="button" onClick={onClose}>
          返回统计
        </button>
      </header>
      {loaded.state === 'loading' && (
        <p className="agency-compare__note" role="status">
          正在读取该机关的报告…
        </p>
      )}
      {loaded.state === 'error' && (
        <div className="banner banner--error" role="alert" data-testid="compare-error">
          无法对比该机关的报告：{loaded.message}
        </div>
      )}
      {loaded.state === 'ready' && <Comparison comparison={loaded.comparison} all={all} onOpenReport={onOpenReport} />}
    </section>
  )
}

function Years({ comparison }: { comparison: AgencyComparison }): React.JSX.Element {
  const years = comparison.reports.map((r) => (r.year === null ? '年度不明' : String(r.year)))
  const unverified = comparison.reports.filter((r) => r.status !== 'verified').length
  return (
    <span className="agency-compare__years" data-testid="compare-years">
      {comparison.reports.length} 份报告{years.length > 0 && `：${years.join('、')}`}
      {unverified > 0 && `（其中 ${unverified} 份未核验）`}
    </span>
  )
}

function Comparison({ comparison, all, onOpenReport }: { comparison: AgencyComparison; all: boolean; onOpenReport: (id: number) => void }): React.JSX.Element {
  const long = comparison.rows.length > LONG_TABLE
  const [onlyChanged, setOnlyChanged] = useState(long)
  const groups = useMemo(() => groupRows(comparison.rows, onlyChanged), [comparison.rows, onlyChanged])
  const changed = comparison.rows.filter((r) => r.changed).length
  const leftOut = comparison.unverifiedLeftOut ?? 0

  const leftOutNote = (
    <>
      {leftOut > 0 && !all && (
        <p className="agency-compare__note" data-testid="compare-left-out">
          另有 {leftOut} 份未核验的报告未列入；在统计筛选中选择“全部（含未核验）”即可一并对比。
        </p>
      )}
      {/* A duplicate of a report shown, or a report of unknown year: listed, never set beside the others. */}
      <LeftOutList leftOut={comparison.leftOut} onOpenReport={onOpenReport} />
    </>
  )
  if (comparison.reports.length < 2) {
    const only = comparison.reports[0]
    return (
      <>
        <p className="agency-compare__note" data-testid="compare-too-few">
          {only ? '该机关在当前范围内只有 1 份报告，无法对比' : '该机关在当前范围内没有报告，无法对比'}
          {only && (
            <>
              （
              <button type="button" className="button button--link" onClick={() => onOpenReport(only.id)}>
                打开 {only.year ?? '年度不明'} 年的报告
              </button>
              ）
            </>
          )}
        </p>
        {leftOutNote}
      </>
    )
  }
  return (
    <>
      {leftOutNote}
      <AgencyCarryLinks comparison={comparison} />
      <div className="agency-compare__toolbar">
        <label>
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} data-testid="compare-only-changed" />
          只看有变化的单元格
        </label>
        <span className="agency-compare__count">
          共 {comparison.rows.length} 个单元格，其中 {changed} 个在年度之间有变化
        </span>
      </div>
      {onlyChanged && changed === 0 ? (
        <p className="agency-compare__note">各年度的单元格没有变化。</p>
      ) : (
        <AgencyCompareTable comparison={comparison} groups={groups} onOpenReport={onOpenReport} />
      )}
    </>
  )
}

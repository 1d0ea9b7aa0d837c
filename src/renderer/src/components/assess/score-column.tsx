// The library list's 评估 column and its filter by failing indicator.

import type { ColDef } from 'ag-grid-community'
import { INDICATOR_TITLES, type AssessSummary, type IndicatorId } from '../../../../shared/assess'
import type { ReportSummary } from '../../../../shared/types'

/** What the column says of a report when hovered: each indicator that lost points or could not be judged. */
export function scoreTitle(s: AssessSummary): string {
  const parts = [`${s.total} / ${s.max} 分`]
  if (s.failing.length) parts.push(`扣分：${s.failing.map((i) => INDICATOR_TITLES[i]).join('、')}`)
  if (s.unknown.length) parts.push(`无法判断：${s.unknown.map((i) => INDICATOR_TITLES[i]).join('、')}`)
  if (s.unverified) parts.push('报告尚未核验，得分可能依据误读的数字')
  return parts.join('；')
}

export function scoreColumn(scores: ReadonlyMap<number, AssessSummary>): ColDef<ReportSummary> {
  return {
    headerName: '评估',
    colId: 'assessment',
    width: 104,
    type: 'numericColumn',
    valueGetter: (p) => (p.data ? (scores.get(p.data.id)?.total ?? null) : null),
    cellRenderer: (p: { data?: ReportSummary }) => {
      const s = p.data ? scores.get(p.data.id) : undefined
      if (!s) return <span className="muted">—</span>
      return (
        <span className="score-cell" title={scoreTitle(s)} data-testid="score-cell">
          <span className={s.failing.length ? 'score-cell__total score-cell__total--deducted' : 'score-cell__total'}>{s.total}</span>
          {s.unverified && <span className="score-cell__unverified">未核验</span>}
        </span>
      )
    }
  }
}

interface FilterProps {
  value: IndicatorId | null
  onChange: (value: IndicatorId | null) => void
}

/** 按扣分指标筛选: only the reports that lost points on one indicator. */
export function FailingFilter({ value, onChange }: FilterProps): React.JSX.Element {
  return (
    <select
      className="input"
      aria-label="按扣分指标筛选"
      data-testid="failing-filter"
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as IndicatorId | null)}
    >
      <option value="">全部评估结果</option>
      {(Object.keys(INDICATOR_TITLES) as IndicatorId[]).map((id) => (
        <option key={id} value={id}>
          {INDICATOR_TITLES[id]}扣分
        </option>
      ))}
    </select>
  )
}

import type { LeftOutReport } from '../../../../shared/stats'
import { yearLabel } from '../../stats/format'

/** The reports in scope a figure does not count (a near-duplicate, a report of unknown year), each with why and a link. */
export function LeftOutList({
  leftOut,
  onOpenReport
}: {
  leftOut: readonly LeftOutReport[] | undefined
  onOpenReport: (id: number) => void
}): React.JSX.Element | null {
  if (!leftOut?.length) return null
  return (
    <details className="stats__left-out" data-testid="stats-left-out">
      <summary>未计入的报告（{leftOut.length} 份）</summary>
      <ul>
        {leftOut.map((l) => (
          <li key={`${l.kind}-${l.reportId}`} data-testid="stats-left-out-item">
            <button type="button" className="button button--link" onClick={() => onOpenReport(l.reportId)}>
              报告 #{l.reportId}
            </button>{' '}
            {l.agency ?? '（未识别机关）'} {yearLabel(l.year)}：{l.why}
          </li>
        ))}
      </ul>
    </details>
  )
}

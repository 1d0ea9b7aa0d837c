import type { AgencyComparison, CarryLink } from '../../../../shared/stats'

const VERDICT = {
  true: { mark: '✓', label: '一致', kind: 'holds' },
  false: { mark: '✗', label: '不一致', kind: 'breaks' },
  null: { mark: '?', label: '无法核对', kind: 'unknown' }
} as const

function yearOf(comparison: AgencyComparison, reportId: number): string {
  const year = comparison.reports.find((r) => r.id === reportId)?.year
  return year === null || year === undefined ? '年度不明' : `${year} 年`
}

/** 上年结转 ↔ 结转下年度, one line per pair of reports next to each other: ✓ / ✗ / 无法核对 and why. */
export function AgencyCarryLinks({ comparison }: { comparison: AgencyComparison }): React.JSX.Element {
  return (
    <section className="agency-compare__carry" aria-label="上年结转核对">
      <h3>上年结转 ↔ 结转下年度</h3>
      <ul>
        {comparison.carry.map((link: CarryLink) => {
          const verdict = VERDICT[String(link.holds) as 'true' | 'false' | 'null']
          return (
            <li
              key={`${link.fromReportId}-${link.toReportId}`}
              className={`carry-link carry-link--${verdict.kind}`}
              data-testid="carry-link"
              data-holds={String(link.holds)}
            >
              <span className="carry-link__mark" aria-hidden="true">
                {verdict.mark}
              </span>
              <span className="carry-link__pair">
                {yearOf(comparison, link.fromReportId)} → {yearOf(comparison, link.toReportId)}
              </span>
              <span className="carry-link__verdict">{verdict.label}</span>
              <span className="carry-link__why">{link.why}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

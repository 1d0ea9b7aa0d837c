import { Fragment } from 'react'
import type { AgencyComparison, ComparedCell } from '../../../../shared/stats'
import { changeTitle, formatDelta, shownRaw, type CompareGroup } from './agency-compare-rows'

interface Props {
  comparison: AgencyComparison
  groups: CompareGroup[]
  onOpenReport: (reportId: number) => void
}

/**
 * A label path as printed: the levels above the last one muted, so 1.属于国家秘密 keeps its （三）不予公开.
 * Table 二's labels have one level, and its "本年增/减" is a slash of the form, not a level.
 */
function Label({ path, table }: { path: string; table: string }): React.JSX.Element {
  const levels = table === '二' ? [path] : path.split('/')
  const last = levels.pop()
  return (
    <>
      {levels.length > 0 && <span className="agency-compare__parent">{levels.join(' › ')} › </span>}
      {last}
    </>
  )
}

function YearHeader({ report, onOpenReport }: { report: AgencyComparison['reports'][number]; onOpenReport: (id: number) => void }): React.JSX.Element {
  const verified = report.status === 'verified'
  return (
    <th scope="col" className="agency-compare__year">
      <button
        type="button"
        className="button button--link"
        title={`打开报告：${report.fileName}`}
        onClick={() => onOpenReport(report.id)}
        data-testid="compare-year"
        data-year={report.year ?? ''}
      >
        {report.year === null ? '年度不明' : `${report.year} 年`}
      </button>
      <span className="agency-compare__form">{report.template ? `${report.template} 版` : '格式不明'}</span>
      {!verified && <span className="tag agency-compare__unverified">未核验</span>}
    </th>
  )
}

function Cell({
  cell,
  before,
  beforeYear,
  year,
  rowKey
}: {
  cell: ComparedCell | null
  before: ComparedCell | null | undefined
  beforeYear: number | null
  year: number | null
  rowKey: string
}): React.JSX.Element {
  const common = { 'data-testid': 'compare-cell', 'data-key': rowKey, 'data-year': year ?? '' }
  if (!cell) {
    return (
      <td {...common} className="compare-cell compare-cell--absent" title="该年度的报表格式没有这一栏">
        无此栏
      </td>
    )
  }
  const empty = cell.raw === null || cell.raw.trim() === ''
  const classes = ['compare-cell', cell.changed && 'compare-cell--changed', empty && 'compare-cell--empty'].filter(Boolean).join(' ')
  return (
    <td {...common} data-changed={cell.changed} className={classes} title={changeTitle(cell, before, beforeYear) || undefined}>
      <span className="compare-cell__raw">{shownRaw(cell)}</span>
      {cell.changed && cell.delta !== null && (
        <span className={`compare-cell__delta compare-cell__delta--${cell.delta > 0 ? 'up' : cell.delta < 0 ? 'down' : 'same'}`} data-testid="compare-delta">
          {formatDelta(cell.delta)}
        </span>
      )}
    </td>
  )
}

/** One row per cell key, grouped by table; one column per report, oldest first. */
export function AgencyCompareTable({ comparison, groups, onOpenReport }: Props): React.JSX.Element {
  const { reports } = comparison
  return (
    <div className="agency-compare__scroll">
      <table className="agency-compare__table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col" className="agency-compare__label">
              行
            </th>
            <th scope="col" className="agency-compare__label">
              栏
            </th>
            {reports.map((r) => (
              <YearHeader key={r.id} report={r} onOpenReport={onOpenReport} />
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <Fragment key={group.table}>
              <tr className="agency-compare__group">
                <th scope="rowgroup" colSpan={reports.length + 2}>
                  {group.title}
                </th>
              </tr>
              {group.rows.map(({ row, labelSpan }) => (
                <tr key={row.key} className={row.changed ? 'agency-compare__row--changed' : undefined}>
                  {labelSpan > 0 && (
                    <th scope="row" rowSpan={labelSpan} className="agency-compare__row-label" title={row.row}>
                      <Label path={row.row} table={row.table} />
                    </th>
                  )}
                  <td className="agency-compare__column-label" title={row.column}>
                    <Label path={row.column} table={row.table} />
                  </td>
                  {row.cells.map((cell, i) => (
                    <Cell
                      key={reports[i].id}
                      cell={cell}
                      before={row.cells[i - 1]}
                      beforeYear={reports[i - 1]?.year ?? null}
                      year={reports[i].year}
                      rowKey={row.key}
                    />
                  ))}
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}

import { memo, useMemo, useState } from 'react'
import type { AgencySummary, AgencyTableMeasure, RateId } from '../../../../shared/stats'
import { barShare, columnMaxima, DEFAULT_SORT, nextSort, NUMBER_COLUMNS, sortRows, type ColumnId, type NumberColumn } from '../../stats/agency-table'
import { figureTitle, formatNumber, formatRate, rateTitle, yearsLabel } from '../../stats/format'

/** Rows drawn at first; the rest on 显示全部 (a 10,000-report library has thousands of agencies). */
export const FIRST_ROWS = 100

interface Props {
  rows: AgencySummary[]
  onOpenAgency: (row: AgencySummary) => void
}

function NumberCell({ row, column, max }: { row: AgencySummary; column: NumberColumn; max: number }): React.JSX.Element {
  let text: string
  let title: string
  let value: number | null
  if (column.kind === 'rate') {
    const rate = row.rates[column.id as RateId]
    value = rate.value
    text = value === null ? '—' : formatRate(value)
    title = rateTitle(column.label, rate)
  } else {
    const figure = row.measures[column.id as AgencyTableMeasure]
    value = figure.value
    text = value === null ? '—' : formatNumber(value, figure.decimals) + (figure.blank ? '*' : '')
    title = figureTitle(column.label, figure)
  }
  return (
    <td className={`agency-table__num${value === null ? ' agency-table__num--blank' : ''}`} title={title}>
      <span className="agency-table__bar" style={{ width: `${barShare(value, max) * 100}%` }} />
      <span className="agency-table__value">{text}</span>
    </td>
  )
}

const AgencyLine = memo(function AgencyLine({
  row,
  maxima,
  onOpen
}: {
  row: AgencySummary
  maxima: Record<string, number>
  onOpen: (r: AgencySummary) => void
}) {
  const openable = row.agencyKey !== null
  return (
    <tr
      data-testid="agency-row"
      className={openable ? 'agency-table__row' : undefined}
      tabIndex={openable ? 0 : undefined}
      title={openable ? '点击查看该机关历年对比' : '未读出机关名称，无法对比'}
      onClick={() => openable && onOpen(row)}
      onKeyDown={(e) => openable && e.key === 'Enter' && onOpen(row)}
    >
      <td className="agency-table__agency">
        {row.agency ?? <span className="muted">（未读出机关）</span>}
        {row.unverified > 0 && <span className="tag stats-unverified">含未核验 {row.unverified}</span>}
      </td>
      <td>{yearsLabel(row.years)}</td>
      {NUMBER_COLUMNS.map((c) => (
        <NumberCell key={c.id} row={row} column={c} max={maxima[c.id]} />
      ))}
    </tr>
  )
})

/** 按机关: ranked by 新收申请, each number with a bar against its column's largest; headers sort. */
export function AgencyTable({ rows, onOpenAgency }: Props): React.JSX.Element {
  const [sort, setSort] = useState(DEFAULT_SORT)
  const [showAll, setShowAll] = useState(false)
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort])
  const maxima = useMemo(() => columnMaxima(rows), [rows])
  const shown = showAll ? sorted : sorted.slice(0, FIRST_ROWS)

  const header = (id: ColumnId, label: string, numeric: boolean): React.JSX.Element => (
    <th key={id} className={numeric ? 'agency-table__num' : undefined} aria-sort={sort.column === id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort(nextSort(sort, id))}>
        {label}
        <span className="agency-table__arrow">{sort.column === id ? (sort.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>
  )

  if (!rows.length) return <p className="stats-empty-line">没有机关</p>
  return (
    <div className="agency-table-wrap">
      <table className="agency-table" data-testid="agency-table">
        <thead>
          <tr>
            {header('agency', '机关', false)}
            {header('years', '年度', false)}
            {NUMBER_COLUMNS.map((c) => header(c.id, c.label, true))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <AgencyLine key={row.agencyKey ?? `unnamed-${i}`} row={row} maxima={maxima} onOpen={onOpenAgency} />
          ))}
        </tbody>
      </table>
      <p className="agency-table__foot">
        共 {rows.length} 个机关{shown.length < rows.length && `，显示前 ${shown.length} 个`}
        。“—”表示空白或无法计算（悬停查看原因），“*”表示有报告此项空白未计入。
        {shown.length < rows.length && (
          <button type="button" className="button button--link" onClick={() => setShowAll(true)}>
            显示全部
          </button>
        )}
      </p>
    </div>
  )
}

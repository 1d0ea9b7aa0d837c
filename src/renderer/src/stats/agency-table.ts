// The 按机关 table: its columns, the value of a cell, the sort, and the widest value of each column
// (for the inline bars). Pure, so a 10,000-report library sorts without touching the DOM.

import type { AgencySummary, AgencyTableMeasure, RateId } from '../../../shared/stats'

export type ColumnId = 'agency' | 'years' | AgencyTableMeasure | RateId

export interface NumberColumn {
  id: AgencyTableMeasure | RateId
  label: string
  kind: 'measure' | 'rate'
}

export const NUMBER_COLUMNS: readonly NumberColumn[] = [
  { id: 'newReceived', label: '新收申请', kind: 'measure' },
  { id: 'disclosure', label: '公开率', kind: 'rate' },
  { id: 'reviewCorrection', label: '复议纠错率', kind: 'rate' },
  { id: 'litigationCorrection', label: '诉讼纠错率', kind: 'rate' },
  { id: 'licensingDecisions', label: '行政许可', kind: 'measure' },
  { id: 'punishmentDecisions', label: '行政处罚', kind: 'measure' },
  { id: 'feesAmount', label: '收费（万元）', kind: 'measure' }
]

export interface Sort {
  column: ColumnId
  descending: boolean
}

/** Ranked by 新收申请, most first. */
export const DEFAULT_SORT: Sort = { column: 'newReceived', descending: true }

export function cellValue(row: AgencySummary, column: NumberColumn): number | null {
  return column.kind === 'rate' ? row.rates[column.id as RateId].value : row.measures[column.id as AgencyTableMeasure].value
}

function sortKey(row: AgencySummary, column: ColumnId): number | string | null {
  if (column === 'agency') return row.agency
  if (column === 'years') return row.years.length ? Math.max(...row.years) : null
  return cellValue(
    row,
    NUMBER_COLUMNS.find((c) => c.id === column)!
  )
}

const COLLATOR = new Intl.Collator('zh-CN')

/** A new array in the order asked; rows without a value go last either way, ties keep the given order. */
export function sortRows(rows: readonly AgencySummary[], sort: Sort): AgencySummary[] {
  const keyed = rows.map((row, i) => ({ row, i, key: sortKey(row, sort.column) }))
  const sign = sort.descending ? -1 : 1
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.i - b.i : a.key === null ? 1 : -1
    const c = typeof a.key === 'string' ? COLLATOR.compare(a.key, b.key as string) : a.key - (b.key as number)
    return c === 0 ? a.i - b.i : sign * c
  })
  return keyed.map((k) => k.row)
}

/** Clicking the sorted column turns it round; another column starts with the largest (or 甲…) first. */
export function nextSort(current: Sort, column: ColumnId): Sort {
  if (current.column === column) return { column, descending: !current.descending }
  return { column, descending: column !== 'agency' }
}

/** The largest value of each number column (0 when none): the full length of its bars. */
export function columnMaxima(rows: readonly AgencySummary[]): Record<string, number> {
  const max: Record<string, number> = {}
  for (const c of NUMBER_COLUMNS) {
    let m = 0
    for (const r of rows) {
      const v = cellValue(r, c)
      if (v !== null && v > m) m = v
    }
    max[c.id] = m
  }
  return max
}

/** The bar's share of the cell, 0…1. */
export function barShare(value: number | null, max: number): number {
  if (value === null || max <= 0 || value <= 0) return 0
  return Math.min(1, value / max)
}

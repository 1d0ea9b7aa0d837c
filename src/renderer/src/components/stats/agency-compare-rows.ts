// What the compare table shows, worked out apart from React: rows grouped by table, the row label
// printed once over the cells it heads, the deltas written as the reviewer reads them.

import type { ComparedCell, ComparedRow } from '../../../../shared/stats'
import { TABLE_TITLES } from '../../../../core/template/tables'

/** Above this many rows the table opens on the changed cells only. */
export const LONG_TABLE = 40

export interface CompareGroup {
  table: string
  title: string
  rows: { row: ComparedRow; /** Rows this one's label spans; 0 when a row above already printed it. */ labelSpan: number }[]
}

const TITLES: Record<string, string> = { 二: TABLE_TITLES.active, 三: TABLE_TITLES.requests, 四: TABLE_TITLES.appeals }

/** Rows by table in the order given, the changed ones only when asked; empty tables left out. */
export function groupRows(rows: readonly ComparedRow[], onlyChanged: boolean): CompareGroup[] {
  const groups: CompareGroup[] = []
  for (const row of rows) {
    if (onlyChanged && !row.changed) continue
    let group = groups.at(-1)
    if (group?.table !== row.table) groups.push((group = { table: row.table, title: TITLES[row.table] ?? `表${row.table}`, rows: [] }))
    const head = [...group.rows].reverse().find((r) => r.labelSpan > 0)
    const previous = group.rows.at(-1)
    if (head && previous && previous.row.row === row.row) {
      head.labelSpan++
      group.rows.push({ row, labelSpan: 0 })
    } else group.rows.push({ row, labelSpan: 1 })
  }
  return groups
}

/** +3, −2 (a true minus sign), 0; decimals as they are. */
export function formatDelta(delta: number): string {
  if (delta > 0) return `+${delta}`
  if (delta < 0) return `\u2212${-delta}`
  return '0'
}

/** A raw cell as printed: blank spelled out so it is not mistaken for a missing cell. */
export function shownRaw(cell: ComparedCell): string {
  if (cell.raw === null) return '未读取'
  return cell.raw.trim() === '' ? '空白' : cell.raw
}

/** The title of a changed cell: what it was in the report before. */
export function changeTitle(cell: ComparedCell, before: ComparedCell | null | undefined, beforeYear: number | null): string {
  if (!cell.changed || !before) return ''
  const was = `${beforeYear ?? '上一份报告'}${beforeYear ? ' 年' : ''}为 ${shownRaw(before)}`
  return cell.delta !== null ? `${was}，变化 ${formatDelta(cell.delta)}` : was
}

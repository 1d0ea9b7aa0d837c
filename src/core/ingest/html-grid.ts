// Grid coordinates for HTML tables: expand rowspan/colspan the way a browser lays out a
// table, so a cell's (row, col) is the top-left slot it occupies in the full grid.

/** HTML caps: colspan ≤ 1000, rowspan ≤ 65534 (rowspan="0" means "to the end of the table"). */
const MAX_COLSPAN = 1000
const MAX_ROWSPAN = 65534

export interface SpanRequest {
  colSpan: number
  rowSpan: number
}

export interface GridSlot {
  row: number
  col: number
  colSpan: number
  rowSpan: number
}

export function parseColSpan(value: string | undefined): number {
  const n = value === undefined ? 1 : parseInt(value, 10)
  if (!Number.isFinite(n) || n < 1) return 1
  return Math.min(n, MAX_COLSPAN)
}

/** 0 stands for "to the end of the table" and is resolved in placeCells. */
export function parseRowSpan(value: string | undefined): number {
  const n = value === undefined ? 1 : parseInt(value, 10)
  if (!Number.isFinite(n) || n < 0) return 1
  return Math.min(n, MAX_ROWSPAN)
}

interface ActiveSpan {
  col: number
  colSpan: number
  /** First row no longer covered. */
  endRow: number
}

/**
 * Places every cell of a table on the grid. Cells covered by a rowspan from an earlier row
 * push later cells of that row to the right; rowspans are clamped to the table's last row so
 * a hostile rowspan="65534" costs nothing. Overlapping spans (a table-model error) overlap,
 * as in browsers.
 */
export function placeCells(rows: SpanRequest[][]): GridSlot[][] {
  const rowCount = rows.length
  let active: ActiveSpan[] = []
  const placed: GridSlot[][] = []
  for (let r = 0; r < rowCount; r++) {
    const covering = active.filter((a) => a.endRow > r).sort((a, b) => a.col - b.col)
    const started: ActiveSpan[] = []
    const slots: GridSlot[] = []
    let cursor = 0
    let k = 0
    for (const cell of rows[r]) {
      while (k < covering.length && covering[k].col <= cursor) {
        const end = covering[k].col + covering[k].colSpan
        if (end > cursor) cursor = end
        k++
      }
      const remaining = rowCount - r
      const rowSpan = cell.rowSpan === 0 ? remaining : Math.min(cell.rowSpan, remaining)
      slots.push({ row: r, col: cursor, colSpan: cell.colSpan, rowSpan })
      if (rowSpan > 1) started.push({ col: cursor, colSpan: cell.colSpan, endRow: r + rowSpan })
      cursor += cell.colSpan
    }
    placed.push(slots)
    active = started.length ? covering.concat(started) : covering
  }
  return placed
}

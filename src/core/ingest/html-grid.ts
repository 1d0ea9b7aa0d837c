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
  /** First column no longer covered. */
  endCol: number
  /** First row no longer covered. */
  endRow: number
}

/**
 * Row spans open at once, after side-by-side spans ending on the same row are joined. Real report
 * tables keep at most a few open (the corpus: 2); each row walks the open spans, so a table whose
 * every row opens a span ending on a row of its own (rowspan="5000" in each of 16 000 rows) cost
 * rows × spans: 4 s for 16 000 rows, growing with the square. Past this many, a further cell's
 * rowspan is read as 1 and the reader is told (see cutSpans); the cell and its text are kept.
 */
export const MAX_OPEN_SPANS = 100

/** Counts the spans looked at, for tests that the work stays in proportion to the table. */
export interface PlacementWork {
  steps: number
  /** Cells whose rowspan was read as 1 because MAX_OPEN_SPANS spans were already open. */
  cutSpans?: number
}

/**
 * Places every cell of a table on the grid. Cells covered by a rowspan from an earlier row
 * push later cells of that row to the right; rowspans are clamped to the table's last row so
 * a hostile rowspan="65534" costs nothing. Overlapping spans (a table-model error) overlap,
 * as in browsers.
 *
 * The spans still open are kept in column order, and side-by-side spans that end on the same row
 * are kept as one: a table whose every row starts with rowspan="0" has one open span, not one per
 * row, so each row costs its own cells and not every row above it (that was quadratic: an 18 MB
 * page took the whole minute). Past MAX_OPEN_SPANS open spans a new one is not opened.
 */
export function placeCells(rows: SpanRequest[][], work: PlacementWork = { steps: 0 }): GridSlot[][] {
  const rowCount = rows.length
  let active: ActiveSpan[] = []
  const placed: GridSlot[][] = []
  for (let r = 0; r < rowCount; r++) {
    const covering = active
    const started: ActiveSpan[] = []
    const slots: GridSlot[] = []
    let cursor = 0
    let k = 0
    for (const cell of rows[r]) {
      while (k < covering.length && covering[k].col <= cursor) {
        work.steps++
        if (covering[k].endCol > cursor) cursor = covering[k].endCol
        k++
      }
      work.steps++
      const remaining = rowCount - r
      let rowSpan = cell.rowSpan === 0 ? remaining : Math.min(cell.rowSpan, remaining)
      if (rowSpan > 1 && covering.length + started.length >= MAX_OPEN_SPANS) {
        rowSpan = 1
        work.cutSpans = (work.cutSpans ?? 0) + 1
      }
      slots.push({ row: r, col: cursor, colSpan: cell.colSpan, rowSpan })
      if (rowSpan > 1) started.push({ col: cursor, endCol: cursor + cell.colSpan, endRow: r + rowSpan })
      cursor += cell.colSpan
    }
    placed.push(slots)
    active = openSpans(covering, started, r + 1, work)
  }
  return placed
}

/**
 * The spans open on row `row`: those still covering it from `covering` and `started` (each in
 * column order), merged in column order, with touching spans that end on the same row joined.
 */
function openSpans(covering: ActiveSpan[], started: ActiveSpan[], row: number, work: PlacementWork): ActiveSpan[] {
  const open: ActiveSpan[] = []
  const add = (span: ActiveSpan): void => {
    work.steps++
    if (span.endRow <= row) return
    const last = open[open.length - 1]
    if (last && last.endRow === span.endRow && last.endCol === span.col) open[open.length - 1] = { ...last, endCol: span.endCol }
    else open.push(span)
  }
  let i = 0
  let j = 0
  while (i < covering.length || j < started.length) {
    if (j >= started.length || (i < covering.length && covering[i].col <= started[j].col)) add(covering[i++])
    else add(started[j++])
  }
  return open
}

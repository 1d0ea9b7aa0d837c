// Ruling lines → table grids. A table is a connected set of horizontal and
// vertical rulings; its grid lines are the distinct ruling positions, and two
// neighbouring grid slots belong to one (merged) cell when no ruling separates them.

import type { Box } from '../../document'
import { clusterValues, type Rulings, type Segment } from './geometry'

export interface GridCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  bbox: Box
}

export interface Grid {
  /** Column boundaries (ascending x) and row boundaries (ascending y). */
  xs: number[]
  ys: number[]
  cells: GridCell[]
  /** cellAt[row][col] = index into cells of the cell covering that slot. */
  cellAt: number[][]
  bbox: Box
}

/** Positions closer than this are one grid line (double borders, rounding). */
const SNAP = 2.5
/** Shorter segments are glyph strokes or dots, not rulings. */
const MIN_SEGMENT = 4
/** Crossing rulings running this far past the last grid line open one more row/column. */
const OPEN_EDGE = 5
/** Share of a slot edge a ruling must cover to separate two slots. */
const COVER = 0.6

export function findGrids(rulings: Rulings): Grid[] {
  const horizontal = mergeCollinear(rulings.horizontal)
  const vertical = mergeCollinear(rulings.vertical)
  const grids: Grid[] = []
  for (const group of connectedGroups(horizontal, vertical)) {
    const grid = buildGrid(group.horizontal, group.vertical)
    if (grid) grids.push(grid)
  }
  return grids.sort((a, b) => a.bbox[1] - b.bbox[1])
}

/** Joins overlapping or touching segments on the same line; drops tiny ones. */
export function mergeCollinear(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from)
  const lines: Segment[][] = []
  for (const s of sorted) {
    const line = lines.find((l) => Math.abs(l[0].at - s.at) <= 1)
    if (line) line.push(s)
    else lines.push([s])
  }
  const out: Segment[] = []
  for (const line of lines) {
    const at = line.reduce((sum, s) => sum + s.at, 0) / line.length
    const spans = [...line].sort((a, b) => a.from - b.from)
    let current: Segment | null = null
    for (const s of spans) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to)
      else {
        if (current) out.push(current)
        current = { at, from: s.from, to: s.to }
      }
    }
    if (current) out.push(current)
  }
  return out.filter((s) => s.to - s.from >= MIN_SEGMENT)
}

interface Group {
  horizontal: Segment[]
  vertical: Segment[]
}

function connectedGroups(horizontal: Segment[], vertical: Segment[]): Group[] {
  const parent = [...horizontal, ...vertical].map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(horizontal.length + j)
    })
  })
  const groups = new Map<number, Group>()
  const groupOf = (i: number): Group => {
    const root = find(i)
    let g = groups.get(root)
    if (!g) groups.set(root, (g = { horizontal: [], vertical: [] }))
    return g
  }
  horizontal.forEach((h, i) => groupOf(i).horizontal.push(h))
  vertical.forEach((v, j) => groupOf(horizontal.length + j).vertical.push(v))
  return [...groups.values()]
}

function touches(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

function buildGrid(horizontal: Segment[], vertical: Segment[]): Grid | null {
  if (horizontal.length < 2 || vertical.length < 2) return null
  const xs = withOpenEdges(
    clusterValues(
      vertical.map((v) => v.at),
      SNAP
    ),
    horizontal
  )
  const ys = withOpenEdges(
    clusterValues(
      horizontal.map((h) => h.at),
      SNAP
    ),
    vertical
  )
  if (xs.length < 2 || ys.length < 2) return null
  // A lone rectangle is a frame around text, not a table.
  if (xs.length === 2 && ys.length === 2) return null
  const rows = ys.length - 1
  const cols = xs.length - 1
  const slot = (r: number, c: number): number => r * cols + c
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vertical, xs[c + 1], ys[r], ys[r + 1])) parent[find(slot(r, c + 1))] = find(slot(r, c))
      if (r + 1 < rows && !covered(horizontal, ys[r + 1], xs[c], xs[c + 1])) parent[find(slot(r + 1, c))] = find(slot(r, c))
    }
  }
  const cells: GridCell[] = []
  const cellAt: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1))
  const regions = new Map<number, [number, number][]>()
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(slot(r, c))
      const list = regions.get(root) ?? []
      list.push([r, c])
      regions.set(root, list)
    }
  }
  for (const slots of regions.values()) {
    for (const piece of rectangles(slots)) {
      const index = cells.length
      cells.push({ ...piece, bbox: [xs[piece.col], ys[piece.row], xs[piece.col + piece.colSpan], ys[piece.row + piece.rowSpan]] })
      for (let r = piece.row; r < piece.row + piece.rowSpan; r++) for (let c = piece.col; c < piece.col + piece.colSpan; c++) cellAt[r][c] = index
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  // Re-index cellAt after sorting.
  cells.forEach((cell, index) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let c = cell.col; c < cell.col + cell.colSpan; c++) cellAt[r][c] = index
  })
  return { xs, ys, cells, cellAt, bbox: [xs[0], ys[0], xs[cols], ys[rows]] }
}

/**
 * A table cut by a page break often has no closing ruling: its vertical lines run
 * past the last horizontal one (or start before the first). The crossing lines'
 * ends then close the grid.
 */
function withOpenEdges(bounds: number[], crossing: readonly Segment[]): number[] {
  const low = Math.min(...crossing.map((s) => s.from))
  const high = Math.max(...crossing.map((s) => s.to))
  const out = [...bounds]
  if (low < out[0] - OPEN_EDGE) out.unshift(low)
  if (high > out[out.length - 1] + OPEN_EDGE) out.push(high)
  return out
}

/** A merged region that is a rectangle stays one cell; an odd shape (a ruling missing in part) falls back to single slots. */
function rectangles(slots: [number, number][]): Omit<GridCell, 'bbox'>[] {
  const r0 = Math.min(...slots.map((s) => s[0]))
  const r1 = Math.max(...slots.map((s) => s[0]))
  const c0 = Math.min(...slots.map((s) => s[1]))
  const c1 = Math.max(...slots.map((s) => s[1]))
  const rowSpan = r1 - r0 + 1
  const colSpan = c1 - c0 + 1
  if (rowSpan * colSpan === slots.length) return [{ row: r0, col: c0, rowSpan, colSpan }]
  return slots.map(([row, col]) => ({ row, col, rowSpan: 1, colSpan: 1 }))
}

/** Whether rulings at `at` cover enough of the stretch [from, to]. */
function covered(segments: readonly Segment[], at: number, from: number, to: number): boolean {
  const length = to - from
  if (length <= 0) return true
  let total = 0
  for (const s of segments) {
    if (Math.abs(s.at - at) > SNAP) continue
    total += Math.max(0, Math.min(to, s.to) - Math.max(from, s.from))
  }
  return total >= COVER * length
}

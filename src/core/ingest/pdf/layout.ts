// One page's geometry → its tables (cells with text) and the lines outside them.

import type { Box } from '../../document'
import { round, type PageContent, type TextRun } from './geometry'
import { findGrids, type Grid } from './grid'
import { groupLines, joinWrapped, lineText, type Line } from './lines'

export interface PageCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  text: string
  page: number
  /** The cell's ruled box (not just its text), top-left origin. */
  bbox: Box
}

export interface PageTable {
  kind: 'table'
  page: number
  bbox: Box
  /** Column boundaries of this part (ascending x). */
  xs: number[]
  rowCount: number
  cells: PageCell[]
}

export interface PageLine {
  kind: 'line'
  page: number
  text: string
  bbox: Box
  size: number
}

export type PageItem = PageTable | PageLine

/** Runs this close outside a table's frame still belong to it. */
const FRAME_SLACK = 1.5

export function layoutPage(content: PageContent): PageItem[] {
  const grids = findGrids(content.rulings)
  const runsByGrid = new Map<Grid, TextRun[]>()
  const loose: TextRun[] = []
  for (const run of content.runs) {
    const grid = grids.find((g) => inside(centre(run), g.bbox, FRAME_SLACK))
    if (grid) runsByGrid.set(grid, [...(runsByGrid.get(grid) ?? []), run])
    else loose.push(run)
  }
  const items: PageItem[] = []
  for (const grid of grids) {
    const runs = runsByGrid.get(grid) ?? []
    // A ruled box with no text (a signature box, a decoration) is not a table.
    if (runs.length === 0) continue
    items.push(tableOf(grid, runs, content.page))
  }
  for (const line of groupLines(loose)) {
    const text = lineText(line)
    if (text !== '') items.push({ kind: 'line', page: content.page, text, bbox: roundBox([line.x0, line.top, line.x1, line.bottom]), size: line.size })
  }
  return items.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])
}

function tableOf(grid: Grid, runs: TextRun[], page: number): PageTable {
  const runsOfCell: TextRun[][] = grid.cells.map(() => [])
  for (const run of runs) {
    for (const piece of splitAtColumns(run, grid)) {
      const [x, y] = centre(piece)
      const col = indexIn(grid.xs, x)
      const row = indexIn(grid.ys, y)
      runsOfCell[grid.cellAt[row][col]].push(piece)
    }
  }
  const cells: PageCell[] = grid.cells.map((cell, i) => ({
    row: cell.row,
    col: cell.col,
    rowSpan: cell.rowSpan,
    colSpan: cell.colSpan,
    text: cellText(groupLines(runsOfCell[i])),
    page,
    bbox: roundBox(cell.bbox)
  }))
  return { kind: 'table', page, bbox: roundBox(grid.bbox), xs: grid.xs.map(round), rowCount: grid.ys.length - 1, cells }
}

function cellText(lines: Line[]): string {
  return joinWrapped(lines.map(lineText))
}

/**
 * pdf.js may hand back one run that crosses a cell border (text drawn in one
 * operation). Cut it where a column boundary of the cell it starts in falls,
 * sharing out characters by width.
 */
function splitAtColumns(run: TextRun, grid: Grid): TextRun[] {
  const chars = [...run.str]
  if (chars.length < 2) return [run]
  const cuts = grid.xs.filter((x) => x > run.x0 + 1 && x < run.x1 - 1)
  if (cuts.length === 0) return [run]
  const perChar = (run.x1 - run.x0) / chars.length
  const pieces: TextRun[] = []
  let start = 0
  for (const cut of [...cuts, Infinity]) {
    const end = cut === Infinity ? chars.length : Math.max(start, Math.min(chars.length, Math.round((cut - run.x0) / perChar)))
    if (end > start) {
      const str = chars.slice(start, end).join('')
      if (str.trim() !== '') pieces.push({ ...run, str, x0: run.x0 + start * perChar, x1: run.x0 + end * perChar })
    }
    start = end
  }
  return pieces
}

/** Index of the interval of `bounds` (ascending) holding v, clamped to the valid range. */
function indexIn(bounds: readonly number[], v: number): number {
  for (let i = 1; i < bounds.length - 1; i++) if (v < bounds[i]) return i - 1
  return bounds.length - 2
}

function centre(run: TextRun): [number, number] {
  return [(run.x0 + run.x1) / 2, (run.top + run.bottom) / 2]
}

function inside([x, y]: [number, number], box: Box, slack: number): boolean {
  return x >= box[0] - slack && x <= box[2] + slack && y >= box[1] - slack && y <= box[3] + slack
}

function roundBox(b: Box): Box {
  return [round(b[0]), round(b[1]), round(b[2]), round(b[3])]
}

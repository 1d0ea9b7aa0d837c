// Synthetic page rasters for the OCR unit tests: ruled grids drawn in pure TS, with blocks of "ink"
// where text would be, so deskew and grid detection can be checked without any image file.

import { blankRaster, type Raster } from './raster'

export interface DrawnGrid {
  x0: number
  y0: number
  colWidths: number[]
  rowHeights: number[]
  /** Slots whose right-hand line is left out: [row, col] (the cell spans into col + 1). */
  openRight?: [number, number][]
  /** Slots whose bottom line is left out: [row, col]. */
  openBelow?: [number, number][]
}

function fill(r: Raster, x0: number, y0: number, x1: number, y1: number, grey: number): void {
  for (let y = Math.max(0, y0); y < Math.min(r.height, y1); y++) r.data.fill(grey, y * r.width + Math.max(0, x0), y * r.width + Math.min(r.width, x1))
}

/** Eight rows of four slots on a 1200 × 900 page: a table with nothing to read in it. */
export const EMPTY_TABLE: DrawnGrid = { x0: 100, y0: 100, colWidths: [250, 250, 250, 250], rowHeights: [80, 80, 80, 80, 80, 80, 80, 80] }

/** A page with one ruled table (2 px lines) and a short dark bar ("text") in every slot. */
export function drawGrid(width: number, height: number, grid: DrawnGrid): Raster {
  const page = blankRaster(width, height, 250)
  const xs = [grid.x0]
  for (const w of grid.colWidths) xs.push(xs[xs.length - 1] + w)
  const ys = [grid.y0]
  for (const h of grid.rowHeights) ys.push(ys[ys.length - 1] + h)
  const open = (list: [number, number][] | undefined, r: number, c: number): boolean => !!list?.some(([a, b]) => a === r && b === c)
  for (let r = 0; r < grid.rowHeights.length; r++) {
    for (let c = 0; c < grid.colWidths.length; c++) {
      // text-like bar in the slot's middle
      const cx = (xs[c] + xs[c + 1]) / 2
      const cy = (ys[r] + ys[r + 1]) / 2
      fill(page, Math.round(cx - 8), Math.round(cy - 8), Math.round(cx + 8), Math.round(cy + 8), 30)
      // right and bottom lines of the slot, unless left open
      if (!open(grid.openRight, r, c)) fill(page, xs[c + 1] - 1, ys[r] - 1, xs[c + 1] + 1, ys[r + 1] + 1, 40)
      if (!open(grid.openBelow, r, c)) fill(page, xs[c] - 1, ys[r + 1] - 1, xs[c + 1] + 1, ys[r + 1] + 1, 40)
    }
  }
  // outer frame: top and left
  fill(page, xs[0] - 1, ys[0] - 1, xs[xs.length - 1] + 1, ys[0] + 1, 40)
  fill(page, xs[0] - 1, ys[0] - 1, xs[0] + 1, ys[ys.length - 1] + 1, 40)
  return page
}

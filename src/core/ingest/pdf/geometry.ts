// Plain geometry for PDF layout. All coordinates are PDF user-space units of the
// page at scale 1, with the origin at the page's TOP-LEFT corner (y grows downward),
// i.e. pdf.js viewport coordinates — the same convention as Box in document.ts.

import type { Box } from '../../document'

/** A run of text as pdf.js reports it, placed on the page. */
export interface TextRun {
  str: string
  x0: number
  x1: number
  /** Top and bottom of the glyph box (bottom = baseline). */
  top: number
  bottom: number
  /** Font size in page units. */
  size: number
}

/** A horizontal (y fixed) or vertical (x fixed) ruling line. */
export interface Segment {
  /** The fixed coordinate: y for horizontal, x for vertical. */
  at: number
  from: number
  to: number
}

export interface Rulings {
  horizontal: Segment[]
  vertical: Segment[]
}

export interface PageContent {
  page: number
  width: number
  height: number
  runs: TextRun[]
  rulings: Rulings
}

export function runBox(r: TextRun): Box {
  return [round(r.x0), round(r.top), round(r.x1), round(r.bottom)]
}

export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined
  let [x0, y0, x1, y1] = boxes[0]
  for (const b of boxes) {
    x0 = Math.min(x0, b[0])
    y0 = Math.min(y0, b[1])
    x1 = Math.max(x1, b[2])
    y1 = Math.max(y1, b[3])
  }
  return [x0, y0, x1, y1]
}

export function round(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * Groups sorted-or-not numbers into clusters no wider than `tolerance` between
 * neighbours; returns each cluster's mean, ascending.
 */
export function clusterValues(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const out: number[] = []
  let group: number[] = []
  for (const v of sorted) {
    if (group.length > 0 && v - group[group.length - 1] > tolerance) {
      out.push(mean(group))
      group = []
    }
    group.push(v)
  }
  if (group.length > 0) out.push(mean(group))
  return out
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length
}

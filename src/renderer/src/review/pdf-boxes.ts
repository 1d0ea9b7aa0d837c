// Cells on PDF pages: where a cell's text sits on its page (bbox in page units at scale 1, origin
// top-left, as the PDF reader recorded it), and which cell a click on a page lands on.

import type { Box } from '../../../core/document'
import type { ReviewCell } from '../../../shared/types'

export interface PageBox {
  key: string
  page: number
  box: Box
}

/** Every cell that knows its page and box. */
export function pageBoxes(cells: Record<string, ReviewCell>): PageBox[] {
  const out: PageBox[] = []
  for (const cell of Object.values(cells)) {
    const { page, bbox } = cell.source ?? {}
    if (typeof page === 'number' && bbox && bbox[2] > bbox[0] && bbox[3] > bbox[1]) out.push({ key: cell.key, page, box: bbox })
  }
  return out
}

/** How far (page units) a click may fall outside a number and still mean it: numbers are small targets. */
const SLACK = 3

/** The cell under a point of a page (page units), the smallest box when boxes nest; null if none. */
export function cellAtPoint(boxes: PageBox[], page: number, x: number, y: number): string | null {
  let best: { key: string; area: number } | null = null
  for (const b of boxes) {
    if (b.page !== page) continue
    const [x0, y0, x1, y1] = b.box
    if (x < x0 - SLACK || x > x1 + SLACK || y < y0 - SLACK || y > y1 + SLACK) continue
    const area = (x1 - x0) * (y1 - y0)
    if (!best || area < best.area) best = { key: b.key, area }
  }
  return best?.key ?? null
}

/** The box drawn around a cell, scaled to screen pixels and padded so the digits stay readable. */
export function screenRect(box: Box, scale: number, pad = 2): { left: number; top: number; width: number; height: number } {
  const [x0, y0, x1, y1] = box
  return { left: x0 * scale - pad, top: y0 * scale - pad, width: (x1 - x0) * scale + 2 * pad, height: (y1 - y0) * scale + 2 * pad }
}

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const

/** The next zoom step up or down from the current scale (the fit-to-width scale is rarely a step). */
export function nextZoom(scale: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? ZOOM_STEPS[0]
}

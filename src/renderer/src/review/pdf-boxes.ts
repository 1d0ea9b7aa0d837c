// Cells on PDF pages: where a cell's text sits on its page (bbox in page units at scale 1, origin
// top-left, as the PDF reader recorded it), and which cell a click on a page lands on.
// Cells OCR read carry their box in pixels of a page image (source.imageIndex): on a picture the box
// is used as it is (`page` is then the image's index); on a scanned PDF page it is scaled to page units.

import type { Box } from '../../../core/document'
import type { ReviewCell, SourceImage } from '../../../shared/types'

export interface PageBox {
  key: string
  page: number
  box: Box
}

const usable = (bbox: Box | undefined): bbox is Box => !!bbox && bbox[2] > bbox[0] && bbox[3] > bbox[1]

/**
 * Every cell that knows its PDF page and box. OCR'd cells (box in image pixels) are placed on the page
 * their image renders, scaled by the page's width at scale 1 (`pageWidths[page - 1]`) over the image's.
 */
export function pageBoxes(cells: Record<string, ReviewCell>, images: readonly SourceImage[] = [], pageWidths: readonly number[] = []): PageBox[] {
  const out: PageBox[] = []
  for (const cell of Object.values(cells)) {
    const { page, bbox, imageIndex } = cell.source ?? {}
    if (!usable(bbox)) continue
    if (imageIndex === undefined) {
      if (typeof page === 'number') out.push({ key: cell.key, page, box: bbox })
      continue
    }
    const image = images[imageIndex]
    const width = image?.pdfPage ? pageWidths[image.pdfPage - 1] : undefined
    if (!image?.pdfPage || !width) continue
    const f = width / image.width
    out.push({ key: cell.key, page: image.pdfPage, box: [bbox[0] * f, bbox[1] * f, bbox[2] * f, bbox[3] * f] })
  }
  return out
}

/** Cells OCR read from pictures (not PDF pages): `page` is the picture's index, the box in its pixels. */
export function imageBoxes(cells: Record<string, ReviewCell>): PageBox[] {
  const out: PageBox[] = []
  for (const cell of Object.values(cells)) {
    const { bbox, imageIndex } = cell.source ?? {}
    if (imageIndex !== undefined && usable(bbox)) out.push({ key: cell.key, page: imageIndex, box: bbox })
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

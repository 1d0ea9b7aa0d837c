import { describe, expect, it } from 'vitest'
import type { ReviewCell, SourceImage } from '../../../shared/types'
import { cellAtPoint, imageBoxes, nextZoom, pageBoxes, screenRect } from './pdf-boxes'

function cell(key: string, source?: ReviewCell['source']): ReviewCell {
  return { key, value: 1, raw: '1', review: false, corrected: false, edits: 0, ...(source ? { source } : {}) }
}

const cells: Record<string, ReviewCell> = {
  a: cell('a', { start: 0, end: 1, page: 2, bbox: [100, 200, 110, 212] }),
  b: cell('b', { start: 2, end: 3, page: 2, bbox: [130, 200, 150, 212] }),
  c: cell('c', { start: 4, end: 5, page: 3, bbox: [100, 200, 110, 212] }),
  noBox: cell('noBox', { start: 6, end: 7 }),
  empty: cell('empty', { start: 8, end: 8, page: 2, bbox: [5, 5, 5, 5] }),
  none: cell('none')
}

describe('PDF page boxes', () => {
  it('keeps only cells with a page and a non-empty box', () => {
    expect(
      pageBoxes(cells)
        .map((b) => b.key)
        .sort()
    ).toEqual(['a', 'b', 'c'])
  })

  it('finds the cell under a click, on the right page only', () => {
    const boxes = pageBoxes(cells)
    expect(cellAtPoint(boxes, 2, 105, 206)).toBe('a')
    expect(cellAtPoint(boxes, 3, 105, 206)).toBe('c')
    expect(cellAtPoint(boxes, 2, 140, 206)).toBe('b')
    expect(cellAtPoint(boxes, 2, 120, 206)).toBeNull()
    expect(cellAtPoint(boxes, 1, 105, 206)).toBeNull()
  })

  it('forgives a click a little outside a small number', () => {
    expect(cellAtPoint(pageBoxes(cells), 2, 111.5, 213)).toBe('a')
  })

  it('prefers the smaller box where boxes overlap', () => {
    const nested = pageBoxes({ ...cells, big: cell('big', { start: 9, end: 10, page: 2, bbox: [90, 190, 160, 220] }) })
    expect(cellAtPoint(nested, 2, 105, 206)).toBe('a')
    expect(cellAtPoint(nested, 2, 120, 206)).toBe('big')
  })

  it('scales a box to screen pixels with padding', () => {
    expect(screenRect([100, 200, 110, 212], 1.5, 2)).toEqual({ left: 148, top: 298, width: 19, height: 22 })
  })

  it('steps the zoom through fixed levels, from any scale', () => {
    expect(nextZoom(1, 1)).toBe(1.25)
    expect(nextZoom(1, -1)).toBe(0.75)
    expect(nextZoom(1.1, 1)).toBe(1.25)
    expect(nextZoom(1.1, -1)).toBe(1)
    expect(nextZoom(3, 1)).toBe(3)
    expect(nextZoom(0.5, -1)).toBe(0.5)
  })
})

describe('boxes of cells OCR read (pixels of a page image)', () => {
  const image = (index: number, width: number, pdfPage?: number): SourceImage => ({
    index,
    origin: `第 ${index + 1} 张`,
    mime: 'image/jpeg',
    width,
    height: width * 1.4,
    ...(pdfPage ? { pdfPage } : {}),
    bytes: new Uint8Array()
  })
  const ocrCells: Record<string, ReviewCell> = {
    ...cells,
    scanned: cell('scanned', { start: 0, end: 1, imageIndex: 1, bbox: [300, 600, 330, 630] }),
    picture: cell('picture', { start: 0, end: 1, imageIndex: 0, bbox: [10, 20, 40, 50] })
  }

  it('on a scanned PDF page: scaled from the image (1241 px) to the page (595.3 units) it renders', () => {
    const boxes = pageBoxes(ocrCells, [image(0, 800), image(1, 1241, 2)], [595.3, 595.3])
    const scanned = boxes.find((b) => b.key === 'scanned')!
    expect(scanned.page).toBe(2)
    expect(scanned.box.map((v) => Math.round(v * 10) / 10)).toEqual([143.9, 287.8, 158.3, 302.2])
    // A picture that renders no PDF page has no place on the pages; text-layer boxes are kept as they were.
    expect(boxes.map((b) => b.key).sort()).toEqual(['a', 'b', 'c', 'scanned'])
    expect(cellAtPoint(boxes, 2, 150, 295)).toBe('scanned')
  })

  it("on pictures: the box in the picture's own pixels, `page` being the picture's index", () => {
    expect(imageBoxes(ocrCells)).toEqual([
      { key: 'scanned', page: 1, box: [300, 600, 330, 630] },
      { key: 'picture', page: 0, box: [10, 20, 40, 50] }
    ])
    expect(cellAtPoint(imageBoxes(ocrCells), 0, 25, 35)).toBe('picture')
  })
})

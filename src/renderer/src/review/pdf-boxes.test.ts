import { describe, expect, it } from 'vitest'
import type { ReviewCell } from '../../../shared/types'
import { cellAtPoint, nextZoom, pageBoxes, screenRect } from './pdf-boxes'

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
    expect(pageBoxes(cells).map((b) => b.key).sort()).toEqual(['a', 'b', 'c'])
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

import { describe, expect, it } from 'vitest'
import type { ReportDetail, ReviewCell } from '../../../shared/types'
import { gridRows } from './cell-state'
import { tableLayout } from './layout'

const KEY = 'appeals.review.upheld'
const cell = (extra: Partial<ReviewCell>): ReviewCell => ({ key: KEY, value: 3, raw: '3', review: false, corrected: false, edits: 0, ...extra })
const detail = (c: ReviewCell): ReportDetail => ({ cells: { [KEY]: c }, findings: [] }) as unknown as ReportDetail

function lookOf(c: ReviewCell) {
  const layout = tableLayout('appeals', '2021')
  const row = gridRows(layout, detail(c), new Set()).find((r) => r.keys.includes(KEY))!
  return row.looks[layout.columns[row.keys.indexOf(KEY)].id]
}

describe('cell looks: OCR', () => {
  it.each([
    ['read by OCR', cell({ ocr: { confidence: 0.97, read: '3' } }), true],
    ['read by OCR, then typed by a reviewer', cell({ ocr: { confidence: 0.5, read: '8' }, corrected: true }), false],
    ['read from text', cell({}), false]
  ])('%s', (_, c, ocr) => {
    expect(lookOf(c).ocr).toBe(ocr)
  })
})

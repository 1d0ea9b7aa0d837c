// End to end on a generated scan (test/fixtures/scan, made by scripts/make-scan-fixtures): the photo
// of a report's table 三 (150 dpi, turned, noisy JPEG) read by the real engine, cell by cell,
// through the ordinary extractor, against the truth it was generated from.

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractReport } from '../extract'
import { decodePicture } from '../ingest/images/raster'
import { readPage } from './page'
import { ocrDocument } from './to-document'

const SCANS = resolve(__dirname, '../../../test/fixtures/scan')

describe('OCR of a generated scan', () => {
  it('reads table 三 of a page photo cell by cell: every cell right or marked, none silently wrong', async () => {
    const truth = JSON.parse(readFileSync(join(SCANS, 'truth', 'dongfeng_2021_photos.json'), 'utf8')) as { cells: Record<string, number | null> }
    const page = await readPage(await decodePicture(readFileSync(join(SCANS, 'files', 'dongfeng_2021_photos', '表三.jpg'))))
    expect(page.tables).toHaveLength(1)
    expect(Math.abs(page.skew)).toBeGreaterThan(0.2)

    const report = extractReport(ocrDocument([{ imageIndex: 0, page }], 'txt'))
    expect(report.tables.requests).toBe('found')
    const keys = Object.keys(truth.cells).filter((k) => k.startsWith('requests.'))
    expect(keys.length).toBeGreaterThan(150)
    const wrong = keys.filter((k) => report.cells[k]?.value !== truth.cells[k])
    const silent = wrong.filter((k) => !report.cells[k]?.review)
    expect(silent).toEqual([])
    expect(wrong.length / keys.length).toBeLessThanOrEqual(0.02)

    // a cell carries its box on the page image and what OCR read
    const cell = report.cells['requests.new_received.total']
    expect(cell.source?.imageIndex).toBe(0)
    expect(cell.source?.bbox?.[2]).toBeGreaterThan(cell.source!.bbox![0])
    expect(cell.ocr?.read).toBe(String(truth.cells['requests.new_received.total']))
  }, 180_000)
})

// End to end on a generated scan (test/fixtures/scan, made by scripts/make-scan-fixtures): the photo
// of a report's table 三 (150 dpi, turned, noisy JPEG) read by the real engine, cell by cell,
// through the ordinary extractor, against the truth it was generated from.

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractReport } from '../extract'
import { decodePicture } from '../ingest/images/raster'
import { OBSCURED } from '../extract/ocr-certainty'
import { readPage } from './page'
import type { Raster } from './raster'
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

/**
 * An ink drop over the last digit of the ink inside `box`, as scripts/make-scan-fixtures draws the
 * blot of pingtan_2021_mixed: a filled dark grey ellipse 0.6 × 0.84 of the printed word's height
 * (its line box, about 1.4 × the digits' own height).
 */
function blotLastDigit(page: Raster, box: [number, number, number, number]): void {
  let left = Infinity
  let right = -1
  let top = Infinity
  let bottom = -1
  // the digits' ink, a few pixels inside the ruling lines
  for (let y = Math.ceil(box[1]) + 4; y < Math.floor(box[3]) - 4; y++) {
    for (let x = Math.ceil(box[0]) + 4; x < Math.floor(box[2]) - 4; x++) {
      if (page.data[y * page.width + x] > 128) continue
      left = Math.min(left, x)
      right = Math.max(right, x)
      top = Math.min(top, y)
      bottom = Math.max(bottom, y)
    }
  }
  const h = (bottom - top + 1) * 1.4
  const cx = right - (right - left) * 0.25
  const cy = (top + bottom) / 2
  const rx = h * 0.3
  const ry = h * 0.42
  for (let y = Math.floor(cy - ry); y <= cy + ry; y++) {
    for (let x = Math.floor(cx - rx); x <= cx + rx; x++) if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) page.data[y * page.width + x] = 77
  }
}

/**
 * A red 公章's ring, `thickness` px, through the middle of the ink inside `box`, drawn as a colour
 * picture decodes: red's grey (luma ~92) in the grey pixels, its pixels in the colour bits. The
 * ring's box is returned.
 */
function sealRingThrough(page: Raster, box: [number, number, number, number], radius: number, thickness: number): [number, number, number, number] {
  const cx = (box[0] + box[2]) / 2 - radius * 0.6
  const cy = (box[1] + box[3]) / 2 + radius * 0.8
  page.colour ??= new Uint8Array((page.width * page.height + 7) >> 3)
  for (let y = Math.max(0, Math.floor(cy - radius - thickness)); y <= Math.min(page.height - 1, cy + radius + thickness); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius - thickness)); x <= Math.min(page.width - 1, cx + radius + thickness); x++) {
      if (Math.abs(Math.hypot(x - cx, y - cy) - radius) > thickness / 2) continue
      const i = y * page.width + x
      // red over black print stays black; over paper it is red's grey
      page.data[i] = Math.min(page.data[i], 92)
      page.colour[i >> 3] |= 0x80 >> (i & 7)
    }
  }
  return [cx - radius, cy - radius, cx + radius, cy + radius]
}

describe('OCR of a number under an ink blot', () => {
  it('marks a blotted cell of table 二 (in no equation) as obscured; the clean page has no such mark', async () => {
    const picture = await decodePicture(readFileSync(join(SCANS, 'files', 'dongfeng_2021_photos', '表二.png')))
    const key = 'active.licensing.decisions'
    const clean = extractReport(ocrDocument([{ imageIndex: 0, page: await readPage(picture) }], 'txt'))
    expect(clean.tables.active).toBe('found')
    expect(clean.cells[key]).toMatchObject({ value: 14, review: false })
    expect(clean.cells[key].ocr?.obscured).toBeUndefined()
    expect(Object.values(clean.cells).filter((c) => c.ocr?.obscured)).toEqual([])
    expect(clean.messages.map((m) => m.code)).not.toContain('ocr.obscured')

    const blotted = { ...picture, data: picture.data.slice() }
    blotLastDigit(blotted, clean.cells[key].source!.bbox!)
    const report = extractReport(ocrDocument([{ imageIndex: 0, page: await readPage(blotted) }], 'txt'))
    const cell = report.cells[key]
    expect(cell.ocr?.obscured).toBe(true)
    expect(cell.review).toBe(true)
    expect(cell.reviewReason).toContain(OBSCURED)
    // the blot is on that cell alone
    expect(Object.keys(report.cells).filter((k) => report.cells[k].ocr?.obscured)).toEqual([key])
    expect(report.messages.map((m) => m.code)).toContain('ocr.obscured')
  }, 120_000)

  it('marks the numbers a thin red seal ring runs through (too thin to be solid ink, found by its colour)', async () => {
    const picture = await decodePicture(readFileSync(join(SCANS, 'files', 'dongfeng_2021_photos', '表二.png')))
    expect(picture.colour).toBeUndefined()
    const key = 'active.punishment.decisions'
    const clean = extractReport(ocrDocument([{ imageIndex: 0, page: await readPage(picture) }], 'txt'))
    expect(clean.cells[key]).toMatchObject({ value: 6, review: false })
    const stamped = { ...picture, data: picture.data.slice() }
    // a 4 cm seal at 150 dpi has a radius of ~120 px; its ring is 3 px (0.5 mm)
    const ring = sealRingThrough(stamped, clean.cells[key].source!.bbox!, 120, 3)
    const report = extractReport(ocrDocument([{ imageIndex: 0, page: await readPage(stamped) }], 'txt'))
    const obscured = Object.keys(report.cells).filter((k) => report.cells[k].ocr?.obscured)
    expect(obscured).toContain(key)
    expect(report.cells[key].reviewReason).toContain(OBSCURED)
    // only cells under the seal
    for (const k of obscured) {
      const [x0, y0, x1, y1] = report.cells[k].source!.bbox!
      expect(x1 > ring[0] && x0 < ring[2] && y1 > ring[1] && y0 < ring[3], k).toBe(true)
    }
  }, 120_000)
})

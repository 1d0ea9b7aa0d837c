// Ingest wiring: a report's narrative dropped with photos of its tables is read whole by analyse():
// the photos by OCR (a standard table was missing from the text), the tables filled from them.

import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyse } from '../analyse'

const REPORT = resolve(__dirname, '../../../test/fixtures/scan/files/dongfeng_2021_photos')
const TRUTH = resolve(__dirname, '../../../test/fixtures/scan/truth/dongfeng_2021_photos.json')

describe('analyse with OCR', () => {
  it('reads the photos of a report’s tables dropped with its narrative: tables found, cells right or marked, boxes on the photos', async () => {
    const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as { meta: { year: number }; cells: Record<string, number | null> }
    const attachments = readdirSync(REPORT)
      .filter((f) => !f.endsWith('.txt'))
      .map((f) => ({ name: f, path: `dongfeng_2021_photos/${f}`, bytes: new Uint8Array(readFileSync(join(REPORT, f))) }))
    const progress: number[] = []
    const result = await analyse(
      { name: '正文.txt', path: 'dongfeng_2021_photos/正文.txt', bytes: new Uint8Array(readFileSync(join(REPORT, '正文.txt'))), attachments },
      { ocr: { onProgress: (p) => progress.push(p.done) } }
    )
    const analysed = result.value!
    expect(analysed.json.tables).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
    expect(analysed.json.meta.year).toBe(truth.meta.year)
    expect(progress).toEqual([1, 2, 3])
    expect(analysed.document.pageImages).toHaveLength(3)
    expect(result.messages.some((m) => m.code === 'ocr.read')).toBe(true)

    const silent = Object.entries(truth.cells).filter(([k, v]) => analysed.json.cells[k]?.value !== v && !analysed.json.cells[k]?.review)
    expect(silent).toEqual([])
    const ocrCells = Object.values(analysed.json.cells).filter((c) => c.ocr)
    expect(ocrCells.length).toBe(Object.keys(truth.cells).length)
    for (const cell of ocrCells) expect(cell.source?.imageIndex).toBeGreaterThanOrEqual(0)
  }, 240_000)
})

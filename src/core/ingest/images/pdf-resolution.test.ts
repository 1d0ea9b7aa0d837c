// A scanned PDF page is rendered at its picture's own resolution (issue #23): a 300 dpi scan at
// 300 dpi, not at a fixed 150 dpi that fades its thin ruling lines; never below 150 dpi.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfPageImages } from './pdf'

const FILES = resolve(__dirname, '../../../../test/fixtures/scan/files')
const A4_WIDTH_INCHES = 595 / 72

describe('scanned PDF pages at their own resolution', () => {
  it.each([
    ['huaian_2024_200dpi.pdf', 200],
    ['huaian_2024_300dpi.pdf', 300],
    ['huaian_2024_400dpi.pdf', 400],
    // a 150 dpi scan at 150 dpi
    ['huaian_2024_scan.pdf', 150]
  ])('%s renders at %i dpi', async (file, dpi) => {
    const read = await pdfPageImages(new Uint8Array(readFileSync(resolve(FILES, file))), { pages: [1] })
    const [page] = read.value
    expect(page.width / A4_WIDTH_INCHES).toBeGreaterThan(dpi * 0.97)
    expect(page.width / A4_WIDTH_INCHES).toBeLessThan(dpi * 1.03)
  })

  it("a page turned a quarter (landscape) keeps its picture's resolution", async () => {
    const read = await pdfPageImages(new Uint8Array(readFileSync(resolve(FILES, 'huaian_2024_turned.pdf'))), { pages: [2] })
    const [page] = read.value
    expect(page.width).toBeGreaterThan(page.height)
    expect(page.height / A4_WIDTH_INCHES).toBeGreaterThan(194)
  })
})

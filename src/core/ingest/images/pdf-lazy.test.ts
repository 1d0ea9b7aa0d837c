// A long scanned PDF is drawn page by page as OCR reads it (issue 22, item 9): every page was drawn,
// and its pixels held, before OCR read the first, so a scan of 150 pages at 300 dpi took 1.7 GB and
// ended at the 60 s step limit before any page was read.

import { describe, expect, it, vi } from 'vitest'
import { scannedPagesPdf } from '../../../../scripts/hostile-files'
import { loadPdfJs, openPdf } from '../pdf/loader'
import { pdfPageImages } from './pdf'

describe('scanned PDF pages drawn when read', () => {
  it('lists the pages with their size, saying so page by page, and draws none of them yet', async () => {
    const scanned: number[] = []
    const read = await pdfPageImages(scannedPagesPdf(12, { width: 400, height: 566, band: true }), {
      dpi: 72,
      onScanned: (done, total) => scanned.push(done * 100 + total)
    })
    expect(scanned).toEqual(Array.from({ length: 12 }, (_, i) => (i + 1) * 100 + 12))
    expect(read.value.map((p) => [p.pdfPage, p.width, p.height])).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 595, 842]))
    // Nothing drawn: no page's picture for the source pane yet.
    expect(read.value.every((p) => p.bytes.length === 0)).toBe(true)

    // Drawn on demand, in any order: the pixels OCR reads, and the JPEG the source pane shows.
    const third = await read.value[2].decode()
    expect([third.width, third.height]).toEqual([595, 842])
    expect(read.value[2].bytes.slice(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]))
    expect(read.value.filter((p) => p.bytes.length > 0)).toHaveLength(1)
    // The dark band of page 3 (rows 74–93 of 566) is where it was drawn.
    const row = Math.round((84 / 566) * 842)
    expect(third.data[row * third.width + 300]).toBeLessThan(80)
    expect(third.data[10 * third.width + 300]).toBeGreaterThan(200)

    await read.release()
    await expect(read.value[0].decode()).rejects.toThrow(/PDF 已关闭/)
  }, 60_000)

  it('lets the PDF go once every page has been drawn', async () => {
    const read = await pdfPageImages(scannedPagesPdf(2, { width: 200, height: 283 }), { dpi: 72 })
    for (const page of read.value) await page.decode()
    // Released by the last page drawn: drawing again is refused, not a leak.
    await expect(read.value[0].decode()).rejects.toThrow(/PDF 已关闭/)
  }, 60_000)

  // Issue 23, item 7: the look-through asked pdf.js for each scanned page's drawing list only to learn
  // that it paints a picture and at what resolution, and pdf.js decoded the picture for it; drawing
  // the page decoded it again (half of pdf.js's JPEG decoding in a scan's CPU profile).
  it("decodes a scan's picture once: pdf.js builds each page's drawing list only to draw it", async () => {
    const pdf = scannedPagesPdf(3, { width: 1240, height: 1754 })
    const pdfjs = await loadPdfJs()
    const probe = await openPdf(pdfjs, pdf).promise
    // Each drawing list pdf.js builds decodes every picture on it (its worker sends them decoded).
    const pageProxy = Object.getPrototypeOf(await probe.getPage(1)) as { _pumpOperatorList(): void; getOperatorList(): Promise<unknown> }
    await probe.destroy()
    const built = vi.spyOn(pageProxy, '_pumpOperatorList')
    const listed = vi.spyOn(pageProxy, 'getOperatorList')
    try {
      const read = await pdfPageImages(pdf)
      // its resolution found all the same: 1240 pixels across 595 pt is 150 dpi
      expect(read.value.map((p) => [p.pdfPage, p.width, p.height])).toEqual([1, 2, 3].map((p) => [p, 1240, 1754]))
      expect(built).not.toHaveBeenCalled()
      for (const page of read.value) await page.decode()
      expect(listed).not.toHaveBeenCalled()
      expect(built).toHaveBeenCalledTimes(3)
    } finally {
      built.mockRestore()
      listed.mockRestore()
    }
  }, 60_000)
})

import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { estimateCost } from './cost'
import { costByName } from './cost-by-name'

const FIXTURES = join(__dirname, '../../../test/fixtures')
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)))
const file = (path: string) => ({ name: path.split('/').pop()!, bytes: read(path) })

describe('the cost of a file, told from its bytes', () => {
  it.each([
    // [file, OCR pages expected: its page count (pdfinfo, tiffinfo)]
    ['scan/files/huaian_2024_scan.pdf', 3],
    ['scan/files/huaian_2024_300dpi.pdf', 4],
    ['scan/files/pingtan_2019_fax.tif', 4],
    ['pdf/files/lo_2021_split.pdf', 0],
    ['pdf/files/lo_2019_active_split.pdf', 0]
  ])('%s: %i page images for OCR', (path, pages) => {
    const estimate = estimateCost(file(path))
    expect(estimate.ocrPages).toBe(pages)
  })

  it('puts every text, Word and text-PDF report before any scan', () => {
    const quick = [
      'pdf/files/lo_2021_split.pdf',
      ...readdirSync(join(FIXTURES, 'docx'))
        .filter((f) => f.endsWith('.docx'))
        .map((f) => `docx/${f}`)
    ]
    const slow = ['scan/files/huaian_2024_scan.pdf', 'scan/files/pingtan_2019_fax.tif']
    const worstQuick = Math.max(...quick.map((p) => estimateCost(file(p)).cost))
    const bestSlow = Math.min(...slow.map((p) => estimateCost(file(p)).cost))
    expect(worstQuick).toBeLessThan(bestSlow)
  })

  it('counts a narrative’s page photos as pages to read, and a picture as one', () => {
    const png = read('scan/files/dongfeng_2021_photos/' + '表二.png')
    expect(estimateCost({ name: '正文.txt', bytes: new TextEncoder().encode('报告'), attachments: [{ bytes: png }, { bytes: png }] }).ocrPages).toBe(2)
    expect(estimateCost({ name: 'p.png', bytes: png }).ocrPages).toBe(1)
    expect(estimateCost({ name: '正文.txt', bytes: new TextEncoder().encode('报告') }).ocrPages).toBe(0)
  })

  it('bounds the pages of a TIFF whose directories loop', () => {
    // II*\0, first directory at 8; it has no entries and points back to itself.
    const looped = new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0])
    expect(estimateCost({ name: 'x.tif', bytes: looped }).ocrPages).toBe(1)
  })
})

describe('the cost of a file, told from its name and size', () => {
  it.each([
    ['a.txt', 30_000, 0],
    ['a.docx', 80_000, 0],
    ['a.pdf', 300_000, 0],
    ['a.jpg', 900_000, 1],
    ['a.tif', 600_000, 4]
  ])('%s of %i bytes: %i OCR pages', (name, size, pages) => {
    expect(costByName(name, size).ocrPages).toBe(pages)
  })

  it('orders text before a PDF of the same size before a picture', () => {
    expect(costByName('a.txt', 100_000).cost).toBeLessThan(costByName('a.pdf', 100_000).cost)
    expect(costByName('a.pdf', 2_000_000).cost).toBeLessThan(costByName('a.png', 200_000).cost)
  })

  // A Word file's XML is compressed, so it is smaller on disk than the text of the same report, yet
  // it costs several times more to read: the first report of a drop should be the quickest.
  it.each([
    ['a.txt', 'a.docx'],
    ['a.html', 'a.docx'],
    ['a.txt', 'a.doc'],
    ['a.htm', 'a.wps'],
    ['a.txt', 'a.odt']
  ])('orders %s of 20 KB before %s of 3 KB', (quick, word) => {
    expect(costByName(quick, 20_000).cost).toBeLessThan(costByName(word, 3_000).cost)
    const bytes = new Uint8Array(3_000)
    expect(costByName(quick, 20_000).cost).toBeLessThan(estimateCost({ name: word, bytes: Object.assign(bytes, [0x50, 0x4b, 3, 4]) }).cost)
  })
})

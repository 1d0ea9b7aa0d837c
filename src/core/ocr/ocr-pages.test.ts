import { describe, expect, it } from 'vitest'
import type { PageImage, Raster } from '../page-image'
import { ocrPages } from './ocr-pages'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { decodePicture } from '../ingest/images/raster'
import { turnClockwise } from './orientation'
import { blankRaster } from './raster'
import { drawGrid, EMPTY_TABLE } from './test-pages'

/** A page with a mark on it (a blank one is not read at all). */
function marked(width: number, height: number): Raster {
  const r = blankRaster(width, height)
  for (let y = 40; y < 60; y++) r.data.fill(0, y * width + 50, y * width + 150)
  return r
}

function image(index: number, decode: PageImage['decode']): PageImage {
  return { index, origin: `第 ${index + 1} 页`, mime: 'image/png', bytes: new Uint8Array(), width: 200, height: 100, pdfPage: index + 1, decode }
}

describe('ocrPages', () => {
  it('reads page after page, reports progress for each, and a page that cannot be decoded fails alone', async () => {
    const progress: string[] = []
    const result = await ocrPages(
      [image(0, async () => marked(200, 100)), image(1, async () => Promise.reject(new Error('坏图'))), image(2, async () => marked(200, 100))],
      { onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.origin}`), pageTimeoutMs: -1 }
    )
    expect(progress).toEqual(['1/3 第 1 页', '2/3 第 2 页', '3/3 第 3 页'])
    expect(result.value.map((p) => [p.imageIndex, p.pdfPage])).toEqual([
      [0, 1],
      [2, 3]
    ])
    expect(result.messages.find((m) => m.code === 'ocr.page_failed')?.message).toBe('第 2 页无法识别：坏图')
    // past its time bound a page keeps what was read (here: nothing) and says so
    expect(result.messages.filter((m) => m.code === 'ocr.page_timeout')).toHaveLength(2)
    expect(result.value[0].page.tables).toEqual([])
  })

  it.each([
    ['white paper', () => blankRaster(2000, 3000)],
    ['grey paper with scanner noise', () => noisy(blankRaster(2000, 3000, 200), 12)],
    ['a few specks of dust', () => specks(blankRaster(2000, 3000), 40)]
  ])('a blank page (%s) is not read, said so, and still counted', async (_what, raster) => {
    const result = await ocrPages([image(0, async () => raster())], { pageTimeoutMs: 60_000 })
    expect(result.messages).toMatchObject([{ code: 'ocr.page_blank', message: '第 1 页为空白页，未识别' }])
    expect(result.value).toMatchObject([{ imageIndex: 0, page: { tables: [], lines: [] } }])
  })

  it.each([
    [
      'a faint mark on pale paper',
      () => {
        const r = blankRaster(400, 300, 235)
        for (let y = 100; y < 110; y++) r.data.fill(170, y * 400 + 100, y * 400 + 300)
        return r
      }
    ],
    [
      'one digit’s worth of ink',
      () => {
        const r = blankRaster(400, 300)
        for (let y = 100; y < 130; y++) r.data.fill(0, y * 400 + 100, y * 400 + 110)
        return r
      }
    ]
  ])('a page with %s is read', async (_what, raster) => {
    const result = await ocrPages([image(0, async () => raster())], { pageTimeoutMs: 60_000 })
    expect(result.messages.map((m) => m.code)).not.toContain('ocr.page_blank')
  })
})

function noisy(r: Raster, amplitude: number): Raster {
  let seed = 1
  for (let i = 0; i < r.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    r.data[i] = Math.max(0, Math.min(255, r.data[i] + (seed % (2 * amplitude + 1)) - amplitude))
  }
  return r
}

function specks(r: Raster, count: number): Raster {
  for (let i = 0; i < count; i++) r.data[(i * 7919 * 13) % r.data.length] = 0
  return r
}

describe('a page that reads alike either way up goes the way its document went', () => {
  const PHOTO = resolve(__dirname, '../../../test/fixtures/scan/files/dongfeng_2021_photos/表三.jpg')
  const upsideDown = async (): Promise<Raster> => turnClockwise(await decodePicture(readFileSync(PHOTO)), 2)
  const empty = async (): Promise<Raster> => drawGrid(1200, 900, EMPTY_TABLE)

  it.each([
    { order: 'after the document’s sure page', pages: [upsideDown, empty], torn: 1 },
    { order: 'before it (read again once a page is sure)', pages: [empty, upsideDown], torn: 0 }
  ])(
    '$order',
    async ({ pages, torn }) => {
      const progress: number[] = []
      const result = await ocrPages(
        pages.map((decode, i) => image(i, decode)),
        { pageTimeoutMs: 60_000, onProgress: (p) => progress.push(p.done) }
      )
      expect(result.value.map((p) => p.page.quarters)).toEqual([2, 2])
      expect(result.value[torn].page.quartersSure).toBe(false)
      expect(result.value[1 - torn].page.quartersSure).toBe(true)
      expect(progress).toEqual([1, 2])
    },
    60_000
  )

  it('a page read again says what its reading said once', async () => {
    // no time to read either page whole: each says so, the torn one read twice
    const result = await ocrPages([image(0, empty), image(1, upsideDown)], { pageTimeoutMs: 1 })
    expect(result.value.map((p) => p.page.quarters)).toEqual([2, 2])
    expect(result.messages.filter((m) => m.code === 'ocr.page_timeout')).toHaveLength(2)
  }, 60_000)
})

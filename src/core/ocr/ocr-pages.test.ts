import { describe, expect, it } from 'vitest'
import type { PageImage } from '../ingest/images/types'
import { ocrPages } from './ocr-pages'
import { blankRaster } from './raster'

function image(index: number, decode: PageImage['decode']): PageImage {
  return { index, origin: `第 ${index + 1} 页`, mime: 'image/png', bytes: new Uint8Array(), width: 200, height: 100, pdfPage: index + 1, decode }
}

describe('ocrPages', () => {
  it('reads page after page, reports progress for each, and a page that cannot be decoded fails alone', async () => {
    const progress: string[] = []
    const result = await ocrPages(
      [image(0, async () => blankRaster(200, 100)), image(1, async () => Promise.reject(new Error('坏图'))), image(2, async () => blankRaster(200, 100))],
      { onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.origin}`), pageTimeoutMs: -1 }
    )
    expect(progress).toEqual(['1/3 第 1 页', '2/3 第 2 页', '3/3 第 3 页'])
    expect(result.value.map((p) => [p.imageIndex, p.pdfPage])).toEqual([[0, 1], [2, 3]])
    expect(result.messages.find((m) => m.code === 'ocr.page_failed')?.message).toBe('第 2 页无法识别：坏图')
    // past its time bound a page keeps what was read (here: nothing) and says so
    expect(result.messages.filter((m) => m.code === 'ocr.page_timeout')).toHaveLength(2)
    expect(result.value[0].page.tables).toEqual([])
  })
})

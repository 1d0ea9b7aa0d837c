// TIFF pages whose declared samples × bits would make the decoder allocate gigabytes (issue 22, item 9).

import { describe, expect, it } from 'vitest'
import { hugeFrameGif, manySamplesTiff, twoFrameHeadersJpeg } from '../../../../scripts/hostile-files'
import { pictureImages } from './picture'

describe('a TIFF page’s bits a pixel are checked before it is decoded', () => {
  it.each([
    // 256² × 4096 samples: 268 MB for UTIF where the check is missing (kept small so the test stays cheap then too).
    [256, 4096, /每像素 4096 个分量 × 8 位，超出图片的上限（每像素至多 64 位）/],
    [1000, 4096, /每像素 4096 个分量 × 8 位/],
    [1000, 9, /每像素 9 个分量 × 8 位/]
  ])('%d² pixels × %d samples is refused with its reason', async (side, samples, reason) => {
    const result = await pictureImages({ bytes: manySamplesTiff(side, samples), origin: 'bomb.tif' })
    expect(result.value).toEqual([])
    expect(result.messages).toMatchObject([{ code: 'ingest.image_too_large', message: expect.stringMatching(reason) }])
  })

  it('a grey page of 8 bits passes the check (and fails only on its missing pixels, as a damaged page)', async () => {
    const result = await pictureImages({ bytes: manySamplesTiff(64, 1), origin: 'grey.tif' })
    expect(result.messages.map((m) => m.code)).not.toContain('ingest.image_too_large')
  })
})

describe('frame headers are checked before a picture is decoded', () => {
  it('a JPEG with a second frame header is refused unread', async () => {
    const bytes = twoFrameHeadersJpeg()
    const result = await pictureImages({ bytes, origin: 'two.jpg' })
    expect(result.value).toEqual([])
    expect(result.messages).toMatchObject([{ code: 'ingest.image_unreadable' }])
  })

  it.each([
    [60000, /图片尺寸过大（60000 × 60000 像素）/],
    [20000, /图片尺寸过大（20000 × 20000 像素）/]
  ])('a GIF whose frame is %d² on a 64² screen is refused by its frame’s size', async (side, reason) => {
    const result = await pictureImages({ bytes: hugeFrameGif(side), origin: 'huge.gif' })
    expect(result.value).toEqual([])
    expect(result.messages).toMatchObject([{ code: 'ingest.image_too_large', message: expect.stringMatching(reason) }])
  })
})

describe('WebP pictures (listed as supported) are measured and decoded', () => {
  it.each([
    ['lossy', { quality: 80 }],
    ['lossless', { quality: 100 }]
  ])('a %s WebP of a table is one page image of its own size', async (_what, { quality }) => {
    const { createCanvas } = await import('@napi-rs/canvas')
    const canvas = createCanvas(320, 200)
    const context = canvas.getContext('2d')
    context.fillStyle = '#fff'
    context.fillRect(0, 0, 320, 200)
    context.fillStyle = '#000'
    context.fillRect(20, 20, 280, 4)
    const bytes = new Uint8Array(await canvas.encode('webp', quality))
    const result = await pictureImages({ bytes, origin: 'table.webp' })
    expect(result.messages).toEqual([])
    expect(result.value).toMatchObject([{ width: 320, height: 200, mime: 'image/png' }])
    const raster = await result.value[0].decode()
    expect(raster.data[22 * 320 + 100]).toBeLessThan(64)
  })
})

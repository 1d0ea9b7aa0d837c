import UTIF from 'utif2'
import { describe, expect, it } from 'vitest'
import { pictureImages } from './picture'
import { greyFromRgba } from './raster'

/** One row of RGBA pixels. */
const row = (...pixels: [number, number, number, number][]): Uint8Array => Uint8Array.from(pixels.flat())

describe('greyFromRgba', () => {
  it('a grey picture carries no colour bits', () => {
    const r = greyFromRgba(row([255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 255], [30, 40, 35, 255]), 4, 1)
    expect(Array.from(r.data)).toEqual([255, 0, 128, 36])
    expect(r.colour).toBeUndefined()
  })

  it.each([
    ['seal red', [216, 38, 42, 255], true],
    ['light seal red', [235, 120, 120, 255], true],
    ['blue ink', [31, 63, 191, 255], true],
    ['a JPEG fringe on black print', [60, 40, 45, 255], false],
    ['a faint pink tint', [251, 233, 233, 255], false],
    ['red almost transparent (a tint on white)', [255, 0, 0, 60], false]
  ] as [string, [number, number, number, number], boolean][])('%s → coloured: %s', (_, pixel, coloured) => {
    // the pixel at index 9 of a 12-pixel row: bit 6 of byte 1
    const pixels = Array.from({ length: 12 }, (__, i): [number, number, number, number] => (i === 9 ? pixel : [0, 0, 0, 255]))
    const r = greyFromRgba(row(...pixels), 12, 1)
    if (!coloured) return expect(r.colour).toBeUndefined()
    expect(Array.from(r.colour!)).toEqual([0, 0x40])
  })
})

describe('a colour TIFF page (re-encoded as a grey PNG)', () => {
  it('keeps its colour bits for OCR; a grey TIFF page has none', async () => {
    const w = 16
    const h = 4
    const rgba = new Uint8Array(w * h * 4).fill(255)
    // one red pixel (a seal's) at (3, 1), one black at (5, 2)
    rgba.set([216, 38, 42, 255], (1 * w + 3) * 4)
    rgba.set([0, 0, 0, 255], (2 * w + 5) * 4)
    const colourTiff = new Uint8Array(UTIF.encodeImage(rgba, w, h))
    const [page] = (await pictureImages({ bytes: colourTiff, origin: 'scan.tif' })).value
    expect(page.mime).toBe('image/png')
    const raster = await page.decode()
    expect(raster.data[2 * w + 5]).toBe(0)
    expect(Array.from(raster.colour!)).toEqual(Array.from({ length: 8 }, (_, i) => (i === 2 ? 0x10 : 0)))

    rgba.set([255, 255, 255, 255], (1 * w + 3) * 4)
    const [grey] = (await pictureImages({ bytes: new Uint8Array(UTIF.encodeImage(rgba, w, h)), origin: 'scan.tif' })).value
    expect((await grey.decode()).colour).toBeUndefined()
  })
})

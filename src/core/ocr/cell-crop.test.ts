import { describe, expect, it } from 'vitest'
import { cellInk, inkMask } from './cell-crop'
import { recogniseCrops } from './engine'
import { cellText } from './page'
import type { Raster } from './raster'
import { drawCell, type DrawnCell, type ScannedCell } from './test-cells'

// Small light-grey print, as a pale scan or a printer low on toner gives: the stems of the digits
// are ink, but their thin strokes (a 4's diagonal and bar, a 7's top) are fainter than the ink
// threshold. Cut to the ink alone, a 4 reads as 1 and 447 as 117 or 14 (measured on these drawn
// cells before the crop kept the fainter grey joined to the ink; a 200 dpi scan read 447 as 117).
const FAINT: [string, DrawnCell][] = [
  ['447, 7 pt, light grey', { dpi: 150, text: '447', pt: 7, ink: '#b0b0b0', serif: true }],
  ['454, 7 pt, light grey', { dpi: 150, text: '454', pt: 7, ink: '#b0b0b0', serif: true }],
  ['2704, 7 pt, light grey', { dpi: 150, text: '2704', pt: 7, ink: '#b0b0b0', serif: true }],
  ['447, 8 pt, paler grey', { dpi: 150, text: '447', pt: 8, ink: '#b8b8b8', serif: true }],
  ['454, 8 pt, paler grey', { dpi: 150, text: '454', pt: 8, ink: '#b8b8b8', serif: true }]
]

describe('a cell of faint small print', () => {
  it.each(FAINT)('%s reads whole', async (_, drawn) => {
    const c = drawCell(drawn)
    const { bands } = cellInk(c.page, c.box, c.inset, c.unit)
    const read = await recogniseCrops(bands.map((b) => b.crop))
    expect(read.map((r) => r.text).join('')).toBe(drawn.text)
  })

  it('the crop spans strokes fainter than the ink mask, left of the first stem', () => {
    const c = drawCell(FAINT[0][1])
    const ink = inkMask(c.page, c.box, c.inset)!
    let maskLeft = ink.w
    for (let i = 0; i < ink.mask.length; i++) if (ink.mask[i]) maskLeft = Math.min(maskLeft, i % ink.w)
    const [band] = cellInk(c.page, c.box, c.inset, c.unit).bands
    expect(band.box[0]).toBeLessThan(ink.x0 + maskLeft)
  })

  it('paper noise beside the print is not taken in', () => {
    // the drawn scan's ±6 grey levels of noise stay white: only grey joined to ink is kept
    const c = drawCell({ dpi: 150, text: '5', pt: 10.5 })
    const [band] = cellInk(c.page, c.box, c.inset, c.unit).bands
    const { crop } = band
    let white = 0
    for (let x = 0; x < crop.width; x++) if (crop.data[x] === 255) white++
    expect(white).toBe(crop.width)
  })
})

// Paler still, a digit's thin stroke falls under the faint threshold's ink for a few rows too: the
// cell's ink cut into two bands, a 7's bar and its stem, a 4's tip and its bar and foot, each read
// as a line of its own ("7/", "A4" on these drawn cells before faint strokes joined the bands; a
// keystoned 137 dpi photo read 2 as "2c").
describe('a digit whose thin stroke is paler than its stems', () => {
  it.each([
    { text: '7', pt: 10.5, ink: '#c0c0c0' },
    { text: '4', pt: 8, ink: '#c0c0c0' },
    { text: '4', pt: 10.5, ink: '#c8c8c8' }
  ])('$text at $pt pt in $ink is one band and reads whole', async ({ text, pt, ink }) => {
    const c = drawCell({ dpi: 150, text, pt, ink })
    const { bands } = cellInk(c.page, c.box, c.inset, c.unit)
    expect(bands).toHaveLength(1)
    expect(cellText(await recogniseCrops(bands.map((b) => b.crop))).text).toBe(text)
  })
})

/** The scanned cell softened by a box blur `radius` pixels wide each way, twice (about a Gaussian): a defocused photo. */
function blurred(c: ScannedCell, radius: number): ScannedCell {
  let page: Raster = c.page
  for (let pass = 0; pass < 2; pass++) page = boxBlur(page, radius)
  return { ...c, page }
}

function boxBlur(r: Raster, radius: number): Raster {
  const { width: w, height: h } = r
  const data = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0
      let n = 0
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy
          const xx = x + dx
          if (yy < 0 || xx < 0 || yy >= h || xx >= w) continue
          sum += r.data[yy * w + xx]
          n++
        }
      }
      data[y * w + x] = Math.round(sum / n)
    }
  }
  return { width: w, height: h, data }
}

// Blurred, a digit's round top and bottom are fainter than its upright sides: a crop of the ink
// rows alone cut a 0 to a V (measured: a blurred 132-ppi table read 0 as V, u and nothing; drawn
// here, 80 read as nothing and 306 as 0).
describe('a cell of blurred print', () => {
  it.each(['80', '306', '2019'])('%s reads whole', async (text) => {
    const c = blurred(drawCell({ dpi: 150, text, pt: 9, serif: true }), 2)
    const { bands } = cellInk(c.page, c.box, c.inset, c.unit)
    expect(cellText(await recogniseCrops(bands.map((b) => b.crop))).text).toBe(text)
  })
})

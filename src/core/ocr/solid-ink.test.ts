import { describe, expect, it } from 'vitest'
import { cellInk, inkMask } from './cell-crop'
import { couldBeNumber, stampedCells } from './page'
import { SOLID, solidInk } from './solid-ink'
import { drawCell, drop, scribble, sealRing, type DrawnCell } from './test-cells'

// Cells drawn with real fonts and scanned to grey at the two resolutions scans come in. Printed
// strokes, however bold, must never count as solid; a blot, a heavy stamp or a scribble over the
// number must. (Measured on the 7 generated scans: the thickest clean number is 0.15 text heights
// deep, the blotted cell 0.41; here the clean cells reach 0.16, the smallest blot 0.26.)
const CLEAN: [string, DrawnCell][] = [
  ['digits at 150 dpi', { dpi: 150, text: '1234567890' }],
  ['digits at 300 dpi', { dpi: 300, text: '1234567890' }],
  ['bold digits at 150 dpi', { dpi: 150, text: '1234567890', bold: true }],
  ['bold digits at 300 dpi', { dpi: 300, text: '1234567890', bold: true }],
  ['bold serif digits at 150 dpi', { dpi: 150, text: '8096', bold: true, serif: true }],
  ['bold serif digits at 300 dpi', { dpi: 300, text: '8096', bold: true, serif: true }],
  ['small bold 8s at 150 dpi (counters nearly closed)', { dpi: 150, text: '8888', bold: true, pt: 9 }],
  ['large bold digits at 150 dpi', { dpi: 150, text: '8808', bold: true, pt: 14 }],
  ['a shaded header at 150 dpi', { dpi: 150, text: '合计', bold: true, paper: '#c8c8c8' }],
  ['a shaded header at 300 dpi', { dpi: 300, text: '合计', bold: true, paper: '#c8c8c8' }],
  ['bold digits on a shaded row', { dpi: 150, text: '2021', bold: true, paper: '#c8c8c8' }],
  ['a thick ruling remnant at 150 dpi', { dpi: 150, text: '36', thickRuling: 4 }],
  ['a thick ruling remnant at 300 dpi', { dpi: 300, text: '36', thickRuling: 8 }],
  ['a dust dot beside the number', { dpi: 300, text: '5368', mark: drop(0.08, 0.08) }],
  ['a thin pen stroke through the number', { dpi: 300, text: '5368', mark: scribble(0.08, 0.8) }]
]

const COVERED: [string, DrawnCell][] = [
  ['a blot over the last digit at 150 dpi', { dpi: 150, text: '5368', mark: drop(0.3, 0.42) }],
  ['a blot over the last digit at 300 dpi', { dpi: 300, text: '5368', mark: drop(0.3, 0.42) }],
  ['a small round blot at 150 dpi', { dpi: 150, text: '5368', mark: drop(0.25, 0.25) }],
  ['a small round blot at 300 dpi', { dpi: 300, text: '5368', mark: drop(0.25, 0.25) }],
  ['a grey blot (a smudged stamp) at 300 dpi', { dpi: 300, text: '5368', mark: drop(0.3, 0.42, '#8a8a8a') }],
  ['a heavy red 公章 ring across the digits at 150 dpi', { dpi: 150, text: '5368', mark: sealRing(4, 0.3) }],
  ['a heavy red 公章 ring across the digits at 300 dpi', { dpi: 300, text: '5368', mark: sealRing(4, 0.3) }],
  ['a scribble over the number at 150 dpi', { dpi: 150, text: '5368', mark: scribble(0.15, 0.12) }],
  ['a scribble over the number at 300 dpi', { dpi: 300, text: '5368', mark: scribble(0.15, 0.12) }]
]

const depthOf = (drawn: DrawnCell): number => {
  const c = drawCell(drawn)
  const ink = inkMask(c.page, c.box, c.inset)!
  return solidInk(ink.mask, ink.w, ink.h, SOLID * c.unit).depth / c.unit
}

describe('solid ink in a cell', () => {
  it.each(CLEAN)('%s is not solid', (_, drawn) => {
    const c = drawCell(drawn)
    const read = cellInk(c.page, c.box, c.inset, c.unit)
    expect(read.bands.length).toBeGreaterThan(0)
    expect(read.solid, `depth ${depthOf(drawn).toFixed(3)} text heights`).toBe(false)
  })

  it.each(COVERED)('%s is solid', (_, drawn) => {
    const c = drawCell(drawn)
    expect(cellInk(c.page, c.box, c.inset, c.unit).solid, `depth ${depthOf(drawn).toFixed(3)} text heights`).toBe(true)
  })

  it('a thin 公章 ring (under 1 mm) is not found by thickness alone: in grey it is as thin as print (see solid-ink.ts)', () => {
    const c = drawCell({ dpi: 300, text: '5368', mark: sealRing(4, 0.15) })
    expect(cellInk(c.page, c.box, c.inset, c.unit).solid).toBe(false)
  })

  it('a blank cell and a cell too small to cut are not solid', () => {
    const c = drawCell({ dpi: 150, text: '' })
    expect(cellInk(c.page, c.box, c.inset, c.unit)).toEqual({ bands: [], solid: false, ink: 0, coloured: 0 })
    expect(cellInk(c.page, [c.box[0], c.box[1], c.box[0] + 4, c.box[1] + 4], 1, c.unit)).toEqual({ bands: [], solid: false, ink: 0, coloured: 0 })
  })
})

describe('seal ink: coloured ink over a number (the page decoded in colour)', () => {
  /** A table of `clean` black number cells and the given cells, as readPage counts their ink. */
  const table = (cells: DrawnCell[], clean = 8) =>
    [...cells, ...Array.from({ length: clean }, (_, i): DrawnCell => ({ dpi: cells[0].dpi, text: String(1000 + i * 37) }))].map((drawn) => {
      const c = drawCell(drawn)
      return { ...cellInk(c.page, c.box, c.inset, c.unit, c.colour), unit: c.unit }
    })

  it.each([150, 300] as const)('a thin red 公章 ring across the digits is stamped, the black cells beside it are not (%i dpi)', (dpi) => {
    const inks = table([{ dpi, text: '5368', mark: sealRing(4, 0.15) }])
    expect(inks[0].solid).toBe(false)
    expect(inks[0].coloured).toBeGreaterThan(0)
    expect(inks.slice(1).every((c) => c.coloured === 0)).toBe(true)
    expect(stampedCells(inks, inks[0].unit)).toEqual([true, ...inks.slice(1).map(() => false)])
  })

  it('a faint pink tint over a number (no seal ink) is not stamped', () => {
    const inks = table([{ dpi: 150, text: '5368', paper: '#fbe9e9' }])
    expect(stampedCells(inks, inks[0].unit).some(Boolean)).toBe(false)
  })

  it('a table printed in blue is not stamped all over: its colour is the print', () => {
    const blue = Array.from({ length: 6 }, (_, i): DrawnCell => ({ dpi: 150, text: String(200 + i), ink: '#1f3fbf' }))
    const inks = table(blue, 2)
    expect(inks.slice(0, 6).every((c) => c.coloured > 0.5 * c.ink)).toBe(true)
    expect(stampedCells(inks, inks[0].unit).some(Boolean)).toBe(false)
  })

  it.each([
    ['no coloured ink', 400, 0, false],
    ['a speck of colour', 400, 15, false],
    ['a seal ring through the cell', 400, 120, true],
    ['a little seal ink among much print', 2000, 120, false]
  ])('%s: %i ink, %i coloured → %s', (_, ink, coloured, stamped) => {
    // unit 20: at least 20 coloured pixels and 15 % of the ink; the rest of the table is black print
    expect(
      stampedCells(
        [
          { ink, coloured },
          { ink: 5000, coloured: 0 },
          { ink: 300, coloured: 0 }
        ],
        20
      )[0]
    ).toBe(stamped)
  })

  it('a seal over a patch of a table is stamped, colour in most inked cells is the print', () => {
    const seal = { ink: 400, coloured: 150 }
    const black = { ink: 400, coloured: 0 }
    const blank = { ink: 0, coloured: 0 }
    expect(stampedCells([seal, seal, black, black, black, blank, blank], 20)).toEqual([true, true, false, false, false, false, false])
    expect(stampedCells([seal, seal, seal, black, black, blank], 20).some(Boolean)).toBe(false)
  })
})

describe('solidInk: the widest disc of ink', () => {
  it.each([
    // a w-pixel square's centre lies ceil(w / 2) pixels from paper (edge pixels count 1)
    [1, 1],
    [4, 2],
    [9, 5],
    [20, 10]
  ])('a %i px square lies %i px deep', (side, depth) => {
    const w = 30
    const mask = new Uint8Array(w * w)
    for (let y = 5; y < 5 + side; y++) for (let x = 5; x < 5 + side; x++) mask[y * w + x] = 1
    expect(solidInk(mask, w, w, 3).depth).toBe(depth)
  })

  it('counts the core deeper than the radius; ink at the mask edge meets paper there', () => {
    const mask = new Uint8Array(10 * 10).fill(1)
    const { depth, core } = solidInk(mask, 10, 10, 3)
    expect(depth).toBe(5)
    // rings 4 and 5 deep: a 4 × 4 block
    expect(core).toBe(16)
  })
})

describe('couldBeNumber: solid ink obscures only a cell that may be a number', () => {
  it.each([
    ['5368', true],
    ['12■', true],
    ['3。', true],
    ['1,234', true],
    ['合计', false],
    ['申请人情况', false],
    ['8墨', false],
    // a blot read as nothing: the number under it is hidden all the same
    ['', true],
    [' ', true]
  ])('%s → %s', (text, number) => {
    expect(couldBeNumber(text)).toBe(number)
  })
})

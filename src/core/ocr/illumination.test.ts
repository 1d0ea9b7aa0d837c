import { describe, expect, it } from 'vitest'
import { findGrids, findRulings } from './grid'
import { flattenLight, lightSpread, paperLight } from './illumination'
import { unitOf } from './page'
import type { Raster } from './raster'
import { drawGrid } from './test-pages'

const TABLE = { x0: 100, y0: 150, colWidths: [300, 120, 120, 120], rowHeights: [60, 60, 60, 60, 60, 60] }
const UNIT = 25

/** The page under light falling off from the top-left to `dim` of full at the bottom-right corner. */
function dimmed(page: Raster, dim: number): Raster {
  const data = new Uint8Array(page.data.length)
  const span = page.width + page.height
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) data[y * page.width + x] = Math.round(page.data[y * page.width + x] * (1 - ((1 - dim) * (x + y)) / span))
  return { width: page.width, height: page.height, data }
}

/** A page scaled up by a whole factor (as the same page scanned at a higher dpi). */
function scaled(page: Raster, k: number): Raster {
  const data = new Uint8Array(page.data.length * k * k)
  const width = page.width * k
  for (let y = 0; y < page.height * k; y++) for (let x = 0; x < width; x++) data[y * width + x] = page.data[Math.floor(y / k) * page.width + Math.floor(x / k)]
  return { width, height: page.height * k, data }
}

describe('uneven light', () => {
  it('leaves an evenly lit page alone', () => {
    expect(flattenLight(drawGrid(1000, 800, TABLE), UNIT)).toBeNull()
  })

  it.each([0.45, 0.6, 0.75])('makes paper white again under light falling to %s, keeping the ink dark', (dim) => {
    const even = drawGrid(1000, 800, TABLE)
    const page = dimmed(even, dim)
    expect(lightSpread(paperLight(page, UNIT))).toBeGreaterThan(24)
    const flat = flattenLight(page, UNIT)!
    expect(flat).not.toBeNull()
    let paperOff = 0
    let inkOff = 0
    let paper = 0
    let ink = 0
    for (let i = 0; i < even.data.length; i++) {
      if (even.data[i] >= 200) {
        paper++
        if (flat.data[i] < 225) paperOff++
      } else {
        ink++
        if (flat.data[i] > 120) inkOff++
      }
    }
    expect(paperOff / paper).toBeLessThan(0.01)
    expect(inkOff / ink).toBeLessThan(0.02)
  })

  it.each([0.6, 0.45, 0.3])('gives back the text height that light falling to %s hid (faint print)', (dim) => {
    const even = drawGrid(1000, 800, TABLE)
    // print as light as a worn toner cartridge's
    const faint = { ...even, data: even.data.map((v) => 255 - Math.round((255 - v) * 0.45)) }
    const page = dimmed(faint, dim)
    expect(unitOf(page)).not.toBe(unitOf(faint))
    const flat = flattenLight(page, unitOf(page))!
    expect(unitOf(flat)).toBe(unitOf(faint))
    expect(findGrids(findRulings(flat, unitOf(flat)), unitOf(flat))[0].cells).toHaveLength(24)
  })

  it('decides the same at any resolution (all lengths in text heights)', () => {
    const page = dimmed(drawGrid(500, 400, { x0: 50, y0: 75, colWidths: [150, 60, 60, 60], rowHeights: [30, 30, 30, 30] }), 0.6)
    const even = drawGrid(500, 400, { x0: 50, y0: 75, colWidths: [150, 60, 60, 60], rowHeights: [30, 30, 30, 30] })
    for (const k of [1, 2, 3]) {
      expect(flattenLight(scaled(page, k), 12.5 * k)).not.toBeNull()
      expect(flattenLight(scaled(even, k), 12.5 * k)).toBeNull()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { skewAngle } from './deskew'
import { findGrids, findRulings } from './grid'
import { textHeights, unitOf, workingScale } from './page'
import { blankRaster, rotate, type Raster } from './raster'
import { drawGrid } from './test-pages'

const TABLE = { x0: 100, y0: 150, colWidths: [300, 120, 120, 120], rowHeights: [60, 60, 60, 60, 60, 60] }

describe('deskew', () => {
  it.each([1.2, -0.7, 1.5, 0])('recovers a rotation of %s° on a ruled page', (degrees) => {
    const page = rotate(drawGrid(1000, 800, TABLE), degrees)
    expect(Math.abs(skewAngle(page) - degrees)).toBeLessThanOrEqual(0.06)
  })
})

describe('grid detection', () => {
  it('finds every row and column of a levelled table, and its cell boxes', () => {
    const grids = findGrids(findRulings(drawGrid(1000, 800, TABLE), 25), 25)
    expect(grids).toHaveLength(1)
    const [grid] = grids
    expect(grid.ys.map(Math.round)).toEqual([150, 210, 270, 330, 390, 450, 510])
    expect(grid.xs.map(Math.round)).toEqual([100, 400, 520, 640, 760])
    expect(grid.cells).toHaveLength(24)
    expect(grid.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true)
  })

  it('merges slots where a ruling line is missing (a cell spanning columns, another spanning rows)', () => {
    const page = drawGrid(1000, 800, {
      ...TABLE,
      openRight: [[0, 1]],
      openBelow: [
        [2, 0],
        [3, 0]
      ]
    })
    const [grid] = findGrids(findRulings(page, 25), 25)
    const at = (row: number, col: number) => grid.cells.find((c) => c.row === row && c.col === col)
    expect(at(0, 1)).toMatchObject({ colSpan: 2, rowSpan: 1 })
    expect(at(0, 2)).toBeUndefined()
    expect(at(2, 0)).toMatchObject({ rowSpan: 3, colSpan: 1 })
    expect(at(3, 0)).toBeUndefined()
    expect(grid.cells).toHaveLength(24 - 1 - 2)
  })

  it('keeps the last row of a table cut by a page break (no closing line, the column lines run on)', () => {
    const page = drawGrid(1000, 800, { ...TABLE, openBelow: [0, 1, 2, 3].map((c) => [5, c] as [number, number]) })
    const [grid] = findGrids(findRulings(page, 25), 25)
    expect(grid.ys).toHaveLength(7)
    expect(Math.abs(grid.ys[6] - 510)).toBeLessThanOrEqual(2)
    expect(grid.cells.filter((c) => c.row === 5)).toHaveLength(4)
  })

  it('reads the grid of a page scanned 1.3° askew once levelled', () => {
    const page = rotate(drawGrid(1000, 800, TABLE), 1.3)
    const level = rotate(page, -skewAngle(page))
    const [grid] = findGrids(findRulings(level, 25), 25)
    expect(grid.xs).toHaveLength(5)
    expect(grid.ys).toHaveLength(7)
    expect(grid.cells).toHaveLength(24)
  })

  it('takes no character strokes of a label wrapped over lines for column lines', () => {
    // a tall row whose first cell holds a label wrapped over six lines: stacked vertical strokes
    // (a line's gap is under the joining distance of a ruling's pieces) and a 一-like stroke over two text heights
    const page = drawGrid(1000, 900, { ...TABLE, rowHeights: [60, 240, 60, 60, 60, 60] })
    const bar = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = y0; y < y1; y++) page.data.fill(30, y * 1000 + x0, y * 1000 + x1)
    }
    for (let line = 0; line < 6; line++) for (const x of [130, 160, 190, 230, 270, 330, 370]) bar(x, 225 + line * 36, x + 3, 225 + line * 36 + 30)
    bar(130, 436, 190, 439)
    const [grid] = findGrids(findRulings(page, 25), 25)
    expect(grid.xs.map(Math.round)).toEqual([100, 400, 520, 640, 760])
    expect(grid.cells).toHaveLength(24)
  })

  it('takes no stroke of a label stacked down a tall header row for a column line, though it is longer than a short row is high', () => {
    // 2019 table 四: two short header rows, then a tall row whose labels run down one character a
    // line (结果维持); a character's upright stroke begins just under the row line above it
    const page = drawGrid(1000, 800, { x0: 100, y0: 150, colWidths: [120, 120, 120, 120], rowHeights: [28, 28, 100, 28] })
    for (const x of [160, 280, 400]) for (let y = 210; y < 250; y++) page.data.fill(30, y * 1000 + x, y * 1000 + x + 2)
    const [grid] = findGrids(findRulings(page, 22), 22)
    expect(grid.xs.map(Math.round)).toEqual([100, 220, 340, 460, 580])
    expect(grid.cells).toHaveLength(16)
  })

  it('two tables one above the other, a heading between them, are two grids (shared scans: 洪泽 2024 tables 三 and 四)', () => {
    const upper = drawGrid(1000, 900, TABLE)
    const lower = drawGrid(1000, 900, { x0: 100, y0: 600, colWidths: [130, 130, 130, 130, 140], rowHeights: [60, 60] })
    const page = { ...upper, data: upper.data.map((v, i) => Math.min(v, lower.data[i])) }
    // the heading between the tables
    for (let y = 540; y < 565; y++) for (let x = 120; x < 700; x += 30) page.data.fill(30, y * 1000 + x, y * 1000 + x + 22)
    const grids = findGrids(findRulings(page, 25), 25)
    expect(grids.map((g) => [g.xs.length - 1, g.ys.length - 1])).toEqual([
      [4, 6],
      [5, 2]
    ])
  })

  describe('a header centred over merged columns, a character on a column line (2019 table 四: 行政复议 over five)', () => {
    // row 0's slots 1–3 are one cell; the column lines at x = 520 and 640 start at row 1
    const merged = (): Raster =>
      drawGrid(1000, 800, {
        ...TABLE,
        openRight: [
          [0, 1],
          [0, 2]
        ]
      })
    const bar = (page: Raster, x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = y0; y < y1; y++) page.data.fill(30, y * page.width + x0, y * page.width + x1)
    }
    const headerCols = (page: Raster, withInk: boolean): number[] => {
      const [grid] = findGrids(findRulings(page, 25), 25, withInk ? page : undefined)
      return grid.cells.filter((c) => c.row === 0).map((c) => c.colSpan)
    }

    it.each([
      { why: 'the first stroke of the word, clear of both row lines by the cell padding', stroke: [519, 158, 522, 204], cut: [1, 1, 2] },
      { why: 'the last stroke, nearer the line below', stroke: [639, 156, 642, 206], cut: [1, 2, 1] }
    ])('$why: the cell stays whole', ({ stroke: [x0, y0, x1, y1], cut }) => {
      const page = merged()
      bar(page, x0, y0, x1, y1)
      // taken for a ruling, the stroke cuts the header
      expect(headerCols(page, false)).toEqual(cut)
      expect(headerCols(page, true)).toEqual([1, 3])
    })

    it('faint rulings (a light scan: grey on paper, lighter than any threshold for text) still part the cells', () => {
      const page = drawGrid(1000, 800, TABLE)
      for (let i = 0; i < page.data.length; i++) if (page.data[i] === 40) page.data[i] = 205
      // dark print elsewhere on the page (a heading in heavy type) puts Otsu's threshold far below the lines' grey
      bar(page, 100, 20, 900, 120)
      // specks where the faint column line crosses row 1's lines and in its middle, as noise leaves them
      for (const y of [209, 238, 268]) bar(page, 520, y, 521, y + 2)
      const [grid] = findGrids(findRulings(page, 25), 25, page)
      expect(grid.cells).toHaveLength(24)
    })

    it('a real ruling with numbers close beside it on both sides still parts the cells', () => {
      const page = drawGrid(1000, 800, TABLE)
      bar(page, 505, 160, 516, 200)
      bar(page, 526, 160, 536, 200)
      expect(headerCols(page, true)).toEqual([1, 1, 1, 1])
    })
  })

  it.each([9, 11])('finds a table framed by a thick border (%s px sides: dark on both sides of their middle, unseen as rulings)', (thick) => {
    const page = drawGrid(1000, 800, TABLE)
    for (const x of [100, 760])
      for (let y = 150 - Math.floor(thick / 2); y < 510 + Math.ceil(thick / 2); y++)
        page.data.fill(40, y * 1000 + x - Math.floor(thick / 2), y * 1000 + x + Math.ceil(thick / 2))
    const grids = findGrids(findRulings(page, 25), 25, page)
    expect(grids).toHaveLength(1)
    expect(grids[0].xs.map((x) => Math.abs(x - 100) <= thick || Math.abs(x - 760) <= thick || [400, 520, 640].includes(Math.round(x)))).toEqual([
      true,
      true,
      true,
      true,
      true
    ])
    expect(grids[0].cells).toHaveLength(24)
  })

  it('finds no grid on a page of text alone', () => {
    const page = drawGrid(1000, 800, { ...TABLE, colWidths: [], rowHeights: [] })
    expect(findGrids(findRulings(page, 25), 25)).toEqual([])
  })
})

describe('text height', () => {
  it.each([14, 22, 34])('is measured from glyph-sized ink (%s px characters), whatever the picture size', (size) => {
    const page = blankRaster(600, 400)
    // a few lines of square "characters" with a gap between them
    for (let line = 0; line < 5; line++) {
      for (let ch = 0; ch < 10; ch++) {
        const x0 = 20 + ch * (size + 6)
        const y0 = 20 + line * (size * 2)
        for (let y = y0; y < y0 + size; y++) page.data.fill(20, y * 600 + x0, y * 600 + x0 + size - 4)
      }
    }
    const unit = unitOf(page)
    expect(unit).toBeGreaterThanOrEqual(size)
    expect(unit).toBeLessThanOrEqual(Math.ceil(size * 1.2))
  })
})

describe('working scale', () => {
  /** A page of square "characters" `size` px high. */
  const textPage = (width: number, height: number, size: number): Raster => {
    const page = blankRaster(width, height)
    for (let y0 = 20; y0 + size < Math.min(height, 20 + 8 * size * 2); y0 += size * 2)
      for (let x0 = 20; x0 + size < Math.min(width, 20 + 14 * (size + 6)); x0 += size + 6)
        for (let y = y0; y < y0 + size; y++) page.data.fill(20, y * width + x0, y * width + x0 + size - 4)
    return page
  }

  it.each([
    { why: 'small print (a 100 dpi screenshot) is enlarged to a 24 px text height', size: 11, width: 800, height: 1100, scaled: true, low: 22, high: 30 },
    { why: 'print of a usual size is read as it is', size: 22, width: 1300, height: 1800, scaled: false, low: 22, high: 27 },
    { why: 'large print (600 dpi) is averaged down to 44 px', size: 80, width: 2400, height: 2400, scaled: true, low: 40, high: 52 },
    { why: 'a large page measured as small text (noise, not print) is not enlarged', size: 11, width: 3000, height: 3100, scaled: false, low: 11, high: 14 }
  ])('$why', ({ size, width, height, scaled, low, high }) => {
    const page = textPage(width, height, size)
    const {
      work,
      scale,
      heights: { unit }
    } = workingScale(page, textHeights(page))
    expect(scale !== 1).toBe(scaled)
    expect(work.width * scale).toBeCloseTo(width, 0)
    expect(unit).toBeGreaterThanOrEqual(low)
    expect(unit).toBeLessThanOrEqual(high)
  })
})

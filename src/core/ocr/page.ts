// One page image → its ruled tables read cell by cell and its other text read line by line.
// Boxes are given in pixels of the page image as it was (before levelling), origin top-left.

import { cellInk } from './cell-crop'
import { skewAngle } from './deskew'
import { detectLines, recogniseCrops, type LineBox, type LineReading } from './engine'
import { findGrids, findRulings } from './grid'
import { forEachComponent } from './components'
import { flattenLight } from './illumination'
import { rectify, warpRaster } from './rectify'
import { boxBeforeTurn, turnClockwise, uprightQuarters, type Quarters, type Uprighting } from './orientation'
import { binarise, colourPlane, crop, resize, rotate, type Raster } from './raster'

export type PixelBox = [number, number, number, number]

export interface OcrCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  box: PixelBox
  /** The text read; '' for a cell with no ink. Lines of a wrapped cell are joined. */
  text: string
  /** Lowest character probability; 1 for a blank cell. */
  confidence: number
  /** Other readings (an unsure character replaced by its runner-up), most likely first. */
  alternatives: string[]
  /** Set when solid ink (a blot, a spill, a heavy stamp) covers part of a number, or seal ink part of the cell: the reading cannot be trusted. */
  obscured?: true
}

export interface OcrTable {
  box: PixelBox
  /** The box on the page set upright and level (pixels of the page image's scale): where it sits in reading order. */
  upright?: PixelBox
  rows: number
  cols: number
  cells: OcrCell[]
}

export interface OcrLine {
  box: PixelBox
  /** As OcrTable.upright: the line's place in reading order and layout. */
  upright?: PixelBox
  text: string
  confidence: number
}

export interface OcrPage {
  /** Degrees the page was turned; it was levelled by the opposite rotation before reading. */
  skew: number
  /** Quarter turns clockwise that set the page image upright (1: its text ran down the page); boxes stay on the image as given. */
  quarters?: Quarters
  /** False when the page read alike either way up and took the way its document's sure pages went (PageOptions.likelyQuarters). */
  quartersSure?: boolean
  width: number
  height: number
  /** About one text height in pixels. */
  unit: number
  tables: OcrTable[]
  lines: OcrLine[]
}

export interface PageOptions {
  /** True once the page's time is up: it is given up (with what was read so far). */
  expired?: () => boolean
  /** The way up the document's pages were surely found so far: taken when this page reads alike either way. */
  likelyQuarters?: Quarters
}

/** A character below this probability is unsure: its runner-ups become alternative readings. */
export const UNSURE = 0.9
const MAX_ALTERNATIVES = 6

/**
 * About one text height in pixels, from the ink itself: the taller glyph-sized blobs (characters
 * break into strokes and radicals, so the upper quantile is the whole character). A picture of a
 * table pasted at any size gets the scale of its own text.
 */
export function unitOf(page: Raster): number {
  return textHeights(page).unit
}

export interface TextHeights {
  /** The text height down the page as given (unitOf). */
  unit: number
  /** The same measure across the page: the text height of the page turned a quarter. */
  across: number
}

/**
 * The text height measured both ways on the same blobs. A page turned a quarter is measured across
 * its lines: a Song face at 250 dpi breaks into strokes, and its thick upright strokes, lying down,
 * measured 17 px where the upright page measures 32 — too small a height to find its lines by.
 */
export function textHeights(page: Raster): TextHeights {
  const ink = binarise(page)
  const { width: w, height: h } = page
  // a glyph is at most a heading's height: the page's own size bounds it (a 600 dpi page's 五号 is ≈ 90 px)
  const tallest = Math.max(150, Math.min(w, h) / 12)
  const down: number[] = []
  const across: number[] = []
  // glyph-sized: not a speck, not a ruling line or a whole table frame
  const glyph = (tall: number, wide: number): boolean => tall >= 6 && tall <= tallest && wide <= tall * 3 && tall <= wide * 6
  forEachComponent(ink, w, h, { diagonal: false }, ({ x0, y0, x1, y1 }) => {
    const bw = x1 - x0 + 1
    const bh = y1 - y0 + 1
    if (glyph(bh, bw)) down.push(bh)
    if (glyph(bw, bh)) across.push(bw)
  })
  return { unit: heightOf(down, w, h), across: heightOf(across, h, w) }
}

/** The text height from glyph heights: their upper quantile, or a guess from the page's size when too few were found. */
function heightOf(heights: number[], w: number, h: number): number {
  if (heights.length < 20) return Math.min(MAX_UNIT, Math.max(10, Math.round(Math.min(w, h * 0.71) / 50)))
  heights.sort((a, b) => a - b)
  return Math.min(MAX_UNIT, Math.max(8, Math.round(heights[Math.floor(heights.length * 0.8)] * 1.15)))
}

/** A text height no page has (五号 at 600 dpi is ≈ 100 px): the bound of unitOf's answer. */
const MAX_UNIT = 400
/**
 * A page whose text is taller than MAX_WORK_UNIT pixels (五号 print scanned at 300–600 dpi) is
 * averaged down to a text height of WORK_UNIT before anything else, so every length in the
 * pipeline — line gaps, speck sizes, crop margins — means what it was measured for, and a 600 dpi
 * page costs what a 300 dpi one does. Averaging keeps a thin ruling as a lighter line where pixel
 * sampling would drop it. Pages from MIN_WORK_UNIT to MAX_WORK_UNIT are read as they are: every threshold was
 * measured on text up to 60 px high (the shared scans' 96 ppi pictures rendered at 150 dpi reach
 * 43–60 px, and averaged down their faint 1 px rulings were lost).
 */
const WORK_UNIT = 44
const MAX_WORK_UNIT = 60

/**
 * A page whose text is under MIN_WORK_UNIT pixels high (a 96–110 dpi screenshot pasted into Word,
 * a fax) is enlarged to LOW_WORK_UNIT: at 12 px a character's upright strokes are as long as the
 * pipeline's shortest ruling and its fixed gaps (a ruling's crossing, a pixel of wobble) span half
 * a character, so stacked strokes made 35 columns of one 11-column table 三; enlarged twice, it read
 * whole. Never past LOW_MAX_PIXELS: a large page measured as small text is noise, not small print.
 */
const MIN_WORK_UNIT = 16
const LOW_WORK_UNIT = 24
const LOW_MAX_PIXELS = 9_000_000

/** The factor a page is scaled by before reading: 1 when its text height is in the working range. */
function workingFactor(page: Raster, unit: number): number {
  if (unit > MAX_WORK_UNIT) return WORK_UNIT / unit
  if (unit >= MIN_WORK_UNIT) return 1
  const f = Math.min(3, LOW_WORK_UNIT / unit, Math.sqrt(LOW_MAX_PIXELS / (page.width * page.height)))
  return f >= 1.2 ? f : 1
}

/** The page at the working scale, and the factor from its pixels back to the page image's. */
export function workingScale(page: Raster, heights: TextHeights): { work: Raster; scale: number; heights: TextHeights } {
  const f = workingFactor(page, heights.unit)
  if (f === 1) return { work: page, scale: 1, heights }
  const width = Math.max(1, Math.round(page.width * f))
  const height = Math.max(1, Math.round(page.height * f))
  const work = resize(page, width, height)
  if (page.colour) {
    // the seal bits follow the page: a working pixel is coloured when most of its block was
    const plane = resize(colourPlane(page)!, width, height)
    const bits = new Uint8Array(Math.ceil((width * height) / 8))
    for (let i = 0; i < plane.data.length; i++) if (plane.data[i] >= 128) bits[i >> 3] |= 0x80 >> (i & 7)
    work.colour = bits
  }
  return { work, scale: page.width / width, heights: textHeights(work) }
}

export async function readPage(original: Raster, options: PageOptions = {}): Promise<OcrPage> {
  const { work, scale, heights } = workingScale(original, textHeights(original))
  // a page turned a quarter or a half is read upright; its boxes are turned back below
  const { page, unit: litUnit, quarters, sure: quartersSure } = await litUpright(work, heights, options.likelyQuarters)
  const { level, levelColour, back: levelled, skew, unit } = straightened(page, litUnit)
  // boxes in the page image's own pixels, whatever scale it was read at
  const toScale = (b: PixelBox): PixelBox => (scale === 1 ? b : (b.map((v) => Math.round(v * scale * 10) / 10) as PixelBox))
  const back = (b: PixelBox): PixelBox => toScale(boxBeforeTurn(levelled(b), quarters, work.width, work.height))
  const rulings = findRulings(level, unit)
  const grids = findGrids(rulings, unit, level)
  const inset = Math.max(3, Math.round(unit * 0.16))

  const tables: OcrTable[] = []
  for (const grid of grids) {
    const inks = grid.cells.map((c) => cellInk(level, c.box, inset, unit, levelColour))
    const stamped = stampedCells(inks, unit)
    const crops = inks.flatMap((ink) => ink.bands.map((b) => b.crop))
    const readings = crops.length ? await recogniseCrops(crops) : []
    let k = 0
    const cells: OcrCell[] = grid.cells.map((c, i) => {
      const own = readings.slice(k, k + inks[i].bands.length)
      k += inks[i].bands.length
      const cell: OcrCell = { row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, box: back(c.box), ...cellText(own) }
      // solid ink means something in a number is hidden (a label's dense characters at a low
      // resolution are solid too, but a label is no value); a seal's ink hides whatever is under
      // it, and the number under it may be read as anything (a ring and a 6 read as "\")
      if ((inks[i].solid && couldBeNumber(cell.text)) || stamped[i]) cell.obscured = true
      return cell
    })
    tables.push({ box: back(grid.box), upright: toScale(grid.box), rows: grid.ys.length - 1, cols: grid.xs.length - 1, cells })
    if (options.expired?.()) break
  }

  const lines: OcrLine[] = []
  if (!options.expired?.()) {
    // the prose: tables whitened so their cells are not read twice
    const prose = { width: level.width, height: level.height, data: level.data.slice() }
    for (const g of grids) whiten(prose, g.box, unit / 2)
    const inked = inkedPart(prose, unit)
    const boxes = (inked ? await detectLines(prose, inked) : []).filter((b) => b.x1 - b.x0 >= unit * 0.5 && b.y1 - b.y0 >= unit * 0.4)
    const readings = boxes.length ? await recogniseCrops(boxes.map((b) => crop(prose, b.x0, b.y0, b.x1, b.y1))) : []
    boxes.forEach((b, i) => {
      const text = readings[i].text.trim()
      // on the levelled page for now: lines are ordered and joined as they read, upright
      if (text) lines.push({ box: [b.x0, b.y0, b.x1, b.y1], text, confidence: readings[i].confidence })
    })
    lines.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])
  }
  const read = sameRowJoined(lines, unit).map((l) => ({ ...l, box: back(l.box), upright: toScale(l.box) }))
  return { skew, quarters, quartersSure, width: original.width, height: original.height, unit: unit * scale, tables, lines: read }
}

interface Straightened {
  /** The page evenly lit and levelled: its tables' rulings run along pixel rows and columns. */
  level: Raster
  levelColour: Raster | null
  /** A box on `level` → the box on the page image as given. */
  back: (b: PixelBox) => PixelBox
  skew: number
  unit: number
}

/**
 * The page as if evenly lit (illumination.ts; its seal bits kept), its text height measured again,
 * and turned upright. The light is flattened before the way up is told: on a photo dark at one
 * end, one threshold turns that end into ink, the text height comes out wrong, and the lines the
 * recogniser samples are blotted: a phone photo of a table page was read upside down.
 */
export async function litUpright(work: Raster, heights: TextHeights, likely?: Quarters): Promise<{ page: Raster; unit: number } & Uprighting> {
  const flat = flattenLight(work, heights.unit)
  if (flat && work.colour) flat.colour = work.colour
  const lit = flat ? { page: flat, heights: textHeights(flat) } : { page: work, heights }
  // the way up is looked for at the text height either way round: lines are found by it
  const way = await uprightQuarters(lit.page, Math.max(lit.heights.unit, lit.heights.across), likely)
  // read upright, the page's text height is the one measured across it when it was turned a quarter
  return { ...way, page: turnClockwise(lit.page, way.quarters), unit: way.quarters % 2 ? lit.heights.across : lit.heights.unit }
}

/**
 * The page (evenly lit) levelled: by its largest table's frame when a photo's keystone bent it
 * (rectify.ts), else by the skew of its lines (deskew.ts).
 */
function straightened(page: Raster, unit: number): Straightened {
  const colour = colourPlane(page)
  const keystone = rectify(page, unit)
  if (keystone) {
    const { toPage } = keystone
    const back = (b: PixelBox): PixelBox => {
      const corners = [toPage([b[0], b[1]]), toPage([b[2], b[1]]), toPage([b[2], b[3]]), toPage([b[0], b[3]])]
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      const round = (v: number): number => Math.round(v * 10) / 10
      return [
        round(Math.max(0, Math.min(...xs))),
        round(Math.max(0, Math.min(...ys))),
        round(Math.min(page.width, Math.max(...xs))),
        round(Math.min(page.height, Math.max(...ys)))
      ]
    }
    return { level: keystone.page, levelColour: colour && warpRaster(colour, keystone.matrix), back, skew: keystone.skew, unit }
  }
  const skew = skewAngle(page)
  return { level: rotate(page, -skew), levelColour: colour && rotate(colour, -skew), back: backToImage(page.width, page.height, skew), skew, unit }
}

/** Darker than this is print when looking for where a page's prose is (the page is evenly lit by now). */
const PROSE_INK = 160

/**
 * The part of a page that has print, a text height around it; null for a page with none. Rows and
 * columns with fewer than two dark pixels do not count: a speck of dust spreads no part.
 */
export function inkedPart(page: Raster, unit: number): LineBox | null {
  const rows = new Uint32Array(page.height)
  const cols = new Uint32Array(page.width)
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.data[y * page.width + x] < PROSE_INK) {
        rows[y]++
        cols[x]++
      }
    }
  }
  const first = (counts: Uint32Array): number => counts.findIndex((c) => c >= 2)
  const last = (counts: Uint32Array): number => counts.findLastIndex((c) => c >= 2)
  const y0 = first(rows)
  if (y0 < 0) return null
  const margin = Math.ceil(unit)
  return {
    x0: Math.max(0, first(cols) - margin),
    y0: Math.max(0, y0 - margin),
    x1: Math.min(page.width, last(cols) + 1 + margin),
    y1: Math.min(page.height, last(rows) + 1 + margin)
  }
}

function whiten(r: Raster, box: PixelBox, margin: number): void {
  const x0 = Math.max(0, Math.floor(box[0] - margin))
  const x1 = Math.min(r.width, Math.ceil(box[2] + margin))
  const y0 = Math.max(0, Math.floor(box[1] - margin))
  const y1 = Math.min(r.height, Math.ceil(box[3] + margin))
  for (let y = y0; y < y1; y++) r.data.fill(255, y * r.width + x0, y * r.width + x1)
}

/** Pieces of one printed line detected apart (wide spaces) are one line, left to right. */
function sameRowJoined(lines: OcrLine[], unit: number): OcrLine[] {
  const out: OcrLine[] = []
  for (const line of lines) {
    const row = out.find((o) => {
      const overlap = Math.min(o.box[3], line.box[3]) - Math.max(o.box[1], line.box[1])
      return overlap > 0.6 * Math.min(o.box[3] - o.box[1], line.box[3] - line.box[1]) && Math.abs(o.box[1] - line.box[1]) < unit
    })
    if (!row) {
      out.push({ ...line })
      continue
    }
    const [first, second] = row.box[0] <= line.box[0] ? [row, line] : [line, row]
    row.text = `${first.text} ${second.text}`
    row.confidence = Math.min(row.confidence, line.confidence)
    row.box = [Math.min(row.box[0], line.box[0]), Math.min(row.box[1], line.box[1]), Math.max(row.box[2], line.box[2]), Math.max(row.box[3], line.box[3])]
  }
  return out
}

/** A box on the levelled page → the box on the page image as given (its turned corners' bounds). */
function backToImage(width: number, height: number, skew: number): (b: PixelBox) => PixelBox {
  const a = (skew * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = (width - 1) / 2
  const cy = (height - 1) / 2
  return (b) => {
    const xs: number[] = []
    const ys: number[] = []
    for (const [x, y] of [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[0], b[3]],
      [b[2], b[3]]
    ]) {
      // levelling sampled the image at (cos·dx − sin·dy, sin·dx + cos·dy) for a levelled point (dx, dy)
      const dx = x - cx
      const dy = y - cy
      xs.push(cos * dx - sin * dy + cx)
      ys.push(sin * dx + cos * dy + cy)
    }
    const round = (v: number): number => Math.round(v * 10) / 10
    return [
      round(Math.max(0, Math.min(...xs))),
      round(Math.max(0, Math.min(...ys))),
      round(Math.min(width, Math.max(...xs))),
      round(Math.min(height, Math.max(...ys)))
    ]
  }
}

/** A cell is stamped over when this share of its ink is coloured… */
const STAMP_SHARE = 0.15
/** …and that is more than a speck: this many text heights squared (a thin ring across a cell makes ~0.8). */
const STAMP_AREA = 0.05
/** A table where more than this share of the cells with ink have coloured ink is printed in colour: its colour is no seal (a seal covers a patch of a table). */
const PRINTED_IN_COLOUR = 0.5

/**
 * The cells of a table a seal (or other coloured ink: a red pen) is stamped over. In grey, red
 * seal ink is as dark as print, and a ring across a number is read as part of it.
 */
export function stampedCells(inks: { ink: number; coloured: number }[], unit: number): boolean[] {
  const stamped = inks.map((c) => c.coloured >= STAMP_SHARE * c.ink && c.coloured >= STAMP_AREA * unit * unit)
  const inked = inks.filter((c) => c.ink > 0).length
  if (stamped.filter(Boolean).length > PRINTED_IN_COLOUR * inked) return inks.map(() => false)
  return stamped
}

/** What a number cell may read as, the blot itself included (■, ○, 。): digits and number marks only. */
const NUMBER_READING = /^[0-9０-９.,，\-—–一/／%！!|Il丨oO。○■●QDU口〇]*$/

/** Letters a blurred digit is read as (engine.ts NUMBER_LIKE). */
const LETTER_FOR_DIGIT = /[QDU口〇]/

/**
 * True for a reading a number cell could hold: digits and number marks, nothing else — or
 * nothing at all (solid ink read as blank hides a number as surely as one read as digits).
 */
export function couldBeNumber(text: string): boolean {
  return NUMBER_READING.test(text.replace(/\s+/g, ''))
}

/** The lines read in one cell → its text, confidence and alternative readings. */
export function cellText(lines: LineReading[]): Pick<OcrCell, 'text' | 'confidence' | 'alternatives'> {
  if (!lines.length) return { text: '', confidence: 1, alternatives: [] }
  // a cell read as a number is re-read among digits and number marks only
  if (lines.length === 1 && lines[0].numeric && lines[0].numeric.text) {
    const n = lines[0].numeric
    // read first as a letter (a blurred 0 as Q): the digit is only as sure as that reading was
    const confidence = LETTER_FOR_DIGIT.test(lines[0].text) ? Math.min(n.confidence, lines[0].confidence) : n.confidence
    return { text: n.text, confidence, alternatives: alternativesOf(n) }
  }
  const text = lines.map((l) => l.text.trim()).join('')
  const confidence = Math.min(...lines.map((l) => l.confidence))
  if (lines.length !== 1) return { text, confidence, alternatives: [] }
  return { text, confidence, alternatives: alternativesOf(lines[0]) }
}

/**
 * Readings with one unsure character swapped for a runner-up (or dropped, when the runner-up is
 * "nothing"), most probable first. Only for short readings: numbers, marks.
 */
export function alternativesOf(line: LineReading): string[] {
  if (line.chars.length > 12) return []
  const options: { text: string; score: number }[] = []
  line.chars.forEach((c, i) => {
    if (c.prob >= UNSURE) return
    for (const alt of c.alternatives) {
      if (alt.prob < 0.01) continue
      const text = line.chars
        .map((d, j) => (j === i ? alt.char : d.char))
        .join('')
        .trim()
      if (text !== line.text.trim()) options.push({ text, score: alt.prob / c.prob })
    }
  })
  const seen = new Set<string>()
  return options
    .sort((a, b) => b.score - a.score)
    .filter((o) => !seen.has(o.text) && !!seen.add(o.text))
    .slice(0, MAX_ALTERNATIVES)
    .map((o) => o.text)
}

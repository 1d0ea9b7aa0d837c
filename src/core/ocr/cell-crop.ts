// A table cell's box → the text lines inside it as tight crops for the recognition model. The ruling
// lines around the box are cut away, specks of noise dropped, and each band of ink (a label may wrap
// over several lines) padded with white, so the model sees what it was trained on: one line of text.

import { isSolid } from './solid-ink'
import { blankRaster, type Raster } from './raster'
import { forEachComponent } from './components'

export interface InkBand {
  /** Pixel box of the ink on the page. */
  box: [number, number, number, number]
  crop: Raster
}

/** A piece of ink this narrow touching a side of the crop is a sliver of the ruling line. */
const SLIVER = 3

/** A band of ink with less than this share of the strongest band's ink is dropped. */
const WEAK_BAND = 0.15

/** Ink this close to the crop's edge may be a piece of the ruling around the cell. */
const EDGE = 2

/** Connected ink smaller than this many pixels is noise, not a mark (a "-" at 150 dpi has ~20). */
const SPECK = 5

/** Ink is this many grey levels darker than the cell's own paper (white, or a shaded row). */
const INK_CONTRAST = 45

/**
 * Fainter grey, this much darker than the paper, is kept in a crop where it joins the ink: the thin
 * strokes of small light print (a 4's diagonal, a 7's bar) fall under INK_CONTRAST, and a 4 without
 * them reads as 1.
 */
const FAINT_CONTRAST = 20

export interface CellInk {
  /** The ink bands, top to bottom; [] for a blank cell. */
  bands: InkBand[]
  /**
   * Part of the ink is solid — thicker than any printed digit's stroke at this text height (a
   * blot, a spill, a heavy stamp). Dense characters at a low resolution are solid too, so this
   * says "obscured" only for a cell read as a number.
   */
  solid: boolean
  /** Pixels of ink in the cell, and how many of them are coloured (seal red, blue ink; 0 on a grey page). */
  ink: number
  coloured: number
}

/**
 * The ink of a cell: its bands for the recognition model, whether solid ink hides part of it and
 * how much of it is coloured. `inset` is how far inside the ruling lines to start; `unit` is the
 * page's text height (unitOf); `colour` the page's coloured pixels, levelled with it (colourPlane).
 */
export function cellInk(page: Raster, box: [number, number, number, number], inset: number, unit: number, colour?: Raster | null): CellInk {
  const ink = inkMask(page, box, inset)
  if (!ink) return { bands: [], solid: false, ink: 0, coloured: 0 }
  const { mask, x0, y0, w, h } = ink
  let count = 0
  let coloured = 0
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue
      count++
      // the plane was turned bilinearly with the page: half-covered pixels count from the middle
      if (colour && colour.data[(y0 + y) * colour.width + x0 + x] >= 128) coloured++
    }
  }
  // crops are contrast-stretched against the cell's paper, so a shaded header row reads like a white one
  return { bands: bandsOf(page, ink, unit), solid: isSolid(mask, w, h, unit), ink: count, coloured }
}

/** The cell's ink inside the ruling lines, rulings' remnants and specks cleared; null for a sliver of a cell. */
export interface InkMask {
  mask: Uint8Array
  x0: number
  y0: number
  w: number
  h: number
  paper: number
  threshold: number
}

/** For the recognition crops and the solid-ink test (and the tests, which look at the mask itself). */
export function inkMask(page: Raster, box: [number, number, number, number], inset: number): InkMask | null {
  const x0 = Math.ceil(box[0] + inset)
  const y0 = Math.ceil(box[1] + inset)
  const x1 = Math.floor(box[2] - inset)
  const y1 = Math.floor(box[3] - inset)
  const w = x1 - x0
  const h = y1 - y0
  if (w < 3 || h < 3) return null
  const hist = new Uint32Array(256)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) hist[page.data[(y0 + y) * page.width + x0 + x]]++
  const paper = percentile(hist, w * h, 0.5)
  const threshold = paper - INK_CONTRAST
  const mask = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) mask[y * w + x] = page.data[(y0 + y) * page.width + x0 + x] <= threshold ? 1 : 0
  dropRulingRemnants(mask, w, h)
  dropSpecks(mask, w, h)
  return { mask, x0, y0, w, h, paper, threshold }
}

function bandsOf(page: Raster, { mask, x0, y0, w, h, paper, threshold }: InkMask, unit: number): InkBand[] {
  const strokes = withFaintStrokes(page, mask, x0, y0, w, h, paper - FAINT_CONTRAST)
  const rowInk = new Int32Array(h)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rowInk[y] += mask[y * w + x]
  const bands: [number, number][] = []
  let start = -1
  for (let y = 0; y <= h; y++) {
    const on = y < h && rowInk[y] > 0
    if (on && start < 0) start = y
    if (!on && start >= 0) {
      const last = bands[bands.length - 1]
      // a gap of one or two pixel rows inside a line (a thin stroke missed) joins the bands
      if (last && start - last[1] <= 2) last[1] = y
      else bands.push([start, y])
      start = -1
    }
  }
  const out: InkBand[] = []
  // a band with a small fraction of the cell's ink (a faint scratch or JPEG smear beside the text) is noise
  const merged = joinedByFaintStrokes(mergeThinBands(bands), strokes, w, unit)
  const inkOf = ([top, bottom]: [number, number]): number => {
    let n = 0
    for (let y = top; y < bottom; y++) n += rowInk[y]
    return n
  }
  const most = Math.max(0, ...merged.map(inkOf))
  for (const [top, bottom] of reachingFaintRows(
    merged.filter((b) => inkOf(b) >= most * WEAK_BAND),
    strokes,
    w,
    h
  )) {
    let left = w
    let right = -1
    // the band spans its faint strokes too: a light 4's bar and diagonal reach left of its stem
    for (let y = top; y < bottom; y++) for (let x = 0; x < w; x++) if (strokes[y * w + x]) ((left = Math.min(left, x)), (right = Math.max(right, x)))
    if (right < 0) continue
    const bw = right - left + 1
    const bh = bottom - top
    // tight margins: the model reads a lone digit in a wide white margin as 。 or .
    const padY = Math.max(2, Math.round(bh * 0.15))
    const padX = Math.max(2, Math.round(bh * 0.1))
    const width = bw + 2 * padX
    const crop = blankRaster(width, bh + 2 * padY)
    const dx = padX
    const pad = padY
    // grey stretched so the cell's paper is white; pixels far from any kept ink stay paper (no specks)
    const dark = Math.min(threshold, darkest(page, x0 + left, y0 + top, x0 + right + 1, y0 + bottom))
    const span = Math.max(1, paper - dark)
    for (let y = 0; y < bh; y++) {
      for (let x = 0; x < bw; x++) {
        const mx = left + x
        const my = top + y
        if (!nearInk(strokes, w, h, mx, my)) continue
        const v = page.data[(y0 + my) * page.width + x0 + mx]
        crop.data[(pad + y) * width + dx + x] = Math.max(0, Math.min(255, Math.round(((v - dark) * 255) / span)))
      }
    }
    out.push({ box: [x0 + left, y0 + top, x0 + right + 1, y0 + bottom], crop })
  }
  return out
}

function percentile(hist: Uint32Array, total: number, q: number): number {
  let n = 0
  for (let g = 0; g < 256; g++) {
    n += hist[g]
    if (n >= total * q) return g
  }
  return 255
}

function darkest(page: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let min = 255
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) min = Math.min(min, page.data[y * page.width + x])
  return min
}

/**
 * Each band widened up and down over the rows its faint strokes reach, short of the next band: a
 * blurred 0's top and bottom arcs are fainter than its sides, and cut to the ink it reads as V.
 */
function reachingFaintRows(bands: [number, number][], strokes: Uint8Array, w: number, h: number): [number, number][] {
  const hasStroke = (y: number): boolean => {
    for (let x = 0; x < w; x++) if (strokes[y * w + x]) return true
    return false
  }
  return bands.map(([top, bottom], i) => {
    const above = i > 0 ? bands[i - 1][1] : 0
    const below = i < bands.length - 1 ? bands[i + 1][0] : h
    while (top > above && hasStroke(top - 1)) top--
    while (bottom < below && hasStroke(bottom)) bottom++
    return [top, bottom]
  })
}

/**
 * Bands one over the other that faint strokes join row by row, and that together are no taller than
 * a line of text, are one line: the thin diagonal of a small light 2 (or a 7's, a 4's) falls under
 * the ink threshold for a few rows, and its curve and its base, read apart, came out as "2c".
 * Two lines of a wrapped label stand a line's height apart, with paper between them.
 */
function joinedByFaintStrokes(bands: [number, number][], strokes: Uint8Array, w: number, unit: number): [number, number][] {
  const hasStroke = (y: number): boolean => {
    for (let x = 0; x < w; x++) if (strokes[y * w + x]) return true
    return false
  }
  const out: [number, number][] = []
  for (const band of bands) {
    const last = out[out.length - 1]
    let bridged = !!last && band[1] - last[0] <= ONE_LINE * unit
    for (let y = last ? last[1] : 0; bridged && y < band[0]; y++) bridged = hasStroke(y)
    if (bridged) last[1] = band[1]
    else out.push([band[0], band[1]])
  }
  return out
}

/** One line of text is at most this many text heights tall (unitOf is 1.15 × a tall glyph's height). */
const ONE_LINE = 1.2

/** The ink mask grown into the fainter grey that touches it (hysteresis): a stroke is kept whole where part of it is ink. */
function withFaintStrokes(page: Raster, mask: Uint8Array, x0: number, y0: number, w: number, h: number, faint: number): Uint8Array {
  const grown = mask.slice()
  // every pixel goes on the stack at most once: marked as it goes on
  const stack = new Int32Array(grown.length)
  let top = 0
  for (let i = 0; i < grown.length; i++) if (grown[i]) stack[top++] = i
  while (top) {
    const i = stack[--top]
    const x = i % w
    const y = (i - x) / w
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy
      if (yy < 0 || yy >= h) continue
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx
        const j = yy * w + xx
        if (xx < 0 || xx >= w || grown[j]) continue
        if (page.data[(y0 + yy) * page.width + x0 + xx] <= faint) {
          grown[j] = 1
          stack[top++] = j
        }
      }
    }
  }
  return grown
}

function nearInk(mask: Uint8Array, w: number, h: number, x: number, y: number): boolean {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy
    if (yy < 0 || yy >= h) continue
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx
      if (xx >= 0 && xx < w && mask[yy * w + xx]) return true
    }
  }
  return false
}

/** Bands thinner than a third of the tallest (a stray accent of noise) join their nearest neighbour. */
function mergeThinBands(bands: [number, number][]): [number, number][] {
  if (bands.length < 2) return bands
  const tallest = Math.max(...bands.map(([a, b]) => b - a))
  const out: [number, number][] = []
  for (const band of bands) {
    const last = out[out.length - 1]
    if (last && (band[1] - band[0] < tallest / 3 || last[1] - last[0] < tallest / 3) && band[0] - last[1] < tallest / 2) last[1] = band[1]
    else out.push([band[0], band[1]])
  }
  return out
}

/** A row or column along the crop's edge that is mostly ink is a ruling line the inset did not clear. */
function dropRulingRemnants(mask: Uint8Array, w: number, h: number): void {
  const edge = Math.min(4, Math.floor(h / 4))
  for (let y = 0; y < h; y++) {
    if (y >= edge && y < h - edge) continue
    let n = 0
    for (let x = 0; x < w; x++) n += mask[y * w + x]
    if (n > 0.6 * w) for (let x = 0; x < w; x++) mask[y * w + x] = 0
  }
  const side = Math.min(4, Math.floor(w / 4))
  for (let x = 0; x < w; x++) {
    if (x >= side && x < w - side) continue
    let n = 0
    for (let y = 0; y < h; y++) n += mask[y * w + x]
    if (n > 0.6 * h) for (let y = 0; y < h; y++) mask[y * w + x] = 0
  }
}

/**
 * Drops connected ink that is noise (a few pixels) or a piece of the ruling around the cell: thin,
 * long and touching the crop's edge (a scanned line wanders by a pixel or two, so the inset alone
 * leaves pieces of it that would read as 1, l or [).
 */
function dropSpecks(mask: Uint8Array, w: number, h: number): void {
  const thin = Math.max(3, Math.round(Math.min(w, h) * 0.12))
  forEachComponent(mask, w, h, { diagonal: true, members: true }, ({ x0, y0, x1, y1, members }) => {
    const bw = x1 - x0 + 1
    const bh = y1 - y0 + 1
    // a long thin piece along a side, or a short sliver right at it (where the line wandered in)
    const atSide = x0 <= EDGE || x1 >= w - 1 - EDGE
    const sideRuling = atSide && ((bw <= thin && bh >= 0.3 * h) || (bw <= SLIVER && (x0 === 0 || x1 === w - 1)))
    const edgeRuling = (y0 <= EDGE || y1 >= h - 1 - EDGE) && bh <= thin && bw >= 0.3 * w
    if (members.length < SPECK || sideRuling || edgeRuling) for (const j of members) mask[j] = 0
  })
}

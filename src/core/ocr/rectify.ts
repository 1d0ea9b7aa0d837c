// A page photographed at an angle (a phone held over the desk) is a keystone: the table's frame is a
// quadrilateral whose sides are no longer parallel, so no single rotation levels its rulings. The
// largest ruled table's outer frame is found (its four sides fitted as straight lines), and the page is
// warped so that frame becomes a rectangle: every table on the page lies on the same sheet, so one
// warp straightens them all (and levels a plain scan's turn as well as deskew would).

import { forEachComponent } from './components'
import { MAX_SKEW_DEGREES } from './deskew'
import { bilinearAt, binarise, strokeThreshold, type Raster } from './raster'

export type Point = [number, number]

/** Corners of a table's outer frame: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point]

/** A frame counts as a table at least this many text heights wide and tall. */
const MIN_WIDTH = 8
const MIN_HEIGHT = 2.5
/** A frame whose corners are this far (in text heights) from a parallelogram's is a keystone, not a turned rectangle. */
const KEYSTONE = 0.35
/** Points of a side further than this (in text heights) from its fitted line are not the frame (a stroke, a seal). */
const OFF_LINE = 0.25
/** A side whose fitted line holds fewer than this share of its points is no straight ruling. */
const MIN_ON_LINE = 0.6

/**
 * A grainy photo (a phone's sensor noise in dim light, its block minima darker still) can be ink
 * at the stroke threshold almost everywhere, joined into one region across the picture: the frame
 * is then looked for up to GRAIN_LOOKS more times, each GRAIN_STEP grey levels darker.
 */
const GRAIN_LOOKS = 3
const GRAIN_STEP = 20

/** Downscaled by taking each block's darkest pixel, so a thin ruling line survives. */
function darkestBlocks(page: Raster, k: number): Raster {
  if (k <= 1) return page
  const width = Math.ceil(page.width / k)
  const height = Math.ceil(page.height / k)
  const data = new Uint8Array(width * height).fill(255)
  for (let y = 0; y < page.height; y++) {
    const row = Math.floor(y / k) * width
    for (let x = 0; x < page.width; x++) {
      const b = row + Math.floor(x / k)
      const v = page.data[y * page.width + x]
      if (v < data[b]) data[b] = v
    }
  }
  return { width, height, data }
}

/**
 * The share of a region's pixels well inside its box (10 % in from each side): a table's inner
 * rulings; the outline of a photographed sheet of paper, however bent, has none there.
 */
function innerShare(members: readonly number[], w: number, x0: number, y0: number, bw: number, bh: number): number {
  let inner = 0
  for (const i of members) {
    const x = (i % w) - x0
    const y = Math.floor(i / w) - y0
    if (x > 0.1 * bw && x < 0.9 * bw && y > 0.1 * bh && y < 0.9 * bh) inner++
  }
  return inner / members.length
}

/**
 * A first line through the points that outliers do not pull: the median slope between points half
 * the side apart, and the median intercept at that slope. On a turned table the side's profile
 * runs onto the neighbouring side where the frame's box has no more of it (a wide table turned 4°:
 * its left profile's last sixth was the bottom edge, hundreds of pixels off); a least-squares start
 * was tilted by them and its refit kept too few points on the line.
 */
function medianLine(points: Point[]): { a: number; b: number } | null {
  const half = Math.floor(points.length / 2)
  const slopes: number[] = []
  for (let i = 0; i + half < points.length; i++) {
    const [t0, v0] = points[i]
    const [t1, v1] = points[i + half]
    if (t1 !== t0) slopes.push((v1 - v0) / (t1 - t0))
  }
  if (!slopes.length) return null
  const median = (values: number[]): number => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]
  const b = median(slopes)
  return { a: median(points.map(([t, v]) => v - b * t)), b }
}

/** Line a + b·t through points (t, v), refitted without the points far off it. Null when too few lie on it. */
function fitLine(points: Point[], offLine: number): { a: number; b: number } | null {
  const start = medianLine(points)
  if (!start) return null
  let use = points.filter(([t, v]) => Math.abs(v - (start.a + start.b * t)) <= offLine)
  let fit: { a: number; b: number } | null = start
  for (let round = 0; round < 3; round++) {
    if (use.length < 8) return null
    let st = 0
    let sv = 0
    let stt = 0
    let stv = 0
    for (const [t, v] of use) {
      st += t
      sv += v
      stt += t * t
      stv += t * v
    }
    const n = use.length
    const den = n * stt - st * st
    if (Math.abs(den) < 1e-9) return null
    const b = (n * stv - st * sv) / den
    fit = { a: (sv - b * st) / n, b }
    const f = fit
    use = points.filter(([t, v]) => Math.abs(v - (f.a + f.b * t)) <= offLine)
  }
  return use.length >= MIN_ON_LINE * points.length ? fit : null
}

/**
 * The outer frame of the page's largest ruled table, in page pixels; null when there is none or its
 * sides are not straight lines. `unit` is the text height in pixels.
 */
export function tableQuad(page: Raster, unit: number): Quad | null {
  // on a copy where a text height is about 12 px: enough to fit a line to a fraction of a pixel
  const k = Math.max(1, Math.floor(unit / 12))
  const small = darkestBlocks(page, k)
  const u = unit / k
  const { width: w, height: h } = small
  type Candidate = { members: readonly number[]; x0: number; y0: number; x1: number; y1: number }
  let best: Candidate | null = null
  const area = (c: Candidate): number => (c.x1 - c.x0 + 1) * (c.y1 - c.y0 + 1)
  // ink that spreads over the picture is grain, not print: looked at again a shade darker
  let threshold = strokeThreshold(small)
  for (let look = 0; look <= GRAIN_LOOKS && !best; look++, threshold -= GRAIN_STEP) {
    let percolates = false
    forEachComponent(binarise(small, threshold), w, h, { diagonal: true, members: true }, (c) => {
      const bw = c.x1 - c.x0 + 1
      const bh = c.y1 - c.y0 + 1
      // the desk around a photographed sheet touches the picture's edge; a table does not
      if (c.x0 === 0 || c.y0 === 0 || c.x1 === w - 1 || c.y1 === h - 1) {
        percolates ||= bw * bh > 0.5 * w * h && c.area > 0.1 * w * h
        return
      }
      if (bw < MIN_WIDTH * u || bh < MIN_HEIGHT * u) return
      // a frame of lines, not a blot: ink covers a small share of its box
      if (c.area > 0.5 * bw * bh) return
      if (best && area(c) <= area(best)) return
      // ruled inside, not only round its edge (the outline of a photographed sheet)
      if (innerShare(c.members, w, c.x0, c.y0, bw, bh) < 0.1) return
      best = { members: [...c.members], x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 }
    })
    if (!percolates) break
  }
  if (!best) return null
  const b: Candidate = best
  const bw = b.x1 - b.x0 + 1
  const bh = b.y1 - b.y0 + 1
  const top = new Float64Array(bw).fill(Infinity)
  const bottom = new Float64Array(bw).fill(-Infinity)
  const left = new Float64Array(bh).fill(Infinity)
  const right = new Float64Array(bh).fill(-Infinity)
  for (const i of b.members) {
    const x = i % w
    const y = (i - x) / w
    top[x - b.x0] = Math.min(top[x - b.x0], y)
    bottom[x - b.x0] = Math.max(bottom[x - b.x0], y)
    left[y - b.y0] = Math.min(left[y - b.y0], x)
    right[y - b.y0] = Math.max(right[y - b.y0], x)
  }
  // each side from the middle 80 % of its span (the corners round off, merged cells start late)
  const side = (edge: Float64Array, origin: number): Point[] => {
    const out: Point[] = []
    const n = edge.length
    for (let i = Math.floor(n * 0.1); i < Math.ceil(n * 0.9); i++) if (Number.isFinite(edge[i])) out.push([origin + i, edge[i]])
    return out
  }
  const off = OFF_LINE * u
  const t = fitLine(side(top, b.x0), off)
  const bo = fitLine(side(bottom, b.x0), off)
  const l = fitLine(side(left, b.y0), off)
  const r = fitLine(side(right, b.y0), off)
  if (!t || !bo || !l || !r) return null
  // y = a + b·x meets x = c + d·y
  const meet = (hl: { a: number; b: number }, vl: { a: number; b: number }): Point => {
    const y = (hl.a + hl.b * vl.a) / (1 - hl.b * vl.b)
    const x = vl.a + vl.b * y
    // back to page pixels: block centres
    return [(x + 0.5) * k, (y + 0.5) * k]
  }
  return [meet(t, l), meet(t, r), meet(bo, r), meet(bo, l)]
}

const angle = (p: Point, q: Point): number => (Math.atan2(q[1] - p[1], q[0] - p[0]) * 180) / Math.PI
const length = (p: Point, q: Point): number => Math.hypot(q[0] - p[0], q[1] - p[1])

/**
 * True when the frame is no parallelogram: a keystone that a rotation cannot level. Measured at the
 * corners (how far the diagonals' midpoints lie apart), not by the sides' angles, which a short
 * side's few pixels fit too loosely.
 */
export function isKeystone(q: Quad, unit: number): boolean {
  const dx = q[0][0] + q[2][0] - q[1][0] - q[3][0]
  const dy = q[0][1] + q[2][1] - q[1][1] - q[3][1]
  return Math.hypot(dx, dy) / 2 > KEYSTONE * unit
}

/**
 * True when the frame is a parallelogram far from a rectangle: its rulings across and down are not
 * square to each other (a phone held at an angle to the sheet), so a rotation levels one and leaves
 * the other slanting — the frame's top and bottom level, its columns drift a cell across over the
 * table's height. Measured at the corners: how far the sides down run along the sides across.
 */
export function isSheared(q: Quad, unit: number): boolean {
  const across: Point = [(q[1][0] - q[0][0] + q[2][0] - q[3][0]) / 2, (q[1][1] - q[0][1] + q[2][1] - q[3][1]) / 2]
  const down: Point = [(q[3][0] - q[0][0] + q[2][0] - q[1][0]) / 2, (q[3][1] - q[0][1] + q[2][1] - q[1][1]) / 2]
  const along = Math.abs(across[0] * down[0] + across[1] * down[1]) / Math.hypot(across[0], across[1])
  return along > KEYSTONE * unit
}

/**
 * True when the frame is turned further than the page's skew is told from its print (deskew.ts):
 * a phone photo held 4° off levelled by the profile's best guess within ±3° lost its table.
 */
export function turnedPastDeskew(q: Quad): boolean {
  return Math.abs((angle(q[0], q[1]) + angle(q[3], q[2])) / 2) > MAX_SKEW_DEGREES
}

/** The 3×3 homography (row-major, last entry 1) taking each `from` point to its `to` point. */
export function homography(from: Point[], to: Point[]): number[] {
  const a: number[][] = []
  for (let k = 0; k < 4; k++) {
    const [x, y] = from[k]
    const [u, v] = to[k]
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r
    ;[a[c], a[pivot]] = [a[pivot], a[c]]
    for (let r = 0; r < 8; r++) {
      if (r === c) continue
      const f = a[r][c] / a[c][c]
      for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k]
    }
  }
  return [...a.map((row, i) => row[8] / row[i]), 1]
}

export function applyHomography(m: number[], [x, y]: Point): Point {
  const z = m[6] * x + m[7] * y + m[8]
  return [(m[0] * x + m[1] * y + m[2]) / z, (m[3] * x + m[4] * y + m[5]) / z]
}

export interface Rectified {
  /** The page warped so the table's frame is an upright rectangle (same size as the page). */
  page: Raster
  /** Takes a point of the rectified page to the page as given. */
  toPage: (p: Point) => Point
  /** The same as a homography, to warp other planes of the page (its colour) alike. */
  matrix: number[]
  /** The frame's top side's slope, in degrees (what a rotation would have levelled). */
  skew: number
}

/** Warps `page` by `toPage` (rectified → page coordinates), bilinear; outside the page is white. */
export function warpRaster(page: Raster, m: number[]): Raster {
  const { width: w, height: h, data } = page
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const z = m[6] * x + m[7] * y + m[8]
      out[y * w + x] = bilinearAt(data, w, h, (m[0] * x + m[1] * y + m[2]) / z, (m[3] * x + m[4] * y + m[5]) / z)
    }
  }
  return { width: w, height: h, data: out }
}

/**
 * The page straightened by its largest table's frame; null when there is no ruled table (deskew
 * levels the page by its lines then). A frame only turned comes out as a rotation would level it;
 * a keystone, even one too slight to tell from a rotation at the corners (a short table whose
 * column lines converge by 2°, drifting across pixel columns), comes out square.
 */
export function rectify(page: Raster, unit: number): Rectified | null {
  const quad = tableQuad(page, unit)
  if (!quad || !(isKeystone(quad, unit) || isSheared(quad, unit) || turnedPastDeskew(quad))) return null
  // the rectangle the frame becomes: where its top-left corner was, its mean side lengths
  const width = (length(quad[0], quad[1]) + length(quad[3], quad[2])) / 2
  const height = (length(quad[0], quad[3]) + length(quad[1], quad[2])) / 2
  const [x0, y0] = quad[0]
  const rect: Point[] = [
    [x0, y0],
    [x0 + width, y0],
    [x0 + width, y0 + height],
    [x0, y0 + height]
  ]
  const m = homography(rect, quad)
  return { page: warpRaster(page, m), toPage: (p) => applyHomography(m, p), matrix: m, skew: -Math.round(angle(quad[0], quad[1]) * 100) / 100 }
}

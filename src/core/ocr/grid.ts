// Ruled tables on a levelled page: long horizontal and vertical runs of ink are the ruling lines;
// the rows and columns of a table are the distinct line positions, and a cell spans several slots
// where the line between them is missing (a merged cell).

import { binarise, strokeThreshold, type Raster } from './raster'

export interface Segment {
  /** Position across the line (y of a horizontal line, x of a vertical one). */
  at: number
  from: number
  to: number
  thickness: number
}

export interface GridCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  /** Pixel box inside the ruling lines: [x0, y0, x1, y1]. */
  box: [number, number, number, number]
}

export interface Grid {
  /** y of each horizontal line, top to bottom (rows + 1 of them). */
  ys: number[]
  /** x of each vertical line, left to right (cols + 1). */
  xs: number[]
  cells: GridCell[]
  box: [number, number, number, number]
}

/** Gaps up to this many pixels inside a line (noise, JPEG) do not break it. */
const GAP = 3
/**
 * Two long pieces of a line this far apart are one line: the crossing of a perpendicular ruling,
 * where the contrast test sees ink on both sides. Character strokes are too short to be joined.
 */
const CROSSING = 8

/** Runs of ink along rows (horizontal) or columns (vertical) at least `minLength` long. */
function runs(ink: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number, minPiece: number): Segment[] {
  const lines = horizontal ? height : width
  const near = nearLine(ink, width, height, horizontal)
  // every line's run in progress, so the pixels are walked in memory order (row by row) both ways
  const start = new Int32Array(lines).fill(-1)
  const lastInk = new Int32Array(lines).fill(-1)
  const pieces: Segment[][] = Array.from({ length: lines }, () => [])
  // pixel p of line l, ink or not: a run ends after more than GAP pixels without ink (the pixel past the line's end is none)
  const step = (l: number, p: number, on: boolean): void => {
    if (on) {
      if (start[l] < 0) start[l] = p
      lastInk[l] = p
    } else if (start[l] >= 0 && p - lastInk[l] > GAP) {
      if (lastInk[l] - start[l] + 1 >= minPiece) pieces[l].push({ at: l, from: start[l], to: lastInk[l] + 1, thickness: 1 })
      start[l] = -1
    }
  }
  if (horizontal) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) step(y, x, near[y * width + x] === 1)
      step(y, width, false)
    }
  } else {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) step(x, y, near[y * width + x] === 1)
    for (let x = 0; x < width; x++) step(x, height, false)
  }
  const out: Segment[] = []
  for (let l = 0; l < lines; l++) {
    for (const piece of pieces[l]) {
      const last = out[out.length - 1]
      if (last && last.at === l && piece.from - last.to <= CROSSING) last.to = piece.to
      else out.push(piece)
    }
  }
  return out.filter((s) => s.to - s.from >= minLength)
}

/**
 * 1 where the ink or a pixel beside it across the line is 1: a line levelled by rotation wanders
 * by a pixel, so its neighbours across the line count too.
 */
function nearLine(ink: Uint8Array, width: number, height: number, horizontal: boolean): Uint8Array {
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      if (ink[i] === 1) out[i] = 1
      else if (
        horizontal
          ? (y > 0 && ink[i - width] === 1) || (y < height - 1 && ink[i + width] === 1)
          : (x > 0 && ink[i - 1] === 1) || (x < width - 1 && ink[i + 1] === 1)
      )
        out[i] = 1
    }
  }
  return out
}

/**
 * Runs on neighbouring pixel rows that overlap are one line (a line 2–3 px thick, or slightly tilted).
 * Its thickness is how many pixel rows cover it on average, not the span of rows it touches: a
 * character stroke that touches a ruling (a header word written close to a column line) makes
 * the span wide, but adds little to the average.
 */
function mergeRuns(segments: Segment[]): Segment[] {
  const lines: (Segment & { weighted: number; ink: number; last: number })[] = []
  for (const s of segments) {
    const open = lines.find((l) => s.at - l.last <= 2 && s.from < l.to && s.to > l.from)
    const length = s.to - s.from
    if (open) {
      open.from = Math.min(open.from, s.from)
      open.to = Math.max(open.to, s.to)
      open.weighted += s.at * length
      open.ink += length
      open.last = s.at
    } else lines.push({ ...s, weighted: s.at * length, ink: length, last: s.at })
  }
  return lines.map((l) => ({ at: l.weighted / l.ink, from: l.from, to: l.to, thickness: Math.max(1, Math.round(l.ink / (l.to - l.from))) }))
}

export interface Rulings {
  horizontal: Segment[]
  vertical: Segment[]
  /** The grey the rulings were found darker than (strokeThreshold of the page). */
  threshold: number
}

/**
 * Pixels darker than the paper on both sides across the direction (`reach` px away): a ruling line
 * on white or on a shaded row alike, while flat shading itself is not ink.
 */
function lineInk(page: Raster, horizontal: boolean, threshold: number, reach: number): Uint8Array {
  const { width, height, data } = page
  const out = new Uint8Array(width * height)
  const step = horizontal ? width : 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      const v = data[i]
      if (v > threshold) continue
      const p = horizontal ? y : x
      const limit = horizontal ? height : width
      const before = p - reach >= 0 ? data[i - reach * step] : 255
      const after = p + reach < limit ? data[i + reach * step] : 255
      if (Math.min(before, after) - v >= CONTRAST) out[i] = 1
    }
  }
  return out
}

const CONTRAST = 30

/** The page's ruling lines. `unit` is about one text height in pixels (≈ dpi / 6). */
export function findRulings(page: Raster, unit: number): Rulings {
  const threshold = strokeThreshold(page)
  const reach = Math.max(3, Math.round(unit / 6))
  const hInk = lineInk(page, true, threshold, reach)
  const vInk = lineInk(page, false, threshold, reach)
  const horizontal = mergeRuns(runs(hInk, page.width, page.height, true, Math.round(unit * 3), Math.round(unit * 1.5))).filter((s) => s.thickness <= unit / 3)
  const vertical = mergeRuns(runs(vInk, page.width, page.height, false, Math.round(unit * 0.9), Math.round(unit * 0.6))).filter((s) => s.thickness <= unit / 3)
  return { horizontal, vertical, threshold }
}

/** Positions closer than `tolerance` are one. */
function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const groups: number[][] = []
  for (const v of sorted) {
    const g = groups[groups.length - 1]
    if (g && v - g[g.length - 1] <= tolerance) g.push(v)
    else groups.push([v])
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length)
}

function covers(segments: Segment[], at: number, from: number, to: number, tolerance: number): boolean {
  // the slot's side counts as ruled when lines along it cover most of its length
  let covered = 0
  const pieces = segments.filter((s) => Math.abs(s.at - at) <= tolerance && s.to > from && s.from < to)
  const spans = pieces.map((s) => [Math.max(from, s.from), Math.min(to, s.to)] as const).sort((a, b) => a[0] - b[0])
  let reach = from
  for (const [a, b] of spans) {
    if (b <= reach) continue
    covered += b - Math.max(a, reach)
    reach = b
  }
  return covered >= 0.6 * (to - from)
}

/**
 * Tables of the page: horizontal lines of about the same extent, stacked and joined by vertical
 * lines, form one grid. Tables without an outer frame or with fewer than 2 rows are not grids.
 */
export function findGrids(rulings: Rulings, unit: number, page?: Raster): Grid[] {
  const tolerance = Math.max(3, unit / 4)
  // the ink the rulings were found in: a faint ruling a plain threshold misses still meets its row lines
  const ink = page && { data: binarise(page, rulings.threshold), width: page.width, unit }
  const long = rulings.horizontal.filter((h) => h.to - h.from >= unit * 6).sort((a, b) => a.at - b.at)
  // stack horizontal lines that mostly overlap and follow closely: one table (a column of merged
  // cells on the left makes inner lines start further right than the frame)
  const stacks: Segment[][] = []
  for (const h of long) {
    const stack = stacks.find((s) => {
      const last = s[s.length - 1]
      const from = Math.min(...s.map((l) => l.from))
      const to = Math.max(...s.map((l) => l.to))
      const overlap = Math.min(to, h.to) - Math.max(from, h.from)
      return overlap >= 0.6 * Math.min(to - from, h.to - h.from) && h.at - last.at < unit * 12
    })
    if (stack) stack.push(h)
    else stacks.push([h])
  }
  const sides = stacks.flatMap((s) => unseenSides(s, rulings.vertical, tolerance))
  const allVertical = sides.length ? [...rulings.vertical, ...sides] : rulings.vertical
  const grids: Grid[] = []
  for (const frame of stacks.flatMap((s) => splitAtOpenBands(s, allVertical, unit))) {
    if (frame.length < 2) continue
    const top = frame[0].at
    const bottom = frame[frame.length - 1].at
    const left = Math.min(...frame.map((h) => h.from))
    const right = Math.max(...frame.map((h) => h.to))
    const inside = (s: Segment, a0: number, a1: number, f0: number, f1: number): boolean =>
      s.at >= a0 - tolerance && s.at <= a1 + tolerance && s.to > f0 && s.from < f1
    const horizontal = rulings.horizontal.filter((h) => inside(h, top, bottom, left, right))
    const vertical = allVertical.filter((v) => inside(v, left, right, top, bottom))
    const ys = cluster(
      horizontal.filter((h) => h.to - h.from >= unit * 2).map((h) => h.at),
      tolerance
    )
    // a vertical ruling spans most of a row; shorter strokes are characters. The rows are measured
    // between long rulings: a stroke of a wrapped label (一, a dash) two text heights long is no row
    // line, and a row measured from it would let every character stroke pass for a column line
    const long = horizontal.filter((h) => h.to - h.from >= unit * 6).map((h) => h.at)
    const rowLines = cluster(long.length >= 2 ? long : ys, tolerance)
    let minRow = Infinity
    for (let i = 1; i < rowLines.length; i++) minRow = Math.min(minRow, rowLines[i] - rowLines[i - 1])
    // and it meets a row line at one end at least (or runs on past the table's last or first line, cut
    // by a page break); strokes of a label wrapped over lines, joined into a long run, start and end
    // inside their cell
    const meetsRow = (y: number): boolean => y < ys[0] - tolerance || y > ys[ys.length - 1] + tolerance || ys.some((r) => Math.abs(r - y) <= tolerance)
    // most of the row it stands in, not only of the shortest row: a stroke of a label stacked down a
    // tall header row (结果维持 one character a line) is longer than a short row is high, and at a
    // text height of 22 px it began within tolerance of the row line above it (two false columns).
    // Rows between any row lines (ys), not only the long ones (rowLines): measured between long
    // lines only, a shaded, noisy 18 px table 二 and 三 lost the column lines of 15 cells
    const rowHeightAt = (y: number): number => {
      for (let i = 1; i < ys.length; i++) if (y >= ys[i - 1] && y < ys[i]) return ys[i] - ys[i - 1]
      return minRow
    }
    const spansRow = (v: Segment): boolean => v.to - v.from >= 0.6 * Math.max(minRow, rowHeightAt((v.from + v.to) / 2))
    const columns = vertical.filter((v) => spansRow(v) && (meetsRow(v.from) || meetsRow(v.to)))
    const xs = cluster(
      columns.map((v) => v.at),
      tolerance
    )
    if (xs.length < 2 || ys.length < 2) continue
    // a ruling runs from column line to column line; a run of aligned strokes in a line of text does not
    const reach = Math.max(tolerance, unit / 2)
    const nearColumn = (x: number): boolean => xs.some((c) => Math.abs(c - x) <= reach)
    const ruled = horizontal.filter((h) => nearColumn(h.from) && nearColumn(h.to))
    const rows = cluster(
      ruled.filter((h) => h.to - h.from >= unit * 2).map((h) => h.at),
      tolerance
    )
    if (rows.length < 2) continue
    openEnds(rows, columns, minRow)
    const grid = gridOf(rows, xs, ruled, vertical, tolerance, ink)
    if (grid) grids.push(grid)
  }
  return grids
}

/**
 * The sides of a table's frame where no vertical ruling was seen but at least three of its long
 * lines end together. A thick frame (a 3–4.5 pt border: 6–9 px at 150–220 dpi) is dark on both
 * sides of its middle as far as the ruling test looks, so it goes unseen; without its sides no row
 * line ran "from column line to column line" and the table was not found (a fax of table 三 with a
 * 4.3 pt border). Each side becomes a vertical ruling at the lines' common end, first line to last.
 */
export function unseenSides(stack: Segment[], vertical: Segment[], tolerance: number): Segment[] {
  if (stack.length < 3) return []
  const out: Segment[] = []
  for (const end of ['from', 'to'] as const) {
    // a frame is the table's outermost line: where its lines end furthest out, not where a few
    // shorter ones inside it do (a seal's or a label's strokes, joined)
    const outer = end === 'from' ? Math.min(...stack.map((h) => h.from)) : Math.max(...stack.map((h) => h.to))
    for (const x of cluster(
      stack.map((h) => h[end]).filter((v) => Math.abs(v - outer) <= tolerance),
      tolerance
    )) {
      const lines = stack.filter((h) => Math.abs(h[end] - x) <= tolerance)
      if (lines.length < 3) continue
      const from = lines[0].at
      const to = lines[lines.length - 1].at
      // any ruling found along that side, even in pieces (a faint frame breaks up), is the side itself
      const near = vertical.filter((v) => Math.abs(v.at - x) <= 3 * tolerance && v.to > from && v.from < to)
      const covered = near.reduce((sum, v) => sum + Math.min(v.to, to) - Math.max(v.from, from), 0)
      if (covered < 0.2 * (to - from)) out.push({ at: x, from: Math.round(from), to: Math.round(to), thickness: 1 })
    }
  }
  return out
}

/**
 * Two tables one above the other (table 三 and the heading and table 四 under it) stack like one:
 * the band between them is crossed by no vertical ruling, while every band inside a table is (its
 * frame's sides at least). The stack is split at such bands.
 */
function splitAtOpenBands(stack: Segment[], vertical: Segment[], unit: number): Segment[][] {
  if (stack.length < 3) return [stack]
  const from = Math.min(...stack.map((h) => h.from))
  const to = Math.max(...stack.map((h) => h.to))
  const tolerance = Math.max(3, unit / 4)
  const inside = vertical.filter((v) => v.at >= from - tolerance && v.at <= to + tolerance)
  const parts: Segment[][] = [[stack[0]]]
  for (let i = 1; i < stack.length; i++) {
    const top = stack[i - 1].at
    const bottom = stack[i].at
    const crossed = inside.some((v) => Math.min(v.to, bottom) - Math.max(v.from, top) >= 0.6 * (bottom - top))
    if (crossed) parts[parts.length - 1].push(stack[i])
    else parts.push([stack[i]])
  }
  return parts
}

/**
 * A table cut by a page break has no line closing its last (or first) row: where several column
 * lines run on past the last ruling, the row ends where they end.
 */
function openEnds(ys: number[], columns: Segment[], minRow: number): void {
  const median = (v: number[]): number => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]
  const below = columns.filter((v) => v.to > ys[ys.length - 1] + minRow * 0.6).map((v) => v.to)
  if (below.length >= 3) ys.push(median(below))
  const above = columns.filter((v) => v.from < ys[0] - minRow * 0.6).map((v) => v.from)
  if (above.length >= 3) ys.unshift(median(above))
}

/** A page's ink (1 = dark) and its text height, for telling a character's stroke from a ruling. */
interface PageInk {
  data: Uint8Array
  width: number
  unit: number
}

/**
 * A column line inside a row that stands clear of both row lines: paper between the line above and
 * its top, and between its bottom and the line below. A ruling meets the lines it runs between; a
 * character's stroke (the first of 行政复议 falling on a column's x) keeps the cell's padding.
 */
export function standsClearOfRows(ink: PageInk, x: number, top: number, bottom: number): boolean {
  const { data, width, unit } = ink
  // a ruling levelled from a photo still leans off its mean x (by 7 px at a 40 px text height): as far as a column line's tolerance
  const tolerance = Math.max(3, Math.round(unit / 4))
  const x0 = Math.max(0, Math.round(x) - tolerance)
  const x1 = Math.min(width - 1, Math.round(x) + tolerance)
  const dark = (y: number): boolean => {
    for (let px = x0; px <= x1; px++) if (data[y * width + px] === 1) return true
    return false
  }
  const gap = Math.max(2, Math.round(unit / 10))
  const t = Math.max(0, Math.round(top))
  const b = Math.min(Math.floor(data.length / width) - 1, Math.round(bottom))
  // from the line above: its ink (and the ruling's, running on), then paper, then the next ink
  let y = Math.max(0, t - tolerance)
  while (y <= t + tolerance && !dark(y)) y++
  if (y > t + tolerance) return false
  while (y < b && dark(y)) y++
  const paperFrom = y
  while (y < b && !dark(y)) y++
  if (y >= b - tolerance) return false
  const clearBelowTop = y - paperFrom
  // the same from the line below, upwards
  y = Math.min(b + tolerance, Math.floor(data.length / width) - 1)
  while (y >= b - tolerance && !dark(y)) y--
  if (y < b - tolerance) return false
  while (y > t && dark(y)) y--
  const paperTo = y
  while (y > t && !dark(y)) y--
  const clearAboveBottom = paperTo - y
  return clearBelowTop >= gap && clearAboveBottom >= gap
}

function gridOf(ys: number[], xs: number[], horizontal: Segment[], vertical: Segment[], tolerance: number, ink?: PageInk): Grid | null {
  const rows = ys.length - 1
  const cols = xs.length - 1
  // parent links of a union-find over slots r * cols + c
  const parent = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const join = (a: number, b: number): void => {
    parent[find(a)] = find(b)
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const ruled = (x: number): boolean => covers(vertical, x, ys[r], ys[r + 1], tolerance) && !(ink && standsClearOfRows(ink, x, ys[r], ys[r + 1]))
      if (c + 1 < cols && !ruled(xs[c + 1])) join(r * cols + c, r * cols + c + 1)
      if (r + 1 < rows && !covers(horizontal, ys[r + 1], xs[c], xs[c + 1], tolerance)) join(r * cols + c, (r + 1) * cols + c)
    }
  }
  const groups = new Map<number, { r0: number; c0: number; r1: number; c1: number }>()
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c)
      const g = groups.get(root)
      if (!g) groups.set(root, { r0: r, c0: c, r1: r, c1: c })
      else {
        g.r0 = Math.min(g.r0, r)
        g.c0 = Math.min(g.c0, c)
        g.r1 = Math.max(g.r1, r)
        g.c1 = Math.max(g.c1, c)
      }
    }
  }
  const cells: GridCell[] = [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      box: [xs[g.c0], ys[g.r0], xs[g.c1 + 1], ys[g.r1 + 1]] as [number, number, number, number]
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col)
  // a merged region that is not a rectangle would make spans meaningless: keep its bounding box once
  const seen = new Set<string>()
  const unique = cells.filter((c) => {
    const k = c.box.join(',')
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  return { ys, xs, cells: unique, box: [xs[0], ys[0], xs[xs.length - 1], ys[ys.length - 1]] }
}

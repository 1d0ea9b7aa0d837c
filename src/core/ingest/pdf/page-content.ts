// Reads one pdf.js page into plain geometry: text runs and axis-aligned ruling
// lines, both in top-left page coordinates (see geometry.ts).

import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { PageContent, Rulings, Segment, TextRun } from './geometry'
import { apply, multiply, type Matrix } from './matrix'
import { applyTextOp, newTextState, verticalGlyphRuns, type VerticalFont } from './vertical-text'

/** pdf.js' OPS table: operator name → code. */
export type OpCodes = Readonly<Record<string, number>>

const MOVE_TO = 0
const LINE_TO = 1
const CURVE_TO = 2
const QUAD_TO = 3
const CLOSE = 4

/** A filled rectangle thinner than this (page units) is drawn as a ruling line. */
const THIN_FILL = 2.5
/** How far from axis-aligned a segment may be and still count as a ruling. */
const AXIS_SLACK = 0.8

export async function readPage(page: PDFPageProxy, pageNumber: number, ops: OpCodes): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 })
  const base: Matrix = viewport.transform
  const content = await page.getTextContent()
  const verticalFonts = new Set(
    Object.entries(content.styles)
      .filter(([, style]) => style.vertical)
      .map(([name]) => name)
  )
  const runs: TextRun[] = []
  for (const item of content.items) {
    if (!('str' in item) || verticalFonts.has(item.fontName)) continue
    const run = placeRun(item.str, item.transform, item.width, base)
    if (run) runs.push(run)
  }
  // A page without text (a scanned image) needs no rulings: skip the operator
  // list, which would decode its images.
  if (runs.length === 0 && verticalFonts.size === 0)
    return { page: pageNumber, width: viewport.width, height: viewport.height, runs, rulings: { horizontal: [], vertical: [] } }
  const operators = await page.getOperatorList()
  const fontOf = (name: string): VerticalFont | null =>
    verticalFonts.has(name) && page.commonObjs.has(name) ? (page.commonObjs.get(name) as VerticalFont) : null
  const walked = walkOperators(operators.fnArray, operators.argsArray, base, ops, fontOf)
  runs.push(...walked.verticalRuns)
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs, rulings: walked.rulings }
}

function placeRun(str: string, itemTransform: Matrix, width: number, base: Matrix): TextRun | null {
  if (str.trim() === '') return null
  const m = multiply(base, itemTransform)
  const size = Math.hypot(m[2], m[3])
  if (!(size > 0) || !Number.isFinite(m[4]) || !Number.isFinite(m[5])) return null
  // Direction of the text and its "up" vector, in page coordinates.
  const scaleX = Math.hypot(m[0], m[1]) || 1
  const dx = m[0] / scaleX
  const dy = m[1] / scaleX
  const ux = m[2] / size
  const uy = m[3] / size
  const advance = width * (Math.hypot(base[0], base[1]) || 1)
  // Corners: the baseline origin, its end, and both raised by one font size.
  const xs = [m[4], m[4] + dx * advance, m[4] + ux * size, m[4] + dx * advance + ux * size]
  const ys = [m[5], m[5] + dy * advance, m[5] + uy * size, m[5] + dy * advance + uy * size]
  return {
    str,
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
    size
  }
}

/**
 * Walks the operator list keeping the current transformation matrix: collects
 * ruling lines, and glyphs of vertical fonts (see vertical-text.ts).
 */
export function walkOperators(
  fnArray: number[],
  argsArray: unknown[],
  base: Matrix,
  ops: OpCodes,
  fontOf: (name: string) => VerticalFont | null = () => null
): { rulings: Rulings; verticalRuns: TextRun[] } {
  const horizontal: Segment[] = []
  const vertical: Segment[] = []
  const verticalRuns: TextRun[] = []
  const names = new Map(Object.entries(ops).map(([name, code]) => [code, name]))
  const stack: Matrix[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const text = newTextState()
  const strokeOps = new Set(['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((n) => ops[n]))
  const fillOps = new Set([ops.fill, ops.eoFill])
  for (let i = 0; i < fnArray.length; i++) {
    const name = names.get(fnArray[i]) ?? ''
    const args = argsArray[i] as unknown[] | null
    switch (name) {
      case 'save':
        stack.push(ctm)
        break
      case 'restore':
        ctm = stack.pop() ?? ctm
        break
      case 'transform':
        if (args) ctm = multiply(ctm, args as Matrix)
        break
      case 'paintFormXObjectBegin':
        stack.push(ctm)
        if (args && (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))) ctm = multiply(ctm, args[0] as ArrayLike<number>)
        break
      case 'paintFormXObjectEnd':
        ctm = stack.pop() ?? ctm
        break
      case 'constructPath': {
        const paint = args?.[0] as number
        const data = (args?.[1] as ArrayLike<number>[] | null)?.[0]
        if (!data) break
        const toPage = multiply(base, ctm)
        if (strokeOps.has(paint)) addStrokedSegments(data, toPage, horizontal, vertical)
        else if (fillOps.has(paint)) addThinFills(data, toPage, horizontal, vertical)
        break
      }
      case 'showText': {
        const font = text.fontName ? fontOf(text.fontName) : null
        if (font && Array.isArray(args?.[0])) verticalRuns.push(...verticalGlyphRuns(text, args[0] as unknown[], font, multiply(base, ctm)))
        break
      }
      default:
        applyTextOp(text, name, args)
    }
  }
  return { rulings: { horizontal, vertical }, verticalRuns }
}

type Point = [number, number]

/** Splits path data into subpaths of points; curves end a subpath (they are not rulings). */
function subpaths(data: ArrayLike<number>, m: Matrix): { points: Point[]; closed: boolean }[] {
  const out: { points: Point[]; closed: boolean }[] = []
  let current: { points: Point[]; closed: boolean } | null = null
  let i = 0
  while (i < data.length) {
    const op = data[i]
    if (op === MOVE_TO || op === LINE_TO) {
      const p = apply(m, data[i + 1], data[i + 2])
      if (op === MOVE_TO || !current) {
        current = { points: [p], closed: false }
        out.push(current)
      } else current.points.push(p)
      i += 3
    } else if (op === CURVE_TO) {
      current = null
      i += 7
    } else if (op === QUAD_TO) {
      current = null
      i += 5
    } else if (op === CLOSE) {
      if (current) current.closed = true
      current = null
      i += 1
    } else break
  }
  return out
}

function addStrokedSegments(data: ArrayLike<number>, m: Matrix, h: Segment[], v: Segment[]): void {
  for (const { points, closed } of subpaths(data, m)) {
    const pts = closed && points.length > 2 ? [...points, points[0]] : points
    for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1], pts[k], h, v)
  }
}

function addThinFills(data: ArrayLike<number>, m: Matrix, h: Segment[], v: Segment[]): void {
  for (const { points } of subpaths(data, m)) {
    if (points.length < 3 || points.length > 5) continue
    const xs = points.map((p) => p[0])
    const ys = points.map((p) => p[1])
    const x0 = Math.min(...xs)
    const x1 = Math.max(...xs)
    const y0 = Math.min(...ys)
    const y1 = Math.max(...ys)
    const w = x1 - x0
    const ht = y1 - y0
    if (ht <= THIN_FILL && w > ht) h.push({ at: (y0 + y1) / 2, from: x0, to: x1 })
    else if (w <= THIN_FILL && ht > w) v.push({ at: (x0 + x1) / 2, from: y0, to: y1 })
  }
}

function addSegment(a: Point, b: Point, h: Segment[], v: Segment[]): void {
  const dx = Math.abs(a[0] - b[0])
  const dy = Math.abs(a[1] - b[1])
  if (dy <= AXIS_SLACK && dx > AXIS_SLACK) h.push({ at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) })
  else if (dx <= AXIS_SLACK && dy > AXIS_SLACK) v.push({ at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) })
}

/** Whether a page paints any image (a page without text but with an image is likely scanned). */
export async function paintsImages(page: PDFPageProxy, ops: OpCodes): Promise<boolean> {
  const imageOps = new Set(
    ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'paintInlineImageXObjectGroup']
      .map((n) => ops[n])
      .filter((code) => code !== undefined)
  )
  const operators = await page.getOperatorList()
  return operators.fnArray.some((fn) => imageOps.has(fn))
}

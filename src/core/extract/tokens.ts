// The document as one stream of tokens in reading order: labels, values and empty table cells.
// Every layout (grid tables, one-cell-per-line text, crawler text with cells run together)
// becomes the same stream, so one recogniser reads them all.

import type { Box, OcrReading, SourceDocument, SourceLocation, Table } from '../document'
import { asciiDigits, normValue } from './normalize'

export type TokenKind = 'label' | 'value' | 'empty'

export interface Token {
  kind: TokenKind
  /** Source text (trimmed). */
  text: string
  start: number
  end: number
  /** Physical row: tokens of one table row or one paragraph share it. A value run never crosses rows. */
  line: number
  /** True when the token is a whole table cell (its empties are real blank cells). */
  cell: boolean
  table?: number
  row?: number
  col?: number
  page?: number
  bbox?: Box
  /** The page image `bbox` is in pixels of (OCR). */
  imageIndex?: number
  /** The OCR engine's certainty, when the token is a whole cell read from a page image. */
  ocr?: OcrReading
}

export function locationOf(t: Token, start = t.start, end = t.end): SourceLocation {
  const loc: SourceLocation = { start, end }
  if (t.table !== undefined) {
    loc.table = t.table
    loc.row = t.row
    loc.col = t.col
  }
  if (t.page !== undefined) loc.page = t.page
  if (t.bbox) loc.bbox = t.bbox
  if (t.imageIndex !== undefined) loc.imageIndex = t.imageIndex
  return loc
}

const PLAIN_DIGITS = /^\d{1,12}$/
const MINUS = /[-−－]/
const NULL_MARKS = /^(?:\/|／|\\|-|－|—+|–|─|无|空|——)$/
const NUMBER_CELL = /^[+-]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|件|个|条|项|次|人次|笔|宗|份|%)?$/
const SPACED_DIGITS = /^[+-]?\d[\d ]*\d$/

/** Whether a whole cell's text is a value: a number (with unit), digits separated by spaces, or a null mark. */
export function isValueText(text: string): boolean {
  if (PLAIN_DIGITS.test(text)) return true
  const t = normValue(text)
  return NULL_MARKS.test(t) || NUMBER_CELL.test(t) || SPACED_DIGITS.test(t)
}

/** Cells longer than this are prose (a layout table holding a whole report), read like a paragraph. */
const LONG_CELL = 80

/**
 * Splits prose into label and value tokens. A digit run followed by "." or "、" and a letter is a
 * label's numbering ("…00000002.其他法律…": the final 2 starts the next label); a decimal point
 * followed by digits stays in the number.
 */
function tokeniseProse(raw: string, offset: number, line: number, push: (t: Token) => void): void {
  const text = asciiDigits(raw)
  const re = /\d+(?:\.\d+)?/g
  let labelFrom = 0
  let m: RegExpExecArray | null
  const pushLabel = (from: number, to: number): void => {
    const part = raw.slice(from, to)
    const lead = part.length - part.trimStart().length
    const trimmed = part.trim()
    if (trimmed) push({ kind: 'label', text: trimmed, start: offset + from + lead, end: offset + from + lead + trimmed.length, line, cell: false })
  }
  while ((m = re.exec(text))) {
    let from = m.index
    let to = from + m[0].length
    // "行政许可1-10": the 2019 form's signed 本年增/减 run into its neighbours; a minus glued
    // between digits is the sign of the number after it (the split then finds the cells).
    if (from >= 2 && MINUS.test(text[from - 1]) && /\d/.test(text[from - 2])) from--
    const next = text[to]
    if (next !== undefined && /[.、．]/.test(next) && text[to + 1] !== undefined && !/[\d\s]/.test(text[to + 1])) {
      to-- // the last digit numbers the following label
      if (to <= from) continue
    }
    // A digit glued to latin letters or inside a date/phone is not a cell, but inside table regions
    // prose does not occur; keep the rule simple and let the recogniser judge by context.
    pushLabel(labelFrom, from)
    // whitespace inside the match cannot occur (regex), so one token per run
    push({ kind: 'value', text: raw.slice(from, to), start: offset + from, end: offset + to, line, cell: false })
    labelFrom = to
    re.lastIndex = to
  }
  pushLabel(labelFrom, text.length)
}

function tableTokens(doc: SourceDocument, table: Table, nextLine: () => number, push: (t: Token) => void): void {
  for (const row of table.rows) {
    const line = nextLine()
    for (const cell of row) {
      const text = doc.text.slice(cell.start, cell.end)
      const trimmed = text.trim()
      const lead = text.length - text.trimStart().length
      const start = cell.start + lead
      const end = start + trimmed.length
      const place = (t: Token): Token => {
        t.table = table.index
        t.row = cell.row
        t.col = cell.col
        if (cell.page !== undefined) t.page = cell.page
        if (cell.bbox) t.bbox = cell.bbox
        if (cell.imageIndex !== undefined) t.imageIndex = cell.imageIndex
        if (cell.ocr && t.cell) t.ocr = cell.ocr
        return t
      }
      if (trimmed.length > LONG_CELL) {
        tokeniseProse(trimmed, start, line, (t) => push(place(t)))
        continue
      }
      const kind: TokenKind = trimmed === '' ? 'empty' : isValueText(trimmed) ? 'value' : 'label'
      push(place({ kind, text: trimmed, start, end, line, cell: true }))
    }
  }
}

export function tokenise(doc: SourceDocument): Token[] {
  const tokens: Token[] = []
  let lineNo = 0
  const nextLine = (): number => lineNo++
  const push = (t: Token): void => {
    tokens.push(t)
  }
  for (const block of doc.blocks) {
    if (block.kind === 'table') tableTokens(doc, block, nextLine, push)
    else {
      const line = nextLine()
      tokeniseProse(doc.text.slice(block.start, block.end), block.start, line, (t) => {
        if (block.page !== undefined) t.page = block.page
        if (block.imageIndex !== undefined) t.imageIndex = block.imageIndex
        push(t)
      })
    }
  }
  return tokens
}

// Text runs → visual lines → strings. Used both inside table cells and for prose.

import type { TextRun } from './geometry'

export interface Line {
  runs: TextRun[]
  x0: number
  x1: number
  top: number
  bottom: number
  /** Typical font size of the line. */
  size: number
}

/** Runs whose vertical extents overlap by this share of the smaller height are on one line. */
const SAME_LINE = 0.5
/** A gap wider than this many font sizes is a column gap (tab), not a word space. */
const TAB_GAP = 2
/** A gap wider than this many font sizes gets a space. */
const SPACE_GAP = 0.25

export function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.bottom - b.bottom || a.x0 - b.x0)
  const lines: Line[] = []
  for (const run of sorted) {
    const line = lines.length > 0 ? lines[lines.length - 1] : null
    if (line && verticalOverlap(line, run) >= SAME_LINE * Math.min(line.bottom - line.top, run.bottom - run.top)) {
      line.runs.push(run)
      line.x0 = Math.min(line.x0, run.x0)
      line.x1 = Math.max(line.x1, run.x1)
      line.top = Math.min(line.top, run.top)
      line.bottom = Math.max(line.bottom, run.bottom)
      line.size = Math.max(line.size, run.size)
    } else {
      lines.push({ runs: [run], x0: run.x0, x1: run.x1, top: run.top, bottom: run.bottom, size: run.size })
    }
  }
  for (const line of lines) line.runs = dropOverprint(line.runs.sort((a, b) => a.x0 - b.x0))
  return lines
}

function verticalOverlap(line: Line, run: TextRun): number {
  return Math.min(line.bottom, run.bottom) - Math.max(line.top, run.top)
}

/** Fake bold draws the same text twice, a hair apart: keep one copy. */
function dropOverprint(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = []
  for (const run of runs) {
    const twin = out.find((o) => o.str === run.str && Math.abs(o.x0 - run.x0) < 0.3 * run.size && Math.abs(o.bottom - run.bottom) < 0.3 * run.size)
    if (!twin) out.push(run)
  }
  return out
}

/** The line's text: runs in x order, a space for word gaps, a tab for column gaps. */
export function lineText(line: Line): string {
  let text = ''
  let previous: TextRun | null = null
  for (const run of line.runs) {
    if (previous) {
      const gap = run.x0 - previous.x1
      const size = Math.max(previous.size, run.size)
      if (gap > TAB_GAP * size) text += '\t'
      else if (gap > SPACE_GAP * size && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' '
    }
    text += run.str
    previous = run
  }
  return text.replace(/\s+$/u, '').replace(/^\s+/u, '')
}

/**
 * Joins wrapped lines of one cell or paragraph. Chinese text wraps anywhere, so
 * lines meeting at a CJK character join with nothing; Latin words and numbers get a space.
 */
export function joinWrapped(parts: readonly string[]): string {
  let text = ''
  for (const part of parts) {
    if (part === '') continue
    if (text !== '' && !isWideChar(text[text.length - 1]) && !isWideChar(part[0])) text += ' '
    text += part
  }
  return text
}

function isWideChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0x2010 && code <= 0x2027) // dashes, quotes, ellipsis
  )
}

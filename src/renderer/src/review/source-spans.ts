// Maps between cells and their place in the original: which text ranges belong to which cell.

import type { ReviewCell } from '../../../shared/types'

export interface SourceSpan {
  start: number
  end: number
  key: string
}

/** Cell source ranges in text order, without overlaps (the first cell claiming a range keeps it). */
export function cellSpans(cells: Record<string, ReviewCell>, textLength: number): SourceSpan[] {
  const spans = Object.values(cells)
    .filter((c) => c.source && c.source.end > c.source.start && c.source.end <= textLength)
    .map((c) => ({ start: c.source!.start, end: c.source!.end, key: c.key }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const out: SourceSpan[] = []
  for (const span of spans) {
    const last = out[out.length - 1]
    if (!last || span.start >= last.end) out.push(span)
  }
  return out
}

export type TextPiece = { text: string; span?: SourceSpan }

/** The text cut into plain runs and cell runs, for the <pre> view. */
export function textPieces(text: string, spans: SourceSpan[]): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (const span of spans) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) })
    pieces.push({ text: text.slice(span.start, span.end), span })
    at = span.end
  }
  if (at < text.length) pieces.push({ text: text.slice(at) })
  return pieces
}

/** The cell whose source lies inside [start, end]: the one filling most of it. */
export function cellWithin(cells: Record<string, ReviewCell>, start: number, end: number): string | null {
  let best: { key: string; size: number } | null = null
  for (const c of Object.values(cells)) {
    const s = c.source
    if (!s || s.start < start || s.end > end || s.end <= s.start) continue
    const size = s.end - s.start
    if (!best || size > best.size) best = { key: c.key, size }
  }
  return best?.key ?? null
}

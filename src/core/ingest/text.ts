// Plain text → SourceDocument. Reports reach us as text in a handful of layouts:
//  - web-page text with one table cell per line ending in " |" and rows padded by lines of bare pipes;
//  - Word's plain-text export: each cell a tab-indented line (a cell's later lines lose the tab),
//    blank lines between rows;
//  - rows pasted as tab-separated text ("规章\t0\t0\t3");
//  - Markdown pipe tables (PDF→Markdown conversions), with page footers such as "— 4 —" inside them;
//  - prose, including crawler text where a table's cells run together on one line.
// Lines that hold cells become Table blocks; every other non-blank line is a Paragraph.
// Every offset indexes into `text` unchanged, so a cell can be highlighted in the original.

import type { Block, Paragraph, SourceDocument, Table, TableCell } from '../document'
import type { Message, Result } from '../messages'
import { warning } from '../messages'

interface Line {
  start: number
  end: number
  text: string
}

type LineKind = 'blank' | 'footer' | 'pipe-pad' | 'pipe-cells' | 'md-row' | 'md-rule' | 'tab-cells' | 'tsv-row' | 'prose'

const PAGE_FOOTER = /^\s*[—–－-]{1,3}\s*\d{1,4}\s*[—–－-]{1,3}\s*$/
const PIPE_PAD = /^\|+\s*$/
const PIPE_BLANKS_THEN_CELL = /^(\|+)([^|]*[^|\s][^|]*?)\s*\|\s*$/
const MD_RULE = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i
      if (end > start && text[end - 1] === '\r') end--
      lines.push({ start, end, text: text.slice(start, end) })
      start = i + 1
    }
  }
  return lines
}

function kindOf(line: string): LineKind {
  if (line.startsWith('\t')) return 'tab-cells' // "\t" alone is an empty cell, not a blank line
  if (line.trim() === '') return 'blank'
  if (PAGE_FOOTER.test(line)) return 'footer'
  if (PIPE_PAD.test(line)) return 'pipe-pad'
  const trimmed = line.trim()
  if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
    return MD_RULE.test(line) ? 'md-rule' : 'md-row'
  }
  if (trimmed.endsWith('|')) return 'pipe-cells'
  // "规章\t0\t0\t3": a table row pasted as tab-separated text (a blank cell is two tabs)
  if (/^[^\t]+\t/.test(line) && line.length <= 2000) return 'tsv-row'
  return 'prose'
}

/** Cells of one line split on a separator, as trimmed [start, end) spans into the document text. */
function cellSpans(line: Line, separator: string, edges: 'both' | 'trailing' | 'none'): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let from = 0
  const parts: Array<[number, number]> = []
  for (let i = 0; i <= line.text.length; i++) {
    if (i === line.text.length || line.text[i] === separator) {
      parts.push([from, i])
      from = i + 1
    }
  }
  let first = 0
  let last = parts.length
  if (edges !== 'none') {
    // "| a | b |" → drop the empty piece before the first (Markdown) and after the last pipe
    if (edges === 'both' && parts.length && line.text.slice(parts[0][0], parts[0][1]).trim() === '') first = 1
    if (parts.length > first && line.text.slice(parts[last - 1][0], parts[last - 1][1]).trim() === '') last--
  }
  for (let p = first; p < last; p++) {
    let [s, e] = parts[p]
    while (s < e && /\s/.test(line.text[s])) s++
    while (e > s && /\s/.test(line.text[e - 1])) e--
    spans.push([line.start + s, line.start + e])
  }
  return spans
}

class TableBuilder {
  rows: TableCell[][] = []
  private row: TableCell[] = []
  constructor(readonly kind: 'pipe' | 'md' | 'tab' | 'tsv') {}

  addCell(start: number, end: number): void {
    this.row.push({ row: this.rows.length, col: this.row.length, rowSpan: 1, colSpan: 1, start, end })
  }

  /** A later line of the last cell (Word's export drops the tab on a cell's continuation lines). */
  extendLastCell(end: number): boolean {
    const cell = this.row[this.row.length - 1]
    if (!cell) return false
    cell.end = end
    return true
  }

  endRow(): void {
    if (this.row.length) this.rows.push(this.row)
    this.row = []
  }

  build(index: number): Table | null {
    this.endRow()
    if (!this.rows.length) return null
    let start = Infinity
    let end = -Infinity
    for (const row of this.rows) {
      for (const cell of row) {
        if (cell.start < start) start = cell.start
        if (cell.end > end) end = cell.end
      }
    }
    return { kind: 'table', index, rows: this.rows, start, end }
  }
}

const SECTION_HEADING = /^\s*[一二三四五六七八九十]+[、.．]/

/** Turns decoded text into blocks. Never fails; an empty text gives an empty document and a warning. */
export function textToDocument(text: string, encoding: string): Result<SourceDocument> {
  const messages: Message[] = []
  const blocks: Block[] = []
  let tableCount = 0
  let current = null as TableBuilder | null
  let lastKind: LineKind = 'blank'

  const closeTable = (): void => {
    if (!current) return
    const table = current.build(tableCount)
    if (table) {
      blocks.push(table)
      tableCount++
    }
    current = null
  }
  const tableOf = (kind: 'pipe' | 'md' | 'tab' | 'tsv'): TableBuilder => {
    if (current && current.kind !== kind) closeTable()
    if (!current) current = new TableBuilder(kind)
    return current
  }

  for (const line of splitLines(text)) {
    const kind = kindOf(line.text)
    switch (kind) {
      case 'blank':
        if (current?.kind === 'tab' || current?.kind === 'md') current.endRow()
        break
      case 'footer':
        break // a page footer inside a table neither ends it nor adds a cell
      case 'pipe-pad':
        current?.endRow()
        break
      case 'md-rule':
        break
      case 'md-row': {
        const blanksFirst = current?.kind === 'pipe' ? PIPE_BLANKS_THEN_CELL.exec(line.text) : null
        if (blanksFirst) {
          // one-cell-per-line text writes an empty cell as a bare "|" before the next cell's text
          for (let i = 0; i < blanksFirst[1].length; i++) current!.addCell(line.start + i, line.start + i)
          const from = line.start + blanksFirst[1].length
          const text = blanksFirst[2]
          const lead = text.length - text.trimStart().length
          current!.addCell(from + lead, from + lead + text.trim().length)
          break
        }
        const table = tableOf('md')
        table.endRow()
        for (const [s, e] of cellSpans(line, '|', 'both')) table.addCell(s, e)
        table.endRow()
        break
      }
      case 'pipe-cells': {
        const table = tableOf('pipe')
        for (const [s, e] of cellSpans(line, '|', 'trailing')) table.addCell(s, e)
        break
      }
      case 'tsv-row': {
        const table = tableOf('tsv')
        for (const [s, e] of cellSpans(line, '\t', 'none')) table.addCell(s, e)
        table.endRow()
        break
      }
      case 'tab-cells': {
        const table = tableOf('tab')
        for (const [s, e] of cellSpans({ ...line, text: line.text.slice(1), start: line.start + 1 }, '\t', 'none')) {
          table.addCell(s, e)
        }
        break
      }
      case 'prose': {
        const continuation = current?.kind === 'tab' && lastKind === 'tab-cells' && !SECTION_HEADING.test(line.text) && line.text.trim().length <= 40
        if (continuation && current!.extendLastCell(line.start + line.text.trimEnd().length)) break
        closeTable()
        const lead = line.text.length - line.text.trimStart().length
        const paragraph: Paragraph = { kind: 'paragraph', start: line.start + lead, end: line.start + line.text.trimEnd().length }
        blocks.push(paragraph)
        break
      }
    }
    if (kind !== 'footer') lastKind = kind
  }
  closeTable()
  blocks.sort((a, b) => a.start - b.start)
  if (!text.trim()) messages.push(warning('ingest.empty_text', '文本为空，没有可提取的内容'))
  return { value: { format: 'txt', encoding, text, blocks }, messages }
}

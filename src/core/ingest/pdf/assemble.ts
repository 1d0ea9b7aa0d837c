// Joined tables and prose lines → the SourceDocument model: one text with
// paragraphs and tables as offset ranges into it. A table is written row by row,
// cells separated by a tab and rows ended by a newline; a paragraph ends with a newline.

import type { Block, SourceDocument, Table, TableCell } from '../../document'
import type { PageLine } from './layout'
import { columnBounds, type DocItem, type JoinedTable } from './join'
import { joinWrapped } from './lines'

interface ProseParagraph {
  page: number
  lines: PageLine[]
}

export function assembleDocument(items: DocItem[], pages: number): SourceDocument {
  const edges = bodyEdges(items)
  let text = ''
  const blocks: Block[] = []
  let tableIndex = 0
  for (const group of groupParagraphs(items, edges)) {
    if ('kind' in group) {
      const { table, text: tableText } = writeTable(group, tableIndex++, text.length)
      text += tableText
      blocks.push(table)
    } else {
      const start = text.length
      text += joinWrapped(group.lines.map((l) => l.text))
      blocks.push({ kind: 'paragraph', start, end: text.length, page: group.page })
      text += '\n'
    }
  }
  return { format: 'pdf', text, blocks, pages }
}

interface Edges {
  left: number
  right: number
}

/** The text body's usual left and right edges, from the prose lines. */
function bodyEdges(items: DocItem[]): Edges {
  const lines = items.filter((i): i is PageLine => i.kind === 'line')
  if (lines.length === 0) return { left: 0, right: 0 }
  const lefts = lines.map((l) => l.bbox[0]).sort((a, b) => a - b)
  const rights = lines.map((l) => l.bbox[2]).sort((a, b) => a - b)
  return { left: lefts[Math.floor(lefts.length * 0.1)], right: rights[Math.floor(rights.length * 0.9)] }
}

/**
 * Consecutive lines form one paragraph when the first runs to the right edge
 * and the next starts at the left edge (no first-line indent) in the same size —
 * also across a page break.
 */
function groupParagraphs(items: DocItem[], edges: Edges): (JoinedTable | ProseParagraph)[] {
  const out: (JoinedTable | ProseParagraph)[] = []
  let current: ProseParagraph | null = null
  for (const item of items) {
    if (item.kind === 'table') {
      out.push(item)
      current = null
      continue
    }
    const previous: PageLine | undefined = current?.lines[current.lines.length - 1]
    if (current && previous && continuesParagraph(previous, item, edges)) current.lines.push(item)
    else out.push((current = { page: item.page, lines: [item] }))
  }
  return out
}

function continuesParagraph(previous: PageLine, next: PageLine, edges: Edges): boolean {
  const size = Math.max(previous.size, next.size)
  if (Math.abs(previous.size - next.size) > 1) return false
  if (previous.bbox[2] < edges.right - 1.5 * size) return false
  if (next.bbox[0] > edges.left + 0.5 * size) return false
  if (next.page === previous.page) return next.bbox[1] - previous.bbox[3] < 1.5 * size
  return next.page === previous.page + 1
}

function writeTable(joined: JoinedTable, index: number, offset: number): { table: Table; text: string } {
  const bounds = columnBounds(joined)
  const colOf = (x: number): number => nearest(bounds, x)
  const rows: TableCell[][] = Array.from({ length: joined.rowCount }, () => [])
  let text = ''
  const byRow = [...joined.cells].sort((a, b) => a.row - b.row || a.x0 - b.x0)
  for (let r = 0; r < joined.rowCount; r++) {
    const cells = byRow.filter((c) => c.row === r)
    cells.forEach((cell, i) => {
      if (i > 0) text += '\t'
      const start = offset + text.length
      text += cell.text
      const col = colOf(cell.x0)
      rows[r].push({
        row: r,
        col,
        rowSpan: cell.rowSpan,
        colSpan: Math.max(1, colOf(cell.x1) - col),
        start,
        end: start + cell.text.length,
        page: cell.page,
        bbox: cell.bbox
      })
    })
    text += '\n'
  }
  const end = offset + text.length - (text.endsWith('\n') ? 1 : 0)
  return { table: { kind: 'table', index, rows, start: offset, end }, text }
}

function nearest(bounds: number[], x: number): number {
  let best = 0
  for (let i = 1; i < bounds.length; i++) if (Math.abs(bounds[i] - x) < Math.abs(bounds[best] - x)) best = i
  return best
}

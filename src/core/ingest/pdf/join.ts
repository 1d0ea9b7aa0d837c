// Tables that run over a page break become one table: the parts are stacked,
// a header repeated at the top of the next page is dropped, a row label wrapped over the break is
// joined back to its row, and a merged cell cut by the break (a row-group label like
// 三、本年度办理结果) is put back together.

import type { Box } from '../../document'
import { clusterValues } from './geometry'
import type { PageItem, PageLine, PageTable } from './layout'
import type { PageItems } from './chrome'
import { joinWrapped } from './lines'

export interface JoinedCell {
  row: number
  rowSpan: number
  x0: number
  x1: number
  text: string
  page: number
  bbox: Box
}

export interface JoinedTable {
  kind: 'table'
  parts: PageTable[]
  cells: JoinedCell[]
  rowCount: number
}

export type DocItem = JoinedTable | PageLine

/** Outer edges of two parts of one table differ by at most this. */
const ALIGN = 6
/** Column boundaries closer than this are the same column. */
const SNAP = 2.5
const CONTINUED_CAPTION = /^\s*[（(]?\s*(续表|续上表|接上表)/u
const ENUMERATED = /^\s*([（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．])/u
const NUMERIC = /^\s*[-+]?[\d,，\s]*\.?\d+\s*%?\s*$/u

export function joinPages(pages: PageItems[]): DocItem[] {
  const out: DocItem[] = []
  let open: JoinedTable | null = null // a table that ended its page and may continue
  for (const page of pages) {
    let items: PageItem[] = page.items
    if (open && items.length > 1 && items[0].kind === 'line' && CONTINUED_CAPTION.test(items[0].text) && items[1].kind === 'table') items = items.slice(1)
    items.forEach((item, i) => {
      if (item.kind === 'table') {
        if (i === 0 && open && continues(open, item)) appendPart(open, item)
        else out.push((open = startTable(item)))
      } else out.push(item)
    })
    const last = out[out.length - 1]
    open = last && last.kind === 'table' && page.items.length > 0 && page.items[page.items.length - 1].kind === 'table' ? last : null
  }
  return out
}

function startTable(part: PageTable): JoinedTable {
  return {
    kind: 'table',
    parts: [part],
    cells: part.cells.map((c) => ({ row: c.row, rowSpan: c.rowSpan, x0: c.bbox[0], x1: c.bbox[2], text: c.text, page: c.page, bbox: c.bbox })),
    rowCount: part.rowCount
  }
}

function continues(table: JoinedTable, next: PageTable): boolean {
  const last = table.parts[table.parts.length - 1]
  if (next.page !== last.page + 1) return false
  return Math.abs(last.bbox[0] - next.bbox[0]) <= ALIGN && Math.abs(last.bbox[2] - next.bbox[2]) <= ALIGN
}

function appendPart(table: JoinedTable, part: PageTable): void {
  const skip = repeatedHeaderRows(table, part)
  const offset = table.rowCount - skip
  const incoming: JoinedCell[] = part.cells
    .filter((c) => c.row >= skip)
    .map((c) => ({ row: c.row + offset, rowSpan: c.rowSpan, x0: c.bbox[0], x1: c.bbox[2], text: c.text, page: c.page, bbox: c.bbox }))
  mendCutCells(table, incoming)
  mendWrappedRow(table, incoming)
  table.cells.push(...incoming)
  table.rowCount = offset + part.rowCount
  table.parts.push(part)
  dropEmptyRows(table)
}

/** How many top rows of `part` repeat the table's own top rows (a repeated header). */
function repeatedHeaderRows(table: JoinedTable, part: PageTable): number {
  let k = 0
  while (k < part.rowCount && k < table.rowCount) {
    const mine = rowKey(table.cells.filter((c) => c.row === k).map((c) => c.text))
    const theirs = rowKey(part.cells.filter((c) => c.row === k).map((c) => c.text))
    if (mine === '' || mine !== theirs || NUMERIC.test(mine)) break
    k++
  }
  return k
}

function rowKey(texts: string[]): string {
  return texts
    .map((t) => t.replace(/\s+/gu, ''))
    .join('|')
    .replace(/^\|+|\|+$/gu, '')
}

/**
 * The first row of the new page may hold the rest of a merged cell cut by the
 * break: same column, and either empty (the group label sat above) or a label
 * fragment that spans several rows below and starts no new numbered item.
 */
function mendCutCells(table: JoinedTable, incoming: JoinedCell[]): void {
  const boundary = table.rowCount
  const above = table.cells.filter((c) => c.row + c.rowSpan === boundary)
  for (const cell of incoming.filter((c) => c.row === boundary)) {
    const top = above.find((c) => sameColumns(c, cell))
    if (!top || !isCutPiece(top, cell)) continue
    top.rowSpan = cell.row + cell.rowSpan - top.row
    top.text = joinWrapped([top.text, cell.text])
    incoming.splice(incoming.indexOf(cell), 1)
  }
}

/**
 * A row whose label wrapped over the page break: its numbers stay on the page above and the rest
 * of its label opens the next page as a row of its own, every other cell empty. That row is the
 * same row: its text joins the label above, and the emptied row goes (dropEmptyRows). Only when
 * the row above holds numbers, each fragment sits under a label (not a number) and starts no new
 * numbered item — a header row or a new item on the next page is never taken for a fragment.
 */
function mendWrappedRow(table: JoinedTable, incoming: JoinedCell[]): void {
  const boundary = table.rowCount
  const first = incoming.filter((c) => c.row === boundary)
  const above = table.cells.filter((c) => c.row + c.rowSpan === boundary)
  const filled = first.filter((c) => c.text.trim() !== '')
  if (!filled.length || !above.some((c) => NUMERIC.test(c.text))) return
  if (first.some((c) => c.rowSpan > 1) || filled.some((c) => NUMERIC.test(c.text) || ENUMERATED.test(c.text))) return
  const pairs = first.map((c) => ({ piece: c, top: above.find((a) => sameColumns(a, c)) }))
  if (pairs.some(({ piece, top }) => !top || (piece.text.trim() !== '' && (top.text.trim() === '' || NUMERIC.test(top.text))))) return
  for (const { piece, top } of pairs) {
    if (piece.text.trim() !== '') top!.text = joinWrapped([top!.text, piece.text])
    incoming.splice(incoming.indexOf(piece), 1)
  }
}

function isCutPiece(top: JoinedCell, piece: JoinedCell): boolean {
  const topText = top.text.trim()
  const text = piece.text.trim()
  if (NUMERIC.test(topText)) return false
  if (text === '') return topText !== '' || piece.rowSpan > 1
  if (topText === '' || NUMERIC.test(text) || ENUMERATED.test(text)) return false
  return piece.rowSpan > 1
}

function sameColumns(a: JoinedCell, b: JoinedCell): boolean {
  return Math.abs(a.x0 - b.x0) <= SNAP && Math.abs(a.x1 - b.x1) <= SNAP
}

/** A row in which no cell starts (all covered by cells from above) carries nothing: remove it. */
function dropEmptyRows(table: JoinedTable): void {
  for (let r = table.rowCount - 1; r >= 0; r--) {
    if (table.cells.some((c) => c.row === r)) continue
    for (const c of table.cells) {
      if (c.row > r) c.row--
      else if (c.row + c.rowSpan > r) c.rowSpan--
    }
    table.rowCount--
  }
}

/** Column boundaries of the whole table (all parts), ascending. */
export function columnBounds(table: JoinedTable): number[] {
  return clusterValues(
    table.parts.flatMap((p) => p.xs),
    SNAP
  )
}

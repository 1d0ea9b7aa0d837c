// One walk over the parsed page builds three things in step: the document text, its blocks
// (paragraphs and grid tables with offsets into the text) and the sanitised display HTML
// whose elements carry those offsets (data-rd-start / data-rd-end).

import type { Block, Table, TableCell } from '../document'
import { isChrome, isHidden } from './html-chrome'
import type { HtmlElement as Element, HtmlNode } from './html-tree'
import { parseColSpan, parseRowSpan, placeCells, type PlacementWork } from './html-grid'
import { cellText, collapseWhitespace } from './html-text'
import { BLOCK_TAGS, DROPPED_TAGS, VOID_TAGS, displayTagOf, escapeText, openTag } from './html-sanitise'

/**
 * Deeper than this the rest of a subtree is read as plain text (no recursion to overflow).
 * parseHtml already flattens elements deeper than MAX_NESTING (256), so this is a second guard only.
 */
const MAX_DEPTH = 300

interface Container {
  displayIndex: number
  open: string
  start: number
  end: number
}

/** A picture met on the walk: its src as written and the text offset where it sits. */
export interface HtmlImageRef {
  src: string
  at: number
}

/** Pictures noted per page: far above any real report's, low enough to bound a crafted page. */
const MAX_IMAGE_REFS = 1000

interface TableRows {
  captions: Element[]
  rows: Element[][]
}

export class HtmlDocumentBuilder {
  readonly blocks: Block[] = []
  /** Display HTML pieces; open tags of containers are filled in when they close. */
  readonly display: string[] = []
  private readonly textParts: string[] = []
  private length = 0
  private run: string[] = []
  private readonly containers: Container[] = []
  /** Lines of the table cell being read; null outside data-table cells. */
  private cell: string[] | null = null
  private preDepth = 0
  private tableCount = 0
  /** Pictures in reading order, for page images (tables published as pictures); never shown or fetched. */
  readonly images: HtmlImageRef[] = []
  /** Cells read without their rowspan because too many spans were open (html-grid MAX_OPEN_SPANS), by table index. */
  readonly cutSpans: Array<{ table: number; cells: number }> = []

  /** Expects computeSubtreeStats to have run on the tree (chrome detection reads it). */
  constructor(private readonly maxChars: number) {
    this.containers.push({ displayIndex: this.display.push('') - 1, open: '<div class="rd-source"', start: -1, end: -1 })
  }

  /** True once the text outgrew maxChars; the walk stops and the caller reports it. */
  get overflowed(): boolean {
    return this.length > this.maxChars
  }

  addParagraph(raw: string, displayTag?: string): void {
    const text = collapseWhitespace(raw)
    if (!text) return
    if (displayTag) {
      const idx = this.display.push('') - 1
      this.display.push(escapeText(text), `</${displayTag}>`)
      const span = this.appendBlockText(text)
      this.display[idx] = `<${displayTag}${rdAttributes(span.start, span.end)}>`
      return
    }
    this.appendBlockText(text)
  }

  finish(): { text: string; displayHtml: string } {
    this.lineBreak()
    const root = this.containers[0]
    this.display[root.displayIndex] = root.open + rdAttributes(root.start, root.end) + '>'
    this.display.push('</div>')
    return { text: this.textParts.join(''), displayHtml: this.display.join('') }
  }

  walk(node: Element, depth: number): void {
    for (const child of node.children) {
      if (this.overflowed) return
      if (child.type === 'text') this.text(child.data)
      else this.element(child, depth + 1)
    }
  }

  private appendBlockText(text: string): { start: number; end: number } {
    if (this.blocks.length > 0) this.append('\n')
    const start = this.length
    this.append(text)
    const end = this.length
    this.blocks.push({ kind: 'paragraph', start, end })
    const container = this.containers[this.containers.length - 1]
    if (container.start < 0) container.start = start
    container.end = end
    return { start, end }
  }

  private append(text: string): void {
    this.textParts.push(text)
    this.length += text.length
  }

  private text(data: string): void {
    this.display.push(escapeText(data))
    if (this.preDepth > 0 && data.indexOf('\n') !== -1) {
      const lines = data.split('\n')
      lines.forEach((line, i) => {
        if (i > 0) this.lineBreak()
        this.inline(line)
      })
      return
    }
    this.inline(data)
  }

  private inline(data: string): void {
    if (this.cell) this.cell[this.cell.length - 1] += data
    else this.run.push(data)
  }

  private lineBreak(): void {
    if (this.cell) {
      if (this.cell[this.cell.length - 1] !== '') this.cell.push('')
      return
    }
    if (this.run.length === 0) return
    const raw = this.run.join('')
    this.run = []
    const text = collapseWhitespace(raw)
    if (text) this.appendBlockText(text)
  }

  private element(el: Element, depth: number): void {
    const name = el.name
    if (name === 'img' && typeof el.attribs.src === 'string' && this.images.length < MAX_IMAGE_REFS && !isHidden(el)) {
      this.images.push({ src: el.attribs.src, at: this.length })
    }
    // Inside a data-table cell everything visible is data: no chrome rules there.
    if (DROPPED_TAGS.has(name) || isHidden(el) || (!this.cell && isChrome(el))) return
    if (depth > MAX_DEPTH) return this.flatText(el)
    if (name === 'table') return this.table(el, depth)
    if (name === 'br') {
      this.lineBreak()
      this.display.push('<br>')
      return
    }
    const isBlock = BLOCK_TAGS.has(name)
    if (isBlock) this.lineBreak()
    const tag = displayTagOf(name)
    if (!tag) {
      this.walk(el, depth)
      if (isBlock) this.lineBreak()
      return
    }
    if (VOID_TAGS.has(tag)) {
      this.display.push(openTag(tag, el.attribs) + '>')
      return
    }
    const spans = name === 'td' || name === 'th' ? cellSpans(el) : undefined
    const container: Container = { displayIndex: this.display.push('') - 1, open: openTag(tag, el.attribs, spans), start: -1, end: -1 }
    const holdsParagraphs = isBlock && !this.cell
    if (holdsParagraphs) this.containers.push(container)
    if (name === 'pre') this.preDepth++
    this.walk(el, depth)
    if (isBlock) this.lineBreak()
    if (name === 'pre') this.preDepth--
    if (holdsParagraphs) this.containers.pop()
    this.display[container.displayIndex] = container.open + rdAttributes(container.start, container.end) + '>'
    this.display.push(`</${tag}>`)
  }

  /**
   * A table that holds another table, or a single cell, is page layout: its cells are read as
   * ordinary blocks so the data tables inside become tables of their own. Every other table
   * becomes a Table block on its span-expanded grid.
   */
  private table(el: Element, depth: number): void {
    this.lineBreak()
    const layout = readRows(el)
    const cellCount = layout.rows.reduce((n, row) => n + row.length, 0)
    if (this.cell || el.stats?.hasTable || cellCount < 2) {
      const container: Container = { displayIndex: this.display.push('') - 1, open: openTag('table', el.attribs), start: -1, end: -1 }
      if (!this.cell) this.containers.push(container)
      this.walk(el, depth)
      this.lineBreak()
      if (!this.cell) this.containers.pop()
      this.display[container.displayIndex] = container.open + rdAttributes(container.start, container.end) + '>'
      this.display.push('</table>')
      return
    }
    this.dataTable(el, layout, depth)
  }

  private dataTable(el: Element, layout: TableRows, depth: number): void {
    const tableIndex = this.display.push('') - 1
    for (const caption of layout.captions) this.element(caption, depth + 1)
    const placement: PlacementWork = { steps: 0 }
    const slots = placeCells(
      layout.rows.map((row) => row.map(cellSpans)),
      placement
    )
    const table: Table = { kind: 'table', index: this.tableCount++, rows: [], start: -1, end: -1 }
    if (placement.cutSpans) this.cutSpans.push({ table: table.index, cells: placement.cutSpans })
    const separated = this.blocks.length > 0
    this.blocks.push(table)
    this.display.push('<tbody>')
    let firstCell = true
    layout.rows.forEach((row, r) => {
      this.display.push('<tr>')
      const cells: TableCell[] = []
      row.forEach((td, c) => {
        const slot = slots[r][c]
        const displayIndex = this.display.push('') - 1
        this.cell = ['']
        this.walk(td, depth + 1)
        const text = cellText(this.cell)
        this.cell = null
        if (firstCell) {
          if (separated) this.append('\n')
        } else this.append(c === 0 ? '\n' : '\t')
        firstCell = false
        const start = this.length
        this.append(text)
        const cell: TableCell = { row: slot.row, col: slot.col, rowSpan: slot.rowSpan, colSpan: slot.colSpan, start, end: this.length }
        cells.push(cell)
        const tag = td.name === 'th' ? 'th' : 'td'
        this.display[displayIndex] =
          openTag(tag, td.attribs, slot) +
          rdAttributes(cell.start, cell.end) +
          ` data-rd-table="${table.index}" data-rd-row="${slot.row}" data-rd-col="${slot.col}">`
        this.display.push(`</${tag}>`)
      })
      table.rows.push(cells)
      this.display.push('</tr>')
    })
    const all = table.rows.flat()
    table.start = all[0].start
    table.end = all[all.length - 1].end
    this.display[tableIndex] = openTag('table', el.attribs) + rdAttributes(table.start, table.end) + ` data-rd-table="${table.index}">`
    this.display.push('</tbody></table>')
  }

  /** Past MAX_DEPTH: the subtree's visible text, read without recursion. */
  private flatText(root: Element): void {
    const stack: HtmlNode[] = [root]
    const pieces: string[] = []
    while (stack.length) {
      const node = stack.pop()!
      if (node.type === 'text') pieces.push(node.data)
      else if (!DROPPED_TAGS.has(node.name) && !isHidden(node)) {
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
      }
    }
    const text = pieces.join('')
    this.display.push(escapeText(text))
    this.inline(text)
  }
}

function cellSpans(td: Element): { colSpan: number; rowSpan: number } {
  return { colSpan: parseColSpan(td.attribs.colspan), rowSpan: parseRowSpan(td.attribs.rowspan) }
}

function rdAttributes(start: number, end: number): string {
  return start < 0 ? '' : ` data-rd-start="${start}" data-rd-end="${end}"`
}

/** Rows of a table in source order (thead/tbody/tfoot as written), skipping hidden rows. */
function readRows(table: Element): TableRows {
  const captions: Element[] = []
  const rows: Element[][] = []
  const readRow = (tr: Element): void => {
    if (isHidden(tr)) return
    rows.push(tr.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th')))
  }
  for (const el of table.children) {
    if (el.type !== 'tag') continue
    if (el.name === 'caption') captions.push(el)
    else if (el.name === 'tr') readRow(el)
    else if (el.name === 'thead' || el.name === 'tbody' || el.name === 'tfoot') {
      for (const tr of el.children) if (tr.type === 'tag' && tr.name === 'tr') readRow(tr)
    }
  }
  return { captions, rows }
}

// OCR'd pages → the SourceDocument model, so the ordinary extractor and label matcher read them:
// each grid becomes a Table block (cells carry their box on the page image and the OCR reading),
// text lines become paragraphs. Blocks follow the page order, top to bottom within a page.

import type { Block, Paragraph, SourceDocument, SourceFormat, Table, TableCell } from '../document'
import type { OcrLine, OcrPage, OcrTable, PixelBox } from './page'

export interface PageSource {
  /** PageImage.index of the image the page was read from. */
  imageIndex: number
  /** 1-based PDF page, when the image is a PDF page. */
  pdfPage?: number
  page: OcrPage
}

type Item = { y: number; table: OcrTable } | { y: number; lines: OcrLine[] }

export function ocrDocument(pages: PageSource[], format: SourceFormat): SourceDocument {
  let text = ''
  const blocks: Block[] = []
  let tableIndex = 0
  for (const source of pages) {
    const { page } = source
    const items: Item[] = [
      ...page.tables.map((table) => ({ y: (table.upright ?? table.box)[1], table })),
      ...paragraphsOf(page).map((lines) => ({ y: placeOf(lines[0])[1], lines }))
    ].sort((a, b) => a.y - b.y)
    for (const item of items) {
      if ('table' in item) {
        const written = writeTable(item.table, tableIndex++, text.length, source)
        text += written.text + '\n'
        blocks.push(written.table)
      } else {
        const start = text.length
        text += joinLines(item.lines.map((l) => l.text))
        const paragraph: Paragraph = { kind: 'paragraph', start, end: text.length, imageIndex: source.imageIndex }
        if (source.pdfPage !== undefined) paragraph.page = source.pdfPage
        blocks.push(paragraph)
        text += '\n'
      }
    }
  }
  const doc: SourceDocument = { format, text, blocks }
  const pdfPages = pages.map((p) => p.pdfPage ?? 0)
  if (Math.max(0, ...pdfPages) > 0) doc.pages = Math.max(...pdfPages)
  return doc
}

/** Where a line sits as the page reads (upright), not where it is on a turned page image. */
const placeOf = (l: OcrLine): PixelBox => l.upright ?? l.box

/** Chinese lines join without a space; a space stays between two Latin/digit ends. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, line) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? `${acc} ${line}` : acc + line), '')
}

/**
 * Lines form one paragraph when the first runs to the body's right edge and the next starts at
 * the left edge without an indent, close below.
 */
function paragraphsOf(page: OcrPage): OcrLine[][] {
  const lines = page.lines
  if (!lines.length) return []
  const lefts = lines.map((l) => placeOf(l)[0]).sort((a, b) => a - b)
  const rights = lines.map((l) => placeOf(l)[2]).sort((a, b) => a - b)
  const left = lefts[Math.floor(lefts.length * 0.1)]
  const right = rights[Math.floor(rights.length * 0.9)]
  const unit = page.unit
  const out: OcrLine[][] = []
  for (const line of lines) {
    const current = out[out.length - 1]
    const previous = current?.[current.length - 1]
    const continues =
      previous !== undefined &&
      placeOf(previous)[2] >= right - 1.5 * unit &&
      placeOf(line)[0] <= left + 0.8 * unit &&
      placeOf(line)[1] - placeOf(previous)[3] < 1.2 * unit
    if (continues) current.push(line)
    else out.push([line])
  }
  return out
}

function writeTable(ocr: OcrTable, index: number, offset: number, source: PageSource): { table: Table; text: string } {
  const rows: TableCell[][] = Array.from({ length: ocr.rows }, () => [])
  let text = ''
  for (let r = 0; r < ocr.rows; r++) {
    const cells = ocr.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col)
    cells.forEach((cell, i) => {
      if (i > 0) text += '\t'
      const start = offset + text.length
      // a tab or newline inside a reading would break the table text's layout
      const written = cell.text.replace(/[\t\n]+/g, ' ')
      text += written
      const tableCell: TableCell = {
        row: r,
        col: cell.col,
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        start,
        end: start + written.length,
        bbox: cell.box,
        imageIndex: source.imageIndex,
        ocr: { confidence: cell.confidence }
      }
      if (cell.alternatives.length) tableCell.ocr!.alternatives = cell.alternatives
      if (cell.obscured) tableCell.ocr!.obscured = true
      if (source.pdfPage !== undefined) tableCell.page = source.pdfPage
      rows[r].push(tableCell)
    })
    if (r < ocr.rows - 1) text += '\n'
  }
  return { table: { kind: 'table', index, rows: rows.filter((r) => r.length), start: offset, end: offset + text.length }, text }
}

// The plain-data model every input format is turned into before extraction.
// One model for .txt, .html, .docx, .doc and .pdf, so one set of label rules serves all.

export type SourceFormat = 'docx' | 'doc' | 'html' | 'txt' | 'pdf' | 'odt'

/** [x0, y0, x1, y1] in PDF user-space units of the page, origin top-left. */
export type Box = [number, number, number, number]

/**
 * Where something came from. `start`/`end` index into SourceDocument.text;
 * table/row/col (grid coordinates after expanding spans) when it was a table cell;
 * page/bbox for PDF.
 */
export interface SourceLocation {
  start: number
  end: number
  table?: number
  row?: number
  col?: number
  page?: number
  bbox?: Box
}

export interface Paragraph {
  kind: 'paragraph'
  start: number
  end: number
  page?: number
}

export interface TableCell {
  /** Grid row and column of the cell's top-left slot, after expanding row/col spans. */
  row: number
  col: number
  rowSpan: number
  colSpan: number
  /** The cell's text is text.slice(start, end); empty cells have start === end. */
  start: number
  end: number
  page?: number
  bbox?: Box
}

export interface Table {
  kind: 'table'
  /** 0-based index among the document's tables. */
  index: number
  /** Source rows in order; each holds the cells that start in that row. */
  rows: TableCell[][]
  start: number
  end: number
}

export type Block = Paragraph | Table

export interface SourceDocument {
  format: SourceFormat
  /** The character encoding the bytes were decoded from (txt/html). */
  encoding?: string
  /** The document's text; every start/end in blocks and locations indexes into it. */
  text: string
  blocks: Block[]
  /**
   * Sanitised HTML for the source pane (html/docx): no script, style, form,
   * external resource or navigating link. Elements holding text carry
   * data-rd-start / data-rd-end offsets into `text` so a location can be highlighted.
   */
  displayHtml?: string
  /** Page count, for PDF. */
  pages?: number
}

export function textOf(doc: SourceDocument, span: { start: number; end: number }): string {
  return doc.text.slice(span.start, span.end)
}

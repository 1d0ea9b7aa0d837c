// The plain-data model every input format is turned into before extraction.
// One model for .txt, .html, .docx, .doc and .pdf, so one set of label rules serves all.

import type { StoredPageImage } from './page-image'

/** 'mht': a saved web archive (.mht/.mhtml); 'image': picture files (a report as page photos or scans). */
export type SourceFormat = 'docx' | 'doc' | 'html' | 'txt' | 'pdf' | 'odt' | 'mht' | 'image'

/**
 * [x0, y0, x1, y1], origin top-left: PDF user-space units of the page, or, when the location
 * carries `imageIndex`, pixels of that page image (OCR).
 */
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
  /** The page image (PageImage.index) that `bbox` is in pixels of, for text read by OCR. */
  imageIndex?: number
}

/** How sure the OCR engine was of a cell's text. */
export interface OcrReading {
  /** 0–1: the lowest per-character probability of the reading. */
  confidence: number
  /** Other readings of the same crop, most likely first (unsure digits swapped for the runner-up). */
  alternatives?: string[]
  /** Solid ink (a blot, a stamp, a scribble) covers part of the number: the reading cannot be trusted at any confidence. */
  obscured?: true
}

export interface Paragraph {
  kind: 'paragraph'
  start: number
  end: number
  page?: number
  /** The page image the paragraph was read from by OCR. */
  imageIndex?: number
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
  /** Set when the cell was read by OCR from a page image. */
  ocr?: OcrReading
  /** The page image (PageImage.index) that `bbox` is in pixels of. */
  imageIndex?: number
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
  /**
   * The page images OCR read (scanned pages, tables published as pictures), in PageImage order:
   * OCR'd cells point into them (TableCell.imageIndex, bbox in image pixels). Kept for the source pane.
   */
  pageImages?: StoredPageImage[]
}

// A document's page images read by OCR and added to it: the text read is appended after the
// document's own text (so every offset the source pane highlights by stays valid), as Table blocks
// and paragraphs the ordinary extractor reads like any other.

import type { Block, SourceDocument } from '../document'
import type { PageImage } from '../page-image'
import type { Message, Result } from '../messages'
import { ocrPages, type OcrOptions } from './ocr-pages'
import { ocrDocument, type PageSource } from './to-document'

/** `document` with `pages` appended: blocks shifted past its text, tables numbered after its own. */
export function appendOcr(document: SourceDocument, pages: PageSource[]): SourceDocument {
  const read = ocrDocument(pages, document.format)
  if (!read.blocks.length) return document
  const separator = document.text && !document.text.endsWith('\n') ? '\n' : ''
  const offset = document.text.length + separator.length
  let tables = document.blocks.filter((b) => b.kind === 'table').length
  const moved: Block[] = read.blocks.map((block) => {
    if (block.kind === 'paragraph') return { ...block, start: block.start + offset, end: block.end + offset }
    return {
      ...block,
      index: tables++,
      start: block.start + offset,
      end: block.end + offset,
      rows: block.rows.map((row) => row.map((cell) => ({ ...cell, start: cell.start + offset, end: cell.end + offset })))
    }
  })
  const out: SourceDocument = { ...document, text: document.text + separator + read.text, blocks: [...document.blocks, ...moved] }
  if (read.pages !== undefined && (document.pages ?? 0) < read.pages) out.pages = read.pages
  return out
}

/** Reads the page images and appends what was read to the document. */
export async function readImagesInto(document: SourceDocument, images: PageImage[], options: OcrOptions = {}): Promise<Result<SourceDocument>> {
  const messages: Message[] = []
  const read = await ocrPages(images, options)
  messages.push(...read.messages)
  return { value: appendOcr(document, read.value), messages }
}

// HTML (a saved page, a fragment, or mammoth's rendering of a .docx) → SourceDocument.
// Parsed with htmlparser2 (no DOM): scripts, styles, forms' controls and page chrome are left
// out; data tables become grid tables; everything else becomes paragraphs.

import type { SourceDocument, SourceFormat } from '../document'
import { warning, type Message, type Result } from '../messages'
import { ingestError } from './ingest-messages'
import { computeSubtreeStats } from './html-chrome'
import { MAX_OPEN_SPANS } from './html-grid'
import { HtmlDocumentBuilder, type HtmlImageRef } from './html-walk'
import { MAX_NESTING, findFirst, ownText, parseHtmlTree, type HtmlElement } from './html-tree'
import { MAX_TEXT_CHARS } from './limits'

export interface HtmlOptions {
  format?: SourceFormat
  encoding?: string
  /** When given, receives the page's pictures (src and text offset) in reading order. */
  images?: HtmlImageRef[]
}

/** Converts markup to a document; value is null only when the text is too long to be a report. */
export function htmlToDocument(html: string, options: HtmlOptions = {}): Result<SourceDocument | null> {
  const messages: Message[] = []
  const { root, flattened } = parseHtmlTree(html)
  if (flattened > 0) messages.push(deepNestingWarning(flattened))
  computeSubtreeStats(root)
  const builder = new HtmlDocumentBuilder(MAX_TEXT_CHARS)
  const title = pageTitleMissingFromBody(root, html)
  if (title) builder.addParagraph(title, 'p')
  builder.walk(root, 0)
  if (builder.overflowed) {
    return { value: null, messages: [ingestError('text_too_long')] }
  }
  const { text, displayHtml } = builder.finish()
  options.images?.push(...builder.images)
  for (const cut of builder.cutSpans) messages.push(tooManySpansWarning(cut.table, cut.cells))
  if (!text.trim()) messages.push(warning('ingest.no_text', '网页中没有可读的文字（内容可能是图片）。'))
  const document: SourceDocument = {
    format: options.format ?? 'html',
    ...(options.encoding ? { encoding: options.encoding } : {}),
    text,
    blocks: builder.blocks,
    displayHtml
  }
  return { value: document, messages }
}

/**
 * The page <title>, when the body does not repeat it: some saved pages carry the report's
 * name (agency and year) only there. The site name after a separator is left off.
 */
function pageTitleMissingFromBody(root: HtmlElement, html: string): string | null {
  if (!/<title[\s>]/i.test(html)) return null
  const titleEl = findFirst(root, 'title')
  if (!titleEl) return null
  const title = ownText(titleEl).trim()
  const main = title.split(/\s*(?:[-_|｜–—]{1,2})\s*/)[0].trim()
  if (main.length < 4) return null
  const first = html.indexOf(main)
  return first !== -1 && html.indexOf(main, first + main.length) !== -1 ? null : main
}

/** Real pages nest under 20 levels; past MAX_NESTING the file is malformed or crafted. */
function deepNestingWarning(flattened: number): Message {
  return {
    type: 'warning',
    code: 'ingest.html_deep_nesting',
    message: `网页的标签嵌套超过 ${MAX_NESTING} 层，可能是异常或恶意文件；更深处的 ${flattened.toLocaleString('en')} 个标签已展开为普通文字读取，其中的表格和段落结构可能不准确。`,
    messageEn: `The page nests tags more than ${MAX_NESTING} levels deep (a malformed or crafted file); ${flattened.toLocaleString('en')} deeper tags were read as plain text, so tables and paragraphs inside them may be inaccurate.`
  }
}

/** Real tables keep a few rowspans open at once; past MAX_OPEN_SPANS the table is malformed or crafted. */
function tooManySpansWarning(table: number, cells: number): Message {
  return {
    type: 'warning',
    code: 'ingest.html_too_many_spans',
    message: `网页第 ${table + 1} 个表格同时跨行的单元格超过 ${MAX_OPEN_SPANS} 个，可能是异常或恶意文件；其后 ${cells.toLocaleString('en')} 个跨行单元格按不跨行读取（文字均已读取），该表格的行列位置可能与浏览器显示不同。`,
    messageEn: `Table ${table + 1} of the page keeps more than ${MAX_OPEN_SPANS} row spans open at once (a malformed or crafted file); ${cells.toLocaleString('en')} further spanning cells were read as one row high (their text is kept), so the table's rows and columns may differ from a browser's.`
  }
}

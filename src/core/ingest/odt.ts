// OpenDocument text (.odt, written by LibreOffice, WPS and Kingsoft) → SourceDocument.
// content.xml is translated to plain HTML (headings, paragraphs, tables with colspan/rowspan;
// covered cells dropped, as in HTML where a spanned slot has no cell of its own) and read by
// the HTML path — the same path mammoth's rendering of a .docx takes — so the grid, the
// source positions and the sanitised source-pane HTML follow one set of rules.
// The zip is bounded like a .docx: entry count, ratio, and a hard cap while inflating.

import { Parser } from 'htmlparser2'
import type { SourceDocument } from '../document'
import { error, type Message, type Result } from '../messages'
import { docxPartTooLarge, DOCX_XML_LIMITS } from './docx'
import { htmlToDocument } from './html'
import { escapeText } from './html-sanitise'
import { ingestError } from './ingest-messages'
import { DOCX_LIMITS } from './limits'
import { entryData, inflateEntry, readZipDirectory, type ZipEntry } from './zip'

const TEXT_MIME = 'application/vnd.oasis.opendocument.text'

/**
 * An OpenDocument package: a zip whose `mimetype` entry names an ODF type, or (some writers
 * leave that out) one holding content.xml and the ODF manifest, and no Word part.
 */
export function isOpenDocument(bytes: Uint8Array): boolean {
  const directory = readZipDirectory(bytes)
  if ('problem' in directory) return false
  const names = new Set(directory.entries.map((e) => e.name))
  if (names.has('word/document.xml')) return false
  return (names.has('content.xml') && names.has('META-INF/manifest.xml')) || openDocumentMime(bytes, directory.entries) !== null
}

/** The declared ODF media type (the stored `mimetype` entry), or null. */
function openDocumentMime(bytes: Uint8Array, entries: ZipEntry[]): string | null {
  const entry = entries.find((e) => e.name === 'mimetype')
  if (!entry || entry.uncompressedSize > 200) return null
  const data = entry.method === 0 ? entryData(bytes, entry) : inflateEntry(bytes, entry, 200)
  if (!data || typeof data === 'string') return null
  const mime = Buffer.from(data).toString('latin1').trim()
  return mime.startsWith('application/vnd.oasis.opendocument.') ? mime : null
}

export async function odtToDocument(bytes: Uint8Array): Promise<Result<SourceDocument | null>> {
  const directory = readZipDirectory(bytes)
  if ('problem' in directory) {
    return refuse(directory.problem.kind === 'truncated' ? odtError('truncated') : ingestError('zip_unreadable'))
  }
  const entries = directory.entries
  if (entries.length > DOCX_LIMITS.maxEntries) return refuse(ingestError('zip_bomb', `${entries.length} entries`))
  const mime = openDocumentMime(bytes, entries)
  if (mime && mime !== TEXT_MIME && !mime.startsWith(TEXT_MIME + '-')) return refuse(odtError('not_text', mime))
  const content = entries.find((e) => e.name === 'content.xml')
  if (!content) return refuse(odtError('no_content'))
  if (content.uncompressedSize > DOCX_XML_LIMITS.maxPartBytes) return refuse(docxPartTooLarge('content.xml', content.uncompressedSize))
  const xml = inflateEntry(bytes, content, DOCX_XML_LIMITS.maxPartBytes)
  if (xml === 'too_big') return refuse(ingestError('zip_bomb', 'content.xml inflates beyond the limit'))
  if (xml === 'unreadable') return refuse(odtError('truncated'))
  const text = Buffer.from(xml).toString('utf8')
  if (!/<office:body[\s>]/.test(text)) return refuse(odtError('no_content'))
  const html = odfContentToHtml(text)
  return htmlToDocument(html, { format: 'odt' })
}

function refuse(message: Message): Result<null> {
  return { value: null, messages: [message] }
}

const ODT_ERRORS = {
  truncated: [
    'OpenDocument 文件（.odt）不完整或已损坏，可能下载或复制时被截断。请重新获取原文件。',
    'The OpenDocument file (.odt) is incomplete or damaged, probably cut off while downloading or copying. Please get the original file again.'
  ],
  no_content: [
    '这是一个 OpenDocument 压缩包，但缺少正文（content.xml），无法读取。',
    'This is an OpenDocument package without its text part (content.xml); it cannot be read.'
  ],
  not_text: [
    '这是 OpenDocument 表格或演示文稿，不是文字文档。请把年度报告另存为 .docx 或 .odt 后再试。',
    'This is an OpenDocument spreadsheet or presentation, not a text document. Save the report as .docx or .odt and retry.'
  ]
} as const

function odtError(kind: keyof typeof ODT_ERRORS, detail?: string): Message {
  const [zh, en] = ODT_ERRORS[kind]
  return error(`ingest.odt_${kind}`, zh + (detail ? `（${detail}）` : ''), en + (detail ? ` (${detail})` : ''))
}

/** Subtrees with no report text (or text that is not the document's: deleted changes, notes). */
const SKIPPED = new Set([
  'office:annotation',
  'office:forms',
  'text:tracked-changes',
  'text:note',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'table:table-columns',
  'table:table-column',
  'table:table-header-columns',
  'table:covered-table-cell',
  'draw:image',
  'svg:desc',
  'svg:title',
  'text:bookmark-ref',
  'office:event-listeners'
])

/** Repeats LibreOffice writes for trailing empty rows/cells; more than this cannot be report content. */
const MAX_REPEAT = 64

interface Buffered {
  /** The closing stack's length when the element opened: its own close brings it back there. */
  depth: number
  html: string[]
  repeat: number
}

/**
 * content.xml → HTML. Only what sits inside office:body is read (styles and declarations come
 * first and hold no text). Cells and rows are buffered so number-columns/rows-repeated can copy them.
 */
export function odfContentToHtml(xml: string): string {
  const out: string[] = []
  const buffers: Buffered[] = []
  let inBody = 0
  let skipping = 0
  const emit = (s: string): void => {
    const target = buffers.length ? buffers[buffers.length - 1].html : out
    target.push(s)
  }
  const closing: string[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'office:body') inBody++
        if (skipping || SKIPPED.has(name)) {
          skipping++
          closing.push('')
          return
        }
        if (!inBody) {
          closing.push('')
          return
        }
        const [open, close] = translate(name, attribs)
        const repeat = repeatOf(name, attribs)
        if (repeat > 1) buffers.push({ depth: closing.length, html: [], repeat })
        emit(open)
        closing.push(close)
      },
      ontext(data) {
        if (inBody && !skipping) emit(escapeText(data))
      },
      onclosetag(name) {
        const close = closing.pop() ?? ''
        if (skipping) {
          skipping--
          return
        }
        emit(close)
        const top = buffers[buffers.length - 1]
        if (top && top.depth === closing.length) {
          buffers.pop()
          const piece = top.html.join('')
          for (let i = 0; i < top.repeat; i++) emit(piece)
        }
        if (name === 'office:body') inBody--
      }
    },
    { xmlMode: true, decodeEntities: true }
  )
  parser.end(xml)
  return `<!doctype html><html><body>${out.join('')}</body></html>`
}

function repeatOf(name: string, attribs: Record<string, string>): number {
  const value =
    name === 'table:table-cell' ? attribs['table:number-columns-repeated'] : name === 'table:table-row' ? attribs['table:number-rows-repeated'] : undefined
  const n = value ? parseInt(value, 10) : 1
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_REPEAT) : 1
}

function spanAttr(attribs: Record<string, string>, key: string, html: string): string {
  const n = parseInt(attribs[key] ?? '1', 10)
  return Number.isFinite(n) && n > 1 ? ` ${html}="${Math.min(n, 1000)}"` : ''
}

/** The HTML an ODF element opens and closes with; elements without meaning of their own add nothing. */
function translate(name: string, attribs: Record<string, string>): [string, string] {
  switch (name) {
    case 'text:h': {
      const level = Math.min(6, Math.max(1, parseInt(attribs['text:outline-level'] ?? '2', 10) || 2))
      return [`<h${level}>`, `</h${level}>`]
    }
    case 'text:p':
      return ['<p>', '</p>']
    case 'text:list':
      return ['<ul>', '</ul>']
    case 'text:list-item':
    case 'text:list-header':
      return ['<li>', '</li>']
    case 'table:table':
      return ['<table>', '</table>']
    case 'table:table-row':
      return ['<tr>', '</tr>']
    case 'table:table-cell':
      return [`<td${spanAttr(attribs, 'table:number-columns-spanned', 'colspan')}${spanAttr(attribs, 'table:number-rows-spanned', 'rowspan')}>`, '</td>']
    case 'text:line-break':
      return ['<br>', '']
    case 'text:tab':
      return ['\t', '']
    case 'text:s': {
      const n = Math.min(100, Math.max(1, parseInt(attribs['text:c'] ?? '1', 10) || 1))
      return [' '.repeat(n), '']
    }
    default:
      return ['', '']
  }
}

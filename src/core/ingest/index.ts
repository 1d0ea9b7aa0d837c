// Bytes → SourceDocument. The format is read from the content (magic bytes, markup at the
// start, decodable text), never from the name. Unreadable input yields { value: null } and one
// error in Chinese and English; nothing is thrown out of ingest.
//
// Time: mammoth and pdf.js cannot be cancelled, so input sizes are bounded here and the
// caller enforces the wall-clock limit by running analyse() in a worker thread and
// terminating it (report with ingestTimeoutMessage).

import type { SourceDocument } from '../document'
import { warning, type Message, type Result } from '../messages'
import { bomOf, decodeBytes, sniffUtf16 } from './decode'
import { hasNulBytes, looksBinaryText, looksLikeMarkup, sniffContainer } from './detect'
import { docxToDocument } from './docx'
import { docToDocument } from './doc'
import { htmlToDocument } from './html'
import { ingestError } from './ingest-messages'
import { MAX_INPUT_BYTES, MAX_TEXT_CHARS } from './limits'
import { mhtToDocument } from './images/mht-page'
import type { IngestAttachment } from '../page-image'
import { isOpenDocument, odtToDocument } from './odt'
import { pdfToDocument } from './pdf'
import { withFileName } from './real-format'
import { textToDocument } from './text'

export interface IngestInput {
  name: string
  bytes: Uint8Array
  /** The file's path relative to the folder it was dropped or read from ('/'-separated); saved pages resolve pictures against it. */
  path?: string
  /** Files that belong to this report: a saved page's `_files` pictures, page photos dropped with it. */
  attachments?: IngestAttachment[]
}

function refuse(message: Message): Result<null> {
  return { value: null, messages: [message] }
}

export async function ingest(input: IngestInput): Promise<Result<SourceDocument | null>> {
  try {
    const result = withFileName(input.name, await ingestBytes(input.bytes, input.name))
    // A reader that gives up must say why: never a null document without an error.
    if (result.value === null && !result.messages.some((m) => m.type === 'error')) {
      return { value: null, messages: [...result.messages, ingestError('failed', 'no document and no reason given')] }
    }
    return result
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return refuse(ingestError('failed', detail.length > 160 ? detail.slice(0, 157) + '…' : detail))
  }
}

async function ingestBytes(bytes: Uint8Array, name: string): Promise<Result<SourceDocument | null>> {
  if (bytes.length === 0) return refuse(ingestError('empty'))
  if (bytes.length > MAX_INPUT_BYTES) return refuse(ingestError('too_large', `${(bytes.length / 1024 / 1024).toFixed(0)} MB`))
  switch (sniffContainer(bytes)) {
    case 'zip':
      return isOpenDocument(bytes) ? odtToDocument(bytes) : docxToDocument(bytes)
    case 'ole2':
      return docToDocument(bytes)
    case 'pdf':
      return pdfToDocument(bytes)
    case 'rtf':
      return refuse(ingestError('rtf'))
    case 'mht':
      return mhtToDocument(bytes)
    case 'picture':
      return pictureDocument(name)
  }
  return textOrMarkup(bytes)
}

async function textOrMarkup(bytes: Uint8Array): Promise<Result<SourceDocument | null>> {
  const wide = bomOf(bytes)?.encoding.startsWith('utf-16') || sniffUtf16(bytes) !== null
  if (!wide && hasNulBytes(bytes)) return refuse(ingestError('binary'))
  const markup = looksLikeMarkup(bytes)
  const decoded = await decodeBytes(bytes, { markup })
  if (looksBinaryText(decoded.text)) return refuse(ingestError(markup ? 'not_text' : 'binary'))
  if (markup) return htmlToDocument(decoded.text, { format: 'html', encoding: decoded.encoding })
  if (decoded.text.length > MAX_TEXT_CHARS) return refuse(ingestError('text_too_long'))
  return textToDocument(decoded.text, decoded.encoding)
}

/** A picture file: no text until OCR reads its page images (images/pageImagesOf). */
function pictureDocument(name: string): Result<SourceDocument> {
  return {
    value: { format: 'image', text: '', blocks: [] },
    messages: [warning('ingest.picture', `${name} 是图片文件，其中的文字和表格需经文字识别（OCR）读取。`)]
  }
}

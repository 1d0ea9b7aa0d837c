// Every way ingest refuses a file, in Chinese for the reviewer and English for logs/support.
// One catalogue so the UI, the command line and the worker's timeout say the same things.

import { error, type Message } from '../messages'
import { MAX_INPUT_BYTES, MAX_REPORT_FILES_BYTES, MAX_TEXT_CHARS } from './limits'

const MB = 1024 * 1024

const CATALOGUE = {
  empty: ['文件是空的（0 字节），没有可读取的内容。', 'The file is empty (0 bytes); there is nothing to read.'],
  too_large: [
    `文件超过 ${MAX_INPUT_BYTES / MB} MB，不像是一份年度报告，未读取。`,
    `The file is larger than ${MAX_INPUT_BYTES / MB} MB; that is not an annual report, so it was not read.`
  ],
  report_too_large: [
    `报告连同附带文件合计超过一份报告的上限 ${MAX_REPORT_FILES_BYTES / MB} MB，未读取。`,
    `The report and the files beside it add up to more than ${MAX_REPORT_FILES_BYTES / MB} MB, the limit for one report; they were not read.`
  ],
  text_too_long: [
    `文件中的文字超过 ${MAX_TEXT_CHARS.toLocaleString('en')} 个字符，不像是一份年度报告，未读取。`,
    `The file holds more than ${MAX_TEXT_CHARS.toLocaleString('en')} characters of text; that is not a single annual report, so it was not read.`
  ],
  binary: ['无法识别的文件格式：内容既不是 Word、PDF、网页，也不是文本。', 'Unrecognised file format: the content is not Word, PDF, a web page or text.'],
  docx_truncated: [
    'Word 文件（.docx）不完整，可能下载或复制时被截断。请重新获取原文件。',
    'The Word file (.docx) is incomplete, probably cut off while downloading or copying. Please get the original file again.'
  ],
  zip_unreadable: ['压缩包结构损坏，无法作为 Word 文件读取。', 'The zip structure is damaged; it cannot be read as a Word file.'],
  zip_not_docx: [
    '这是一个压缩包，但不是 Word 文档（缺少 word/document.xml），也不是 OpenDocument 文档（.odt）。',
    'This is a zip archive but neither a Word document (word/document.xml is missing) nor an OpenDocument text (.odt).'
  ],
  zip_bomb: [
    '文件解压后过大或压缩比异常（疑似“压缩炸弹”），为安全起见未读取。',
    'The file would inflate to an excessive size or has an abnormal compression ratio (a suspected zip bomb); it was not read, for safety.'
  ],
  rtf: [
    '这个文件实际是 RTF 格式（富文本，常被命名为 .doc），不是 Word 文档，暂不能读取。请用 Word 或 WPS 打开后“另存为” .docx 再导入。',
    'This file is really RTF (rich text, often named .doc), not a Word document, and cannot be read yet. Open it in Word or WPS, save it as .docx and import that.'
  ],
  not_text: [
    '文件内容无法按文本解码（含大量控制字符或无效编码），可能不是文本文件或已损坏。',
    'The content cannot be decoded as text (many control characters or invalid bytes); it may not be a text file, or it is damaged.'
  ],
  timeout: ['读取文件超时，已停止。文件可能过于复杂或已损坏。', 'Reading the file timed out and was stopped. The file may be too complex or damaged.'],
  failed: ['读取文件时发生意外错误。', 'An unexpected error occurred while reading the file.']
} as const

export type IngestErrorKind = keyof typeof CATALOGUE

/** The error message of a refusal; `detail` (technical, not translated) is appended in brackets. */
export function ingestError(kind: IngestErrorKind, detail?: string): Message {
  const [zh, en] = CATALOGUE[kind]
  const suffix = detail ? `（${detail}）` : ''
  const suffixEn = detail ? ` (${detail})` : ''
  return error(`ingest.${kind}`, zh + suffix, en + suffixEn)
}

/** For the caller that runs ingest in a worker and terminates it after `ms` milliseconds. */
export function ingestTimeoutMessage(ms: number): Message {
  return ingestError('timeout', `${Math.round(ms / 1000)} s`)
}

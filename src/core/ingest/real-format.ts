// What a file really is, said with its name. Reports from government sites arrive as .doc that
// are RTF, HTML or .docx, as .docx that are Word 97 files, as WPS Writer .wps (a Word 97 file
// inside, or a Works/early-WPS file we cannot read), as encrypted or Excel files named .doc.
// Reading goes by the bytes (./detect); this module only words the outcome: an info note when
// the name's extension says something else, and refusals that name the file, say what it
// really is and how to make it readable (另存为 .docx).

import type { SourceFormat } from '../document'
import { error, type Message, type Result } from '../messages'

/** An OLE2 compound file's kind, from the stream names in its directory. */
export type OleKind = 'word' | 'encrypted' | 'excel' | 'powerpoint' | 'works' | 'unknown'

const OLE_STREAMS: [string, OleKind][] = [
  ['WordDocument', 'word'],
  ['EncryptedPackage', 'encrypted'],
  ['Workbook', 'excel'],
  ['Book', 'excel'],
  ['PowerPoint Document', 'powerpoint'],
  // Microsoft Works and the WPS Writer formats before WPS 2005 keep their text in CONTENTS.
  ['CONTENTS', 'works'],
  ['MatOST', 'works']
]

const DIRECTORY_ENTRY = 128
const HEADER = 512

/**
 * The kind of an OLE2 file from its directory entries' names. Directory sectors follow the
 * 512-byte header and hold 128-byte entries (name in UTF-16LE, its byte length at +64, the
 * entry type at +66: 2 a stream); scanning for those is enough to tell the kinds apart
 * without walking the allocation tables. Bounded: at most the first 8 MB are looked at.
 */
export function oleKindOf(bytes: Uint8Array): OleKind {
  const end = Math.min(bytes.length, 8 * 1024 * 1024) - DIRECTORY_ENTRY
  const found = new Set<OleKind>()
  for (let at = HEADER; at <= end; at += DIRECTORY_ENTRY) {
    const nameBytes = bytes[at + 64] | (bytes[at + 65] << 8)
    const type = bytes[at + 66]
    if (type !== 1 && type !== 2) continue
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at, nameBytes - 2).toString('utf16le')
    for (const [stream, kind] of OLE_STREAMS) if (name === stream) found.add(kind)
  }
  // An encrypted Word 2007 file carries EncryptedPackage (and no WordDocument): check it first.
  for (const kind of ['encrypted', 'word', 'excel', 'powerpoint', 'works'] as const) if (found.has(kind)) return kind
  return 'unknown'
}

const OLE_REFUSALS: Record<Exclude<OleKind, 'word' | 'unknown'>, [string, string, string]> = {
  encrypted: [
    '设有打开密码（已加密）的 Office 文件',
    'a password-protected (encrypted) Office file',
    '请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx 再导入。'
  ],
  excel: ['Excel 表格（.xls）', 'an Excel workbook (.xls)', '请把年度报告正文另存为 .docx 再导入。'],
  powerpoint: ['PowerPoint 演示文稿（.ppt）', 'a PowerPoint presentation (.ppt)', '请把年度报告正文另存为 .docx 再导入。'],
  works: ['Microsoft Works 或早期 WPS 文字处理文件', 'a Microsoft Works or early WPS word-processor file', '请用 WPS 或 Word 打开，“另存为” .docx 后再导入。']
}

/** The refusal of an OLE2 file that is not a Word 97 document, naming what it is. */
export function oleRefusal(kind: Exclude<OleKind, 'word' | 'unknown'>): Message {
  const [zh, en, advice] = OLE_REFUSALS[kind]
  return error(
    `ingest.ole_${kind}`,
    `这个文件实际是${zh}，不是可读取的 Word 文档。${advice}`,
    `This file is really ${en}, not a readable Word document. Save the report as .docx and retry.`
  )
}

/** What each format is called, for the notes below. */
const FORMAT_NAMES: Record<SourceFormat, string> = {
  docx: 'Word 2007 及以后（.docx）',
  doc: 'Word 97–2003（.doc）',
  odt: 'OpenDocument 文字文档（.odt）',
  html: '网页（HTML）',
  txt: '纯文本',
  pdf: 'PDF',
  mht: '网页存档（.mht）',
  image: '图片'
}

/** The formats a file name's extension promises; unknown extensions promise nothing. */
const EXTENSION_FORMATS: Record<string, SourceFormat[]> = {
  docx: ['docx'],
  doc: ['doc'],
  // WPS Writer saves .wps as a Word 97 file; some WPS versions write .docx or .odt content.
  wps: ['doc'],
  wpt: ['doc'],
  dot: ['doc'],
  dotx: ['docx'],
  odt: ['odt'],
  html: ['html'],
  htm: ['html'],
  shtml: ['html'],
  mht: ['html', 'mht'],
  mhtml: ['mht'],
  xhtml: ['html'],
  txt: ['txt'],
  md: ['txt'],
  pdf: ['pdf'],
  png: ['image'],
  jpg: ['image'],
  jpeg: ['image'],
  tif: ['image'],
  tiff: ['image'],
  bmp: ['image']
}

function extensionOf(name: string): string | null {
  const m = /\.([A-Za-z0-9]{1,6})$/.exec(name.trim())
  return m ? m[1].toLowerCase() : null
}

/** An info note when the name's extension is not what the bytes turned out to be. */
export function extensionNote(name: string, format: SourceFormat): Message | null {
  const ext = extensionOf(name)
  if (!ext) return null
  const promised = EXTENSION_FORMATS[ext]
  if (!promised || promised.includes(format)) return null
  // A page saved as .txt is still text to its reader, and a .txt holding markup is read as a page; not worth a note.
  if ((ext === 'txt' || ext === 'md') && format === 'html') return null
  return {
    type: 'info',
    code: 'ingest.extension_mismatch',
    message: `文件“${name}”的扩展名是 .${ext}，但内容实际是${FORMAT_NAMES[format]}格式，已按实际格式读取。`,
    messageEn: `The file "${name}" is named .${ext} but is really ${format}; it was read as ${format}.`
  }
}

/** Refusals that say what the file really is: these name the file, so a batch's list says which one. */
const NAMED_REFUSALS = /^ingest\.(rtf|ole_|odt_not_text)/

/** Adds the file's name to what-it-really-is refusals and a note on a misleading extension. */
export function withFileName<T extends { format: SourceFormat } | null>(name: string, result: Result<T>): Result<T> {
  const messages = result.messages.map((m) => (m.type === 'error' && NAMED_REFUSALS.test(m.code) ? { ...m, message: `“${name}”：${m.message}` } : m))
  const note = result.value ? extensionNote(name, result.value.format) : null
  return { value: result.value, messages: note ? [note, ...messages] : messages }
}

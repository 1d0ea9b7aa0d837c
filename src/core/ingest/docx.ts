// .docx → HTML (mammoth) → the HTML path, so Word tables keep their spans and <br> in labels.
// mammoth has no cancellation and inflates whole entries in memory, so a file is checked
// before mammoth sees it: entry count, declared and actual inflated sizes, compression ratio,
// and a much lower cap on the XML parts mammoth parses (DOCX_XML_LIMITS).
// The wall-clock bound is the caller's: analyse() runs in a worker thread that is terminated
// on timeout (see ingestTimeoutMessage in ./messages); here we only bound the input.

import type mammothModule from 'mammoth'
import type { SourceDocument } from '../document'
import { error, type Message, type Result } from '../messages'
import { htmlToDocument } from './html'
import { DOCX_LIMITS } from './limits'
import { inflatedSize, readZipDirectory, type ZipEntry } from './zip'
import { ingestError } from './ingest-messages'

/**
 * The zip parts mammoth may read (XML and relationships); images are never read (see below).
 * mammoth finds the main part through _rels/.rels, so any XML part may be the one it parses.
 */
function readByMammoth(entry: ZipEntry): boolean {
  return /\.(xml|rels)$/i.test(entry.name)
}

const MB = 1024 * 1024

/**
 * Bounds on the XML mammoth parses, far below DOCX_LIMITS' general zip caps. mammoth holds a
 * part as a whole DOM: 16 MB of document.xml cost 18 s and 1 GB of memory (45 MB: 58 s and
 * 2.3 GB, then refused as too long). A real report's document.xml is 0.2–1 MB (the fixtures'
 * ~180 KB hold 4 full tables) and its XML parts together stay under 2 MB; even 200 000
 * characters (the longest real report) of heavily formatted Word XML is well under 16 MB.
 */
export const DOCX_XML_LIMITS = {
  maxPartBytes: 16 * MB,
  maxTotalBytes: 20 * MB
} as const

const mb = (bytes: number): string => (bytes / MB).toFixed(1)

/** The refusal of a part (or of all parts together) mammoth would have to parse. */
export function docxPartTooLarge(name: string | null, bytes: number): Message {
  const cap = (name === null ? DOCX_XML_LIMITS.maxTotalBytes : DOCX_XML_LIMITS.maxPartBytes) / MB
  const main = name === 'word/document.xml'
  const zh = name === null ? '中需要解析的 XML 部分合计' : main ? '的正文部分' : `的组成部分 ${name} `
  const en =
    name === null
      ? 'XML parts to be parsed in this Word file are'
      : main
        ? 'main text part of this Word file (word/document.xml) is'
        : `part ${name} of this Word file is`
  return error(
    'ingest.docx_part_too_large',
    `Word 文件${zh}过大（解压后 ${mb(bytes)} MB），超出上限 ${cap} MB，可能是异常或恶意文件，未读取。`,
    `The ${en} too large (${mb(bytes)} MB uncompressed, above the ${cap} MB limit); the file may be malformed or malicious, so it was not read.`
  )
}

/** Null when the package is within bounds; otherwise the error that refuses it. */
export function checkDocxPackage(bytes: Uint8Array): Message | null {
  const directory = readZipDirectory(bytes)
  if ('problem' in directory) {
    if (directory.problem.kind === 'truncated') return ingestError('docx_truncated')
    if (directory.problem.kind === 'too_many_entries') return ingestError('zip_bomb', `${directory.problem.count} entries`)
    return ingestError('zip_unreadable')
  }
  const entries = directory.entries
  if (entries.length > DOCX_LIMITS.maxEntries) return ingestError('zip_bomb', `${entries.length} entries`)
  if (!entries.some((e) => e.name === 'word/document.xml')) return ingestError('zip_not_docx')
  let declaredTotal = 0
  let declaredXml = 0
  for (const entry of entries) {
    declaredTotal += entry.uncompressedSize
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > DOCX_LIMITS.ratioFloorBytes && ratio > DOCX_LIMITS.maxRatio)
      return ingestError('zip_bomb', `${entry.name}: ratio ${Math.round(ratio)}:1`)
    if (readByMammoth(entry)) {
      if (entry.uncompressedSize > DOCX_XML_LIMITS.maxPartBytes) return docxPartTooLarge(entry.name, entry.uncompressedSize)
      declaredXml += entry.uncompressedSize
    }
    if (entry.uncompressedSize > DOCX_LIMITS.maxEntryBytes) return ingestError('zip_bomb', `${entry.name}: ${Math.round(entry.uncompressedSize / MB)} MB`)
  }
  if (declaredXml > DOCX_XML_LIMITS.maxTotalBytes) return docxPartTooLarge(null, declaredXml)
  if (declaredTotal > DOCX_LIMITS.maxTotalBytes) return ingestError('zip_bomb', `${Math.round(declaredTotal / MB)} MB in total`)
  // Declared sizes can lie: inflate what mammoth will read, capped at the declared size
  // (itself within the caps above), so no part can grow past them unseen.
  for (const entry of entries) {
    if (!readByMammoth(entry)) continue
    const size = inflatedSize(bytes, entry, entry.uncompressedSize)
    if (size === 'too_big') return ingestError('zip_bomb', `${entry.name} inflates beyond its declared size`)
    if (size === 'unreadable') return entry.name === 'word/document.xml' ? ingestError('docx_truncated') : ingestError('zip_unreadable')
  }
  return null
}

/** mammoth (with JSZip and xmldom) is loaded on the first .docx, not by every process that might read one. */
let mammothLoading: Promise<typeof mammothModule> | null = null
function loadMammoth(): Promise<typeof mammothModule> {
  mammothLoading ??= import('mammoth').then((m) => (m as { default?: typeof mammothModule }).default ?? (m as typeof mammothModule))
  return mammothLoading
}

export async function docxToDocument(bytes: Uint8Array): Promise<Result<SourceDocument | null>> {
  const refused = checkDocxPackage(bytes)
  if (refused) return { value: null, messages: [refused] }
  let html: string
  const started = performance.now()
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const mammoth = await loadMammoth()
    // Images are dropped without being read: they carry no table text and cost time and memory.
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
    const converted = await mammoth.convertToHtml({ buffer }, { convertImage: noImages })
    html = converted.value
  } catch (e) {
    return {
      value: null,
      messages: [
        error(
          'ingest.docx_unreadable',
          `无法读取这个 Word 文件（${shortReason(e)}）。请用 Word 或 WPS 打开后另存为 .docx 再试。`,
          `This Word file could not be read (${shortReason(e)}). Open it in Word or WPS, save it again as .docx and retry.`
        )
      ]
    }
  }
  const converted = htmlToDocument(html, { format: 'docx' })
  const seconds = (performance.now() - started) / 1000
  if (seconds < SLOW_SECONDS) return converted
  const slow: Message = {
    type: 'info',
    code: 'ingest.slow',
    message: `Word 文件转换耗时 ${seconds.toFixed(1)} 秒。`,
    messageEn: `Converting the Word file took ${seconds.toFixed(1)} s.`
  }
  return { value: converted.value, messages: [...converted.messages, slow] }
}

/** Conversions slower than this are reported (an info message), so slow files can be found. */
const SLOW_SECONDS = 3

function shortReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e)
  return text.length > 120 ? text.slice(0, 117) + '…' : text
}

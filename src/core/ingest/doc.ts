// Word 97–2003 (.doc) → SourceDocument through word-extractor (pure JavaScript).
// word-extractor gives the body text with every cell mark (\x07) turned into a tab
// and drops the table structure. A Word row ends with one more cell mark, so the row
// end is a tab too: we take a newline after a tab, or an empty "cell" right after a
// number and before a label, as the end of a row (see splitRows). Cells keep their
// left-to-right order; spans are not recoverable from the text. Text without any
// cell marks goes through the plain-text layouts of ./text.

import { createRequire } from 'node:module'
import type { Block, SourceDocument, TableCell } from '../document'
import { error, warning, type Message, type Result } from '../messages'
import { checkOleStructure } from './ole'
import { oleKindOf, oleRefusal } from './real-format'
import { textToDocument } from './text'

interface WordDocument {
  getBody(): string
}
interface WordExtractorClass {
  new (): { extract(input: Buffer): Promise<WordDocument> }
}

let extractorClass: WordExtractorClass | null = null

function wordExtractor(): WordExtractorClass {
  extractorClass ??= createRequire(__filename)('word-extractor') as WordExtractorClass
  return extractorClass
}

const TIMEOUT_MS = 20_000

export async function docToDocument(bytes: Uint8Array): Promise<Result<SourceDocument | null>> {
  // An OLE2 file is not always Word: encrypted, Excel, PowerPoint and Works files share the container.
  // Told first (a bounded scan of directory entries, safe on any bytes), so the refusal says what it is.
  const kind = oleKindOf(bytes)
  if (kind !== 'word' && kind !== 'unknown') return { value: null, messages: [oleRefusal(kind)] }
  // word-extractor trusts the file's structure; a damaged one can abort the whole process.
  const damaged = checkOleStructure(bytes)
  if (damaged) {
    return {
      value: null,
      messages: [
        error(
          'doc.damaged',
          `Word 97–2003（.doc）文件结构已损坏（${damaged.zh}），无法读取。请用 Word 或 WPS 打开后另存为 .docx 再试。`,
          `The Word 97–2003 (.doc) file's structure is damaged (${damaged.en}); it cannot be read. Open it in Word or WPS, save it as .docx and retry.`
        )
      ]
    }
  }
  let body: string
  try {
    const Extractor = wordExtractor()
    const extracted = await withTimeout(new Extractor().extract(Buffer.from(bytes)), TIMEOUT_MS)
    body = extracted.getBody()
  } catch {
    return {
      value: null,
      messages: [error('doc.unreadable', 'Word 97–2003 (.doc) 文件已损坏或无法读取', 'The Word 97–2003 (.doc) file is damaged or cannot be read.')]
    }
  }
  body = body.replace(/\r\n?/gu, '\n')
  if (!body.includes('\t')) {
    const plain = textToDocument(body, 'utf-16le')
    return { value: { ...plain.value, format: 'doc' }, messages: plain.messages }
  }
  return buildDocument(body)
}

function buildDocument(body: string): Result<SourceDocument> {
  const messages: Message[] = []
  const blocks: Block[] = []
  let text = ''
  let tableIndex = 0
  let tableLines: string[] = []
  const addParagraph = (line: string): void => {
    const trimmed = line.trim()
    if (trimmed === '') return
    const start = text.length
    text += trimmed
    blocks.push({ kind: 'paragraph', start, end: text.length })
    text += '\n'
  }
  const flushTable = (): void => {
    const rows = splitRows(tableLines)
    tableLines = []
    if (rows.length === 0) return
    const start = text.length
    const cells: TableCell[][] = rows.map((row, r) => {
      const rowCells = row.map((cell, c) => {
        if (c > 0) text += '\t'
        const cellStart = text.length
        text += cell
        return { row: r, col: c, rowSpan: 1, colSpan: 1, start: cellStart, end: text.length }
      })
      text += '\n'
      return rowCells
    })
    blocks.push({ kind: 'table', index: tableIndex++, rows: cells, start, end: text.length - 1 })
  }
  for (const line of body.split('\n')) {
    const lastTab = line.lastIndexOf('\t')
    if (lastTab < 0) {
      flushTable()
      addParagraph(line)
      continue
    }
    tableLines.push(line.slice(0, lastTab + 1))
    // Text after a row's last cell mark is the paragraph that follows the table.
    const tail = line.slice(lastTab + 1)
    if (tail.trim() !== '') {
      flushTable()
      addParagraph(tail)
    }
  }
  flushTable()
  if (tableIndex > 0) messages.push(warning('doc.table_layout_guessed', '.doc 文件的表格行列由文本推断（合并单元格无法还原），请对照原件核对'))
  return { value: { format: 'doc', text, blocks }, messages }
}

const NUMBER = /^[-+]?[\d,，]*\.?\d+\s*%?$/u

const ENUMERATED = /^([（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/u

/**
 * Cells of one table region → rows. Each tab closes a cell (lines hold only closed
 * cells). Word ends a row with one more mark, which reads as an empty cell; we take
 * an empty cell as a row end when it follows a number and precedes a non-number
 * (the mark after a row's last value), or when it precedes a numbered row label
 * (一、 （一） 1.) in a row that already holds text, or precedes a number after a
 * header row (many labels, no numbers). A newline after a mark also ends a row.
 */
export function splitRows(lines: readonly string[]): string[][] {
  const rows: string[][] = []
  for (const line of lines) {
    const tokens = line
      .split('\t')
      .slice(0, -1)
      .map((t) => t.trim())
    let row: string[] = []
    tokens.forEach((cell, i) => {
      const previous = row.length > 0 ? row[row.length - 1] : null
      const next = i + 1 < tokens.length ? tokens[i + 1] : null
      const afterValue = previous !== null && NUMBER.test(previous) && (next === null || !NUMBER.test(next))
      const beforeLabel = next !== null && ENUMERATED.test(next) && row.some((c) => c !== '')
      const afterHeader = next !== null && NUMBER.test(next) && isHeaderRow(row)
      if (cell === '' && (afterValue || beforeLabel || afterHeader)) {
        rows.push(row)
        row = []
        return
      }
      row.push(cell)
    })
    if (row.some((c) => c !== '')) rows.push(row)
  }
  return rows
}

/** A row of column headings: several labels and no number (a data row has at most three labels). */
function isHeaderRow(row: readonly string[]): boolean {
  const filled = row.filter((c) => c !== '')
  return filled.length >= 4 && !filled.some((c) => NUMBER.test(c))
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

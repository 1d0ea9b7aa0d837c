// What a file will cost to extract, told from its bytes without parsing it (a few scans over the
// raw bytes): the extraction host starts the cheapest first, and keeps OCR work to the lanes the
// memory allows, so a scan never holds back a text report. A guess, and said to be one: a file
// that turns out to need OCR announces its pages and is counted as OCR work from then on.

import { sniffContainer } from './detect'
import { sniffPicture } from './images/sniff'
import { readZipDirectory } from './zip'
import { costByName, OCR_PAGE_COST, type CostEstimate } from './cost-by-name'

export { OCR_PAGE_COST, type CostEstimate }

/** Page images found in any one file are bounded (a lying file cannot make its estimate absurd). */
const MAX_PAGES = 1000

export function estimateCost(file: { name: string; bytes: Uint8Array; attachments?: { bytes: Uint8Array }[] }): CostEstimate {
  const pictures = (file.attachments ?? []).filter((a) => sniffPicture(a.bytes) !== null).length
  const { bytes } = file
  switch (sniffContainer(bytes)) {
    case 'picture': {
      const pages = (sniffPicture(bytes) === 'tiff' ? tiffPages(bytes) : 1) + pictures
      return ocr(pages)
    }
    case 'pdf':
      return pdfCost(bytes)
    case 'zip': {
      const dir = readZipDirectory(bytes)
      const media = 'entries' in dir ? dir.entries.filter((e) => /^(word\/media|Pictures)\//.test(e.name)).length : 0
      // Pictures in a Word file are read by OCR only when they hold the tables: quick until it says so.
      return { cost: 0.3 + bytes.length / 5_000_000 + 0.5 * Math.min(media, MAX_PAGES), ocrPages: 0 }
    }
    default: {
      // A narrative whose tables are page photos beside it: each picture is a page to read.
      const named = costByName(file.name, bytes.length)
      return pictures ? { cost: named.cost + OCR_PAGE_COST * pictures, ocrPages: pictures } : named
    }
  }
}

function ocr(pages: number): CostEstimate {
  const n = Math.min(Math.max(1, pages), MAX_PAGES)
  return { cost: 0.5 + OCR_PAGE_COST * n, ocrPages: n }
}

/** A PDF without a font draws no text: its pages are pictures for OCR. Pages counted from their objects. */
function pdfCost(bytes: Uint8Array): CostEstimate {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  let pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
  if (pages === 0) {
    // Page objects inside compressed object streams: the page tree's /Count still says how many.
    for (const m of text.matchAll(/\/Count\s+(\d{1,5})/g)) pages = Math.max(pages, Number(m[1]))
  }
  pages = Math.min(Math.max(pages, 1), MAX_PAGES)
  const fonts = /\/Font\b/.test(text)
  const images = /\/Subtype\s*\/Image\b/.test(text)
  if (!fonts && images) return ocr(pages)
  return { cost: 0.3 + 0.1 * pages, ocrPages: 0 }
}

/** Pages of a TIFF: its chain of image directories, followed to its end (a loop or a bad offset ends it). */
function tiffPages(bytes: Uint8Array): number {
  if (bytes.length < 8) return 1
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const little = bytes[0] === 0x49
  let offset = dv.getUint32(4, little)
  const seen = new Set<number>()
  let pages = 0
  while (offset >= 8 && offset + 2 <= bytes.length && !seen.has(offset) && pages < MAX_PAGES) {
    seen.add(offset)
    pages++
    const entries = dv.getUint16(offset, little)
    const next = offset + 2 + 12 * entries
    if (next + 4 > bytes.length) break
    offset = dv.getUint32(next, little)
  }
  return Math.max(1, pages)
}

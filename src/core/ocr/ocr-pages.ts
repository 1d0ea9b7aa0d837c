// OCR of a document's page images: the entry the extraction process calls. Pages are read one
// after another (the models are loaded once per process), each within its own time bound.

import type { PageImage } from '../page-image'
import { info, warning, type Message, type Result } from '../messages'
import { isBlankPage } from '../ingest/images/blank'
import { WALL_STRETCH } from '../ingest/limits'
import { readPage, type OcrPage } from './page'
import type { Quarters } from './orientation'
import type { PageSource } from './to-document'

export interface OcrProgress {
  /** Pages finished so far. */
  done: number
  total: number
  /** Where the page came from, e.g. 第 3 页. */
  origin: string
}

export interface OcrOptions {
  onProgress?: (progress: OcrProgress) => void
  /** A page taking longer keeps what was read and the rest of it is reported as not read. */
  pageTimeoutMs?: number
}

/** Below the extraction worker's 60 s limit per step, so a slow page ends with what was read instead of the whole file failing. */
export const DEFAULT_PAGE_TIMEOUT_MS = 45_000

function emptyPage(raster: { width: number; height: number }): OcrPage {
  return { skew: 0, width: raster.width, height: raster.height, unit: 1, tables: [], lines: [] }
}

/**
 * A page's clock, in ms: this process's CPU time since the page started (the OCR engine's threads
 * included), or its wall time over WALL_STRETCH when that is more. A page on a machine busy with
 * other work is not cut short for the share of a core it got: at load 8 a page took 2–3 times its
 * quiet wall time.
 */
function pageClock(): () => number {
  const wall = Date.now()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu)
    const waited = Date.now() - wall
    return Math.max((used.user + used.system) / 1000, waited / WALL_STRETCH)
  }
}

export async function ocrPages(pages: PageImage[], options: OcrOptions = {}): Promise<Result<PageSource[]>> {
  // each page's messages, in page order: a page read again says what its second reading said, once
  const notes: Message[][] = []
  const out: PageSource[] = []
  const timeout = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS
  // the way up the document's pages were surely found: a page that reads alike either way follows it
  let likely: Quarters | undefined
  // pages read alike either way before any page was sure, to read again once one is
  const torn: { image: PageImage; at: number; note: number }[] = []
  for (let i = 0; i < pages.length; i++) {
    const image = pages[i]
    const own: Message[] = []
    notes.push(own)
    const read = await readImage(image, timeout, likely, own)
    if (read) {
      const turned = read.page.quarters ?? 0
      if (read.page.quartersSure === false) {
        if (likely === undefined) torn.push({ image, at: out.length, note: i })
      } else if (read.page.tables.length || read.page.lines.length) likely = turned
      out.push(read)
    }
    options.onProgress?.({ done: i + 1, total: pages.length, origin: image.origin })
  }
  for (const { image, at, note } of likely === undefined ? [] : torn) {
    if ((out[at].page.quarters ?? 0) === likely) continue
    const own: Message[] = []
    const again = await readImage(image, timeout, likely, own)
    if (!again) continue
    out[at] = again
    notes[note] = own
  }
  return { value: out, messages: notes.flat() }
}

/** One page image read within its time bound; undefined (with a warning) when it cannot be read. */
async function readImage(image: PageImage, timeout: number, likely: Quarters | undefined, messages: Message[]): Promise<PageSource | undefined> {
  const spent = pageClock()
  try {
    const raster = await image.decode()
    // A blank page is told in one pass over its pixels: OCR would spend seconds finding nothing on it.
    const blank = isBlankPage(raster)
    if (blank) messages.push(info('ocr.page_blank', `${image.origin}为空白页，未识别`))
    const page = blank ? emptyPage(raster) : await readPage(raster, { expired: () => spent() > timeout, likelyQuarters: likely })
    if (spent() > timeout) {
      messages.push(warning('ocr.page_timeout', `${image.origin}识别超过 ${Math.round(timeout / 1000)} 秒，未识别完，请对照原件核对`))
    }
    const source: PageSource = { imageIndex: image.index, page }
    if (image.pdfPage !== undefined) source.pdfPage = image.pdfPage
    return source
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    messages.push(warning('ocr.page_failed', `${image.origin}无法识别：${detail.slice(0, 120)}`))
    return undefined
  }
}

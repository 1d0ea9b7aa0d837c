// PDF → SourceDocument through pdf.js (offline, in-process; see pdf/loader.ts).
// Lines and table cells are rebuilt from text positions and ruling lines
// (pdf/layout.ts), page chrome is dropped (pdf/chrome.ts), tables cut by a page
// break are joined (pdf/join.ts). Every table cell carries its page (1-based) and
// bbox [x0, y0, x1, y1] in PDF units with the origin at the page's top-left.

import type { SourceDocument } from '../document'
import { error, warning, type Message, type Result } from '../messages'
import { assembleDocument } from './pdf/assemble'
import { dropChrome, type PageItems } from './pdf/chrome'
import type { PageContent } from './pdf/geometry'
import { joinPages } from './pdf/join'
import { layoutPage } from './pdf/layout'
import { loadPdfJs, openPdf } from './pdf/loader'
import { paintsImages, readPage } from './pdf/page-content'
import { judgeTextLayer } from './pdf/quality'

export interface PdfLimits {
  maxPages: number
  /** Per page and for opening the file. */
  pageTimeoutMs: number
  totalTimeoutMs: number
}

// The whole-file budget stays under the app's 60 s extraction limit, so that a slow PDF ends with
// the pages read so far and a warning, rather than being abandoned whole.
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 200, pageTimeoutMs: 10_000, totalTimeoutMs: 45_000 }

export const NO_TEXT_MESSAGE = '本文件为扫描件或文字无法识别，请对照原件手工录入'

type PdfJs = Awaited<ReturnType<typeof loadPdfJs>>
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

export async function pdfToDocument(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<Result<SourceDocument | null>> {
  let pdfjs: PdfJs
  try {
    pdfjs = await loadPdfJs()
  } catch (e) {
    return failed(error('pdf.engine', 'PDF 解析组件无法加载', `The PDF engine could not be loaded: ${String(e)}`))
  }
  const task = openPdf(pdfjs, bytes)
  let doc: PdfDoc
  try {
    doc = await withTimeout(task.promise, limits.pageTimeoutMs)
  } catch (e) {
    void task.destroy()
    return failed(openError(e))
  }
  try {
    return await readDocument(doc, pdfjs, limits)
  } finally {
    // Frees the parsed document and its fonts; not waiting leaks memory under load.
    await task.destroy().catch(() => undefined)
  }
}

async function readDocument(doc: PdfDoc, pdfjs: PdfJs, limits: PdfLimits): Promise<Result<SourceDocument | null>> {
  const messages: Message[] = []
  const pageCount = Math.min(doc.numPages, limits.maxPages)
  if (doc.numPages > limits.maxPages) messages.push(warning('pdf.too_many_pages', `文件共 ${doc.numPages} 页，只读取了前 ${limits.maxPages} 页`))
  const deadline = Date.now() + limits.totalTimeoutMs
  const contents: PageContent[] = []
  for (let p = 1; p <= pageCount; p++) {
    if (Date.now() > deadline) {
      messages.push(warning('pdf.truncated', `读取超时，只读取了前 ${p - 1} 页`))
      break
    }
    try {
      const page = await withTimeout(doc.getPage(p), limits.pageTimeoutMs)
      contents.push(await withTimeout(readPage(page, p, pdfjs.OPS), limits.pageTimeoutMs))
      page.cleanup()
    } catch {
      messages.push(warning('pdf.page_unreadable', `第 ${p} 页无法读取，已跳过`))
    }
  }
  const layer = judgeTextLayer(contents.flatMap((c) => c.runs))
  if (layer !== 'ok') {
    messages.push(warning('pdf.no_text', NO_TEXT_MESSAGE))
    return { value: { format: 'pdf', text: '', blocks: [], pages: doc.numPages }, messages }
  }
  const imageOnly = await imageOnlyPages(doc, pdfjs, contents, limits)
  if (imageOnly.length > 0) messages.push(warning('pdf.pages_without_text', `第 ${imageOnly.join('、')} 页没有文字层（可能是扫描图像），请对照原件核对`))
  const pages: PageItems[] = contents.map((c) => ({ page: c.page, height: c.height, items: layoutPage(c) }))
  const items = joinPages(dropChrome(pages))
  return { value: assembleDocument(items, doc.numPages), messages }
}

/** Pages with no text that paint an image: probably scanned inside an otherwise digital file. */
async function imageOnlyPages(doc: PdfDoc, pdfjs: PdfJs, contents: PageContent[], limits: PdfLimits): Promise<number[]> {
  const out: number[] = []
  for (const content of contents) {
    if (content.runs.length > 0) continue
    try {
      const page = await withTimeout(doc.getPage(content.page), limits.pageTimeoutMs)
      if (await withTimeout(paintsImages(page, pdfjs.OPS), limits.pageTimeoutMs)) out.push(content.page)
    } catch {
      out.push(content.page)
    }
  }
  return out
}

function openError(e: unknown): Message {
  const name = (e as { name?: string } | null)?.name
  if (name === 'PasswordException')
    return error(
      'pdf.encrypted',
      'PDF 文件已加密，无法读取；请先取消密码保护再导入',
      'The PDF is password-protected and cannot be read; remove the password and import it again.'
    )
  if (e instanceof TimeoutError) return error('pdf.timeout', 'PDF 文件打开超时，文件可能已损坏', 'Opening the PDF timed out; the file may be damaged.')
  return error('pdf.corrupt', 'PDF 文件已损坏或格式无法识别，无法读取', 'The PDF is damaged or not a readable PDF.')
}

function failed(message: Message): Result<null> {
  return { value: null, messages: [message] }
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

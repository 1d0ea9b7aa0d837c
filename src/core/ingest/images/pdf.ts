// PDF pages as pictures: which pages are scans (no text layer of substance, a picture painted),
// and those pages rendered to grey pixels by pdf.js on @napi-rs/canvas (the canvas pdf.js
// supports in Node). Rendering the whole page, not extracting the embedded image, keeps one
// coordinate system whatever the scanner wrote (strips, masks, rotated placements, JBIG2).

import type { Message, Result } from '../../messages'
import { warning } from '../../messages'
import { DEFAULT_PDF_LIMITS } from '../pdf'
import { loadPdfJs, openPdf } from '../pdf/loader'
import { IMAGE_LIMITS, PDF_RENDER } from './limits'
import { canvasLib, encodeCanvas, greyFromRgba } from './raster'
import type { PageImage } from '../../page-image'

type PdfJs = Awaited<ReturnType<typeof loadPdfJs>>
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>

/** A page with fewer visible characters than this in its text layer has no text of substance (a stamp, a page number). */
const MIN_TEXT_CHARS = 40

export interface PdfImageOptions {
  /** 1-based pages to render; by default every page that is a scan. */
  pages?: number[]
  dpi?: number
  /** Called as each page is rendered (a 600 dpi page takes seconds: the extraction worker's clock restarts at each step). */
  onRendered?: (done: number, total: number) => void
}

export async function pdfPageImages(bytes: Uint8Array, options: PdfImageOptions = {}): Promise<Result<PageImage[]>> {
  const pdfjs = await loadPdfJs()
  const task = openPdf(pdfjs, bytes)
  try {
    const doc = await task.promise
    const messages: Message[] = []
    const wanted = options.pages ?? (await scannedPages(doc, pdfjs))
    const pages = wanted.filter((p) => p >= 1 && p <= doc.numPages)
    if (pages.length > IMAGE_LIMITS.maxImages) {
      messages.push(warning('ingest.image_too_many', `扫描页共 ${pages.length} 页，只识别前 ${IMAGE_LIMITS.maxImages} 页。`))
      pages.length = IMAGE_LIMITS.maxImages
    }
    const images: PageImage[] = []
    for (const p of pages) {
      const page = await doc.getPage(p)
      // a scan is rendered at its own resolution (an A4 page carrying a 300 dpi image at 300 dpi):
      // rendered coarser, its thin ruling lines fade into the paper; never below PDF_RENDER.dpi
      const dpi = options.dpi ?? Math.max(PDF_RENDER.dpi, Math.min(PDF_RENDER.maxDpi, (await imageDpi(page, pdfjs)) ?? 0))
      images.push(await renderPage(page, p, images.length, dpi))
      options.onRendered?.(images.length, pages.length)
    }
    return { value: images, messages }
  } finally {
    await task.destroy().catch(() => undefined)
  }
}

/** 1-based numbers of the pages that are scans: a picture painted and (almost) no text layer. */
export async function scannedPages(doc: PdfDoc, pdfjs: PdfJs): Promise<number[]> {
  const paintsImage = new Set([
    pdfjs.OPS.paintImageXObject,
    pdfjs.OPS.paintInlineImageXObject,
    pdfjs.OPS.paintImageXObjectRepeat,
    pdfjs.OPS.paintImageMaskXObject
  ])
  const pages: number[] = []
  // As many pages as the text reader reads (DEFAULT_PDF_LIMITS.maxPages): a longer file is no single report.
  for (let p = 1; p <= Math.min(doc.numPages, DEFAULT_PDF_LIMITS.maxPages); p++) {
    const page = await doc.getPage(p)
    const content = await page.getTextContent()
    let chars = 0
    for (const item of content.items) if ('str' in item) chars += item.str.replace(/\s+/g, '').length
    if (chars >= MIN_TEXT_CHARS) continue
    const ops = await page.getOperatorList()
    if (ops.fnArray.some((fn) => paintsImage.has(fn))) pages.push(p)
    // The pictures decoded for the list are let go now, not kept beside the page's render (issue 22).
    page.cleanup()
  }
  return pages
}

type Matrix = [number, number, number, number, number, number]
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5]
]

/** A picture smaller than this share of the page (a logo, a seal) does not set the page's resolution. */
const MIN_IMAGE_SHARE = 0.2

/**
 * Pixels per inch of the largest picture painted on the page: its pixel size over the size it is
 * drawn at (the transformation matrix in force when it is painted maps the unit square onto it).
 * Null when the page paints no picture of size.
 */
export async function imageDpi(page: PdfPage, pdfjs: PdfJs): Promise<number | null> {
  const { OPS } = pdfjs
  const ops = await page.getOperatorList()
  const view = page.getViewport({ scale: 1 })
  const pageArea = view.width * view.height
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let best: { area: number; dpi: number } | null = null
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
    else if (fn === OPS.transform) ctm = times(ctm, args as Matrix)
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const size = pixelSize(fn === OPS.paintImageXObject ? args.slice(1) : args[0])
      if (!size) continue
      // the drawn size in points: the lengths of the unit square's sides under the matrix
      const drawnW = Math.hypot(ctm[0], ctm[1])
      const drawnH = Math.hypot(ctm[2], ctm[3])
      const area = drawnW * drawnH
      if (!(area > 0) || area < MIN_IMAGE_SHARE * pageArea) continue
      // side by side whatever the placement: the matrix maps the picture's width onto drawnW
      const dpi = 72 * Math.sqrt((size[0] * size[1]) / area)
      if (Number.isFinite(dpi) && (!best || area > best.area)) best = { area, dpi }
    }
  }
  return best ? Math.round(best.dpi) : null
}

function pixelSize(arg: unknown): [number, number] | null {
  if (Array.isArray(arg) && typeof arg[0] === 'number' && typeof arg[1] === 'number') return [arg[0], arg[1]]
  if (arg && typeof arg === 'object' && 'width' in arg && 'height' in arg) {
    const { width, height } = arg as { width: unknown; height: unknown }
    if (typeof width === 'number' && typeof height === 'number') return [width, height]
  }
  return null
}

async function renderPage(page: PdfPage, pageNumber: number, index: number, dpi: number): Promise<PageImage> {
  const base = page.getViewport({ scale: 1 })
  let scale = dpi / 72
  const pixels = base.width * base.height * scale * scale
  if (pixels > PDF_RENDER.maxPixels) scale *= Math.sqrt(PDF_RENDER.maxPixels / pixels)
  const viewport = page.getViewport({ scale })
  const width = Math.max(1, Math.round(viewport.width))
  const height = Math.max(1, Math.round(viewport.height))
  const canvas = canvasLib().createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  // pdf.js draws on @napi-rs/canvas's context as on a browser's; the types differ only nominally.
  type RenderParameters = Parameters<PdfPage['render']>[0]
  await page.render({ canvasContext: context, canvas, viewport } as unknown as RenderParameters).promise
  const grey = greyFromRgba(context.getImageData(0, 0, width, height).data, width, height)
  const jpeg = await encodeCanvas(canvas, 'jpeg', 85)
  page.cleanup()
  return {
    index,
    origin: `第 ${pageNumber} 页`,
    mime: 'image/jpeg',
    bytes: jpeg,
    width,
    height,
    pdfPage: pageNumber,
    // The render's own pixels, not the JPEG's: OCR reads what pdf.js drew, losslessly.
    decode: async () => grey
  }
}

// PDF pages as pictures: which pages are scans (no text layer of substance, a picture painted),
// and those pages rendered to grey pixels by pdf.js on @napi-rs/canvas (the canvas pdf.js
// supports in Node). Rendering the whole page, not extracting the embedded image, keeps one
// coordinate system whatever the scanner wrote (strips, masks, rotated placements, JBIG2); a page
// that paints one plain JPEG and nothing else is drawn by drawing that JPEG the way pdf.js would,
// in the same viewport (jpegDrawn).

import type { Message, Result } from '../../messages'
import { warning } from '../../messages'
import { DEFAULT_PDF_LIMITS } from '../pdf'
import { loadPdfJs, openPdf, PDF_IMAGE_CAPS } from '../pdf/loader'
import type { Matrix } from '../pdf/matrix'
import { multiply } from '../pdf/matrix'
import { jpegAsPdfJsReadsIt, pagePictures, PdfObjects, type PaintedPicture } from '../pdf/page-pictures'
import { IMAGE_LIMITS, PDF_RENDER } from './limits'
import { canvasLib, encodeCanvas, greyFromRgba } from './raster'
import type { PageImage, Raster } from '../../page-image'

type PdfJs = Awaited<ReturnType<typeof loadPdfJs>>
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>

/** A page with fewer visible characters than this in its text layer has no text of substance (a stamp, a page number). */
const MIN_TEXT_CHARS = 40

export interface PdfImageOptions {
  /** 1-based pages to render; by default every page that is a scan. */
  pages?: number[]
  dpi?: number
  /**
   * Called as each page is looked at for a picture (before the first page is read: a long scan takes
   * a while, and the extraction worker's clock restarts at each step); `total` is the pages to look at.
   */
  onScanned?: (done: number, total: number) => void
}

/** The scanned pages, each rendered only when read (`decode`), and `release` to let the PDF go. */
export interface PdfPageImages extends Result<PageImage[]> {
  /** Closes the PDF (pages not rendered yet can no longer be); also done once every page has been rendered. */
  release(): Promise<void>
}

/**
 * The pages that are scans, as page images rendered lazily: a page is drawn when OCR decodes it and
 * its pixels are not kept (issue 22, item 9: a 150-page scan was rendered, and held, whole before
 * OCR read its first page). Size and resolution are known up front; `bytes` (the JPEG the source
 * pane shows) is filled by the page's first render and stays empty for a page never rendered.
 */
export async function pdfPageImages(bytes: Uint8Array, options: PdfImageOptions = {}): Promise<PdfPageImages> {
  const pdfjs = await loadPdfJs()
  // Looking for the scanned pages lists each page's drawing, and pdf.js then decodes every picture
  // listed, in the background, into pages let go of already: on the document that draws them, the
  // first page drawn waited behind all of them (80 s and 1.8 GB for 150 pages at 300 dpi). The
  // looking is done on a document of its own, closed before any page is drawn.
  // What each page paints is read from the file's own objects where they are plain (nothing decoded).
  const objects = PdfObjects.of(bytes)
  const wanted: { page: number; dpi?: number | null; sole?: PaintedPicture }[] = options.pages
    ? options.pages.map((p) => ({ page: p }))
    : await lookedThrough(pdfjs, bytes, objects, options.onScanned)
  const task = openPdf(pdfjs, bytes)
  let open = true
  const release = async (): Promise<void> => {
    if (!open) return
    open = false
    await task.destroy().catch(() => undefined)
  }
  try {
    const doc = await task.promise
    const messages: Message[] = []
    const pages = wanted.filter((p) => p.page >= 1 && p.page <= doc.numPages)
    if (pages.length > IMAGE_LIMITS.maxImages) {
      messages.push(warning('ingest.image_too_many', `扫描页共 ${pages.length} 页，只识别前 ${IMAGE_LIMITS.maxImages} 页。`))
      pages.length = IMAGE_LIMITS.maxImages
    }
    const unrendered = new Set(pages.map((p) => p.page))
    const images: PageImage[] = []
    for (const wantedPage of pages) {
      const p = wantedPage.page
      const page = await doc.getPage(p)
      let { dpi: found, sole } = wantedPage
      // a page asked for by number has not been looked at: what it paints is read here
      if (found === undefined) {
        const { pictures } = await picturesPainted(page, objects, pdfjs)
        found = dpiOf(pictures, page)
        sole = soleJpeg(pictures)
      }
      // a scan is rendered at its own resolution (an A4 page carrying a 300 dpi image at 300 dpi):
      // rendered coarser, its thin ruling lines fade into the paper; never below PDF_RENDER.dpi
      const dpi = options.dpi ?? Math.max(PDF_RENDER.dpi, Math.min(PDF_RENDER.maxDpi, found ?? 0))
      const viewport = renderViewport(page, dpi)
      page.cleanup()
      const image: PageImage = {
        index: images.length,
        origin: `第 ${p} 页`,
        mime: 'image/jpeg',
        bytes: new Uint8Array(0),
        width: viewport.width,
        height: viewport.height,
        pdfPage: p,
        decode: async () => {
          if (!open) throw new Error(`第 ${p} 页：PDF 已关闭，未能渲染`)
          const drawn = (sole && (await jpegDrawn(await doc.getPage(p), dpi, sole))) || (await renderPage(await doc.getPage(p), dpi))
          image.bytes = drawn.jpeg
          unrendered.delete(p)
          if (unrendered.size === 0) await release()
          // The render's own pixels, not the JPEG's: OCR reads what pdf.js drew, losslessly.
          return drawn.grey
        }
      }
      images.push(image)
    }
    if (images.length === 0) await release()
    return { value: images, messages, release }
  } catch (e) {
    await release()
    throw e
  }
}

/**
 * Waits for the pictures a page's drawing list names. pdf.js decodes them after handing over the list,
 * in the background: left to run, a long scan's pictures were all decoded at once, past the pages
 * already let go (1.8 GB for 150 pages at 300 dpi), and the first page drawn waited behind every
 * one of them (80 s, past a step's limit, ending the file with no reason given). Waited for, each
 * page's are decoded and let go before the next page is looked at.
 */
async function picturesDecoded(page: PdfPage, ops: OperatorList, pdfJs: PdfJs): Promise<void> {
  const ids: string[] = []
  ops.fnArray.forEach((fn, i) => {
    const first = (ops.argsArray[i] as unknown[] | null)?.[0]
    if (fn === pdfJs.OPS.paintImageXObject && typeof first === 'string') ids.push(first)
    const mask = first as { data?: unknown } | null | undefined
    if (fn === pdfJs.OPS.paintImageMaskXObject && typeof mask?.data === 'string') ids.push(mask.data)
  })
  // A picture shared by several pages is the document's ("g_…"), kept among its common objects.
  await Promise.all(ids.map((id) => new Promise<void>((resolve) => (id.startsWith('g_') ? page.commonObjs : page.objs).get(id, () => resolve()))))
}

async function lookedThrough(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  objects: PdfObjects | null,
  onScanned?: (done: number, total: number) => void
): Promise<ScannedPage[]> {
  const task = openPdf(pdfjs, bytes)
  try {
    return await scannedPages(await task.promise, pdfjs, objects, onScanned)
  } finally {
    await task.destroy().catch(() => undefined)
  }
}

/** A page that is a scan, with the resolution of its picture when it paints one of size. */
interface ScannedPage {
  page: number
  dpi: number | null
  /** The one picture the page paints, when drawing its JPEG draws the page (PaintedPicture.jpeg). */
  sole?: PaintedPicture
}

/**
 * The pages that are scans: a picture painted and (almost) no text layer. What a page paints is read
 * from the file (`objects`) where it is plain, so that a scan's picture is decoded only when the page
 * is drawn; else pdf.js lists the page's drawing, decoding its pictures.
 */
export async function scannedPages(
  doc: PdfDoc,
  pdfJs: PdfJs,
  objects: PdfObjects | null,
  onScanned?: (done: number, total: number) => void
): Promise<ScannedPage[]> {
  const pages: ScannedPage[] = []
  // As many pages as the text reader reads (DEFAULT_PDF_LIMITS.maxPages): a longer file is no single report.
  const total = Math.min(doc.numPages, DEFAULT_PDF_LIMITS.maxPages)
  for (let p = 1; p <= total; p++) {
    const page = await doc.getPage(p)
    const content = await page.getTextContent()
    let chars = 0
    for (const item of content.items) if ('str' in item) chars += item.str.replace(/\s+/g, '').length
    if (chars < MIN_TEXT_CHARS) {
      const painted = await picturesPainted(page, objects, pdfJs)
      if (painted.any) {
        const sole = soleJpeg(painted.pictures)
        pages.push({ page: p, dpi: dpiOf(painted.pictures, page), ...(sole ? { sole } : {}) })
      }
    }
    // The pictures decoded for the list are let go now, not kept beside the page's render (issue 22).
    page.cleanup()
    onScanned?.(p, total)
  }
  return pages
}

/**
 * What a page paints: whether any picture, and those of known size with the matrix each is painted
 * with. Read from the file's objects when the page is plain (nothing decoded); else from pdf.js's
 * drawing list, whose pictures are waited for (decoded) before the page is let go.
 */
async function picturesPainted(page: PdfPage, objects: PdfObjects | null, pdfJs: PdfJs): Promise<{ any: boolean; pictures: PaintedPicture[] }> {
  const read = objects && page.ref ? pagePictures(objects, page.ref, PDF_IMAGE_CAPS.maxImageSize) : null
  if (read) return { any: read.length > 0, pictures: read }
  const ops = await page.getOperatorList()
  await picturesDecoded(page, ops, pdfJs)
  const { OPS } = pdfJs
  const paintsImage = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject])
  return { any: ops.fnArray.some((fn) => paintsImage.has(fn)), pictures: picturesListed(ops, pdfJs) }
}

type OperatorList = Awaited<ReturnType<PdfPage['getOperatorList']>>

/** The pictures of a drawing list with a pixel size, each with the matrix in force when painted. */
function picturesListed(ops: OperatorList, pdfJs: PdfJs): PaintedPicture[] {
  const { OPS } = pdfJs
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  const pictures: PaintedPicture[] = []
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[])
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const size = pixelSize(fn === OPS.paintImageXObject ? args.slice(1) : args[0])
      if (size) pictures.push({ width: size[0], height: size[1], matrix: ctm })
    }
  }
  return pictures
}

/** A picture smaller than this share of the page (a logo, a seal) does not set the page's resolution. */
const MIN_IMAGE_SHARE = 0.2

/**
 * Pixels per inch of the largest picture painted on the page: its pixel size over the size it is
 * drawn at (the transformation matrix in force when it is painted maps the unit square onto it).
 * Null when the page paints no picture of size.
 */
function dpiOf(pictures: PaintedPicture[], page: PdfPage): number | null {
  const view = page.getViewport({ scale: 1 })
  const pageArea = view.width * view.height
  let best: { area: number; dpi: number } | null = null
  for (const { width, height, matrix: ctm } of pictures) {
    // the drawn size in points: the lengths of the unit square's sides under the matrix
    const drawnW = Math.hypot(ctm[0], ctm[1])
    const drawnH = Math.hypot(ctm[2], ctm[3])
    const area = drawnW * drawnH
    if (!(area > 0) || area < MIN_IMAGE_SHARE * pageArea) continue
    // side by side whatever the placement: the matrix maps the picture's width onto drawnW
    const dpi = 72 * Math.sqrt((width * height) / area)
    if (Number.isFinite(dpi) && (!best || area > best.area)) best = { area, dpi }
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

/** The viewport a page is drawn in at `dpi`, within the pixel cap; whole pixels. */
function renderViewport(page: PdfPage, dpi: number): { scale: number; width: number; height: number } {
  const base = page.getViewport({ scale: 1 })
  let scale = dpi / 72
  const pixels = base.width * base.height * scale * scale
  if (pixels > PDF_RENDER.maxPixels) scale *= Math.sqrt(PDF_RENDER.maxPixels / pixels)
  const viewport = page.getViewport({ scale })
  return { scale, width: Math.max(1, Math.round(viewport.width)), height: Math.max(1, Math.round(viewport.height)) }
}

/** The page's one picture, when it is a JPEG whose drawing is the page's. */
const soleJpeg = (pictures: PaintedPicture[]): PaintedPicture | undefined => (pictures.length === 1 && pictures[0].jpeg ? pictures[0] : undefined)

/**
 * A page that paints one JPEG and nothing else, drawn by drawing the JPEG where pdf.js would (its
 * matrix in the page's viewport), decoded by skia's libjpeg-turbo: half the CPU of pdf.js decoding
 * it in JavaScript and drawing it (issue 23, item 7). Only at about one picture pixel a canvas pixel,
 * where both draw it alike (pdf.js halves a picture shrunk further first, and draws one enlarged
 * unsmoothed); null otherwise, or when the JPEG does not decode to its declared size.
 */
async function jpegDrawn(page: PdfPage, dpi: number, picture: PaintedPicture): Promise<{ grey: Raster; jpeg: Uint8Array } | null> {
  const { scale, width, height } = renderViewport(page, dpi)
  const viewport = page.getViewport({ scale })
  const m = picture.matrix
  const across = (scale * Math.hypot(m[0], m[1])) / picture.width
  const down = (scale * Math.hypot(m[2], m[3])) / picture.height
  if (!(across >= 0.75 && across <= 1.33 && down >= 0.75 && down <= 1.33)) return null
  const { createCanvas, loadImage } = canvasLib()
  const jpeg = jpegAsPdfJsReadsIt(picture.jpeg!)
  const image = await loadImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength)).catch(() => null)
  if (!image || image.width !== picture.width || image.height !== picture.height) return null
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  const [a, b, c, d, e, f] = viewport.transform
  context.setTransform(a, b, c, d, e, f)
  context.transform(m[0], m[1], m[2], m[3], m[4], m[5])
  // the unit square, the picture's first row at its top
  context.transform(1 / picture.width, 0, 0, -1 / picture.height, 0, 1)
  context.imageSmoothingEnabled = true
  context.drawImage(image, 0, 0)
  const grey = greyFromRgba(context.getImageData(0, 0, width, height).data, width, height)
  // a page that is its picture pixel for pixel is shown as the picture itself, not encoded again
  const shown = pixelForPixel(multiplied(multiplied([a, b, c, d, e, f], m), [1 / picture.width, 0, 0, -1 / picture.height, 0, 1]), picture, width, height)
  return { grey, jpeg: shown ? jpeg : await encodeCanvas(canvas, 'jpeg', 85) }
}

type Affine = readonly [number, number, number, number, number, number]

/** The affine transform `outer` after `inner` (canvas order: x' = a·x + c·y + e, y' = b·x + d·y + f). */
export function multiplied(outer: Affine | number[], inner: Affine | number[]): Affine {
  const [a, b, c, d, e, f] = outer
  const [g, h, i, j, k, l] = inner
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f]
}

/**
 * True when `t` takes a picture's pixels onto a canvas of its own size as they are: each corner
 * lands within half a pixel of itself (a page's size in points rounds its height by a fraction of
 * a pixel at the picture's resolution).
 */
export function pixelForPixel(t: Affine, picture: { width: number; height: number }, width: number, height: number): boolean {
  if (picture.width !== width || picture.height !== height) return false
  const [a, b, c, d, e, f] = t
  return [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height]
  ].every(([x, y]) => Math.hypot(a * x + c * y + e - x, b * x + d * y + f - y) <= 0.5)
}

async function renderPage(page: PdfPage, dpi: number): Promise<{ grey: Raster; jpeg: Uint8Array }> {
  const { scale, width, height } = renderViewport(page, dpi)
  const viewport = page.getViewport({ scale })
  const canvas = canvasLib().createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, width, height)
  try {
    // pdf.js draws on @napi-rs/canvas's context as on a browser's; the types differ only nominally.
    type RenderParameters = Parameters<PdfPage['render']>[0]
    await page.render({ canvasContext: context, canvas, viewport } as unknown as RenderParameters).promise
    const grey = greyFromRgba(context.getImageData(0, 0, width, height).data, width, height)
    return { grey, jpeg: await encodeCanvas(canvas, 'jpeg', 85) }
  } finally {
    page.cleanup()
  }
}

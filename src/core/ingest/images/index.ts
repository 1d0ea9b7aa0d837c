// Page images of a document: every picture where a report's text or tables may be, from every
// container — scanned PDF pages, pictures in a .docx, a saved page's pictures (its `_files` folder
// or its .mht archive), picture files, and page photos dropped together with a report.
// Called after ingest read the document (the anchors index into its text); OCR reads the result.

import type { SourceDocument } from '../../document'
import type { ExtractedReport } from '../../report'
import { warning, type Message, type Result } from '../../messages'
import { decodeBytes } from '../decode'
import { htmlToDocument } from '../html'
import type { HtmlImageRef } from '../html-walk'
import { docxPictures } from './docx'
import { IMAGE_LIMITS } from './limits'
import { localFiles } from './local-files'
import { findPart, readMhtPage } from './mht-page'
import { pdfPageImages, type PdfImageOptions } from './pdf'
import { oversizedPdfPictures, type DeclaredPicture } from '../pdf/picture-sizes'
import { pictureImages, type PictureSource } from './picture'
import { sniffPicture } from './sniff'
import type { IngestAttachment, PageImage, StoredPageImage } from '../../page-image'

export type { IngestAttachment, PageImage, Raster, StoredPageImage } from '../../page-image'
export { sniffPicture } from './sniff'

export interface PageImageInput {
  name: string
  /** The main file's path relative to the drop (saved pages resolve their pictures against it). */
  path?: string
  bytes: Uint8Array
  attachments?: readonly IngestAttachment[]
}

export interface PageImageOptions {
  /** For PDFs: which pages and at what resolution (default: the scanned pages, 150 dpi). */
  pdf?: PdfImageOptions
}

/** A PDF picture pdf.js leaves out undecoded (PDF_IMAGE_CAPS), with its size and the cap. */
function pdfPictureTooLarge({ width, height }: DeclaredPicture): Message {
  return {
    type: 'warning',
    code: 'ingest.image_too_large',
    message: `PDF 中有一张图片尺寸过大（${width} × ${height} 像素，超过 ${IMAGE_LIMITS.maxPixels / 10_000} 万像素的上限），未解码，也未识别。`,
    messageEn: `A picture in the PDF is ${width} × ${height} pixels, above the ${IMAGE_LIMITS.maxPixels / 1_000_000} M pixel cap; it was neither decoded nor read.`
  }
}

/** A document's page images, and `release` to let go of what drawing them lazily holds (a PDF's pages). */
export interface PageImages extends Result<PageImage[]> {
  release(): Promise<void>
}

const nothingHeld = async (): Promise<void> => undefined

/**
 * The document's page images in reading order, `index` 0…n-1. Pictures that cannot be read are left
 * out with a warning. A PDF's pages are drawn only as each is decoded; call `release` once done.
 */
export async function pageImagesOf(input: PageImageInput, document: SourceDocument, options: PageImageOptions = {}): Promise<PageImages> {
  const messages: Message[] = []
  const sources: PictureSource[] = []
  const used = new Set<IngestAttachment>()
  const attachments = input.attachments ?? []
  switch (document.format) {
    case 'pdf': {
      messages.push(...oversizedPdfPictures(input.bytes).map(pdfPictureTooLarge))
      const rendered = await pdfPageImages(input.bytes, options.pdf)
      messages.push(...rendered.messages)
      try {
        return { ...(await finish(rendered.value, attachments, document, messages, input)), release: rendered.release }
      } catch (e) {
        await rendered.release()
        throw e
      }
    }
    case 'docx': {
      const pictures = await docxPictures(input.bytes)
      messages.push(...pictures.messages)
      // A picture shown again (the same part) is read once: decoding and OCR cost the same each time.
      const seen = new Set<string>()
      for (const p of pictures.value) if (!seen.has(p.path) && seen.add(p.path)) sources.push({ bytes: p.bytes, origin: p.path, anchor: p.at })
      break
    }
    case 'doc':
      messages.push(warning('ingest.doc_pictures', '旧版 Word 文件（.doc）中的图片暂不能读取；如表格是图片，请用 Word 或 WPS 另存为 .docx 后再导入。'))
      break
    case 'html': {
      const refs = await htmlPictureRefs(input.bytes)
      const files = localFiles(input.path ?? input.name, attachments)
      let missing = 0
      for (const ref of refs) {
        const file = files.find(ref.src)
        if (!file) {
          if (!/^data:/i.test(ref.src)) missing++
          continue
        }
        if (used.has(file)) continue // shown again: read once
        used.add(file)
        sources.push({ bytes: file.bytes, origin: besideMain(input, file), anchor: ref.at })
      }
      if (missing > 0 && refs.length > 0) messages.push(missingPictures(missing))
      break
    }
    case 'mht': {
      const page = await readMhtPage(input.bytes)
      if (!page) break
      const refs: HtmlImageRef[] = []
      htmlToDocument(page.html, { format: 'mht', images: refs })
      const parts = new Set<object>()
      let missing = 0
      for (const ref of refs) {
        const part = findPart(page.archive, ref.src)
        if (!part) missing++
        else if (!parts.has(part) && parts.add(part)) sources.push({ bytes: part.bytes, origin: part.location ?? part.contentId ?? ref.src, anchor: ref.at })
      }
      if (missing > 0) messages.push(missingPictures(missing))
      break
    }
    case 'image':
      sources.push({ bytes: input.bytes, origin: input.name })
      break
  }
  const images = await picturesOf(sources, messages)
  const done = await finish(
    images,
    attachments.filter((a) => !used.has(a)),
    document,
    messages,
    input
  )
  return { ...done, release: nothingHeld }
}

/** An attachment's path as seen from the main file's folder (what a reviewer recognises: 表三.jpg, 报告_files/image001.jpg). */
function besideMain(input: PageImageInput, file: IngestAttachment): string {
  const path = file.path ?? file.name
  const main = input.path ?? ''
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : ''
  return folder && path.startsWith(folder) ? path.slice(folder.length) : path
}

/** Page photos dropped with the report come after its own pictures, in name order, anchored at the end of its text. */
async function finish(
  own: PageImage[],
  extra: readonly IngestAttachment[],
  document: SourceDocument,
  messages: Message[],
  input: PageImageInput
): Promise<Result<PageImage[]>> {
  const photos = extra
    .filter((a) => sniffPicture(a.bytes) !== null)
    .sort((a, b) => (a.path ?? a.name).localeCompare(b.path ?? b.name, 'zh-CN', { numeric: true }))
    .map((a) => ({ bytes: a.bytes, origin: besideMain(input, a), anchor: document.text.length }))
  const more = await picturesOf(photos, messages, own.length)
  const all = [...own, ...more]
  // Numbered in place, not copied: a PDF page's JPEG is filled in on the page image itself when it is first drawn (pdf.ts).
  all.forEach((image, index) => (image.index = index))
  return { value: all, messages }
}

async function picturesOf(sources: PictureSource[], messages: Message[], already = 0): Promise<PageImage[]> {
  const images: PageImage[] = []
  let bytes = 0
  for (const source of sources) {
    const room = IMAGE_LIMITS.maxImages - already - images.length
    bytes += source.bytes.length
    if (room <= 0 || bytes > IMAGE_LIMITS.maxTotalBytes) {
      messages.push(warning('ingest.image_too_many', `图片过多或合计过大，只读取了前 ${already + images.length} 张。`))
      break
    }
    const read = await pictureImages(source, room)
    messages.push(...read.messages)
    for (const image of read.value) images.push({ ...image, index: already + images.length })
  }
  return images
}

async function htmlPictureRefs(bytes: Uint8Array): Promise<HtmlImageRef[]> {
  const decoded = await decodeBytes(bytes, { markup: true })
  const refs: HtmlImageRef[] = []
  htmlToDocument(decoded.text, { images: refs })
  return refs
}

function missingPictures(count: number): Message {
  return warning('ingest.image_missing', `网页引用的 ${count} 张图片不在随附的文件中，未读取（请把网页和同名的“_files”文件夹一起拖入）。`)
}

/**
 * Whether OCR should read the page images: there are some, and a standard table is missing from the
 * text (a scan, or tables published as pictures). A report whose three tables were all read from its
 * text needs none, whatever pictures it carries (logos, stamps, photos of events).
 */
export function needsOcr(report: Pick<ExtractedReport, 'tables'>, images: readonly unknown[]): boolean {
  return images.length > 0 && Object.values(report.tables).some((status) => status === 'missing')
}

/** The plain-data form kept with the document (the decode function stays behind). */
export function storedPageImage(image: PageImage): StoredPageImage {
  const { decode: _decode, ...stored } = image
  return stored
}

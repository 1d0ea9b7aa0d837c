// Picture files and embedded pictures → PageImage. PNG and JPEG are kept as they are (the source
// pane shows the very bytes); BMP, GIF, WebP and TIFF pages are re-encoded as PNG. Every picture is
// measured from its header and refused when too large before anything decodes it.

import UTIF from 'utif2'
import type { Message, Result } from '../../messages'
import { IMAGE_LIMITS } from './limits'
import { decodePicture, encodeGreyPng, greyFromRgba } from './raster'
import { pictureSize, sniffPicture, type PictureSize } from './sniff'
import type { PageImage, Raster } from '../../page-image'

export interface PictureSource {
  bytes: Uint8Array
  /** Where it came from, for messages ('word/media/image2.png', '表三.jpg'). */
  origin: string
  anchor?: number
  pdfPage?: number
}

type Built = Omit<PageImage, 'index'>

/** One picture (several for a multi-page TIFF). Pictures that cannot or may not be read give a warning, not an error. */
export async function pictureImages(source: PictureSource, room: number = IMAGE_LIMITS.maxImages): Promise<Result<Built[]>> {
  const { bytes, origin } = source
  const kind = sniffPicture(bytes)
  if (!kind) return skipped(imageWarning('not_picture', origin, '不是可读取的图片格式（支持 PNG、JPEG、TIFF、BMP、GIF、WebP）'))
  if (bytes.length > IMAGE_LIMITS.maxBytes) return skipped(imageWarning('too_large', origin, `图片文件过大（${mb(bytes.length)} MB）`))
  if (kind === 'tiff') return tiffImages(source, room)
  const size = pictureSize(bytes, kind)
  if (!size) return skipped(imageWarning('unreadable', origin, '图片文件头无法读取'))
  const refused = sizeProblem(size, origin)
  if (refused) return skipped(refused)
  if (tiny(size)) return { value: [], messages: [] }
  if (kind === 'png' || kind === 'jpeg') {
    const image: Built = {
      ...placement(source),
      mime: kind === 'png' ? 'image/png' : 'image/jpeg',
      bytes,
      width: size.width,
      height: size.height,
      decode: () => decodePicture(bytes)
    }
    return { value: [image], messages: [] }
  }
  try {
    return { value: [await asPng(source, await decodePicture(bytes))], messages: [] }
  } catch (e) {
    return skipped(imageWarning('unreadable', origin, `图片无法解码（${(e as Error).message}）`))
  }
}

async function tiffImages(source: PictureSource, room: number): Promise<Result<Built[]>> {
  const { bytes, origin } = source
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const chain = tiffChainLength(bytes)
  if (chain === null) return skipped(imageWarning('unreadable', origin, 'TIFF 文件的页面目录损坏或循环引用'))
  let ifds: UTIF.IFD[]
  try {
    // The chain was walked first: UTIF follows it without end when it loops.
    ifds = UTIF.decode(buffer).filter((ifd) => Array.isArray(ifd.t256) && Array.isArray(ifd.t257))
  } catch (e) {
    return skipped(imageWarning('unreadable', origin, `TIFF 文件无法读取（${(e as Error).message}）`))
  }
  const messages: Message[] = []
  if (ifds.length > room) {
    messages.push(imageWarning('too_many', origin, `TIFF 共 ${ifds.length} 页，只读取前 ${room} 页`))
    ifds = ifds.slice(0, room)
  }
  const images: Built[] = []
  for (const [i, ifd] of ifds.entries()) {
    const pageOrigin = ifds.length > 1 ? `${origin} 第 ${i + 1} 页` : origin
    const size = { width: Number((ifd.t256 as number[])[0]), height: Number((ifd.t257 as number[])[0]) }
    const refused = sizeProblem(size, pageOrigin) ?? tiffDepthProblem(ifd, pageOrigin)
    if (refused) {
      messages.push(refused)
      continue
    }
    try {
      UTIF.decodeImage(buffer, ifd)
      const raster = greyFromRgba(UTIF.toRGBA8(ifd), ifd.width, ifd.height)
      images.push(await asPng({ ...source, origin: pageOrigin }, raster))
    } catch (e) {
      messages.push(imageWarning('unreadable', pageOrigin, `TIFF 页面无法解码（${(e as Error).message}）`))
    }
  }
  return { value: images, messages }
}

/** Bits a pixel may take in a TIFF page: 4 samples of 16 bits (RGBA, 16-bit), the most a scan has. */
const TIFF_MAX_BITS_PER_PIXEL = 64

/**
 * A TIFF page's bits a pixel, as UTIF computes them to size its buffer (samples × bits, or for a
 * colour-filter page the strip's bytes over its pixels), refused past TIFF_MAX_BITS_PER_PIXEL
 * before decoding: a 138-byte page of 1000² pixels declaring 4096 samples made UTIF allocate 4 GB.
 */
export function tiffDepthProblem(ifd: UTIF.IFD, origin: string): Message | null {
  const first = (tag: string): number | undefined => {
    const value = (ifd as Record<string, unknown>)[tag]
    return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : undefined
  }
  const samples = first('t277') ?? 1
  const bits = first('t258') ?? 1
  let bitsPerPixel = samples * bits
  const width = first('t256') ?? 0
  const rows = first('t278')
  const stripBytes = first('t279')
  if ((first('t259') ?? 1) === 1 && first('t262') === 32803 && rows && stripBytes !== undefined && width > 0) {
    bitsPerPixel = Math.round((stripBytes * 8) / (width * rows))
  }
  if (Number.isFinite(bitsPerPixel) && bitsPerPixel > 0 && bitsPerPixel <= TIFF_MAX_BITS_PER_PIXEL) return null
  return imageWarning('too_large', origin, `TIFF 页面每像素 ${samples} 个分量 × ${bits} 位，超出图片的上限（每像素至多 ${TIFF_MAX_BITS_PER_PIXEL} 位）`)
}

/** TIFF pages (image file directories) before anything parses them; null when the chain loops, runs off the file or is absurdly long. */
export function tiffChainLength(bytes: Uint8Array): number | null {
  if (bytes.length < 8) return null
  const little = bytes[0] === 0x49
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number): number => view.getUint16(at, little)
  const u32 = (at: number): number => view.getUint32(at, little)
  const seen = new Set<number>()
  let offset = u32(4)
  while (offset !== 0) {
    if (seen.has(offset) || seen.size >= TIFF_MAX_DIRECTORIES || offset + 2 > bytes.length) return null
    seen.add(offset)
    const next = offset + 2 + u16(offset) * 12
    if (next + 4 > bytes.length) return null
    offset = u32(next)
  }
  return seen.size
}

/** Directories a TIFF may chain (pages plus thumbnails): far above maxImages, bounding a crafted file. */
const TIFF_MAX_DIRECTORIES = 1000

async function asPng(source: PictureSource, raster: Raster): Promise<Built> {
  const png = await encodeGreyPng(raster)
  // the grey PNG drops the colour: its bits (a seal's, for OCR) are kept beside it
  const colour = raster.colour
  const decode = colour ? async () => ({ ...(await decodePicture(png)), colour }) : () => decodePicture(png)
  return { ...placement(source), mime: 'image/png', bytes: png, width: raster.width, height: raster.height, decode }
}

function placement(source: PictureSource): Pick<PageImage, 'origin' | 'anchor' | 'pdfPage'> {
  return {
    origin: source.origin,
    ...(source.anchor !== undefined ? { anchor: source.anchor } : {}),
    ...(source.pdfPage !== undefined ? { pdfPage: source.pdfPage } : {})
  }
}

function sizeProblem(size: PictureSize, origin: string): Message | null {
  const { width, height } = size
  if (!(width > 0 && height > 0)) return imageWarning('unreadable', origin, '图片尺寸无效')
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    return imageWarning('too_large', origin, `图片尺寸过大（${width} × ${height} 像素）`)
  }
  return null
}

/** Icons, bullets and spacers: too small to hold a table or a page of text. */
export function tiny(size: PictureSize): boolean {
  return size.width < IMAGE_LIMITS.minSide && size.height < IMAGE_LIMITS.minSide
}

function skipped(message: Message): Result<Built[]> {
  return { value: [], messages: [message] }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

export function imageWarning(kind: string, origin: string, reason: string): Message {
  return {
    type: 'warning',
    code: `ingest.image_${kind}`,
    message: `图片 ${origin} 未读取：${reason}。`,
    messageEn: `Picture ${origin} was not read (${kind.replace(/_/g, ' ')}).`
  }
}

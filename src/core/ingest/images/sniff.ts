// Picture formats from their magic bytes, and their pixel size from the header alone, so a
// picture is measured (and refused when too large) before anything decodes it.

export type PictureKind = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'gif' | 'webp'

export function sniffPicture(bytes: Uint8Array): PictureKind | null {
  const b = bytes
  if (b.length < 12) return null
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png'
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff'
  if (b[0] === 0x42 && b[1] === 0x4d && looksLikeBmp(b)) return 'bmp'
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif'
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp'
  return null
}

/** After 'BM': a known DIB header size and one colour plane (text that starts with "BM" has neither). */
function looksLikeBmp(b: Uint8Array): boolean {
  if (b.length < 30) return false
  const headerSize = readU32le(b, 14)
  if (headerSize === 12) return (b[22] | (b[23] << 8)) === 1
  return [40, 52, 56, 64, 108, 124].includes(headerSize) && (b[26] | (b[27] << 8)) === 1
}

export interface PictureSize {
  width: number
  height: number
}

/** Width and height from the header (png, jpeg, bmp, gif, webp); null when the header is unreadable. TIFF: see tiff.ts. */
export function pictureSize(bytes: Uint8Array, kind: PictureKind): PictureSize | null {
  switch (kind) {
    case 'png':
      return bytes.length >= 24 ? { width: readU32be(bytes, 16), height: readU32be(bytes, 20) } : null
    case 'gif':
      return gifSize(bytes)
    case 'bmp':
      return bmpSize(bytes)
    case 'jpeg':
      return jpegSize(bytes)
    case 'webp':
      return webpSize(bytes)
    default:
      return null
  }
}

function bmpSize(b: Uint8Array): PictureSize | null {
  const headerSize = readU32le(b, 14)
  if (headerSize === 12) return { width: b[18] | (b[19] << 8), height: b[20] | (b[21] << 8) }
  const width = readU32le(b, 18) | 0
  const height = readU32le(b, 22) | 0
  return width > 0 && height !== 0 ? { width, height: Math.abs(height) } : null
}

/** Start-of-frame markers (SOF0–SOF15 except DHT, JPG, DAC). */
const isSof = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/**
 * Walks the JPEG's markers — segments by their lengths, entropy-coded data to its next marker —
 * to the end of the image, and gives the size of its one start-of-frame. A JPEG with a second
 * frame header (skia crashed on a 173-byte one), or none, is unreadable: null.
 */
function jpegSize(b: Uint8Array): PictureSize | null {
  let size: PictureSize | null = null
  let i = 2
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++
      continue
    }
    if (marker === 0xd9) break // end of image
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    const length = (b[i + 2] << 8) | b[i + 3]
    if (length < 2) return null
    if (isSof(marker)) {
      if (size || i + 8 >= b.length) return null
      size = { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] }
    }
    i += 2 + length
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker inside it.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1] >= 0xd0 && b[i + 1] <= 0xd7))) i++
    }
  }
  return size
}

/**
 * The GIF's logical screen, refused (as its size) when any frame is larger than the pictures' caps
 * or reaches outside it: a 35-byte GIF whose one frame is 60000² aborted skia. Frames are walked by
 * their blocks' lengths.
 */
function gifSize(b: Uint8Array): PictureSize | null {
  if (b.length < 13) return null
  const screen = { width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) }
  let i = 13 + (b[10] & 0x80 ? 3 << ((b[10] & 7) + 1) : 0)
  const skipSubBlocks = (): void => {
    while (i < b.length && b[i] !== 0) i += b[i] + 1
    i++
  }
  while (i < b.length) {
    const block = b[i]
    if (block === 0x3b) break // trailer
    if (block === 0x21) {
      i += 2
      skipSubBlocks()
    } else if (block === 0x2c) {
      if (i + 10 > b.length) break
      const left = b[i + 1] | (b[i + 2] << 8)
      const top = b[i + 3] | (b[i + 4] << 8)
      const width = b[i + 5] | (b[i + 6] << 8)
      const height = b[i + 7] | (b[i + 8] << 8)
      // A frame past the screen is what the decoder sizes its buffers by: report it as the picture's size, so the caps refuse it.
      if (left + width > screen.width || top + height > screen.height)
        return { width: Math.max(screen.width, left + width), height: Math.max(screen.height, top + height) }
      const flags = b[i + 9]
      i += 10 + (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0) + 1 // local colour table, LZW code size
      skipSubBlocks()
    } else break
  }
  return screen
}

/** A WebP's canvas from its first chunk: lossy (VP8), lossless (VP8L) or extended (VP8X). */
function webpSize(b: Uint8Array): PictureSize | null {
  if (b.length < 30) return null
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15])
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null
    return { width: (b[26] | (b[27] << 8)) & 0x3fff, height: (b[28] | (b[29] << 8)) & 0x3fff }
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null
    const bits = readU32le(b, 21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X') {
    return { width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) }
  }
  return null
}

function readU32be(b: Uint8Array, at: number): number {
  return ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3]
}

function readU32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + ((b[at + 3] << 24) >>> 0)
}

// The sizes a PDF's picture objects declare, read from the file's bytes without decoding anything.
// pdf.js leaves out a picture above its maxImageSize (PDF_IMAGE_CAPS) silently: this finds them so
// the reviewer is told why a page came out blank. A picture's dictionary is always a plain object
// (a stream cannot sit inside a compressed object stream), so its /Width and /Height are in the
// clear unless written as references — which pdf.js still caps, only unnamed.

import { IMAGE_LIMITS } from '../images/limits'

export interface DeclaredPicture {
  width: number
  height: number
}

/** How far around '/Image' a picture's dictionary may reach (its keys, before 'stream'). */
const WINDOW = 4096
/** More oversized pictures than this are counted, not listed. */
const MAX_FOUND = 1000

/** Picture objects of the PDF whose declared width × height passes the pictures' pixel cap (what pdf.js leaves out). */
export function oversizedPdfPictures(bytes: Uint8Array): DeclaredPicture[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found: DeclaredPicture[] = []
  for (let at = buffer.indexOf('/Image'); at !== -1 && found.length < MAX_FOUND; at = buffer.indexOf('/Image', at + 6)) {
    // '/ImageMask', '/ImageB' … are other keys and names; '/Image' must end there.
    if (/[A-Za-z0-9]/.test(String.fromCharCode(buffer[at + 6] ?? 0x20))) continue
    const text = buffer.toString('latin1', Math.max(0, at - WINDOW), Math.min(buffer.length, at + WINDOW))
    const here = Math.min(at, WINDOW)
    const start = text.lastIndexOf('obj', here)
    const end = text.indexOf('stream', here)
    const dict = text.slice(start === -1 ? 0 : start, end === -1 ? text.length : end)
    const width = Number(/\/Width\s+(\d{1,9})(?![\d\s]*R)/.exec(dict)?.[1])
    const height = Number(/\/Height\s+(\d{1,9})(?![\d\s]*R)/.exec(dict)?.[1])
    if (!(width > 0 && height > 0)) continue
    if (width * height > IMAGE_LIMITS.maxPixels) found.push({ width, height })
  }
  return found
}

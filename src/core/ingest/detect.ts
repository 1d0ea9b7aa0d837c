// Format from content, never from the file name: reports arrive as .doc that are really RTF
// or HTML, .html that are fragments, .txt that are pages.

import { bomOf } from './decode'
import { looksLikeMht } from './images/mht'
import { sniffPicture } from './images/sniff'
import { startsLikeZip } from './zip'

export type Container = 'zip' | 'ole2' | 'pdf' | 'rtf' | 'picture' | 'mht' | 'other'

/**
 * Container formats recognised by their magic bytes. %PDF- may follow up to 1 KB of junk.
 * Pictures (PNG, JPEG, TIFF, BMP, GIF, WebP) by their signatures; a saved web archive (.mht)
 * by its MIME headers announcing multipart/related.
 */
export function sniffContainer(bytes: Uint8Array): Container {
  if (startsLikeZip(bytes)) return 'zip'
  if (
    bytes.length >= 8 &&
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0 &&
    bytes[4] === 0xa1 &&
    bytes[5] === 0xb1 &&
    bytes[6] === 0x1a &&
    bytes[7] === 0xe1
  )
    return 'ole2'
  const head = asciiPrefix(bytes, 1024)
  if (head.indexOf('%PDF-') !== -1) return 'pdf'
  if (/^\s*\{\\rtf/.test(head)) return 'rtf'
  if (sniffPicture(bytes)) return 'picture'
  if (looksLikeMht(bytes)) return 'mht'
  return 'other'
}

function asciiPrefix(bytes: Uint8Array, length: number): string {
  const end = Math.min(bytes.length, length)
  return Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1')
}

/** Leading noise a page may start with: XML prolog, comments, doctype-less whitespace. */
const PREAMBLE = /^(?:\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/
const MARKUP_START =
  /^<(?:!doctype\s+html|html|head|body|meta|title|base|link|style|script|table|tbody|tr|td|p|div|span|font|center|section|article|main|header|h[1-6]|br|ul|ol|b|strong|o:p)[\s/>]/i

/**
 * Markup when, after a BOM, whitespace, an XML prolog or comments, the content opens with an
 * HTML tag — full pages and fragments alike (a fragment may start with <p> or <table>).
 * A UTF-16 page is recognised on its decoded prefix.
 */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const bom = bomOf(bytes)
  const body = bom ? bytes.subarray(bom.length, bom.length + 4096) : bytes.subarray(0, 4096)
  const encoding = bom?.encoding ?? utf16Pattern(body) ?? 'latin1'
  const prefix = encoding.startsWith('utf-16') ? new TextDecoder(encoding).decode(body) : Buffer.from(body).toString('latin1')
  const rest = prefix.replace(PREAMBLE, '')
  return MARKUP_START.test(rest)
}

function utf16Pattern(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le'
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be'
  return null
}

/**
 * Binary content: NUL bytes (outside UTF-16) or C0 control characters beyond tab, newlines and
 * form feed. Checked on decoded text, where U+FFFD also counts (bytes no encoding explains).
 */
export function looksBinaryText(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  if (sample.length === 0) return false
  let bad = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0xfffd || c === 0x7f) bad++
  }
  return bad > 8 && bad > sample.length * 0.01
}

/** NUL bytes in the first 8 KB of an ASCII-compatible file: binary, no need to decode it all. */
export function hasNulBytes(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true
  return false
}

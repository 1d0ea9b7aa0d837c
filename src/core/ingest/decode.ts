// Bytes → string for .txt and .html. Chinese government pages come in UTF-8, GB2312/GBK/GB18030
// and now and then Big5 or UTF-16; saved pages often keep a stale <meta charset> after the
// browser re-encoded them as UTF-8, so valid UTF-8 wins over a declared legacy charset.

import iconv from 'iconv-lite'

export interface Decoded {
  text: string
  /** The decoder actually used: utf-8, utf-16le, utf-16be, gb18030, big5, … */
  encoding: string
  /** Why that decoder was chosen: bom, meta, utf8-valid, detected, default. */
  source: 'bom' | 'meta' | 'utf8-valid' | 'detected' | 'default'
  /** Count of bytes that did not decode (replaced by U+FFFD). */
  invalid: number
}

/** BOM sniffing: UTF-8, UTF-16LE, UTF-16BE. Returns the encoding and the BOM's length. */
export function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** GB2312 and GBK are subsets of GB18030: decode all three with the superset. */
const LABEL_ALIASES: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  csgb2312: 'gb18030',
  'iso-ir-58': 'gb18030',
  chinese: 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-8859-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'windows-1252': 'windows-1252'
}

export function normaliseCharsetLabel(label: string): string | null {
  return LABEL_ALIASES[label.trim().toLowerCase()] ?? null
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i

/**
 * The charset a page declares in its first 4 KB: `<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096))
  const match = META_CHARSET.exec(head)
  return match ? match[1] : null
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

export interface Utf8Scan {
  /** Well-formed multi-byte sequences. */
  multibyte: number
  /** Ill-formed sequences (each counted once). */
  invalid: number
  /** True when the only flaw is a sequence cut off by the end of the data. */
  truncatedTail: boolean
}

/** One pass over the bytes counting well- and ill-formed UTF-8 sequences. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multibyte = 0
  let invalid = 0
  let truncatedTail = false
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) ((need = 1), (min = 0x80))
    else if (b >= 0xe0 && b <= 0xef) ((need = 2), (min = 0x800))
    else if (b >= 0xf0 && b <= 0xf4) ((need = 3), (min = 0x10000))
    else {
      invalid++
      i++
      continue
    }
    if (i + need >= n) {
      // Sequence runs past the end: a file cut mid-character.
      let ok = true
      for (let k = i + 1; k < n; k++) if ((bytes[k] & 0xc0) !== 0x80) ok = false
      if (ok) truncatedTail = true
      else invalid++
      break
    }
    let cp = b & (0x3f >> need)
    let ok = true
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if ((c & 0xc0) !== 0x80) {
        ok = false
        break
      }
      cp = (cp << 6) | (c & 0x3f)
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      invalid++
      i++
      continue
    }
    multibyte++
    i += need + 1
  }
  return { multibyte, invalid, truncatedTail }
}

/** UTF-16 without BOM: many NUL bytes on one parity (ASCII text stored as 2 bytes). */
export function sniffUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 8) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes)
  } catch {
    return null
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): { text: string; invalid: number } {
  let text: string
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = new TextDecoder(encoding).decode(bytes)
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
  }
  return { text, invalid: countReplacement(text) }
}

function countReplacement(text: string): number {
  let count = 0
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++
  return count
}

/**
 * Valid UTF-8 (or nearly: a cut-off last character, or a handful of stray bytes in
 * plenty of well-formed Chinese) is UTF-8; anything else is a legacy Chinese encoding.
 */
function looksUtf8(scan: Utf8Scan): boolean {
  if (scan.invalid === 0) return true
  return scan.multibyte >= 50 && scan.invalid * 200 <= scan.multibyte
}

/** Big5 only when chardet is sure; GB18030 is the default for Chinese legacy bytes. */
async function detectLegacy(bytes: Uint8Array): Promise<string> {
  try {
    const chardet = await import('chardet')
    const sample = bytes.subarray(0, 64 * 1024)
    const matches = chardet.analyse(sample)
    const top = matches[0]
    if (top && /big5/i.test(top.name) && top.confidence >= 60) {
      const gb = matches.find((m) => /gb/i.test(m.name))
      if (!gb || gb.confidence < top.confidence) return 'big5'
    }
  } catch {
    // chardet is optional here: without it, GB18030 is the right default for this domain.
  }
  return 'gb18030'
}

/**
 * Decodes text bytes: BOM, then (for markup) the declared charset unless the bytes are
 * valid UTF-8, then UTF-8 validity, then detection (GB18030 unless clearly Big5).
 */
export async function decodeBytes(bytes: Uint8Array, options: { markup?: boolean } = {}): Promise<Decoded> {
  const bom = bomOf(bytes)
  if (bom) {
    const body = bytes.subarray(bom.length)
    return { ...decodeWith(body, bom.encoding), encoding: bom.encoding, source: 'bom' }
  }
  const utf16 = sniffUtf16(bytes)
  if (utf16) return { ...decodeWith(bytes, utf16), encoding: utf16, source: 'detected' }

  // Fast path: strictly valid UTF-8 (most files) needs no byte-by-byte scan.
  const strict = strictUtf8(bytes)
  if (strict !== null) return { text: strict, encoding: 'utf-8', source: 'utf8-valid', invalid: 0 }
  const scan = scanUtf8(bytes)
  const declared = options.markup ? declaredCharset(bytes) : null
  const declaredEncoding = declared ? normaliseCharsetLabel(declared) : null
  const hasNonAscii = scan.multibyte > 0 || scan.invalid > 0 || scan.truncatedTail

  if (!hasNonAscii) return { ...decodeWith(bytes, 'utf-8'), encoding: 'utf-8', source: 'utf8-valid' }
  if (looksUtf8(scan)) return { ...decodeWith(bytes, 'utf-8'), encoding: 'utf-8', source: 'utf8-valid' }
  if (declaredEncoding && declaredEncoding !== 'utf-8' && !declaredEncoding.startsWith('utf-16')) {
    return { ...decodeWith(bytes, declaredEncoding), encoding: declaredEncoding, source: 'meta' }
  }
  const legacy = await detectLegacy(bytes)
  return { ...decodeWith(bytes, legacy), encoding: legacy, source: 'detected' }
}

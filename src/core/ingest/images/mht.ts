// .mht / .mhtml: a saved page as one MIME message (multipart/related), the page usually
// quoted-printable, its pictures base64, each part named by Content-Location or Content-ID.
// Hostile input is bounded: header size, part count, nesting depth; nothing is fetched — a
// picture the archive does not hold is simply missing.

import { MHT_LIMITS } from './limits'

export interface MimePart {
  contentType: string
  charset?: string
  location?: string
  contentId?: string
  bytes: Uint8Array
}

export interface MhtArchive {
  parts: MimePart[]
  /** The page the archive was saved from (Snapshot-Content-Location or the start part). */
  root?: MimePart
}

/** True when the bytes open as a MIME message holding a saved page (headers, then multipart/related). */
export function looksLikeMht(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1')
  const headers = head.split(/\r?\n\r?\n/)[0]
  if (!/^[\w-]+:/.test(headers.replace(/^\s+/, ''))) return false
  return /^MIME-Version:/im.test(headers) && /^Content-Type:\s*multipart\/related/im.test(headers)
}

/** Parses the archive; null when it is not a MIME message with parts. */
export function parseMht(bytes: Uint8Array): MhtArchive | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  const message = splitHeaders(text, 0)
  if (!message) return null
  const parts: MimePart[] = []
  collect(text, message.headers, message.bodyStart, text.length, 0, parts)
  if (parts.length === 0) return null
  const snapshot = header(message.headers, 'snapshot-content-location')
  const start = param(header(message.headers, 'content-type') ?? '', 'start')
  const root =
    (snapshot && parts.find((p) => p.location === snapshot)) ||
    (start && parts.find((p) => p.contentId === stripAngles(start))) ||
    parts.find((p) => p.contentType === 'text/html')
  return { parts, ...(root ? { root } : {}) }
}

interface Headers {
  headers: Map<string, string>
  bodyStart: number
}

/** Header lines (unfolded) from `at` to the first blank line; null when there are none or they run too long. */
function splitHeaders(text: string, at: number): Headers | null {
  const blank = /\r?\n\r?\n/g
  blank.lastIndex = at
  const found = blank.exec(text)
  const end = found ? found.index : text.length
  if (end - at > MHT_LIMITS.maxHeaderBytes) return null
  const headers = new Map<string, string>()
  const unfolded = text.slice(at, end).replace(/\r?\n[ \t]+/g, ' ')
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim())
  }
  if (headers.size === 0) return null
  return { headers, bodyStart: found ? found.index + found[0].length : text.length }
}

function collect(text: string, headers: Map<string, string>, start: number, end: number, depth: number, out: MimePart[]): void {
  const contentType = header(headers, 'content-type') ?? 'text/plain'
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (type.startsWith('multipart/')) {
    const boundary = param(contentType, 'boundary')
    if (!boundary || depth >= MHT_LIMITS.maxDepth) return
    for (const [from, to] of bodiesBetween(text, start, end, boundary)) {
      if (out.length >= MHT_LIMITS.maxParts) return
      const part = splitHeaders(text, from)
      if (!part || part.bodyStart > to) continue
      collect(text, part.headers, part.bodyStart, to, depth + 1, out)
    }
    return
  }
  if (out.length >= MHT_LIMITS.maxParts) return
  const encoding = (header(headers, 'content-transfer-encoding') ?? '7bit').toLowerCase()
  const raw = text.slice(start, end)
  const charset = param(contentType, 'charset')
  const location = header(headers, 'content-location')
  const contentId = header(headers, 'content-id')
  out.push({
    contentType: type,
    ...(charset ? { charset: charset.toLowerCase() } : {}),
    ...(location ? { location } : {}),
    ...(contentId ? { contentId: stripAngles(contentId) } : {}),
    bytes: decodeBody(raw, encoding)
  })
}

/** [start, end) of each body between `--boundary` delimiter lines, up to the closing `--boundary--`. */
function bodiesBetween(text: string, start: number, end: number, boundary: string): [number, number][] {
  const delimiter = '--' + boundary
  const bodies: [number, number][] = []
  let at = text.indexOf(delimiter, start)
  while (at !== -1 && at < end && bodies.length < MHT_LIMITS.maxParts) {
    const lineEnd = text.indexOf('\n', at)
    if (text.startsWith(delimiter + '--', at) || lineEnd === -1) break
    let next = text.indexOf('\n' + delimiter, lineEnd)
    if (next === -1 || next > end) next = end
    const bodyEnd = next > 0 && text[next - 1] === '\r' ? next - 1 : next
    bodies.push([lineEnd + 1, bodyEnd])
    at = next === end ? -1 : next + 1
  }
  return bodies
}

function decodeBody(raw: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return new Uint8Array(Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'))
  if (encoding === 'quoted-printable') return quotedPrintable(raw)
  return new Uint8Array(Buffer.from(raw, 'latin1'))
}

/** RFC 2045 quoted-printable: `=XX` bytes, `=` at a line end joins lines. */
export function quotedPrintable(raw: string): Uint8Array {
  const joined = raw.replace(/=\r?\n/g, '')
  const out = new Uint8Array(joined.length)
  let n = 0
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i)
    if (c === 0x3d && i + 2 < joined.length && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = parseInt(joined.slice(i + 1, i + 3), 16)
      i += 2
    } else out[n++] = c & 0xff
  }
  return out.slice(0, n)
}

function header(headers: Map<string, string>, name: string): string | undefined {
  return headers.get(name)
}

function param(value: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return match ? (match[1] ?? match[2]) : undefined
}

function stripAngles(id: string): string {
  return id.trim().replace(/^<|>$/g, '')
}

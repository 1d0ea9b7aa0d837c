// A minimal zip central-directory reader, enough to bound what a .docx may make mammoth do
// before mammoth (through JSZip) inflates it. Declared sizes can lie, so the entries mammoth
// will read are also inflated here with a hard output cap.

import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflate; anything else JSZip cannot read. */
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export type ZipProblem =
  | { kind: 'not_zip' }
  | { kind: 'truncated' }
  | { kind: 'corrupt'; detail: string }
  /** More entries than any document has: a zip bomb by entry count (each entry costs work and memory). */
  | { kind: 'too_many_entries'; count: number }

const EOCD_SIGNATURE = 0x06054b50
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_EOCD_SIGNATURE = 0x06064b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
/** Far above any document (a .docx has tens of parts; DOCX_LIMITS refuses beyond 2000). */
export const MAX_ZIP_ENTRIES = 100_000

export function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** The end-of-central-directory record sits in the last 64 KB + 22 bytes. */
function findEocd(bytes: Uint8Array, dv: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && dv.getUint32(i, true) === EOCD_SIGNATURE) return i
  }
  return -1
}

/** Reads the central directory; a zip cut short (no end record) is "truncated". */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntry[] } | { problem: ZipProblem } {
  if (!startsLikeZip(bytes)) return { problem: { kind: 'not_zip' } }
  if (bytes.length < 22) return { problem: { kind: 'truncated' } }
  const dv = view(bytes)
  const eocd = findEocd(bytes, dv)
  if (eocd < 0) return { problem: { kind: 'truncated' } }
  let count = dv.getUint16(eocd + 10, true)
  let size = dv.getUint32(eocd + 12, true)
  let offset = dv.getUint32(eocd + 16, true)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return { problem: { kind: 'corrupt', detail: 'zip64 locator missing' } }
    const record = Number(dv.getBigUint64(locator + 8, true))
    if (record < 0 || record + 56 > bytes.length || dv.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE)
      return { problem: { kind: 'corrupt', detail: 'zip64 record missing' } }
    count = Number(dv.getBigUint64(record + 32, true))
    size = Number(dv.getBigUint64(record + 40, true))
    offset = Number(dv.getBigUint64(record + 48, true))
  }
  if (count > MAX_ZIP_ENTRIES) return { problem: { kind: 'too_many_entries', count } }
  if (offset + size > bytes.length) return { problem: { kind: 'truncated' } }
  const entries: ZipEntry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE)
      return { problem: { kind: 'corrupt', detail: `central directory entry ${i} unreadable` } }
    const nameLength = dv.getUint16(p + 28, true)
    const extraLength = dv.getUint16(p + 30, true)
    const commentLength = dv.getUint16(p + 32, true)
    const entry: ZipEntry = {
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
      name: Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, Math.min(nameLength, bytes.length - p - 46)).toString('utf8')
    }
    applyZip64Extra(entry, dv, p + 46 + nameLength, extraLength)
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return { entries }
}

/** Zip64 extra field (0x0001): 64-bit sizes/offset replace the 0xFFFFFFFF placeholders. */
function applyZip64Extra(entry: ZipEntry, dv: DataView, start: number, length: number): void {
  const needs = entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff
  if (!needs) return
  const end = Math.min(start + length, dv.byteLength)
  for (let p = start; p + 4 <= end;) {
    const id = dv.getUint16(p, true)
    const size = dv.getUint16(p + 2, true)
    if (id === 0x0001) {
      let q = p + 4
      const read = (): number => {
        if (q + 8 > end) return Number.MAX_SAFE_INTEGER
        const v = Number(dv.getBigUint64(q, true))
        q += 8
        return v
      }
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = read()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = read()
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = read()
      return
    }
    p += 4 + size
  }
}

/** The raw (still compressed) bytes of an entry, or null when its local header is out of bounds. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const dv = view(bytes)
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_SIGNATURE) return null
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) return null
  return bytes.subarray(start, end)
}

/**
 * Inflates an entry with a hard cap on its output. Returns the inflated size, or
 * 'too_big' when it would exceed the cap (a lying or bomb entry), or 'unreadable'.
 */
export function inflatedSize(bytes: Uint8Array, entry: ZipEntry, cap: number): number | 'too_big' | 'unreadable' {
  const data = inflateEntry(bytes, entry, cap)
  return typeof data === 'string' ? data : data.length
}

/** The inflated bytes of an entry, never more than `cap` (else 'too_big'), or 'unreadable'. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Uint8Array | 'too_big' | 'unreadable' {
  const data = entryData(bytes, entry)
  if (!data) return 'unreadable'
  if (entry.method === 0) return data.length > cap ? 'too_big' : data
  if (entry.method !== 8) return 'unreadable'
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) })
  } catch (e) {
    return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? 'too_big' : 'unreadable'
  }
}

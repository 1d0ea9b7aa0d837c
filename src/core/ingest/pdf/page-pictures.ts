// The pictures a PDF page paints, each with its pixel size and the matrix it is painted with, read
// from the file's bytes without decoding any (issue 23, item 7). Asking pdf.js for a page's drawing
// list makes it decode every picture listed: a scan's JPEG was decoded once to learn that the page
// paints a picture and at what resolution, and again when the page was drawn.
//
// Every document is hostile, and pdf.js stays the judge: this reads only the plain case a scanner
// writes — page and picture objects in the clear or in object streams, a content stream raw or
// deflated, `cm`, `q`/`Q` and `Do` of picture objects — and answers null ("ask pdf.js") on anything
// else: an object both in the clear and packed, encryption, other filters, inline pictures, forms,
// masks, annotations, references where numbers belong, a picture painted twice (pdf.js merges
// repeats), or anything malformed. Each step is bounded (bytes inflated, operators read, nesting,
// parents followed, objects indexed).

import { inflateSync } from 'node:zlib'
import { multiply, type Matrix } from './matrix'

export interface PaintedPicture {
  /** Pixels, as the picture object declares them. */
  width: number
  height: number
  /** The transformation in force when it is painted: maps the unit square onto the picture. */
  matrix: Matrix
  /**
   * The picture's JPEG, when the page paints nothing but this picture and a JPEG decoder reads it
   * as pdf.js would (8-bit grey or YCbCr, no Exif orientation, no Adobe transform, no decode
   * array, no mask): the page can be drawn by drawing it.
   */
  jpeg?: Uint8Array
}

const LIMITS = {
  /** A scanned page's content is a few dozen bytes; a page of vector drawing, more than this, is left to pdf.js. */
  maxContentBytes: 256 * 1024,
  maxOperators: 20_000,
  maxOperands: 64,
  /** Nesting of arrays and dictionaries, and of `q`. */
  maxNesting: 32,
  maxSaves: 256,
  /** Page-tree parents followed for inherited resources. */
  maxParents: 32,
  /** Objects indexed (a 150-page scan has about 450; a long text PDF tens of thousands), and `obj` words looked at. */
  maxObjects: 200_000,
  maxObjWords: 1_000_000,
  /** Compressed object streams unpacked, and their bytes inflated altogether. */
  maxObjectStreams: 10_000,
  maxPackedBytes: 32 * 1024 * 1024
} as const

class Name {
  constructor(readonly name: string) {}
}
class Ref {
  constructor(
    readonly num: number,
    readonly gen: number
  ) {}
}
class Keyword {
  constructor(readonly word: string) {}
}
type Value = number | boolean | null | string | Name | Ref | Value[] | Dict
type Dict = Map<string, Value>

/** Thrown on anything this reader does not follow; caught at the top, where it means "ask pdf.js". */
class NotPlain extends Error {}
const notPlain = (why: string): never => {
  throw new NotPlain(why)
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
const isRegular = (c: number | undefined): boolean => c !== undefined && !WHITE.has(c) && !DELIMITER.has(c)

/** Tokens and objects of PDF syntax over bytes[pos, end). */
class Lexer {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
    private readonly end: number
  ) {}

  skipSpace(): void {
    const { bytes, end } = this
    while (this.pos < end) {
      const c = bytes[this.pos]
      if (WHITE.has(c)) this.pos++
      else if (c === 0x25) while (this.pos < end && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++
      else break
    }
  }

  /** The next object or keyword; undefined at the end. */
  value(depth = 0): Value | Keyword | undefined {
    if (depth > LIMITS.maxNesting) notPlain('nesting')
    this.skipSpace()
    const { bytes, end } = this
    if (this.pos >= end) return undefined
    const c = bytes[this.pos]
    if (c === 0x2f) return new Name(this.regular(this.pos + 1))
    if (c === 0x28) return this.literal()
    if (c === 0x5b) {
      this.pos++
      const items: Value[] = []
      for (;;) {
        this.skipSpace()
        if (this.pos >= end) notPlain('unclosed array')
        if (bytes[this.pos] === 0x5d) {
          this.pos++
          return items
        }
        items.push(this.operand(depth + 1))
      }
    }
    if (c === 0x3c && bytes[this.pos + 1] === 0x3c) {
      this.pos += 2
      const dict: Dict = new Map()
      for (;;) {
        this.skipSpace()
        if (this.pos >= end) notPlain('unclosed dictionary')
        if (bytes[this.pos] === 0x3e && bytes[this.pos + 1] === 0x3e) {
          this.pos += 2
          return dict
        }
        const key = this.value(depth + 1)
        if (!(key instanceof Name)) return notPlain('dictionary key')
        dict.set(key.name, this.operand(depth + 1))
      }
    }
    if (c === 0x3c) {
      const close = bytes.indexOf(0x3e, this.pos)
      if (close === -1 || close >= end) notPlain('unclosed hex string')
      this.pos = close + 1
      return ''
    }
    if (!isRegular(c)) notPlain('stray delimiter')
    const word = this.regular(this.pos)
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const n = Number(word)
      if (!Number.isFinite(n)) notPlain('number')
      // `n g R`: a reference
      if (/^\d+$/.test(word)) {
        const back = this.pos
        const gen = this.peekWord()
        if (gen !== null && /^\d+$/.test(gen)) {
          this.skipSpace()
          this.regular(this.pos)
          if (this.peekWord() === 'R') {
            this.skipSpace()
            this.pos++
            return new Ref(n, Number(gen))
          }
        }
        this.pos = back
      }
      return n
    }
    if (/^[+\-.\d]/.test(word)) notPlain('number')
    if (word === 'true' || word === 'false') return word === 'true'
    if (word === 'null') return null
    return new Keyword(word)
  }

  private operand(depth: number): Value {
    const v = this.value(depth)
    if (v === undefined || v instanceof Keyword) return notPlain('keyword among operands')
    return v
  }

  private peekWord(): string | null {
    const at = this.pos
    this.skipSpace()
    const word = isRegular(this.bytes[this.pos]) && this.pos < this.end ? this.regular(this.pos) : null
    this.pos = at
    return word
  }

  private regular(from: number): string {
    let at = from
    while (at < this.end && isRegular(this.bytes[at])) at++
    if (at - from > 127) notPlain('long token')
    const word = Buffer.from(this.bytes.buffer, this.bytes.byteOffset + from, at - from).toString('latin1')
    this.pos = at
    return word
  }

  private literal(): string {
    let depth = 0
    const { bytes, end } = this
    for (let at = this.pos; at < end; at++) {
      const c = bytes[at]
      if (c === 0x5c) at++
      else if (c === 0x28) depth++
      else if (c === 0x29 && --depth === 0) {
        this.pos = at + 1
        return ''
      }
    }
    return notPlain('unclosed string')
  }
}

/** Where each plain object of the file starts (after `n g obj`), the last one of a number winning as in an updated file. */
export class PdfObjects {
  private readonly offsets = new Map<string, number>()
  /** Objects packed in compressed object streams (PDF 1.5): the stream's inflated bytes, and where the object begins. */
  private readonly packed = new Map<string, { data: Uint8Array; at: number }>()
  /** Objects found both in the clear and packed, or packed twice: which one the file means is the cross-reference's to say. */
  private readonly ambiguous = new Set<string>()
  private readonly bytes: Uint8Array

  private constructor(bytes: Uint8Array) {
    this.bytes = bytes
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    let words = 0
    for (let at = buffer.indexOf('obj'); at !== -1; at = buffer.indexOf('obj', at + 3)) {
      if (++words > LIMITS.maxObjWords || this.offsets.size > LIMITS.maxObjects) notPlain('too many objects')
      if (isRegular(bytes[at + 3])) continue
      // backwards over `num gen ` before `obj`
      let i = at - 1
      const digitsBack = (): string | null => {
        const last = i
        while (i >= 0 && bytes[i] >= 0x30 && bytes[i] <= 0x39 && last - i < 10) i--
        return i === last ? null : buffer.toString('latin1', i + 1, last + 1)
      }
      const spaceBack = (): boolean => {
        const last = i
        while (i >= 0 && WHITE.has(bytes[i])) i--
        return i !== last
      }
      if (!spaceBack()) continue
      const gen = digitsBack()
      if (gen === null || !spaceBack()) continue
      const num = digitsBack()
      if (num === null || (i >= 0 && isRegular(bytes[i]))) continue
      this.offsets.set(`${Number(num)} ${Number(gen)}`, at + 3)
    }
    if (buffer.indexOf('/ObjStm') !== -1) this.unpack(buffer)
  }

  /** Indexes the objects of the file's object streams, each listed in its stream's header (pairs of number and place). */
  private unpack(buffer: Buffer): void {
    const starts = [...this.offsets.entries()].sort((a, b) => a[1] - b[1])
    const unpacked = new Set<string>()
    let streams = 0
    let bytes = 0
    for (let at = buffer.indexOf('/ObjStm'); at !== -1; at = buffer.indexOf('/ObjStm', at + 7)) {
      if (++streams > LIMITS.maxObjectStreams) notPlain('object streams')
      // the object it is said in: the last one beginning before it
      let lo = 0
      let hi = starts.length - 1
      let hit = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (starts[mid][1] <= at) ((hit = mid), (lo = mid + 1))
        else hi = mid - 1
      }
      if (hit === -1) notPlain('object stream outside any object')
      const key = starts[hit][0]
      if (unpacked.has(key)) continue
      unpacked.add(key)
      const [num, gen] = key.split(' ').map(Number)
      const { dict, data } = this.streamData(new Ref(num, gen), LIMITS.maxPackedBytes - bytes)
      bytes += data.length
      const n = dict.get('N')
      const first = dict.get('First')
      if (!isName(dict.get('Type'), 'ObjStm') || !isCount(n) || !isCount(first) || first > data.length || n > LIMITS.maxObjects)
        return notPlain('object stream')
      const header = new Lexer(data, 0, first)
      for (let i = 0; i < n; i++) {
        const packedNum = header.value()
        const offset = header.value()
        if (!isCount(packedNum) || !isCount(offset) || first + offset >= data.length) return notPlain('object stream header')
        const packedKey = `${packedNum} 0`
        if (this.offsets.has(packedKey) || this.packed.has(packedKey)) this.ambiguous.add(packedKey)
        else this.packed.set(packedKey, { data, at: first + offset })
        if (this.packed.size > LIMITS.maxObjects) notPlain('too many objects')
      }
    }
  }

  /** The file's objects, or null when some may be where this reader does not look (encryption, object streams it cannot read). */
  static of(bytes: Uint8Array): PdfObjects | null {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (buffer.indexOf('/Encrypt') !== -1) return null
    try {
      return new PdfObjects(bytes)
    } catch (e) {
      if (e instanceof NotPlain) return null
      throw e
    }
  }

  /** The object a reference names, with where its stream's data begins when it is a stream. */
  fetch(ref: Ref | { num: number; gen: number }): { value: Value; streamAt: number | null } {
    const key = `${ref.num} ${ref.gen}`
    if (this.ambiguous.has(key)) return notPlain('object defined twice')
    const packed = this.packed.get(key)
    if (packed) {
      // a packed object is never a stream, and has no `endobj`
      const value = new Lexer(packed.data, packed.at, packed.data.length).value()
      if (value === undefined || value instanceof Keyword || value instanceof Ref) return notPlain('packed object')
      return { value, streamAt: null }
    }
    const at = this.offsets.get(key)
    if (at === undefined) return notPlain('object not found')
    const lexer = new Lexer(this.bytes, at, this.bytes.length)
    const value = lexer.value()
    if (value === undefined || value instanceof Keyword || value instanceof Ref) return notPlain('object')
    const next = lexer.value()
    if (!(next instanceof Keyword)) return notPlain('object end')
    if (next.word === 'endobj') return { value, streamAt: null }
    if (next.word !== 'stream' || !(value instanceof Map)) return notPlain('object end')
    // the data begins after the end of the `stream` line
    let streamAt = lexer.pos
    if (this.bytes[streamAt] === 0x0d) streamAt++
    if (this.bytes[streamAt] === 0x0a) streamAt++
    return { value, streamAt }
  }

  /** A value, the object it names when a reference. */
  resolve(value: Value | undefined): Value | undefined {
    return value instanceof Ref ? this.fetch(value).value : value
  }

  /** A stream object's dictionary and its data as written (still filtered). */
  rawStream(ref: Value | undefined): { dict: Dict; raw: Uint8Array } {
    if (!(ref instanceof Ref)) return notPlain('stream not a reference')
    const { value: dict, streamAt } = this.fetch(ref)
    if (!(dict instanceof Map) || streamAt === null) return notPlain('not a stream')
    const length = this.resolve(dict.get('Length'))
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || streamAt + length > this.bytes.length) return notPlain('length')
    // the data must end where it says: pdf.js looks for `endstream` otherwise
    const after = new Lexer(this.bytes, streamAt + length, this.bytes.length)
    const end = after.value()
    if (!(end instanceof Keyword) || end.word !== 'endstream') return notPlain('endstream')
    return { dict, raw: this.bytes.subarray(streamAt, streamAt + length) }
  }

  /** The decoded data of a stream object: raw or deflated, never more than `cap` bytes. */
  streamData(ref: Value | undefined, cap: number): { dict: Dict; data: Uint8Array } {
    const { dict, raw } = this.rawStream(ref)
    const filter = this.resolve(dict.get('Filter'))
    const filters = filter === undefined || filter === null ? [] : Array.isArray(filter) ? filter : [filter]
    const parms = this.resolve(dict.get('DecodeParms'))
    if (parms !== undefined && parms !== null) return notPlain('decode parameters')
    if (filters.length === 0) {
      if (raw.length > cap) notPlain('too long')
      return { dict, data: raw }
    }
    if (filters.length > 1 || !(filters[0] instanceof Name) || !['FlateDecode', 'Fl'].includes(filters[0].name)) return notPlain('filter')
    try {
      return { dict, data: new Uint8Array(inflateSync(raw, { maxOutputLength: cap })) }
    } catch {
      return notPlain('inflate')
    }
  }
}

/**
 * The pictures page `ref` paints, in painting order; null when the page is not plain enough to tell
 * (then ask pdf.js). A picture past `maxPixels` is left out, as pdf.js leaves it out undrawn.
 */
export function pagePictures(objects: PdfObjects, ref: { num: number; gen: number }, maxPixels: number): PaintedPicture[] | null {
  try {
    return readPage(objects, ref, maxPixels)
  } catch (e) {
    if (e instanceof NotPlain) return null
    throw e
  }
}

function readPage(objects: PdfObjects, ref: { num: number; gen: number }, maxPixels: number): PaintedPicture[] {
  const page = objects.fetch(ref).value
  if (!(page instanceof Map) || !isName(page.get('Type'), 'Page')) return notPlain('not a page')
  // annotations are drawn with the page (a stamp may be a picture)
  const annots = objects.resolve(page.get('Annots'))
  if (annots !== undefined && annots !== null && !(Array.isArray(annots) && annots.length === 0)) notPlain('annotations')
  const contents = objects.resolve(page.get('Contents'))
  if (contents === undefined || contents === null) return []
  const parts = Array.isArray(contents) ? contents : [page.get('Contents') as Value]
  const chunks: Uint8Array[] = []
  let total = 0
  for (const part of parts) {
    const { data } = objects.streamData(part, LIMITS.maxContentBytes - total)
    chunks.push(data)
    total += data.length
  }
  const content = chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks))
  const xobjects = objects.resolve(resourcesOf(objects, page)?.get('XObject'))
  if (xobjects === undefined || xobjects === null) return painted(objects, content, new Map(), maxPixels)
  if (!(xobjects instanceof Map)) return notPlain('XObject resources')
  return painted(objects, content, xobjects, maxPixels)
}

function resourcesOf(objects: PdfObjects, page: Dict): Dict | undefined {
  let node: Dict = page
  for (let i = 0; i <= LIMITS.maxParents; i++) {
    const resources = objects.resolve(node.get('Resources'))
    if (resources instanceof Map) return resources
    if (resources !== undefined && resources !== null) return notPlain('resources')
    const parent = objects.resolve(node.get('Parent'))
    if (!(parent instanceof Map)) return undefined
    node = parent
  }
  return notPlain('page tree too deep')
}

function painted(objects: PdfObjects, content: Uint8Array, xobjects: Dict, maxPixels: number): PaintedPicture[] {
  const lexer = new Lexer(content, 0, content.length)
  const pictures: PaintedPicture[] = []
  const seen = new Set<string>()
  const saved: Matrix[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  let operands: Value[] = []
  // whether the page draws anything but its pictures (paths, text, clips, graphics states …)
  let more = false
  for (let operators = 0; ;) {
    const token = lexer.value()
    if (token === undefined) {
      if (pictures.length === 1 && seen.size === 1 && !more) {
        const jpeg = plainJpeg(objects, xobjects.get([...seen][0]) as Ref, pictures[0])
        if (jpeg) pictures[0] = { ...pictures[0], jpeg }
      }
      return pictures
    }
    if (!(token instanceof Keyword)) {
      if (operands.length >= LIMITS.maxOperands) notPlain('operands')
      operands.push(token)
      continue
    }
    if (++operators > LIMITS.maxOperators) notPlain('operators')
    switch (token.word) {
      case 'q':
        if (saved.length >= LIMITS.maxSaves) notPlain('saves')
        saved.push(ctm)
        break
      case 'Q':
        ctm = saved.pop() ?? ctm
        break
      case 'cm':
        if (operands.length !== 6 || operands.some((n) => typeof n !== 'number')) notPlain('cm')
        ctm = multiply(ctm, operands as number[])
        break
      case 'Do': {
        const name = operands[0]
        if (operands.length !== 1 || !(name instanceof Name)) return notPlain('Do')
        if (seen.has(name.name)) notPlain('painted again')
        seen.add(name.name)
        const ref = xobjects.get(name.name)
        if (!(ref instanceof Ref)) return notPlain('XObject')
        const { value: dict, streamAt } = objects.fetch(ref)
        if (!(dict instanceof Map) || streamAt === null) return notPlain('XObject not a stream')
        const subtype = dict.get('Subtype')
        if (isName(subtype, 'PS')) break
        if (!isName(subtype, 'Image')) return notPlain('not a picture')
        const mask = dict.get('ImageMask') ?? dict.get('IM')
        if (mask !== undefined && mask !== false) notPlain('mask')
        const width = dict.get('Width')
        const height = dict.get('Height')
        const size = (n: Value | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0
        if (!size(width) || !size(height)) return notPlain('picture size')
        if (width * height <= maxPixels) pictures.push({ width, height, matrix: ctm })
        break
      }
      case 'BI':
      case 'ID':
      case 'EI':
        return notPlain('inline picture')
      default:
        more = true
    }
    operands = []
  }
}

/**
 * The JPEG of a picture object when any JPEG decoder reads it as pdf.js does: one DCT filter and no
 * parameters, 8-bit DeviceGray or DeviceRGB with as many components, no decode array, mask, soft
 * mask, optional content or interpolation; its frame of the declared size, baseline or progressive
 * Huffman coding, no Adobe colour transform. Null otherwise. (Its Exif and ICC profile, which
 * pdf.js ignores, are taken out before it is decoded: jpegAsPdfJsReadsIt.)
 */
function plainJpeg(objects: PdfObjects, ref: Ref, picture: PaintedPicture): Uint8Array | null {
  const { dict, raw } = objects.rawStream(ref)
  const filter = dict.get('Filter')
  const only = Array.isArray(filter) && filter.length === 1 ? filter[0] : filter
  if (!(isName(only, 'DCTDecode') || isName(only, 'DCT'))) return null
  for (const key of ['DecodeParms', 'Decode', 'Mask', 'SMask', 'OC', 'Interpolate', 'SMaskInData']) if (dict.has(key)) return null
  if (dict.get('BitsPerComponent') !== 8) return null
  const space = dict.get('ColorSpace')
  const components = isName(space, 'DeviceGray') ? 1 : isName(space, 'DeviceRGB') ? 3 : 0
  const frame = jpegFrame(raw)
  if (!frame || components === 0 || frame.components !== components) return null
  return frame.width === picture.width && frame.height === picture.height ? raw : null
}

/** The frame header of a JPEG that holds no Adobe segment; null otherwise, or when it is not baseline or progressive Huffman at 8 bits. */
export function jpegFrame(jpeg: Uint8Array): { width: number; height: number; components: number } | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null
  for (let at = 2, segments = 0; at + 4 <= jpeg.length && segments < 64; segments++) {
    if (jpeg[at] !== 0xff) return null
    const marker = jpeg[at + 1]
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3]
    if (length < 2 || at + 2 + length > jpeg.length) return null
    const tag = Buffer.from(jpeg.buffer, jpeg.byteOffset + at + 4, Math.min(5, length - 2)).toString('latin1')
    // an Adobe segment's colour transform is read apart by decoders
    if (marker === 0xee && tag.startsWith('Adobe')) return null
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      if (length < 8 || jpeg[at + 4] !== 8) return null
      const components = jpeg[at + 9]
      // three components are YCbCr unless named R, G, B (decoders differ there)
      if (components === 3 && jpeg[at + 10] === 0x52) return null
      return { height: (jpeg[at + 5] << 8) | jpeg[at + 6], width: (jpeg[at + 7] << 8) | jpeg[at + 8], components }
    }
    // any other frame (arithmetic, lossless, hierarchical), or the scan before a frame
    if ((marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xda) return null
    at += 2 + length
  }
  return null
}

const isName = (v: Value | Keyword | undefined, name: string): boolean => v instanceof Name && v.name === name
const isCount = (v: Value | Keyword | undefined): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/**
 * The JPEG without its Exif and ICC profile segments, which pdf.js ignores and another decoder may
 * act on (turning the picture by its Exif orientation, colouring it by its profile); the same bytes
 * when it has none. pdf.js blanks Exif likewise before handing a JPEG to the browser's decoder.
 */
export function jpegAsPdfJsReadsIt(jpeg: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)]
  let at = 2
  let dropped = false
  for (let segments = 0; at + 4 <= jpeg.length && jpeg[at] === 0xff && segments < 64; segments++) {
    const marker = jpeg[at + 1]
    if (marker === 0xda || (marker >= 0xc0 && marker <= 0xcf)) break
    const end = at + 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3])
    const tag = Buffer.from(jpeg.buffer, jpeg.byteOffset + at + 4, Math.max(0, Math.min(5, end - at - 4))).toString('latin1')
    if ((marker === 0xe1 && tag.startsWith('Exif')) || (marker === 0xe2 && tag.startsWith('ICC_P'))) dropped = true
    else kept.push(jpeg.subarray(at, end))
    at = end
  }
  if (!dropped) return jpeg
  kept.push(jpeg.subarray(at))
  return new Uint8Array(Buffer.concat(kept))
}

// Pixel work for the generated scans (generate-scans.ts), in plain TypeScript so it runs wherever the
// tests do (no ImageMagick, no img2pdf): what a scanner or a phone does to a printed page (uneven light,
// keystone, a crooked feed, blur, sensor noise, a quarter turn), and the files it makes of it — JPEG and
// PNG with their resolution declared, an image-only PDF whose pages are the size the dpi says, and a
// multi-page CCITT Group 4 fax TIFF.

import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas'
import { crc32 } from 'node:zlib'
import { homography } from '../src/core/ocr/rectify'

/** RGBA pixels, row by row. */
export interface Picture {
  width: number
  height: number
  data: Uint8ClampedArray
  /** Set when the three channels are equal (a grey page): blur works on one. */
  grey?: boolean
}

export async function decodePicture(bytes: Uint8Array): Promise<Picture> {
  const image = await loadImage(Buffer.from(bytes))
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height)
  return { width, height, data: new Uint8ClampedArray(data) }
}

/** Colour to grey (luminance in all three channels), as a grey scanner records it. */
export function toGrey(p: Picture): void {
  const d = p.data
  for (let i = 0; i < d.length; i += 4) {
    const y = Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2])
    d[i] = d[i + 1] = d[i + 2] = y
  }
  p.grey = true
}

/** Light falling off linearly from (bx, by), where it is full, to the opposite corner, where `dim` of it is left. */
export function unevenLight(p: Picture, bx: number, by: number, dim: number): void {
  const fx = p.width - 1 - bx
  const fy = p.height - 1 - by
  const dx = fx - bx
  const dy = fy - by
  const len2 = dx * dx + dy * dy || 1
  const d = p.data
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const t = Math.min(1, Math.max(0, ((x - bx) * dx + (y - by) * dy) / len2))
      const m = 1 - (1 - dim) * t
      const i = (y * p.width + x) * 4
      d[i] *= m
      d[i + 1] *= m
      d[i + 2] *= m
    }
  }
}

/**
 * The page photographed and laid crooked: `corners` are where the sheet's corners land (a keystone;
 * null for a flat scan), then the whole turned by `degrees` about its centre on a canvas grown to hold
 * it. Outside the sheet is `background` (the desk under a photo, white in a scanner).
 */
export function warp(p: Picture, corners: [number, number][] | null, degrees: number, background: number): Picture {
  const w = p.width
  const h = p.height
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const outW = Math.ceil(Math.abs(w * cos) + Math.abs(h * sin))
  const outH = Math.ceil(Math.abs(w * sin) + Math.abs(h * cos))
  // from a point of the sheet as photographed back to the printed page
  const back = corners
    ? homography(corners, [
        [0, 0],
        [w, 0],
        [w, h],
        [0, h]
      ])
    : null
  const out = new Uint8ClampedArray(outW * outH * 4)
  const src = p.data
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      // undo the turn (about the centres) …
      const dx = x - outW / 2
      const dy = y - outH / 2
      let u = cos * dx + sin * dy + w / 2
      let v = -sin * dx + cos * dy + h / 2
      // … and the keystone
      if (back) {
        const z = back[6] * u + back[7] * v + 1
        const uu = (back[0] * u + back[1] * v + back[2]) / z
        v = (back[3] * u + back[4] * v + back[5]) / z
        u = uu
      }
      const o = (y * outW + x) * 4
      out[o + 3] = 255
      if (u < 0 || v < 0 || u > w - 1 || v > h - 1) {
        out[o] = out[o + 1] = out[o + 2] = background
        continue
      }
      const x0 = Math.floor(u)
      const y0 = Math.floor(v)
      const x1 = Math.min(w - 1, x0 + 1)
      const y1 = Math.min(h - 1, y0 + 1)
      const fx = u - x0
      const fy = v - y0
      for (let c = 0; c < 3; c++) {
        const top = src[(y0 * w + x0) * 4 + c] * (1 - fx) + src[(y0 * w + x1) * 4 + c] * fx
        const bottom = src[(y1 * w + x0) * 4 + c] * (1 - fx) + src[(y1 * w + x1) * 4 + c] * fx
        out[o + c] = top * (1 - fy) + bottom * fy
      }
    }
  }
  return { width: outW, height: outH, data: out, grey: p.grey }
}

/** One box-blur pass of radius r over `lines` lines of `n` samples, `step` apart, lines `stride` apart. */
function boxPass(src: Float32Array, dst: Float32Array, n: number, lines: number, step: number, stride: number, r: number): void {
  const span = 2 * r + 1
  for (let line = 0; line < lines; line++) {
    const base = line * stride
    const first = src[base]
    const last = src[base + (n - 1) * step]
    // the window starts centred on sample 0, the edge sample repeated outside
    let sum = first * (r + 1)
    for (let i = 1; i <= r; i++) sum += src[base + Math.min(i, n - 1) * step]
    for (let i = 0; i < n; i++) {
      dst[base + i * step] = sum / span
      const enter = i + r + 1
      const leave = i - r
      sum += (enter < n ? src[base + enter * step] : last) - (leave >= 0 ? src[base + leave * step] : first)
    }
  }
}

/** Gaussian blur of about `sigma` pixels (three box passes each way), on the grey level or each colour channel. */
export function blur(p: Picture, sigma: number): void {
  const r = Math.round(Math.sqrt((12 * sigma * sigma) / 3 + 1) / 2 - 0.5)
  if (r < 1) return
  const { width: w, height: h } = p
  const channels = p.grey ? 1 : 3
  let a = new Float32Array(w * h)
  let b = new Float32Array(w * h)
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < w * h; i++) a[i] = p.data[i * 4 + c]
    for (let pass = 0; pass < 3; pass++) {
      boxPass(a, b, w, h, 1, w, r)
      boxPass(b, a, h, w, w, 1, r)
    }
    for (let i = 0; i < w * h; i++) {
      if (p.grey) p.data[i * 4] = p.data[i * 4 + 1] = p.data[i * 4 + 2] = a[i]
      else p.data[i * 4 + c] = a[i]
    }
  }
  a = b = new Float32Array(0)
}

/** Sensor noise: the same Gaussian offset on the three channels of a pixel (standard deviation `sd` levels). */
export function noise(p: Picture, sd: number, rnd: () => number): void {
  // a table of Gaussian samples, read at random places: cheap enough for 15-megapixel pages
  const table = new Float32Array(65536)
  for (let i = 0; i < table.length; i++) table[i] = Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd()) * sd
  let s = Math.floor(rnd() * 0xffffffff) >>> 0 || 1
  const d = p.data
  for (let i = 0; i < d.length; i += 4) {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    const g = table[(s >>> 0) & 0xffff]
    d[i] += g
    d[i + 1] += g
    d[i + 2] += g
  }
}

/** The picture turned clockwise by a quarter turn (90, 180 or 270). */
export function quarterTurn(p: Picture, degrees: 0 | 90 | 180 | 270): Picture {
  if (degrees === 0) return p
  const { width: w, height: h, data } = p
  const outW = degrees === 180 ? w : h
  const outH = degrees === 180 ? h : w
  const out = new Uint8ClampedArray(data.length)
  const d32 = new Uint32Array(data.buffer, data.byteOffset, w * h)
  const o32 = new Uint32Array(out.buffer)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = degrees === 90 ? [h - 1 - y, x] : degrees === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x]
      o32[ny * outW + nx] = d32[y * w + x]
    }
  }
  return { width: outW, height: outH, data: out, grey: p.grey }
}

function canvasOf(p: Picture): Canvas {
  const canvas = createCanvas(p.width, p.height)
  const ctx = canvas.getContext('2d')
  const image = ctx.createImageData(p.width, p.height)
  image.data.set(p.data)
  ctx.putImageData(image, 0, 0)
  return canvas
}

/** JPEG at `quality` (1–100) whose JFIF header declares `dpi`. */
export function encodeJpeg(p: Picture, quality: number, dpi: number): Uint8Array {
  const bytes = new Uint8Array(canvasOf(p).toBuffer('image/jpeg', quality))
  // the encoder writes a JFIF APP0 segment first: units (1 = dots per inch) and the two densities
  if (bytes[2] !== 0xff || bytes[3] !== 0xe0 || String.fromCharCode(...bytes.subarray(6, 10)) !== 'JFIF') throw new Error('JPEG without a JFIF header')
  bytes[13] = 1
  bytes[14] = dpi >> 8
  bytes[15] = dpi & 0xff
  bytes[16] = dpi >> 8
  bytes[17] = dpi & 0xff
  return bytes
}

/** PNG with a pHYs chunk declaring `dpi`. */
export function encodePng(p: Picture, dpi: number): Uint8Array {
  const png = new Uint8Array(canvasOf(p).toBuffer('image/png'))
  const ppm = Math.round(dpi / 0.0254)
  const chunk = new Uint8Array(21)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, 9)
  chunk.set([0x70, 0x48, 0x59, 0x73], 4) // pHYs
  view.setUint32(8, ppm)
  view.setUint32(12, ppm)
  chunk[16] = 1
  view.setUint32(17, crc32(chunk.subarray(4, 17)))
  // after the signature (8 bytes) and IHDR (25 bytes)
  const out = new Uint8Array(png.length + chunk.length)
  out.set(png.subarray(0, 33))
  out.set(chunk, 33)
  out.set(png.subarray(33), 33 + chunk.length)
  return out
}

/** An image-only PDF: each JPEG one page, its size in points from its pixels and dpi (a true-resolution scan); colour unless said grey. */
export function imagePdf(pages: { jpeg: Uint8Array; width: number; height: number; dpi: number; grey?: boolean }[]): Uint8Array {
  const chunks: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const push = (b: Buffer | string): void => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b
    chunks.push(buf)
    length += buf.length
  }
  const object = (n: number, body: () => void): void => {
    offsets[n] = length
    push(`${n} 0 obj\n`)
    body()
    push('\nendobj\n')
  }
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ')
  object(1, () => push('<< /Type /Catalog /Pages 2 0 R >>'))
  object(2, () => push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`))
  pages.forEach((p, i) => {
    const n = 3 + i * 3
    const w = ((p.width * 72) / p.dpi).toFixed(2)
    const h = ((p.height * 72) / p.dpi).toFixed(2)
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`
    object(n, () => push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`))
    object(n + 1, () => {
      push(
        `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /${p.grey ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`
      )
      push(Buffer.from(p.jpeg))
      push('\nendstream')
    })
    object(n + 2, () => push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`))
  })
  const count = 3 + pages.length * 3
  const xref = length
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(chunks))
}

// --- CCITT Group 4 (T.6) -------------------------------------------------------------------------
// Run-length code words of ITU-T T.4 (white and black terminating 0–63, make-up 64–1728, shared
// extended make-up 1792–2560).
const TERM_W =
  '00110101,000111,0111,1000,1011,1100,1110,1111,10011,10100,00111,01000,001000,000011,110100,110101,101010,101011,0100111,0001100,0001000,0010111,0000011,0000100,0101000,0101011,0010011,0100100,0011000,00000010,00000011,00011010,00011011,00010010,00010011,00010100,00010101,00010110,00010111,00101000,00101001,00101010,00101011,00101100,00101101,00000100,00000101,00001010,00001011,01010010,01010011,01010100,01010101,00100100,00100101,01011000,01011001,01011010,01011011,01001010,01001011,00110010,00110011,00110100'.split(
    ','
  )
const TERM_B =
  '0000110111,010,11,10,011,0011,0010,00011,000101,000100,0000100,0000101,0000111,00000100,00000111,000011000,0000010111,0000011000,0000001000,00001100111,00001101000,00001101100,00000110111,00000101000,00000010111,00000011000,000011001010,000011001011,000011001100,000011001101,000001101000,000001101001,000001101010,000001101011,000011010010,000011010011,000011010100,000011010101,000011010110,000011010111,000001101100,000001101101,000011011010,000011011011,000001010100,000001010101,000001010110,000001010111,000001100100,000001100101,000001010010,000001010011,000000100100,000000110111,000000111000,000000100111,000000101000,000001011000,000001011001,000000101011,000000101100,000001011010,000001100110,000001100111'.split(
    ','
  )
const MAKE_W =
  '11011,10010,010111,0110111,00110110,00110111,01100100,01100101,01101000,01100111,011001100,011001101,011010010,011010011,011010100,011010101,011010110,011010111,011011000,011011001,011011010,011011011,010011000,010011001,010011010,011000,010011011'.split(
    ','
  )
const MAKE_B =
  '0000001111,000011001000,000011001001,000001011011,000000110011,000000110100,000000110101,0000001101100,0000001101101,0000001001010,0000001001011,0000001001100,0000001001101,0000001110010,0000001110011,0000001110100,0000001110101,0000001110110,0000001110111,0000001010010,0000001010011,0000001010100,0000001010101,0000001011010,0000001011011,0000001100100,0000001100101'.split(
    ','
  )
const MAKE_X =
  '00000001000,00000001100,00000001101,000000010010,000000010011,000000010100,000000010101,000000010110,000000010111,000000011100,000000011101,000000011110,000000011111'.split(
    ','
  )
const VERTICAL: Record<number, string> = { 0: '1', 1: '011', 2: '000011', 3: '0000011', [-1]: '010', [-2]: '000010', [-3]: '0000010' }

class BitWriter {
  private bytes: number[] = []
  private current = 0
  private used = 0
  put(code: string): void {
    for (let i = 0; i < code.length; i++) {
      this.current = (this.current << 1) | (code.charCodeAt(i) - 48)
      if (++this.used === 8) {
        this.bytes.push(this.current)
        this.current = 0
        this.used = 0
      }
    }
  }
  finish(): Uint8Array {
    if (this.used) this.bytes.push(this.current << (8 - this.used))
    return new Uint8Array(this.bytes)
  }
}

function runCode(w: BitWriter, run: number, black: boolean): void {
  const term = black ? TERM_B : TERM_W
  const make = black ? MAKE_B : MAKE_W
  while (run >= 2560) {
    w.put(MAKE_X[MAKE_X.length - 1])
    run -= 2560
  }
  if (run >= 1792) {
    const k = Math.floor(run / 64)
    w.put(MAKE_X[k - 28])
    run -= k * 64
  } else if (run >= 64) {
    const k = Math.floor(run / 64)
    w.put(make[k - 1])
    run -= k * 64
  }
  w.put(term[run])
}

/** Changing elements of a line after position `after`: the first pixel whose colour differs from its left neighbour (the line starts white). */
function nextChange(line: Uint8Array, after: number, width: number): number {
  if (after >= width - 1) return width
  let x = after + 1
  const before = after < 0 ? 0 : line[after]
  while (x < width && line[x] === before) x++
  return x
}

/** Rows of 0 (white) / 1 (black) → T.6 (Group 4) data, MSB first. */
export function encodeG4(rows: Uint8Array[], width: number): Uint8Array {
  const w = new BitWriter()
  let ref: Uint8Array = new Uint8Array(width)
  for (const line of rows) {
    let a0 = -1
    let colour = 0
    while (a0 < width) {
      const a1 = nextChange(line, a0, width)
      const a2 = nextChange(line, a1, width)
      // b1: the first change on the reference line right of a0 to the colour opposite a0's
      let b1 = nextChange(ref, a0, width)
      while (b1 < width && ref[b1] === colour) b1 = nextChange(ref, b1, width)
      const b2 = nextChange(ref, b1, width)
      const start = a0 < 0 ? 0 : a0
      if (b2 < a1) {
        w.put('0001')
        a0 = b2
      } else if (Math.abs(a1 - b1) <= 3) {
        w.put(VERTICAL[a1 - b1])
        a0 = a1
        colour = 1 - colour
      } else {
        w.put('001')
        runCode(w, a1 - start, colour === 1)
        runCode(w, a2 - a1, colour === 0)
        a0 = a2
      }
    }
    ref = line
  }
  w.put('000000000001000000000001')
  return w.finish()
}

/** A multi-page bilevel TIFF, CCITT Group 4, one strip per page, declaring `dpi`. Pixels darker than `threshold` are black. */
export function g4Tiff(pages: { picture: Picture; threshold: number; dpi: number }[]): Uint8Array {
  const parts: Uint8Array<ArrayBufferLike>[] = []
  let offset = 8
  const header = new Uint8Array(8)
  header.set([0x49, 0x49, 0x2a, 0x00])
  parts.push(header)
  const ifdOffsets: number[] = []
  const entries = 11
  pages.forEach((page, index) => {
    const { picture: p, threshold, dpi } = page
    const rows: Uint8Array[] = []
    for (let y = 0; y < p.height; y++) {
      const row = new Uint8Array(p.width)
      for (let x = 0; x < p.width; x++) {
        const i = (y * p.width + x) * 4
        row[x] = 0.299 * p.data[i] + 0.587 * p.data[i + 1] + 0.114 * p.data[i + 2] < threshold ? 1 : 0
      }
      rows.push(row)
    }
    const strip = encodeG4(rows, p.width)
    const stripAt = offset
    parts.push(strip)
    offset += strip.length + (strip.length & 1)
    if (strip.length & 1) parts.push(new Uint8Array(1))
    const resAt = offset
    const res = new Uint8Array(16)
    const rv = new DataView(res.buffer)
    rv.setUint32(0, dpi, true)
    rv.setUint32(4, 1, true)
    rv.setUint32(8, dpi, true)
    rv.setUint32(12, 1, true)
    parts.push(res)
    offset += 16
    const ifd = new Uint8Array(2 + entries * 12 + 4)
    const v = new DataView(ifd.buffer)
    v.setUint16(0, entries, true)
    const tags: [number, number, number, number][] = [
      [256, 4, 1, p.width],
      [257, 4, 1, p.height],
      [258, 3, 1, 1],
      [259, 3, 1, 4],
      [262, 3, 1, 0],
      [273, 4, 1, stripAt],
      [278, 4, 1, p.height],
      [279, 4, 1, strip.length],
      [282, 5, 1, resAt],
      [283, 5, 1, resAt + 8],
      [296, 3, 1, 2]
    ]
    tags.forEach(([tag, type, count, value], k) => {
      const at = 2 + k * 12
      v.setUint16(at, tag, true)
      v.setUint16(at + 2, type, true)
      v.setUint32(at + 4, count, true)
      if (type === 3) v.setUint16(at + 8, value, true)
      else v.setUint32(at + 8, value, true)
    })
    ifdOffsets[index] = offset
    parts.push(ifd)
    offset += ifd.length
  })
  const out = new Uint8Array(offset)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  const view = new DataView(out.buffer)
  view.setUint32(4, ifdOffsets[0], true)
  ifdOffsets.forEach((o, i) => view.setUint32(o + 2 + entries * 12, ifdOffsets[i + 1] ?? 0, true))
  return out
}

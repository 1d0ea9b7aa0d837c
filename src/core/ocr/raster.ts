// Operations on 8-bit grey rasters (0 = black, 255 = white), pure TS: crop, rotate, threshold,
// resize. Scans are small enough (an A4 page at 150–200 dpi is 2–4 Mpx) for plain loops.

import type { Raster } from '../page-image'

export type { Raster }

export function blankRaster(width: number, height: number, grey = 255): Raster {
  return { width, height, data: new Uint8Array(width * height).fill(grey) }
}

/** The picture's coloured pixels (Raster.colour) as a raster of their own, 255 where coloured, to be turned with the page; null for a grey picture. */
export function colourPlane(r: Raster): Raster | null {
  if (!r.colour) return null
  const data = new Uint8Array(r.width * r.height)
  for (let i = 0; i < data.length; i++) if (r.colour[i >> 3] & (0x80 >> (i & 7))) data[i] = 255
  return { width: r.width, height: r.height, data }
}

/** The pixels inside [x0, x1) × [y0, y1), clipped to the raster. */
export function crop(r: Raster, x0: number, y0: number, x1: number, y1: number): Raster {
  const left = Math.max(0, Math.floor(x0))
  const top = Math.max(0, Math.floor(y0))
  const right = Math.min(r.width, Math.ceil(x1))
  const bottom = Math.min(r.height, Math.ceil(y1))
  const width = Math.max(0, right - left)
  const height = Math.max(0, bottom - top)
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) data.set(r.data.subarray((top + y) * r.width + left, (top + y) * r.width + left + width), y * width)
  return { width, height, data }
}

/**
 * Rotates by `degrees` (positive = counter-clockwise as seen on screen) about the centre, keeping the
 * size; uncovered corners are white. Bilinear, so thin ruling lines stay continuous.
 */
export function rotate(r: Raster, degrees: number): Raster {
  if (Math.abs(degrees) < 1e-3) return r
  const { width: w, height: h, data } = r
  const out = new Uint8Array(w * h)
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const cx = (w - 1) / 2
  const cy = (h - 1) / 2
  // the products of each column's offset, computed once: the same numbers as in the loop
  const cosDx = new Float64Array(w)
  const sinDx = new Float64Array(w)
  for (let x = 0; x < w; x++) {
    cosDx[x] = cos * (x - cx)
    sinDx[x] = sin * (x - cx)
  }
  for (let y = 0; y < h; y++) {
    const dy = y - cy
    const sinDy = sin * dy
    const cosDy = cos * dy
    for (let x = 0; x < w; x++) {
      // inverse mapping: the source point that lands on (x, y); bilinearAt, inlined
      const sx = cosDx[x] - sinDy + cx
      const sy = sinDx[x] + cosDy + cy
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255
        continue
      }
      const fx = sx - x0
      const i = y0 * w + x0
      const top = data[i] + (data[i + 1] - data[i]) * fx
      const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx
      out[y * w + x] = Math.round(top + (bottom - top) * (sy - y0))
    }
  }
  return { width: w, height: h, data: out }
}

/** The grey at (sx, sy) of a w × h raster's pixels, bilinear between the four around it; white off the raster. */
export function bilinearAt(data: Uint8Array, w: number, h: number, sx: number, sy: number): number {
  const x0 = Math.floor(sx)
  const y0 = Math.floor(sy)
  if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) return 255
  const fx = sx - x0
  const fy = sy - y0
  const i = y0 * w + x0
  const top = data[i] + (data[i + 1] - data[i]) * fx
  const bottom = data[i + w] + (data[i + w + 1] - data[i + w]) * fx
  return Math.round(top + (bottom - top) * fy)
}

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(r: Raster): number {
  const hist = new Float64Array(256)
  for (let i = 0; i < r.data.length; i++) hist[r.data[i]]++
  const total = r.data.length
  let sumAll = 0
  for (let g = 0; g < 256; g++) sumAll += g * hist[g]
  let weightBack = 0
  let sumBack = 0
  let best = 0
  let bestVar = -1
  for (let g = 0; g < 256; g++) {
    weightBack += hist[g]
    if (weightBack === 0) continue
    const weightFore = total - weightBack
    if (weightFore === 0) break
    sumBack += g * hist[g]
    const meanBack = sumBack / weightBack
    const meanFore = (sumAll - sumBack) / weightFore
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2
    if (between > bestVar) {
      bestVar = between
      best = g
    }
  }
  return best
}

/**
 * A threshold for thin, blurred strokes (ruling lines and digit strokes in a scan rarely reach full
 * black): 45 levels below the paper, so light table shading stays paper.
 */
export function strokeThreshold(r: Raster): number {
  const hist = new Uint32Array(256)
  for (let i = 0; i < r.data.length; i++) hist[r.data[i]]++
  let paper = 255
  for (let g = 128; g < 256; g++) if (hist[g] > hist[paper]) paper = g
  return Math.max(otsuThreshold(r), paper - 45)
}

/** 1 where the pixel is ink (darker than `threshold`), else 0. */
export function binarise(r: Raster, threshold = otsuThreshold(r)): Uint8Array {
  const out = new Uint8Array(r.data.length)
  for (let i = 0; i < r.data.length; i++) out[i] = r.data[i] <= threshold ? 1 : 0
  return out
}

/** Area-averaging downscale or bilinear upscale to the given size. */
export function resize(r: Raster, width: number, height: number): Raster {
  const sx = r.width / width
  const sy = r.height / height
  return sx > 1.5 || sy > 1.5 ? blockAveraged(r, width, height, sx, sy) : bilinearResized(r, width, height, sx, sy)
}

/** Each pixel the mean of the source block it covers (integer sums: the order they are added in changes nothing). */
function blockAveraged(r: Raster, width: number, height: number, sx: number, sy: number): Raster {
  const out = new Uint8Array(width * height)
  const xa = new Int32Array(width)
  const xb = new Int32Array(width)
  for (let x = 0; x < width; x++) {
    xa[x] = Math.floor(x * sx)
    xb[x] = Math.max(xa[x] + 1, Math.floor((x + 1) * sx))
  }
  // the block's rows summed column by column, then each block's columns
  const rows = new Uint32Array(r.width)
  for (let y = 0; y < height; y++) {
    const ya = Math.floor(y * sy)
    const yb = Math.max(ya + 1, Math.floor((y + 1) * sy))
    rows.fill(0)
    for (let yy = ya; yy < yb; yy++) {
      const at = yy * r.width
      for (let xx = 0; xx < r.width; xx++) rows[xx] += r.data[at + xx]
    }
    for (let x = 0; x < width; x++) {
      let sum = 0
      for (let xx = xa[x]; xx < xb[x]; xx++) sum += rows[xx]
      out[y * width + x] = Math.round(sum / ((xb[x] - xa[x]) * (yb - ya)))
    }
  }
  return { width, height, data: out }
}

/** Each pixel interpolated between the four source pixels around its centre. */
function bilinearResized(r: Raster, width: number, height: number, sx: number, sy: number): Raster {
  const out = new Uint8Array(width * height)
  const x0s = new Int32Array(width)
  const x1s = new Int32Array(width)
  const wxs = new Float64Array(width)
  for (let x = 0; x < width; x++) {
    const fx = Math.min(r.width - 1, Math.max(0, (x + 0.5) * sx - 0.5))
    x0s[x] = Math.floor(fx)
    x1s[x] = Math.min(r.width - 1, x0s[x] + 1)
    wxs[x] = fx - x0s[x]
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(r.height - 1, Math.max(0, (y + 0.5) * sy - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(r.height - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < width; x++) {
      const x0 = x0s[x]
      const x1 = x1s[x]
      const wx = wxs[x]
      const top = r.data[y0 * r.width + x0] * (1 - wx) + r.data[y0 * r.width + x1] * wx
      const bottom = r.data[y1 * r.width + x0] * (1 - wx) + r.data[y1 * r.width + x1] * wx
      out[y * width + x] = Math.round(top * (1 - wy) + bottom * wy)
    }
  }
  return { width, height, data: out }
}

/** Reads a binary PGM (P5), the grey format poppler and ImageMagick write; for tools and tests. */
export function readPgm(bytes: Uint8Array): Raster {
  let pos = 0
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]))) pos++
      if (bytes[pos] === 0x23) while (pos < bytes.length && bytes[pos] !== 0x0a) pos++
      else break
    }
    let s = ''
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]))) s += String.fromCharCode(bytes[pos++])
    return s
  }
  if (token() !== 'P5') throw new Error('not a binary PGM')
  const width = Number(token())
  const height = Number(token())
  const max = Number(token())
  pos++
  if (max !== 255) throw new Error('only 8-bit PGM')
  return { width, height, data: bytes.slice(pos, pos + width * height) }
}

export function writePgm(r: Raster): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`)
  const out = new Uint8Array(head.length + r.data.length)
  out.set(head)
  out.set(r.data, head.length)
  return out
}

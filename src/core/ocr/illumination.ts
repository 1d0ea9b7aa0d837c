// Uneven light (a phone photo lit from one side, a page curling off the scanner glass) makes one end
// of the page grey: one threshold for the whole page then turns the dark end into ink and the light
// end's faint rulings into paper. The paper's own brightness is estimated everywhere (the brightest
// pixels around each place, wider than a character, so text and rulings drop out) and each pixel is
// divided by it: the page reads as if evenly lit. Shaded header cells wider than the window become
// paper too, which leaves their rulings and text standing out.

import type { Raster } from './raster'

/** Around each place, the paper is the brightest this far away (in text heights): wider than a character or a blot. */
const WINDOW = 1.2
/** Light is uneven when the paper's brightness differs by this many grey levels between parts of the page. */
const UNEVEN = 24
/** Parts of the page compared for that (a grid of this many tiles a side). */
const TILES = 4

/** Maximum over a window of radius r along rows then columns, on a small grid. */
function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h)
  const out = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) m = Math.max(m, src[y * w + k])
      tmp[y * w + x] = m
    }
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let m = 0
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) m = Math.max(m, tmp[k * w + x])
      out[y * w + x] = m
    }
  }
  return out
}

/** Mean over a window of radius r (clamped at the edges), on a small grid. */
function meanFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h)
  const out = new Float32Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      let n = 0
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++, n++) s += src[y * w + k]
      tmp[y * w + x] = s / n
    }
  }
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let s = 0
      let n = 0
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += tmp[k * w + x]
      out[y * w + x] = s / n
    }
  }
  return out
}

export interface PaperLight {
  /** The paper's brightness on a grid of `step` × `step` pixel blocks. */
  grid: Float32Array
  cols: number
  rows: number
  step: number
}

/** The paper's brightness across the page, from the brightest pixels around each place. `unit` is the text height in pixels. */
export function paperLight(page: Raster, unit: number): PaperLight {
  const { width: w, height: h, data } = page
  // blocks a third of a text height: a block's brightest pixel is paper unless ink fills it
  const step = Math.max(1, Math.floor(unit / 3))
  const cols = Math.ceil(w / step)
  const rows = Math.ceil(h / step)
  const blocks = new Float32Array(cols * rows)
  for (let y = 0; y < h; y++) {
    const row = Math.floor(y / step) * cols
    for (let x = 0; x < w; x++) {
      const b = row + Math.floor(x / step)
      const v = data[y * w + x]
      if (v > blocks[b]) blocks[b] = v
    }
  }
  const r = Math.max(1, Math.round((WINDOW * unit) / step))
  return { grid: meanFilter(maxFilter(blocks, cols, rows, r), cols, rows, r), cols, rows, step }
}

/** Grey levels between the dimmest and the brightest part of the page's paper (medians of a tile grid). */
export function lightSpread(light: PaperLight): number {
  const medians: number[] = []
  for (let ty = 0; ty < TILES; ty++) {
    for (let tx = 0; tx < TILES; tx++) {
      const values: number[] = []
      for (let y = Math.floor((ty * light.rows) / TILES); y < Math.floor(((ty + 1) * light.rows) / TILES); y++) {
        for (let x = Math.floor((tx * light.cols) / TILES); x < Math.floor(((tx + 1) * light.cols) / TILES); x++) values.push(light.grid[y * light.cols + x])
      }
      if (values.length) medians.push(values.sort((a, b) => a - b)[Math.floor(values.length / 2)])
    }
  }
  return medians.length ? Math.max(...medians) - Math.min(...medians) : 0
}

/**
 * The page as if evenly lit: each pixel divided by the paper's brightness around it (bilinear
 * between blocks), so paper is white everywhere and ink keeps its contrast. Null when the light is
 * already even (the page is read as it is).
 */
export function flattenLight(page: Raster, unit: number): Raster | null {
  const light = paperLight(page, unit)
  if (lightSpread(light) < UNEVEN) return null
  const { width: w, height: h, data } = page
  const { grid, cols, rows, step } = light
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / step - 0.5))
    const y0 = Math.floor(gy)
    const y1 = Math.min(rows - 1, y0 + 1)
    const fy = gy - y0
    for (let x = 0; x < w; x++) {
      const gx = Math.min(cols - 1, Math.max(0, (x + 0.5) / step - 0.5))
      const x0 = Math.floor(gx)
      const x1 = Math.min(cols - 1, x0 + 1)
      const fx = gx - x0
      const top = grid[y0 * cols + x0] * (1 - fx) + grid[y0 * cols + x1] * fx
      const bottom = grid[y1 * cols + x0] * (1 - fx) + grid[y1 * cols + x1] * fx
      const paper = Math.max(1, top * (1 - fy) + bottom * fy)
      out[y * w + x] = Math.min(255, Math.round((data[y * w + x] * 255) / paper))
    }
  }
  return { width: w, height: h, data: out }
}

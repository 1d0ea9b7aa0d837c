// Pixels: decoding pictures to 8-bit grey (Raster) and encoding grey pixels for the source pane.
// Drawing and codecs are skia's, through @napi-rs/canvas (the canvas pdf.js itself uses in Node),
// loaded on first use so a text-only report never loads the native module.

import { createRequire } from 'node:module'
import type { Raster } from '../../page-image'

type CanvasModule = typeof import('@napi-rs/canvas')
type Canvas = InstanceType<CanvasModule['Canvas']>

let canvasModule: CanvasModule | null = null

export function canvasLib(): CanvasModule {
  canvasModule ??= createRequire(__filename)('@napi-rs/canvas') as CanvasModule
  return canvasModule
}

/** A pixel whose channels differ by this much is coloured ink (seal red is ~150; JPEG fringes on black print stay far below). */
export const COLOURED = 80

/** RGBA (any alpha composited on white paper) → grey by Rec. 601 luma, with the bits of strongly coloured pixels. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Raster {
  const data = new Uint8Array(width * height)
  let colour: Uint8Array | undefined
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const r = rgba[p]
    const g = rgba[p + 1]
    const b = rgba[p + 2]
    const luma = (r * 77 + g * 150 + b * 29) >> 8
    const alpha = rgba[p + 3]
    data[i] = alpha === 255 ? luma : (luma * alpha + 255 * (255 - alpha)) / 255
    // only opaque-enough pixels: a faint tint composited on white is paper
    if (alpha >= 128 && Math.max(r, g, b) - Math.min(r, g, b) >= COLOURED) {
      colour ??= new Uint8Array((data.length + 7) >> 3)
      colour[i >> 3] |= 0x80 >> (i & 7)
    }
  }
  return colour ? { width, height, data, colour } : { width, height, data }
}

/** A PNG, JPEG, BMP, GIF or WebP picture → grey pixels. Callers check its size from the header first. */
export async function decodePicture(bytes: Uint8Array): Promise<Raster> {
  const { createCanvas, loadImage } = canvasLib()
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, image.width, image.height)
  context.drawImage(image, 0, 0)
  return greyFromRgba(context.getImageData(0, 0, image.width, image.height).data, image.width, image.height)
}

/** Grey pixels → PNG (lossless: bi-level scans and screenshots stay sharp in the source pane). */
export async function encodeGreyPng(raster: Raster): Promise<Uint8Array> {
  const { createCanvas } = canvasLib()
  const canvas = createCanvas(raster.width, raster.height)
  const context = canvas.getContext('2d')
  const image = context.createImageData(raster.width, raster.height)
  const rgba = image.data
  for (let i = 0, p = 0; i < raster.data.length; i++, p += 4) {
    const v = raster.data[i]
    rgba[p] = v
    rgba[p + 1] = v
    rgba[p + 2] = v
    rgba[p + 3] = 255
  }
  context.putImageData(image, 0, 0)
  return encodeCanvas(canvas, 'png')
}

/** Canvases whose async encode is running on the libuv threadpool. */
const encoding = new Set<Canvas>()

/**
 * `canvas.encode`, holding the canvas until the encode settles. @napi-rs/canvas (0.1.x) hands the
 * threadpool task a bare pointer to the skia surface without keeping the canvas alive; once the
 * calling frame no longer needs `canvas` after its `await`, V8 may collect it mid-encode, its
 * finaliser frees the surface, and the encode segfaults (upstream Brooooooklyn/canvas#1312, fixed
 * there in #1314). That killed vitest forks ("Worker exited unexpectedly") and would kill the
 * extraction child the same way. Every async encode goes through here.
 */
export async function encodeCanvas(canvas: Canvas, format: 'png' | 'jpeg', quality?: number): Promise<Uint8Array> {
  encoding.add(canvas)
  try {
    return new Uint8Array(format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', quality))
  } finally {
    encoding.delete(canvas)
  }
}

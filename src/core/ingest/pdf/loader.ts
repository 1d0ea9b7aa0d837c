// Loads pdf.js once per process, offline: the legacy build (runs in Node 20),
// its worker code imported in-process (no worker file URL, nothing fetched),
// CMaps and standard font data read from the local pdfjs-dist package.

import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { IMAGE_LIMITS } from '../images/limits'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

/**
 * What pdf.js may decode of a PDF's pictures: one above the pictures' pixel cap is left out before
 * it is decoded (it would cost 4 bytes a pixel while drawn — 1.6 GB for a 389 KB file painting one
 * 20000² picture), and no canvas larger than that cap at 4 bytes a pixel is made for one.
 */
export const PDF_IMAGE_CAPS = {
  maxImageSize: IMAGE_LIMITS.maxPixels,
  canvasMaxAreaInBytes: IMAGE_LIMITS.maxPixels * 4,
  isOffscreenCanvasSupported: false
} as const

let loading: Promise<PdfJs> | null = null

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importPdfJs()
  return loading
}

async function importPdfJs(): Promise<PdfJs> {
  // Imported by absolute file URL: pdfjs-dist is ESM-only, and a bare specifier
  // fails when this file itself is run as CommonJS (tsx, bundled main process).
  const resolve = createRequire(__filename).resolve
  const url = (specifier: string): string => pathToFileURL(resolve(specifier)).href
  // pdf.js looks for globalThis.pdfjsWorker before loading any worker script:
  // giving it the worker module makes it run the parser on this thread.
  const worker: unknown = await import(url('pdfjs-dist/legacy/build/pdf.worker.mjs'))
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
  return (await import(url('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs
}

export interface LocalAssets {
  /** Directory of the packed CMaps (trailing slash), or undefined if not found. */
  cMapUrl?: string
  standardFontDataUrl?: string
}

let assets: LocalAssets | null = null

/** Paths inside node_modules/pdfjs-dist; pdf.js reads them with fs in Node. */
export function localAssets(): LocalAssets {
  if (assets) return assets
  try {
    const require = createRequire(__filename)
    const root = dirname(require.resolve('pdfjs-dist/package.json'))
    assets = { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }
  } catch {
    assets = {}
  }
  return assets
}

/**
 * Opens a PDF the way every reader in the engine must: a copy of the bytes (pdf.js detaches the
 * buffer it is given), no eval, no font faces or system fonts, the bundled CMaps and fonts only.
 */
export function openPdf(pdfjs: PdfJs, bytes: Uint8Array): ReturnType<PdfJs['getDocument']> {
  return pdfjs.getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    cMapPacked: true,
    ...localAssets(),
    verbosity: 0,
    ...PDF_IMAGE_CAPS
  })
}

// pdf.js in the renderer, offline: the library is a lazily loaded chunk of the app, its worker is a
// file of the app, and the CMaps and standard fonts it asks for are bundled into the app and handed
// over from memory — pdf.js never fetches anything, so nothing depends on file:// fetch rules.

import type { PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { IMAGE_LIMITS } from '../../../core/ingest/images/limits'

type PdfJs = typeof import('pdfjs-dist')

// Each file becomes its own small chunk, loaded only when a document asks for it.
const CMAPS = import.meta.glob<string>('@pdfjs-data/cmaps/*.bcmap', { query: '?inline', import: 'default' })
const STANDARD_FONTS = import.meta.glob<string>('@pdfjs-data/standard_fonts/*.{pfb,ttf}', { query: '?inline', import: 'default' })

let loading: Promise<PdfJs> | null = null

function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl
    return pdfjs
  })
  return loading
}

function byFileName(files: Record<string, () => Promise<string>>): Map<string, () => Promise<string>> {
  return new Map(Object.entries(files).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1), load]))
}

function dataUrlBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/** pdf.js's BinaryDataFactory contract: bytes of a CMap or standard font, by file name. */
class BundledBinaryData {
  private static readonly sources: Record<string, Map<string, () => Promise<string>>> = {
    cMapUrl: byFileName(CMAPS),
    standardFontDataUrl: byFileName(STANDARD_FONTS)
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = BundledBinaryData.sources[kind]?.get(filename)
    if (!load) throw new Error(`pdf.js asked for ${kind} ${filename}, which the app does not bundle`)
    return dataUrlBytes(await load())
  }
}

/** Opens a PDF from its bytes (a copy: pdf.js takes ownership of what it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs()
  return pdfjs.getDocument({
    data: bytes.slice(),
    // The factory needs these set to ask for anything; the names are never fetched.
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    BinaryDataFactory: BundledBinaryData,
    useWorkerFetch: false,
    // No eval (the CSP forbids it), no scripting, no wasm fetched, no link followed.
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    stopAtErrors: false,
    // A picture past the pictures' pixel cap is left out undecoded here too (the import said why):
    // one 20000² picture costs 1.6 GB drawn.
    maxImageSize: IMAGE_LIMITS.maxPixels,
    canvasMaxAreaInBytes: IMAGE_LIMITS.maxPixels * 4
  } as Parameters<PdfJs['getDocument']>[0]).promise
}

export type { PDFDocumentProxy }

/**
 * Page images: the pictures a document carries where its text should be (scanned PDF pages, tables pasted
 * as pictures in Word or web pages, photos of pages). Beside document.ts, the lowest model: shared by the page-image plumbing (core/ingest/images) and
 * the OCR engine (src/core/ocr); see issue #13.
 */

/** 8-bit grey pixels, row-major, one byte per pixel (0 = black, 255 = white). */
export interface Raster {
  width: number
  height: number
  data: Uint8Array
  /**
   * Where the picture is strongly coloured (a red 公章, blue ink), one bit per pixel, row-major,
   * first pixel in bit 7 of byte 0. Absent when no pixel is: a grey scan carries nothing extra.
   * OCR uses it to tell seal ink over a number from the black print (in grey, red reads as dark).
   */
  colour?: Uint8Array
}

export interface PageImage {
  /** 0-based order among the document's page images. */
  index: number
  /** Where the picture came from, for messages: '第 3 页' | 'word/media/image2.png' | 'xxx_files/image003.jpg'. */
  origin: string
  /** Encoded form kept for the source pane. */
  mime: 'image/png' | 'image/jpeg'
  bytes: Uint8Array
  /** Pixels of `bytes`. */
  width: number
  height: number
  /** docx/html: text offset in SourceDocument.text where the picture sits; pdf: undefined (use pdfPage). */
  anchor?: number
  /** 1-based page, for PDF sources. */
  pdfPage?: number
  /** Grey pixels for OCR, same width/height as `bytes`. */
  decode(): Promise<Raster>
}

/** A PageImage as plain data (no decode): what crosses from the extraction worker and is stored for the source pane. */
export type StoredPageImage = Omit<PageImage, 'decode'>

/**
 * A file that belongs to the report being read: a saved page's `xxx_files/` pictures, the page photos
 * dropped with a report's narrative. `path` is relative to the folder the files were dropped or read
 * from, '/'-separated ('报告_files/image001.jpg'); the main file's own path is IngestInput.path.
 */
export interface IngestAttachment {
  name: string
  path?: string
  bytes: Uint8Array
}

// What page images a document may make us decode. A scanned A4 page at 300 dpi is 2480 × 3508
// (8.7 M pixels); a phone photo 12–50 M. The bounds sit above those and far below what would
// exhaust the extraction worker's memory (a decoded page costs 4 bytes a pixel while drawn).

export const IMAGE_LIMITS = {
  /** Pixels of one picture (width × height): 60 M is a 50 MP photo with room to spare. */
  maxPixels: 60_000_000,
  /** Either side of one picture. */
  maxSide: 20_000,
  /** Encoded bytes of one picture. */
  maxBytes: 40 * 1024 * 1024,
  /** Page images of one document (pages of a scan, pictures in a page, pages of a TIFF). */
  maxImages: 200,
  /** Encoded bytes of all of a document's pictures together. */
  maxTotalBytes: 150 * 1024 * 1024,
  /** Pictures smaller than this on both sides are icons, bullets, spacers: never a table. */
  minSide: 48
} as const

/**
 * PDF pages rendered for OCR: a scanned page at its picture's own resolution, never below `dpi`
 * nor above `maxDpi`; a page over the picture pixel cap is scaled down to it.
 */
export const PDF_RENDER = {
  dpi: 150,
  maxDpi: 600,
  maxPixels: IMAGE_LIMITS.maxPixels
} as const

/** .mht / .mhtml archives: MIME parts and nesting. */
export const MHT_LIMITS = {
  maxParts: 500,
  maxDepth: 4,
  maxHeaderBytes: 16 * 1024
} as const

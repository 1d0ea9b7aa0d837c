// What a file will cost to extract, told from its name and size alone: the window orders a drop by
// it before reading any bytes, so text reports go to the engine before scans. Main refines it from
// the bytes (cost.ts). Units are rough seconds of one core; only the order and the OCR flag matter.

/** One page image read by OCR, against a text report's fraction of a second. */
export const OCR_PAGE_COST = 6

export interface CostEstimate {
  /** Rough seconds of one core. */
  cost: number
  /** Page images OCR is expected to read (0: a quick file). */
  ocrPages: number
}

const PICTURE = /\.(png|jpe?g|bmp|gif|webp)$/i
const TIFF = /\.tiff?$/i
const PDF = /\.pdf$/i
/** Word and OpenDocument files: unpacked and converted (mammoth, the OLE reader) before their tables are read. */
const WORD = /\.(docx|docm|doc|wps|odt)$/i

/** From the name and size: pictures and TIFFs are OCR; a PDF may be; everything else is quick. */
export function costByName(name: string, size: number, attachedPictures = 0): CostEstimate {
  if (PICTURE.test(name)) return ocr(1 + attachedPictures)
  // A fax-grade multi-page TIFF holds a page in ~50–300 KB.
  if (TIFF.test(name)) return ocr(Math.max(1, Math.round(size / 150_000)))
  // A scanned PDF holds a page in hundreds of KB; a text PDF of the same length is far smaller.
  if (PDF.test(name)) return { cost: 0.5 + size / 400_000, ocrPages: 0 }
  // A Word file of a few KB costs a core 0.2–0.3 s, a text or web page of the same report 0.02–0.04 s
  // (its XML is compressed, so it is smaller on disk): the base tells them apart, as cost.ts does.
  if (WORD.test(name)) return { cost: 0.3 + size / 5_000_000 + 0.5 * attachedPictures, ocrPages: 0 }
  return { cost: 0.2 + size / 5_000_000 + 0.5 * attachedPictures, ocrPages: 0 }
}

function ocr(pages: number): CostEstimate {
  return { cost: 0.5 + OCR_PAGE_COST * pages, ocrPages: pages }
}

// What the library asks of the engine: one file in, its report JSON (and ideally the decoded
// document, so the source pane and the text checks never re-parse) out.

import { analyse } from '../core/analyse'
import type { Result } from '../core/messages'
import type { ReportJson } from '../core/report'
import type { FilePayload } from '../shared/contract'
import type { StoredPageImage } from '../core/page-image'
import type { OcrProgress } from '../core/ocr/ocr-pages'

/** Bump when extraction changes enough that stored reports should be re-extracted. */
export const EXTRACTOR_VERSION = '1'

export interface StoredDocument {
  text: string
  displayHtml?: string
  encoding?: string
  pages?: number
  /** The page images OCR read, for the source pane. */
  pageImages?: StoredPageImage[]
}

export interface ExtractedFile {
  json: ReportJson
  document?: StoredDocument
}

/** Turns one file into its report; null value when the file cannot be read. A bare ReportJson is accepted too. */
export type Extractor = (file: FilePayload) => Promise<Result<ReportJson | ExtractedFile | null>>

export function asExtractedFile(value: ReportJson | ExtractedFile | null): ExtractedFile | null {
  if (!value) return null
  return 'schema' in value ? { json: value } : value
}

/** Called as each page image is read by OCR (the extraction process resets its time limit on it). */
export type OcrProgressHook = (progress: OcrProgress) => void

/** The engine run in this process (command line, tests, benchmark). */
export const extractInProcess = async (file: FilePayload, onOcrProgress?: OcrProgressHook): ReturnType<Extractor> => {
  const result = await analyse(file, onOcrProgress ? { ocr: { onProgress: onOcrProgress } } : {})
  const analysed = result.value
  if (!analysed) return { value: null, messages: result.messages }
  const { text, displayHtml, encoding, pages, pageImages } = analysed.document
  return {
    value: { json: analysed.json, document: { text, displayHtml, encoding, pages, ...(pageImages?.length ? { pageImages } : {}) } },
    messages: result.messages
  }
}

// OCR of page images (issue #13): the entry points the extraction process uses.
// The engine (onnxruntime-node) is loaded on first use, not on import.

export { ocrPages, DEFAULT_PAGE_TIMEOUT_MS, type OcrOptions, type OcrProgress } from './ocr-pages'
export { ocrDocument, type PageSource } from './to-document'
export { appendOcr, readImagesInto } from './read-images'

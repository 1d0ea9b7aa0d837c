// Worker thread entry: runs the extraction engine off the main thread, one file per message,
// so a slow or hostile document never freezes the window and can be killed on timeout.

import { parentPort } from 'node:worker_threads'
import { extractInProcess } from '../library/extractor'
import type { FilePayload } from '../shared/contract'
import type { OcrProgress } from '../core/ocr/ocr-pages'

parentPort?.on('message', async (msg: { id: number; file: FilePayload }) => {
  try {
    // The decoded document comes back with the report, so the library stores it at once: the text
    // checks run at import, and the source pane never re-parses the file on the main thread.
    // each page read by OCR is reported, so the time limit applies per page, not to a whole scan
    const onOcrProgress = (progress: OcrProgress): void => parentPort!.postMessage({ id: msg.id, progress })
    parentPort!.postMessage({ id: msg.id, result: await extractInProcess(msg.file, onOcrProgress) })
  } catch (e) {
    parentPort!.postMessage({
      id: msg.id,
      result: {
        value: null,
        messages: [{ type: 'error', code: 'extract.crash', message: `解析失败：${(e as Error).message}`, messageEn: `Extraction failed: ${(e as Error).message}` }]
      }
    })
  }
})

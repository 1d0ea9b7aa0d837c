// The whole engine for one file: bytes → source document → extracted report → findings → report JSON.

import { sha256Hex } from './hash'
import { ingest } from './ingest'
import { extractReport } from './extract'
import { runChecks } from './validate'
import type { SourceDocument } from './document'
import type { ExtractedReport, ReportJson } from './report'
import { info, type Message, type Result } from './messages'
import type { IngestAttachment } from './page-image'
import { needsOcr, pageImagesOf, storedPageImage } from './ingest/images'
import { readImagesInto, type OcrOptions } from './ocr'

export interface AnalysedFile {
  document: SourceDocument
  report: ExtractedReport
  json: ReportJson
}

export interface FileInput {
  name: string
  bytes: Uint8Array
  /** See IngestInput: the path within a dropped folder, and the files that belong to the report. */
  path?: string
  attachments?: IngestAttachment[]
}

export interface AnalyseOptions {
  /** OCR progress per page and the per-page time bound, for pictures where a standard table should be. */
  ocr?: OcrOptions
}

/** Reads one file completely. value is null when the file could not be read; messages say why. */
export async function analyse(input: FileInput, options: AnalyseOptions = {}): Promise<Result<AnalysedFile | null>> {
  const ingested = await ingest(input)
  const messages: Message[] = [...ingested.messages]
  let document = ingested.value
  if (!document) return { value: null, messages }
  let report = extractReport(document)
  // A standard table missing from the text may be a picture: read the page images by OCR, then
  // extract again from the text and what was read (a report whose tables are all text needs none).
  if (Object.values(report.tables).includes('missing')) {
    // Looking through a long scanned PDF for its pictures is a step of its own per page (the
    // worker's clock restarts at each, and the file's budget grows with the pages there may be).
    const onScanned = (done: number, total: number): void => options.ocr?.onProgress?.({ done: 0, total, origin: `检查第 ${done} 页` })
    // A PDF's pages are drawn one by one as OCR reads them, then let go (issue 22, item 9).
    const images = await pageImagesOf(input, document, { pdf: { onScanned } })
    try {
      // Why a picture was not read (too large, undecodable, missing beside a page) is said whether or not any other was.
      const pictureMessages = images.messages
      if (needsOcr(report, images.value)) {
        // "a scan: type it in by hand" no longer holds once the pages are read
        const kept = messages.filter((m) => m.code !== 'pdf.no_text')
        messages.length = 0
        messages.push(...kept, info('ocr.read', `表格为图片，已对 ${images.value.length} 张图片进行文字识别，识别不确定的单元格已标记待核`))
        messages.push(...pictureMessages)
        const read = await readImagesInto(document, images.value, options.ocr)
        messages.push(...read.messages)
        // A PDF page that could not be drawn has no picture to show.
        document = { ...read.value, pageImages: images.value.map(storedPageImage).filter((image) => image.bytes.length > 0) }
        report = extractReport(document)
      } else messages.push(...pictureMessages)
    } finally {
      await images.release()
    }
  }
  // The report's own prose is checked against its tables here too, so the JSON carries those findings.
  const findings = runChecks(report, { text: document.text })
  const json: ReportJson = {
    schema: 'report-desk/report@1',
    source: { name: input.name, sha256: sha256Hex(input.bytes), format: document.format },
    meta: report.meta,
    tables: report.tables,
    cells: report.cells,
    findings,
    messages: [...messages, ...report.messages]
  }
  return { value: { document, report, json }, messages: json.messages }
}

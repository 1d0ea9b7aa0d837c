// The whole engine for one file: bytes → source document → extracted report → findings → report JSON.

import { sha256Hex } from './hash'
import { ingest } from './ingest'
import { extractReport } from './extract'
import { runChecks } from './validate'
import type { SourceDocument } from './document'
import type { ExtractedReport, ReportJson } from './report'
import type { Message, Result } from './messages'
import type { IngestAttachment } from './ingest/images/types'

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

/** Reads one file completely. value is null when the file could not be read; messages say why. */
export async function analyse(input: FileInput): Promise<Result<AnalysedFile | null>> {
  const ingested = await ingest(input)
  const messages: Message[] = [...ingested.messages]
  const document = ingested.value
  if (!document) return { value: null, messages }
  const report = extractReport(document)
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

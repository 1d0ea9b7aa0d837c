// The JSON export: one report-desk/report@1 file per report (../shared/spec/report-json.md) in the
// chosen folder, with the cells as they stand after review, and the review itself as extra fields.

import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { ExtractedCell, ReportJson } from '../../core/report'
import type { SourceFormat } from '../../core/document'
import type { ReviewMarks } from '../../shared/types'
import type { Db } from '../db'
import { removePartialOutputs } from '../leftovers'
import { safeFileName } from '../paths'
import { writeWhole } from '../write-whole'
import { marksOf, standingConfirmations, type Confirmation } from '../review/settlement'
import { cellRows, effectiveCell, effectiveTables, reportRow } from '../store'
import { cellOrigins, exportReports, reportEdits, reportExtras, type CellOrigins, type ExportReport, type WriterOptions } from './data'
import { KEY_ORDER } from './labels'

export interface ReviewedReportJson extends ReportJson {
  review: {
    status: ExportReport['status']
    verifiedBy: string | null
    verifiedAt: string | null
    /** Keys of the cells a reviewer corrected. */
    corrected: string[]
    extractedMeta: ReportJson['meta']
    edits: ReturnType<typeof reportEdits>
    /** How many of the cells were extracted, typed by a reviewer, read by OCR. */
    cellOrigins: CellOrigins
    /** 原文无此表 / 原文空白 as the reviewer recorded them. */
    marks: ReviewMarks
    /** 确认: flagged cells (需核对) a reviewer confirmed as read, for the text they hold now (who, when). */
    confirmations: Confirmation[]
  }
}

export function reviewedJson(db: Db, r: ExportReport): ReviewedReportJson {
  const extras = reportExtras(db, r.id)
  const rows = cellRows(db, r.id).sort((a, b) => (KEY_ORDER.get(a.key) ?? 1e9) - (KEY_ORDER.get(b.key) ?? 1e9))
  const cells: Record<string, ExtractedCell> = {}
  const corrected: string[] = []
  for (const row of rows) {
    const cell = effectiveCell(row)
    if (!cell) continue
    cells[row.key] = cell
    if (row.human_raw !== null) corrected.push(row.key)
  }
  const stored = reportRow(db, r.id)!
  return {
    schema: 'report-desk/report@1',
    source: { name: r.fileName, sha256: r.sha256, format: r.format as SourceFormat },
    meta: { agency: r.agency, year: r.year, template: r.template, ...(r.requestsForm ? { forms: { requests: r.requestsForm } } : {}) },
    tables: effectiveTables(stored, rows),
    cells,
    findings: extras.findings,
    messages: extras.messages,
    review: {
      status: r.status,
      verifiedBy: r.verifiedBy,
      verifiedAt: r.verifiedAt,
      corrected,
      extractedMeta: extras.extractedMeta,
      edits: reportEdits(db, r.id),
      cellOrigins: cellOrigins(db, r.id),
      marks: marksOf(db, r.id),
      confirmations: confirmationsInOrder(standingConfirmations(db, r.id, rows), rows)
    }
  }
}

/** The confirmations in the order of the form (the rows' order). */
function confirmationsInOrder(standing: Map<string, Confirmation>, rows: readonly { key: string }[]): Confirmation[] {
  return rows.flatMap((row) => standing.get(row.key) ?? [])
}

/** Names Windows refuses whatever their extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i

/** A name as Windows and macOS file systems compare names: case and Unicode form ignored. */
const comparable = (name: string): string => name.normalize('NFC').toLowerCase()

/**
 * A report's file name in the export: the imported file's stem, else stem-<id>, else
 * stem-<id>-2, -3… — the first no earlier report took (compared as a case-insensitive file system
 * compares names: `a-3.txt` and a third report `a.html` cannot meet) and `forbidden` allows.
 */
export function uniqueJsonName(fileName: string, id: number, taken: Set<string>, forbidden: (name: string) => boolean = () => false): string {
  let stem =
    safeFileName(basename(fileName, extname(fileName)))
      .replace(/^[. ]+|[. ]+$/g, '')
      .slice(0, 120) || `report-${id}`
  if (RESERVED.test(stem)) stem = `${stem}_`
  const free = (name: string): boolean => !taken.has(comparable(name)) && !forbidden(name)
  let name = `${stem}.json`
  for (let n = 1; !free(name); n++) name = n === 1 ? `${stem}-${id}.json` : `${stem}-${id}-${n}.json`
  taken.add(comparable(name))
  return name
}

export async function writeJsonFolder(db: Db, folder: string, options: WriterOptions = {}): Promise<number> {
  mkdirSync(folder, { recursive: true })
  // Swept once here rather than before each of its files.
  removePartialOutputs(folder)
  const reports = exportReports(db, options)
  const used = new Set<string>()
  const isLibraryFile = options.isLibraryFile
  const forbidden = isLibraryFile ? (name: string): boolean => isLibraryFile(join(folder, name)) : undefined
  let done = 0
  for (const r of reports) {
    const path = join(folder, uniqueJsonName(r.fileName, r.id, used, forbidden))
    writeWhole(path, (temp) => writeFileSync(temp, JSON.stringify(reviewedJson(db, r), null, 2) + '\n'), { sweep: false })
    if (++done % 100 === 0) {
      options.onProgress?.(done / reports.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  options.onProgress?.(1)
  return reports.length
}

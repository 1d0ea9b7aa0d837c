// The JSON export: one report-desk/report@1 file per report (../shared/spec/report-json.md) in the
// chosen folder, with the cells as they stand after review, and the review itself as extra fields.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { ExtractedCell, ReportJson } from '../../core/report'
import type { SourceFormat } from '../../core/document'
import type { ReviewMarks } from '../../shared/types'
import type { Db } from '../db'
import { marksOf } from '../marks'
import { cellRows, effectiveCell, effectiveTables, reportRow } from '../store'
import { cellOrigins, exportReports, reportEdits, reportExtras, type CellOrigins, type ExportOptions, type ExportReport } from './data'
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
    meta: { agency: r.agency, year: r.year, template: r.template },
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
      marks: marksOf(db, r.id)
    }
  }
}

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

/** A file name for each report: the imported file's name, made unique within the export. */
function fileNameFor(r: ExportReport, used: Set<string>): string {
  const stem = basename(r.fileName, extname(r.fileName)).replace(UNSAFE, '_').slice(0, 120) || `report-${r.id}`
  let name = `${stem}.json`
  if (used.has(name.toLowerCase())) name = `${stem}-${r.id}.json`
  used.add(name.toLowerCase())
  return name
}

export async function writeJsonFolder(db: Db, folder: string, options: ExportOptions = {}): Promise<number> {
  mkdirSync(folder, { recursive: true })
  const reports = exportReports(db, options)
  const used = new Set<string>()
  let done = 0
  for (const r of reports) {
    const path = join(folder, fileNameFor(r, used))
    const temp = `${path}.partial-${process.pid}`
    writeFileSync(temp, JSON.stringify(reviewedJson(db, r), null, 2) + '\n')
    renameSync(temp, path)
    if (++done % 100 === 0) {
      options.onProgress?.(done / reports.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  options.onProgress?.(1)
  return reports.length
}

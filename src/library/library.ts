// The library: one SQLite file holding everything a reviewer needs offline. This class is the one
// entry point (app, command line, tests); the work is done in the modules beside it.

import type { FilePayload } from '../shared/contract'
import type {
  EditRecord,
  ExportFormat,
  ImportOutcome,
  LibraryInfo,
  MergeOutcome,
  MergeSide,
  PendingMergeConflict,
  ReportDetail,
  ReportStatus,
  ReportSummary,
  Settings,
  SourceView
} from '../shared/types'
import { searchClause } from './search'
import { deletedReports, deleteReport, nearDuplicateIds, NEAR_DUPLICATE_IDS, type DeletedReport } from './near-duplicates'
import { backupTo } from './backup'
import { openDatabase, schemaVersion, sql, type Db, type OpenOptions } from './db'
import { fileBytes, reportDetail, sourceView } from './detail'
import * as edits from './edits'
import { exportTo, type ExportOptions } from './export'
import type { Extractor } from './extractor'
import { importFile, storeDocument } from './importing'
import { hasDocument, refreshAround } from './findings'
import { ingest } from '../core/ingest'
import { mergeLibrary, pendingConflicts, settleConflict } from './merge'
import { reextract, staleReportIds, type ReextractOutcome } from './reextract'
import { toSummary, type ReportRow } from './store'

export { EXTRACTOR_VERSION, extractInProcess, type ExtractedFile, type Extractor } from './extractor'

export interface ListFilter {
  search?: string
  year?: number
  status?: ReportStatus
}

const list = (search: string): string => `SELECT r.id, f.name, f.size, f.sha256, f.format, r.agency, r.year, r.template, r.status,
    r.open_findings, f.imported_at, r.updated_at, ${NEAR_DUPLICATE_IDS} AS near_duplicates
  FROM reports r JOIN files f ON f.id = r.file_id
  WHERE (@year IS NULL OR r.year = @year) AND (@status IS NULL OR r.status = @status) AND ${search}
  ORDER BY r.updated_at DESC, r.id DESC`

export class Library {
  readonly path: string
  private readonly db: Db
  private readonly options: OpenOptions

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path
    this.options = options
    this.db = openDatabase(path, options)
  }

  close(): void {
    this.db.close()
  }

  info(): LibraryInfo {
    const { n } = sql(this.db, 'SELECT COUNT(*) AS n FROM reports').get() as { n: number }
    return { path: this.path, reportCount: n, schemaVersion: schemaVersion(this.db), staleReports: this.staleReports().length }
  }

  /** Imports files one by one: a file that fails fails alone, and nothing of it is stored. */
  async importFiles(files: FilePayload[], extract: Extractor): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = []
    for (const file of files) outcomes.push(await this.importFile(file, extract))
    return outcomes
  }

  /** Imports one file; a report of an agency, year and template already in the library names those near-duplicates. */
  async importFile(file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
    const outcome = await importFile(this.db, file, extract)
    if (outcome.status !== 'imported') return outcome
    const near = nearDuplicateIds(this.db, outcome.reportId)
    return near.length ? { ...outcome, nearDuplicates: near } : outcome
  }

  /** Deletes a report (e.g. the copy not kept of two near-duplicates); recorded with a snapshot, see near-duplicates.ts. */
  deleteReport(reportId: number, reason: string): void {
    deleteReport(this.db, reportId, reason)
  }

  /** Reports deleted so far, oldest first. */
  deletedReports(): DeletedReport[] {
    return deletedReports(this.db)
  }

  /** Newest edits first. Each word searched matches agency (as typed, or Simplified), file name, year or status (see search.ts). */
  listReports(filter: string | ListFilter = {}): ReportSummary[] {
    const { search, year, status } = typeof filter === 'string' ? { search: filter } : filter
    const clause = searchClause(typeof search === 'string' ? search : undefined)
    const rows = sql(this.db, list(clause.where)).all({
      year: Number.isInteger(year) ? year : null,
      status: status ?? null,
      ...clause.params
    }) as ReportRow[]
    return rows.map(toSummary)
  }

  getReport(reportId: number): ReportDetail {
    return reportDetail(this.db, reportId)
  }

  getSource(reportId: number): SourceView {
    return sourceView(this.db, reportId)
  }

  /**
   * For a report imported without its decoded document (an extractor that returned only the JSON):
   * decodes the stored bytes once, keeps the document, and re-runs the checks with its text.
   * Returns false when the document was already there.
   */
  async restoreDocument(reportId: number): Promise<boolean> {
    if (hasDocument(this.db, reportId)) return false
    const file = this.fileOf(reportId)
    const doc = (await ingest(file)).value
    if (!doc) return false
    this.db.transaction(() => {
      storeDocument(this.db, reportId, { text: doc.text, displayHtml: doc.displayHtml, encoding: doc.encoding, pages: doc.pages })
      refreshAround(this.db, reportId)
    })()
    return true
  }

  /** The stored original file (re-extraction, "open original"). */
  fileOf(reportId: number): { name: string; bytes: Uint8Array } {
    return fileBytes(this.db, reportId)
  }

  editCell(reportId: number, key: string, raw: string, reason?: string): ReportDetail {
    edits.editCell(this.db, reportId, key, raw, reason)
    return this.getReport(reportId)
  }

  editMeta(reportId: number, field: edits.MetaField, value: string, reason?: string): ReportDetail {
    edits.editMeta(this.db, reportId, field, value, reason)
    return this.getReport(reportId)
  }

  /** The audit trail of one target (a cell key, 'meta.agency', 'status'…), or of the whole report. */
  history(reportId: number, target?: string): EditRecord[] {
    return edits.history(this.db, reportId, target)
  }

  acceptFinding(reportId: number, rule: string, cells: string[], comment: string): ReportDetail {
    edits.acceptFinding(this.db, reportId, rule, cells, comment)
    return this.getReport(reportId)
  }

  verifyReport(reportId: number): ReportDetail {
    edits.verifyReport(this.db, reportId)
    return this.getReport(reportId)
  }

  getSettings(): Settings {
    return edits.getSettings(this.db)
  }

  setReviewer(name: string): Settings {
    return edits.setReviewer(this.db, name)
  }

  /** Writes verified reports (or all) as xlsx/csv to a file, or json files into a folder. Returns how many. */
  export(format: ExportFormat, outPath: string, options: ExportOptions = {}): Promise<number> {
    return exportTo(this.db, this.path, format, outPath, { ...options, ...this.options })
  }

  /** 备份资料库: a consistent copy while the library stays open. */
  backup(destination: string): Promise<{ path: string }> {
    return backupTo(this.db, this.path, destination)
  }

  /** Merges another reviewer's library (see merge.ts for the rule). */
  merge(otherPath: string): MergeOutcome {
    return mergeLibrary(this.db, otherPath, this.options)
  }

  /** Merge conflicts waiting for a person, oldest first. */
  mergeConflicts(): PendingMergeConflict[] {
    return pendingConflicts(this.db)
  }

  /** Settles one: keep our values, or take theirs with their history; returns those still waiting. */
  settleMergeConflict(id: number, take: MergeSide): PendingMergeConflict[] {
    settleConflict(this.db, id, take, this.options)
    return pendingConflicts(this.db)
  }

  /** Re-extracts one report from its stored bytes: reviewer edits are kept, disagreements listed. */
  reextract(reportId: number, extract: Extractor): Promise<ReextractOutcome> {
    return reextract(this.db, reportId, extract)
  }

  /** Reports extracted by an older engine (EXTRACTOR_VERSION differs). */
  staleReports(): number[] {
    return staleReportIds(this.db)
  }

  async reextractStale(extract: Extractor): Promise<ReextractOutcome[]> {
    const outcomes: ReextractOutcome[] = []
    for (const id of this.staleReports()) outcomes.push(await this.reextract(id, extract))
    return outcomes
  }
}

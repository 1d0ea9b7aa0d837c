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
import { compareAgency, libraryStats, type LibraryStats, type StatsFilter } from './stats'
import type { AgencyComparison, StatsOverview } from '../shared/stats'
import { OverviewCache } from './stats/overview-cache'
import {
  deletedReports,
  deleteReport,
  nearDuplicateIds,
  NEAR_DUPLICATE_IDS,
  SAME_REPORT_IDS,
  sameReportPairs,
  settleVerifiedDuplicates,
  type DeletedReport
} from './near-duplicates'
import { backupTo } from './backup'
import { openLibrary, schemaVersion, sql, type Db, type LibraryOpenOptions, type OpenedLibrary, type OpenOptions } from './db'
import { fileBytes, reportDetail, sourceView } from './detail'
import { exportTo, type ExportOptions } from './export'
import { exportPapers, type PaperExport } from './export/paper'
import { asExtractedFile, type Extractor } from './extractor'
import { importFile, storeDocument } from './importing'
import { hasDocument, rederiveIfAsked, refreshAround } from './findings'
import * as review from './review'
import { mergeLibrary, pendingConflicts, settleConflict } from './merge'
import { morePicturesThanStored, reextract, staleReportIds, takeRicherPayload, type ReextractOutcome } from './reextract'
import { toSummary, type ReportRow } from './store'
import { UserFacingError } from '../shared/contract'
import { refuseLibraryFile } from './paths'
import { removeLeftovers } from './leftovers'
import { AssessCache, assessedReports, DEFAULT_RUBRIC, rankingOf, writeAssessJson, writeAssessXlsx, writeRectifications, type AssessFilter } from './assess'
import type { Assessment, Rubric } from '../core/assess'
import type { AssessRanking } from '../shared/assess'

export { extractInProcess, type ExtractedFile, type Extractor } from './extractor'

export interface ListFilter {
  search?: string
  year?: number
  status?: ReportStatus
  /** Only these reports (e.g. those behind a bar of the 统计 screen). */
  ids?: number[]
}

const list = (search: string): string => `SELECT r.id, f.name, f.size, f.sha256, f.format, r.agency, r.year, r.template, r.status,
    r.open_findings, f.imported_at, r.updated_at, ${NEAR_DUPLICATE_IDS} AS near_duplicates,
    ${SAME_REPORT_IDS} AS same_reports,
    (SELECT t.form FROM table_forms t WHERE t.report_id = r.id AND t.table_name = 'requests') AS requests_form
  FROM reports r JOIN files f ON f.id = r.file_id
  WHERE (@year IS NULL OR r.year = @year) AND (@status IS NULL OR r.status = @status)
    AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids))) AND ${search}
  ORDER BY r.updated_at DESC, r.id DESC`

/** Said when a zero-byte file became a new library (it may have been meant as something else). */
export const EMPTY_FILE_NOTICE = '资料库文件原为空文件（0 字节），已作为新资料库使用'

export class Library {
  readonly path: string
  /** Why the library is open read-only (in Chinese), or null when it may be changed. */
  readonly readOnly: string | null
  /** Whether opening created it: from a path that did not exist, or from a zero-byte file. */
  readonly created: OpenedLibrary['created']
  private readonly db: Db
  private readonly options: OpenOptions
  private overviews: OverviewCache | undefined
  private assessCache: AssessCache | undefined

  /**
   * Opens (or creates) the library. A file that is not a library is refused unchanged; a library
   * whose file or folder is read-only, or opened with `readOnly`, can be read but not changed.
   */
  constructor(path: string, options: LibraryOpenOptions = {}) {
    this.path = path
    this.options = { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }
    const opened = openLibrary(path, options)
    this.db = opened.db
    this.readOnly = opened.readOnly
    this.created = opened.created
    if (path !== ':memory:') removeLeftovers(path)
    if (!this.readOnly) rederiveIfAsked(this.db)
  }

  /** Refuses a change to a read-only library, saying why and what to do, in Chinese. */
  assertWritable(): void {
    if (this.readOnly) {
      throw new UserFacingError('library.read_only', `此资料库以只读方式打开（${this.readOnly}），不能修改。如需修改，请把资料库复制到可写的位置后再打开。`)
    }
  }

  /** A change by the reviewer: refused in a read-only library; returns the report as it now stands. */
  private act(reportId: number, change: () => unknown): ReportDetail {
    this.assertWritable()
    change()
    return this.getReport(reportId)
  }

  close(): void {
    this.db.close()
  }

  info(): LibraryInfo {
    const { n } = sql(this.db, 'SELECT COUNT(*) AS n FROM reports').get() as { n: number }
    return {
      path: this.path,
      reportCount: n,
      schemaVersion: schemaVersion(this.db),
      staleReports: this.staleReports().length,
      ...(this.readOnly ? { readOnly: this.readOnly } : {}),
      ...(this.created === 'empty_file' ? { notice: EMPTY_FILE_NOTICE } : {})
    }
  }

  /** Imports files one by one: a file that fails fails alone, and nothing of it is stored. */
  async importFiles(files: FilePayload[], extract: Extractor): Promise<ImportOutcome[]> {
    this.assertWritable()
    const outcomes: ImportOutcome[] = []
    for (const file of files) outcomes.push(await this.importFile(file, extract))
    return outcomes
  }

  /** Imports one file; a report of an agency, year and template already in the library names those near-duplicates. */
  async importFile(file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
    this.assertWritable()
    let outcome = await importFile(this.db, file, extract)
    // The same main file with pictures its stored copy lacked: the richer payload is taken.
    if (outcome.status === 'duplicate' && morePicturesThanStored(this.db, outcome.reportId, file) > 0) {
      outcome = await takeRicherPayload(this.db, outcome.reportId, file, extract)
    }
    if (outcome.status !== 'imported') return outcome
    const near = nearDuplicateIds(this.db, outcome.reportId)
    return near.length ? { ...outcome, nearDuplicates: near } : outcome
  }

  /** Deletes a report (e.g. the copy not kept of two near-duplicates); recorded with a snapshot, see near-duplicates.ts. */
  deleteReport(reportId: number, reason: string): void {
    this.assertWritable()
    deleteReport(this.db, reportId, reason)
  }

  /** Reports deleted so far, oldest first. */
  deletedReports(): DeletedReport[] {
    return deletedReports(this.db)
  }

  /** Newest edits first. Each word searched matches agency (as typed, or Simplified), file name, year or status (see search.ts). */
  listReports(filter: string | ListFilter = {}): ReportSummary[] {
    const { search, year, status, ids } = typeof filter === 'string' ? { search: filter } : filter
    const clause = searchClause(typeof search === 'string' ? search : undefined)
    const rows = sql(this.db, list(clause.where)).all({
      ids: Array.isArray(ids) ? JSON.stringify(ids) : null,
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
  async restoreDocument(reportId: number, extract: Extractor): Promise<boolean> {
    if (this.readOnly || hasDocument(this.db, reportId)) return false
    // Through the extractor (the app's child process), never the engine in this process: the
    // stored bytes may come from another reviewer's library and are as hostile as any dropped file.
    const doc = asExtractedFile((await extract(this.fileOf(reportId))).value)?.document
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
    return this.act(reportId, () => review.editCell(this.db, reportId, key, raw, reason))
  }

  editMeta(reportId: number, field: review.MetaField, value: string, reason?: string): ReportDetail {
    return this.act(reportId, () => review.editMeta(this.db, reportId, field, value, reason))
  }

  /** 发布日期 typed by the reviewer (及时性 reads it before the text's); '' clears it. */
  setPublishedDate(reportId: number, value: string, reason?: string): ReportDetail {
    return this.act(reportId, () => review.setPublishedDate(this.db, reportId, value, reason))
  }

  /** The audit trail of one target (a cell key, 'meta.agency', 'status'…), or of the whole report. */
  history(reportId: number, target?: string): EditRecord[] {
    return review.history(this.db, reportId, target)
  }

  acceptFinding(reportId: number, rule: string, cells: string[], comment: string): ReportDetail {
    return this.act(reportId, () => review.acceptFinding(this.db, reportId, rule, cells, comment))
  }

  /** 原文无此表 for one table, with the reviewer's comment (recorded in the audit trail). */
  markTableAbsent(reportId: number, table: string, comment: string): ReportDetail {
    return this.act(reportId, () => review.markTableAbsent(this.db, reportId, table, comment))
  }

  /** 原文空白 for the given cells, with one comment. */
  markCellsBlank(reportId: number, keys: string[], comment: string): ReportDetail {
    return this.act(reportId, () => review.markCellsBlank(this.db, reportId, keys, comment))
  }

  /** The one act: 原文空白 for every blank cell still blocking a check or left unread, with one comment. */
  settleBlankCells(reportId: number, comment: string): ReportDetail {
    return this.act(reportId, () => review.settleBlankCells(this.db, reportId, comment))
  }

  /** 原文未载明 for the agency or the year, with the reviewer's comment (recorded in the audit trail). */
  markMetaUnstated(reportId: number, field: 'agency' | 'year', comment: string): ReportDetail {
    return this.act(reportId, () => review.markMetaUnstated(this.db, reportId, field, comment))
  }

  /** 确认 a flagged cell (需核对) as read — for its whole row when the doubt is the row's. */
  confirmCell(reportId: number, key: string): ReportDetail {
    return this.act(reportId, () => review.confirmCell(this.db, reportId, key))
  }

  /** 表格格式: the form of table 二 (the report's template) or table 三 (its （六） rows), recorded in the trail. */
  setTableForm(reportId: number, table: 'active' | 'requests', form: string, reason?: string): ReportDetail {
    return this.act(reportId, () => review.setTableForm(this.db, reportId, table, form, reason))
  }

  /**
   * 标记为已核验. A near-duplicate already verified must be settled first (near-duplicates.ts):
   * `sameReportAs` records the reports the reviewer judged to be the same report as this one. The
   * other refusals come first: the question is asked only of a report otherwise ready.
   */
  verifyReport(reportId: number, options: { sameReportAs?: number[] } = {}): ReportDetail {
    return this.act(reportId, () =>
      this.db.transaction(() => {
        // (.get() as a row: sql() shares prepared statements, and pluck() would change this one for every caller.)
        const wasVerified = (sql(this.db, 'SELECT status FROM reports WHERE id = ?').get(reportId) as { status: string } | undefined)?.status === 'verified'
        review.verifyReport(this.db, reportId)
        if (!wasVerified) settleVerifiedDuplicates(this.db, reportId, options.sameReportAs)
      })()
    )
  }

  /** Near-duplicates recorded as the same report (who, when), oldest first. */
  sameReportPairs(): { reportIds: [number, number]; decidedBy: string; decidedAt: string }[] {
    return sameReportPairs(this.db)
  }

  getSettings(): Settings {
    return review.getSettings(this.db)
  }

  setReviewer(name: string): Settings {
    this.assertWritable()
    return review.setReviewer(this.db, name)
  }

  /** Writes verified reports (or all) as xlsx/csv to a file, or json files into a folder. Returns how many. */
  export(format: ExportFormat, outPath: string, options: ExportOptions = {}): Promise<number> {
    return exportTo(this.db, this.path, format, outPath, { ...options, ...this.options, readOnly: this.readOnly !== null })
  }

  /** 核验底稿 of the chosen reports as XLSX or PDF. Returns how many. */
  exportPapers(request: PaperExport): Promise<number> {
    return exportPapers(this, request)
  }

  /** 统计分析: by year, by agency and the outliers over the chosen reports (verified only unless all). */
  stats(filter: StatsFilter = {}): LibraryStats {
    return libraryStats(this.db, filter)
  }

  /** The same as the 统计 screen receives it (agencies as counts), kept while the data is unchanged. */
  statsOverview(filter: StatsFilter = {}): StatsOverview {
    return (this.overviews ??= new OverviewCache(this.db)).get(filter)
  }

  /** One agency's reports side by side with every cell's change and the 上年结转 ↔ 结转下年度 link. */
  compareAgency(agencyKey: string, options: { all?: boolean } = {}): AgencyComparison {
    return compareAgency(this.db, agencyKey, options)
  }

  /** 年报质量评估 of one report, from its cells as they stand (recomputed after any change). */
  assess(reportId: number, rubric: Rubric = DEFAULT_RUBRIC): Assessment {
    return (this.assessCache ??= new AssessCache(this.db)).get(reportId, rubric)
  }

  /** The chosen reports assessed, agency then year. */
  assessments(filter: AssessFilter = {}, rubric: Rubric = DEFAULT_RUBRIC): ReturnType<typeof assessedReports> {
    return assessedReports(this.db, (this.assessCache ??= new AssessCache(this.db)), rubric, filter)
  }

  /** The 统计 screen's ranking: bodies by score per year, each indicator's spread. */
  assessRanking(filter: AssessFilter = {}, rubric: Rubric = DEFAULT_RUBRIC): AssessRanking {
    return rankingOf(this.assessments(filter, rubric), rubric)
  }

  /**
   * 评估结果 as XLSX or JSON (a file), or 整改意见 as one .docx per body (into a folder). Returns how
   * many reports (json/xlsx) or documents (docx) were written.
   */
  async exportAssessment(format: 'xlsx' | 'json' | 'docx', outPath: string, filter: AssessFilter = {}, rubric: Rubric = DEFAULT_RUBRIC): Promise<number> {
    refuseLibraryFile(this.path, outPath, 'export')
    const reports = this.assessments(filter, rubric)
    if (format === 'docx') return (await writeRectifications(reports, rubric, outPath)).length
    if (format === 'xlsx') await writeAssessXlsx(reports, rubric, outPath)
    else writeAssessJson(reports, rubric, outPath)
    return reports.length
  }

  /** 备份资料库: a consistent copy while the library stays open. */
  backup(destination: string): Promise<{ path: string }> {
    return backupTo(this.db, this.path, destination)
  }

  /** Merges another reviewer's library (see merge.ts for the rule). */
  merge(otherPath: string): MergeOutcome {
    this.assertWritable()
    refuseLibraryFile(this.path, otherPath, 'merge')
    return mergeLibrary(this.db, otherPath, this.options)
  }

  /** Merge conflicts waiting for a person, oldest first. */
  mergeConflicts(): PendingMergeConflict[] {
    return pendingConflicts(this.db)
  }

  /** Settles one: keep our values, or take theirs with their history; returns those still waiting. */
  settleMergeConflict(id: number, take: MergeSide): PendingMergeConflict[] {
    this.assertWritable()
    settleConflict(this.db, id, take, this.options)
    return pendingConflicts(this.db)
  }

  /** Re-extracts one report from its stored bytes: reviewer edits are kept, disagreements listed. */
  reextract(reportId: number, extract: Extractor): Promise<ReextractOutcome> {
    this.assertWritable()
    return reextract(this.db, reportId, extract)
  }

  /** Reports extracted by an older engine (EXTRACTOR_VERSION differs). */
  staleReports(): number[] {
    return staleReportIds(this.db)
  }
}

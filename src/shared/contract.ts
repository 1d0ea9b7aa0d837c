// The one IPC contract: every operation the renderer may ask of main, with its argument and result.
// Main builds its ipcMain handler table from it, the preload exposes one named function per entry,
// and the browser test bridge registers the very same handlers. Each call takes one object argument.

import { fileSystemReason } from './fs-errors'
import type {
  EditRecord,
  ExportFormat,
  ExportOutcome,
  ImportOutcome,
  ImportJobs,
  ImportProgress,
  LibraryInfo,
  MergeOutcome,
  MergeSide,
  PendingMergeConflict,
  ReextractSummary,
  ReportDetail,
  ReportStatus,
  ReportSummary,
  Settings,
  SourceView
} from './types'
import type { AgencyComparison, StatsFilter, StatsOverview } from './stats'
import type { AssessRanking, AssessSummary, Assessment } from './assess'

export interface FilePayload {
  name: string
  bytes: Uint8Array
  /** Path within a dropped folder ('/'-separated); saved pages find their pictures relative to it. */
  path?: string
  /** Files that belong to this report: a saved page's `_files` folder, page photos (grouped at drop). */
  attachments?: FilePayload[]
}

export interface ApiContract {
  getLibraryInfo: { args: Record<string, never>; result: LibraryInfo }
  /**
   * Imports files, each extracted in the next free lane, cheapest first; one outcome per file, in order.
   * tickets (one per file) name them in importProgress and cancelImport.
   */
  importFiles: { args: { files: FilePayload[]; tickets?: string[] }; result: ImportOutcome[] }
  /**
   * Of a dropped report's files (absolute paths), those whose real path is outside the real folder
   * of its main file (a linked `_files`, a link inside it): the window leaves them out unread.
   */
  checkReportFiles: { args: { main: string; files: string[] }; result: { outside: string[] } }
  /** Every file of the imports under way not yet landed: queued or being read, with its OCR pages (polled by the import queue). */
  importProgress: { args: Record<string, never>; result: ImportProgress[] }
  /** 取消: the files named (all when none) not yet landed are dropped; what landed stays. How many were withdrawn. */
  cancelImport: { args: { tickets?: string[] }; result: { cancelled: number } }
  /** How many files are extracted at once (the 同时解析 setting). */
  getImportJobs: { args: Record<string, never>; result: ImportJobs }
  /** Sets it (null: the machine's default); remembered on this computer. */
  setImportJobs: { args: { jobs: number | null }; result: ImportJobs }
  /** ids: only these reports (a bar of the 统计 screen shows its reports in the list). */
  listReports: { args: { search?: string; year?: number; status?: ReportStatus; ids?: number[] }; result: ReportSummary[] }
  getReport: { args: { reportId: number }; result: ReportDetail }
  getSource: { args: { reportId: number }; result: SourceView }
  /** Sets a cell from the reviewer's text ('' blanks it); findings re-run; a verified report reopens. */
  editCell: { args: { reportId: number; key: string; raw: string; reason?: string }; result: ReportDetail }
  editMeta: { args: { reportId: number; field: 'agency' | 'year' | 'template'; value: string; reason?: string }; result: ReportDetail }
  cellHistory: { args: { reportId: number; target: string }; result: EditRecord[] }
  /** The report's whole audit trail: cells, metadata and status, oldest first. */
  reportHistory: { args: { reportId: number }; result: EditRecord[] }
  acceptFinding: { args: { reportId: number; rule: string; cells: string[]; comment: string }; result: ReportDetail }
  /** 原文无此表: the reviewer records, with a comment, that the original has no such table. */
  markTableAbsent: { args: { reportId: number; table: string; comment: string }; result: ReportDetail }
  /** 原文空白: the reviewer records, with a comment, that these cells are blank in the original. */
  markCellsBlank: { args: { reportId: number; keys: string[]; comment: string }; result: ReportDetail }
  /** The one act: 原文空白 for every blank cell still blocking a check or left unread, with one comment. */
  settleBlankCells: { args: { reportId: number; comment: string }; result: ReportDetail }
  /** 原文未载明: the reviewer records, with a comment, that the report does not state its agency / year. */
  markMetaUnstated: { args: { reportId: number; field: 'agency' | 'year'; comment: string }; result: ReportDetail }
  /** 确认: a flagged cell (需核对) is read right; for its whole row when the doubt is the row's. Recorded in the trail. */
  confirmCell: { args: { reportId: number; key: string }; result: ReportDetail }
  /** 表格格式: the form of one table of a mixed report (table 二: the report's template; table 三: its （六） rows). Recorded in the trail. */
  setTableForm: { args: { reportId: number; table: 'active' | 'requests'; form: '2021' | '2019'; reason?: string }; result: ReportDetail }
  /** 发布日期 typed by the reviewer (2022-01-31, 2022/1/31, 2022年1月31日; '' clears it): 及时性 reads it before the text's. In the trail as meta.published. */
  setPublishedDate: { args: { reportId: number; value: string; reason?: string }; result: ReportDetail }
  /** Deletes a report and its file (e.g. one of two near-duplicates): a reason is required; the deletion is recorded with a snapshot. */
  deleteReport: { args: { reportId: number; reason: string }; result: { deleted: number } }
  /**
   * 标记为已核验: refused while anything is open (missing tables, unread cells, open checks), and
   * (code verify.near_duplicate) while a near-duplicate is verified unless sameReportAs names it:
   * the reviewer records the two as the same report (or deletes one first, or keeps the other).
   */
  verifyReport: { args: { reportId: number; sameReportAs?: number[] }; result: ReportDetail }
  getSettings: { args: Record<string, never>; result: Settings }
  setReviewer: { args: { name: string }; result: Settings }
  /**
   * Asks where to save (a dialog in the app), then writes verified reports (or all). JSON goes to a chosen
   * folder, one file per report (jsonAs 'folder', the default), or to one .json file holding every report ('file'). null when cancelled.
   */
  exportReports: { args: { format: ExportFormat; all?: boolean; jsonAs?: 'file' | 'folder' }; result: ExportOutcome | null }
  /**
   * 导出核验底稿: asks where to save, then writes the working papers of these reports (one XLSX sheet
   * each, or one PDF). A report not verified is marked 未核验 on its paper. null when cancelled.
   */
  exportPaper: { args: { reportIds: number[]; format: 'xlsx' | 'pdf' }; result: ExportOutcome | null }
  /** How far the export in progress is (polled by the window for its progress bar); null when none runs. */
  exportProgress: { args: Record<string, never>; result: { share: number } | null }
  /** 备份资料库: a consistent copy while the app runs. null when cancelled. */
  backupLibrary: { args: Record<string, never>; result: { path: string } | null }
  /** Merges another reviewer's library file. null when cancelled. */
  mergeLibrary: { args: Record<string, never>; result: MergeOutcome | null }
  /** 打开资料库…: another library file (a backup to restore, a colleague's); null when cancelled. */
  openLibrary: { args: Record<string, never>; result: LibraryInfo | null }
  /** Re-extracts every report an older engine read; human edits are kept, disagreements listed. */
  reextractStale: { args: Record<string, never>; result: ReextractSummary }
  /** 统计分析: the figures of the filtered reports (verified only unless `all`), by year and by agency, with outliers and jumps. */
  getStats: { args: StatsFilter; result: StatsOverview }
  /** One agency's reports side by side, oldest first, every cell's change and the 上年结转 ↔ 结转下年度 link. */
  compareAgency: { args: { agencyKey: string; all?: boolean }; result: AgencyComparison }
  /** Asks where to save a chart, then writes it: SVG as text, PNG as base64. null when cancelled. */
  saveChart: { args: { name: string; format: 'png' | 'svg'; content: string }; result: { path: string } | null }
  /** Merge conflicts kept until a person settles them. */
  listMergeConflicts: { args: Record<string, never>; result: PendingMergeConflict[] }
  /** Settles one conflict (keep ours, or take theirs); the conflicts still waiting. */
  settleMergeConflict: { args: { id: number; take: MergeSide }; result: PendingMergeConflict[] }
  /** 年报质量评估 of one report against the rubric in use, from its cells as they stand. */
  assessReport: { args: { reportId: number }; result: Assessment }
  /** The list's 评估 column: each report's score and failing indicators (ids: only these). */
  assessList: { args: { ids?: number[] }; result: AssessSummary[] }
  /** 统计: reports ranked by score within each year, and each indicator's spread. */
  assessRanking: { args: { year?: number }; result: AssessRanking }
  /** Asks where to save, then writes 评估结果 (xlsx/json) or the 整改意见 .docx per body (into a folder). null when cancelled. */
  exportAssessment: { args: { format: 'xlsx' | 'json' | 'docx'; year?: number }; result: ExportOutcome | null }
  /** 选用评估标准: an organisation's rubric file (asked for), or back to the default (reset); the rubric now in use. */
  chooseRubric: { args: { reset?: boolean }; result: Assessment['rubric'] | null }
}

export type Operation = keyof ApiContract
export type ArgsOf<K extends Operation> = ApiContract[K]['args']
export type ResultOf<K extends Operation> = ApiContract[K]['result']

/** What the renderer sees as window.api: one named async function per operation. */
export type Api = { [K in Operation]: (args: ArgsOf<K>) => Promise<ResultOf<K>> }

/** What the preload adds beside the operations (window.files): where a dropped file is on disk. Absent in the browser test bridge. */
export interface FilesApi {
  pathForFile(file: File): string
}

/** What main implements: one handler per operation. */
export type Handlers = { [K in Operation]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K> }

/** Every operation, listed once; its IPC channel is derived from the name. */
export const OPERATIONS = [
  'getLibraryInfo',
  'importFiles',
  'checkReportFiles',
  'importProgress',
  'cancelImport',
  'getImportJobs',
  'setImportJobs',
  'listReports',
  'getReport',
  'getSource',
  'editCell',
  'editMeta',
  'cellHistory',
  'reportHistory',
  'acceptFinding',
  'markTableAbsent',
  'markCellsBlank',
  'settleBlankCells',
  'confirmCell',
  'setTableForm',
  'setPublishedDate',
  'markMetaUnstated',
  'deleteReport',
  'verifyReport',
  'getSettings',
  'setReviewer',
  'exportReports',
  'exportPaper',
  'exportProgress',
  'backupLibrary',
  'mergeLibrary',
  'openLibrary',
  'reextractStale',
  'getStats',
  'compareAgency',
  'saveChart',
  'listMergeConflicts',
  'settleMergeConflict',
  'assessReport',
  'assessList',
  'assessRanking',
  'exportAssessment',
  'chooseRubric'
] as const satisfies readonly Operation[]

// Every operation of the contract must be listed above (a missing one is a type error here).
type Unlisted = Exclude<Operation, (typeof OPERATIONS)[number]>
/** @public A compile-time check only: nothing reads it. */
export const ALL_OPERATIONS_LISTED: Unlisted extends never ? true : never = true

export function channelOf(op: Operation): string {
  return `report-desk:${op}`
}

/** Errors cross the IPC boundary as data, so the renderer gets the user-facing text, not a stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

export async function invokeHandler<K extends Operation>(handlers: Handlers, op: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>> {
  try {
    if (!OPERATIONS.includes(op)) throw new UserFacingError('ipc.unknown', `未知操作：${String(op)}`)
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new UserFacingError('ipc.bad_args', '调用参数必须是一个对象')
    }
    const handler = handlers[op] as (a: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
    return { ok: true, value: await handler(args) }
  } catch (e) {
    if (e instanceof UserFacingError) return { ok: false, error: { code: e.code, message: e.message } }
    console.error(`[report-desk] ${op} failed:`, e)
    return { ok: false, error: fileSystemError(e) ?? { code: 'internal', message: `操作失败：${(e as Error)?.message ?? String(e)}` } }
  }
}

function fileSystemError(e: unknown): { code: string; message: string } | null {
  const fs = fileSystemReason(e)
  return fs && { code: `fs.${fs.code}`, message: `操作失败：${fs.reason}${fs.path ? `（${fs.path}）` : ''}` }
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  const err = new Error(envelope.error.message)
  ;(err as Error & { code?: string }).code = envelope.error.code
  throw err
}

/** An error whose message is meant for the reviewer (Chinese). */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'UserFacingError'
  }
}

// The handler table behind the IPC contract. No electron here: main registers it with ipcMain,
// and the browser test bridge registers the very same table over page.exposeBinding.

import type { FilePayload, Handlers } from '../shared/contract'
import { UserFacingError } from '../shared/contract'
import type { ExportFormat, ImportJobs, ReportStatus } from '../shared/types'
import type { Extractor, Library } from '../library/library'
import { LibraryError } from '../library/db'
import { isLibraryFile, safeFileName } from '../library/paths'
import { paperFileName, type PaperFormat, type PdfRenderer } from '../library/export/paper'
import { writeChartFile } from '../library/export/chart-file'
import type { StatsFilter } from '../shared/stats'
import { filesOutsideFolder } from './page-files'
import type { HostExtractor } from './extraction-host'
import { createImportTracker } from './import-tracker'
import { DEFAULT_RUBRIC, loadRubric } from '../library/assess'
import { summaryOf } from '../shared/assess'

/** File dialogs: Electron's in the app, scripted answers in the browser test bridge. */
export interface Dialogs {
  /** A path to write to (for a folder when `folder` is true), or null when the user cancels. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[]; folder?: boolean }): Promise<string | null>
  /** An existing file to read, or null when the user cancels. */
  chooseOpenPath(options: { title: string; extensions: string[] }): Promise<string | null>
}

export interface HandlerDeps {
  library: Library
  /** Extracts one file; an import passes each file's estimated cost, a cancel signal and progress hooks. */
  extract: HostExtractor | Extractor
  dialogs: Dialogs
  /**
   * Opens another, existing library file for 打开资料库… (e.g. restoring a backup): with
   * `existingOnly`, so that an empty file or database is refused rather than made a library.
   * The app remembers it.
   */
  openLibrary: (path: string) => Library
  /** The 同时解析 setting: how many files are extracted at once (the app keeps it per computer). */
  jobs?: { get(): ImportJobs; set(jobs: number | null): ImportJobs }
  /** Prints the working papers' HTML to PDF (Electron's printToPDF in the app); none: PDF is refused. */
  renderPdf?: PdfRenderer
}

const MAX_FILES_PER_CALL = 1000
const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'json']
const STATUSES: readonly ReportStatus[] = ['pending', 'problem', 'verified']
const META_FIELDS = ['agency', 'year', 'template'] as const
const PAPER_FORMATS: readonly PaperFormat[] = ['xlsx', 'pdf']
const MAX_PAPERS_PER_CALL = 500

function reportIdOf(args: { reportId?: unknown }): number {
  const id = args.reportId
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) throw new UserFacingError('report.bad_id', '报告编号无效')
  return id
}

function stringArg(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new UserFacingError('ipc.bad_args', `参数无效：${what}`)
  return value
}

/** The 统计 filter as the window sent it, every part checked (years are four-digit integers). */
function statsFilterOf(args: StatsFilter): StatsFilter {
  const years = Array.isArray(args.years) ? args.years.filter((y) => Number.isInteger(y) && y >= 1000 && y <= 9999) : []
  return { years, agency: optionalString(args.agency), all: args.all === true }
}

/** Report ids from the window: positive integers, at most one list's worth. */
function idsOf(value: unknown): number[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.length > 100_000 || !value.every((id) => Number.isInteger(id) && id > 0)) {
    throw new UserFacingError('ipc.bad_args', '参数无效：报告编号列表')
  }
  return value as number[]
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
}

/** Library errors (a damaged or newer library file) reach the reviewer as their message. */
function userFacing<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof LibraryError) throw new UserFacingError(e.code, e.message)
    throw e
  }
}

function validPayload(f: FilePayload | undefined): f is FilePayload {
  return typeof f?.name === 'string' && f.bytes instanceof Uint8Array && (f.path === undefined || typeof f.path === 'string')
}

export function createHandlers({ library: first, extract, dialogs, openLibrary, jobs, renderPdf }: HandlerDeps): Handlers {
  /** The library every operation works on; 打开资料库… replaces it. */
  let library = first
  /** Share (0…1) of the export in progress, or null: what exportProgress answers. */
  let exportShare: number | null = null
  const imports = createImportTracker(extract as HostExtractor)
  // The rubric chosen for this session (选用评估标准); the default until one is chosen.
  let rubric = DEFAULT_RUBRIC
  const yearOf = (year: unknown): { year?: number } =>
    Number.isInteger(year) && (year as number) >= 1000 && (year as number) <= 9999 ? { year: year as number } : {}
  return {
    getLibraryInfo: () => library.info(),
    importProgress: () => imports.progress(),
    cancelImport: ({ tickets }) => {
      if (tickets !== undefined && !(Array.isArray(tickets) && tickets.every((t) => typeof t === 'string'))) {
        throw new UserFacingError('ipc.bad_args', '参数无效：要取消的文件')
      }
      return { cancelled: imports.cancel(tickets) }
    },
    getImportJobs: () => {
      if (!jobs) throw new UserFacingError('jobs.unavailable', '当前环境不能设置同时解析的文件数')
      return jobs.get()
    },
    setImportJobs: ({ jobs: n }) => {
      if (!jobs) throw new UserFacingError('jobs.unavailable', '当前环境不能设置同时解析的文件数')
      const max = jobs.get().max
      if (n !== null && !(Number.isInteger(n) && n >= 1 && n <= max)) {
        throw new UserFacingError('jobs.bad_value', `同时解析的文件数须为 1 至 ${max} 之间的整数`)
      }
      return jobs.set(n)
    },
    importFiles: async ({ files, tickets }) => {
      if (!Array.isArray(files)) throw new UserFacingError('import.bad_args', '导入参数无效：缺少文件列表')
      if (files.length > MAX_FILES_PER_CALL) {
        throw new UserFacingError('import.too_many', `一次最多导入 ${MAX_FILES_PER_CALL} 个文件`)
      }
      const attachments = files.reduce((n, f) => n + (Array.isArray(f?.attachments) ? f.attachments.length : 0), 0)
      if (files.length + attachments > MAX_FILES_PER_CALL) {
        throw new UserFacingError('import.too_many', `一次最多导入 ${MAX_FILES_PER_CALL} 个文件`)
      }
      for (const f of files) {
        if (
          !validPayload(f) ||
          (f.attachments !== undefined && !(Array.isArray(f.attachments) && f.attachments.every((a) => validPayload(a) && a.attachments === undefined)))
        ) {
          throw new UserFacingError('import.bad_args', '导入参数无效：每个文件须有名称和内容')
        }
      }
      if (tickets !== undefined && !(Array.isArray(tickets) && tickets.length === files.length && tickets.every((t) => typeof t === 'string'))) {
        throw new UserFacingError('import.bad_args', '导入参数无效：文件编号')
      }
      library.assertWritable()
      return imports.importFiles(library, files, tickets)
    },
    checkReportFiles: async ({ main, files }) => {
      if (typeof main !== 'string' || !Array.isArray(files) || !files.every((f) => typeof f === 'string') || files.length > MAX_FILES_PER_CALL) {
        throw new UserFacingError('import.bad_args', '导入参数无效：文件路径')
      }
      return { outside: await filesOutsideFolder(main, files) }
    },
    listReports: ({ search, year, status, ids }) =>
      library.listReports({
        ids: idsOf(ids),
        search: optionalString(search),
        year: typeof year === 'number' && Number.isInteger(year) ? year : undefined,
        status: STATUSES.includes(status as ReportStatus) ? status : undefined
      }),
    getReport: (args) => library.getReport(reportIdOf(args)),
    getSource: async (args) => {
      const id = reportIdOf(args)
      await library.restoreDocument(id, extract)
      return library.getSource(id)
    },
    editCell: (args) => library.editCell(reportIdOf(args), stringArg(args.key, '单元格'), stringArg(args.raw, '内容'), optionalString(args.reason)),
    editMeta: (args) => {
      if (!META_FIELDS.includes(args.field)) throw new UserFacingError('edit.bad_field', '只能修改机关、年度或模板')
      return library.editMeta(reportIdOf(args), args.field, stringArg(args.value, '内容'), optionalString(args.reason))
    },
    cellHistory: (args) => library.history(reportIdOf(args), stringArg(args.target, '对象')),
    reportHistory: (args) => library.history(reportIdOf(args)),
    acceptFinding: (args) => {
      if (!Array.isArray(args.cells)) throw new UserFacingError('ipc.bad_args', '参数无效：单元格列表')
      return library.acceptFinding(reportIdOf(args), stringArg(args.rule, '规则'), args.cells, stringArg(args.comment, '说明'))
    },
    markTableAbsent: (args) => library.markTableAbsent(reportIdOf(args), stringArg(args.table, '表格'), stringArg(args.comment, '说明')),
    markCellsBlank: (args) => {
      if (!Array.isArray(args.keys)) throw new UserFacingError('ipc.bad_args', '参数无效：单元格列表')
      return library.markCellsBlank(reportIdOf(args), args.keys, stringArg(args.comment, '说明'))
    },
    settleBlankCells: (args) => library.settleBlankCells(reportIdOf(args), stringArg(args.comment, '说明')),
    markMetaUnstated: (args) => {
      if (args.field !== 'agency' && args.field !== 'year') throw new UserFacingError('ipc.bad_args', '参数无效：只能是机关或年度')
      return library.markMetaUnstated(reportIdOf(args), args.field, stringArg(args.comment, '说明'))
    },
    confirmCell: (args) => library.confirmCell(reportIdOf(args), stringArg(args.key, '单元格')),
    setTableForm: (args) => {
      if (args.table !== 'active' && args.table !== 'requests') throw new UserFacingError('ipc.bad_args', '参数无效：只能切换表二或表三的格式')
      return library.setTableForm(reportIdOf(args), args.table, stringArg(args.form, '格式'), optionalString(args.reason))
    },
    setPublishedDate: (args) => library.setPublishedDate(reportIdOf(args), stringArg(args.value, '发布日期'), optionalString(args.reason)),
    deleteReport: (args) => {
      const id = reportIdOf(args)
      library.deleteReport(id, stringArg(args.reason, '删除原因'))
      return { deleted: id }
    },
    verifyReport: (args) => {
      const same = args.sameReportAs
      if (same !== undefined && !(Array.isArray(same) && same.every((id) => Number.isInteger(id) && id > 0))) {
        throw new UserFacingError('ipc.bad_args', '参数无效：同一报告的编号')
      }
      return library.verifyReport(reportIdOf(args), same ? { sameReportAs: same } : {})
    },
    getSettings: () => library.getSettings(),
    setReviewer: ({ name }) => library.setReviewer(stringArg(name, '姓名')),
    exportReports: async ({ format, all, jsonAs }) => {
      if (!FORMATS.includes(format)) throw new UserFacingError('export.bad_format', '导出格式只能是 xlsx、csv 或 json')
      if (exportShare !== null) throw new UserFacingError('export.busy', '已有一项导出正在进行，请稍候')
      // An empty workbook helps no one: say why before asking where to save it.
      if (library.listReports(all === true ? {} : { status: 'verified' }).length === 0) {
        throw new UserFacingError(
          'export.nothing',
          all === true ? '资料库中还没有报告，无可导出' : '还没有已核验的报告可导出；勾选“包括未核验的报告”可导出全部报告及其状态'
        )
      }
      const toFolder = format === 'json' && jsonAs !== 'file'
      const chosen = await dialogs.chooseSavePath({
        title: toFolder ? '选择导出 JSON 的文件夹（每份报告一个文件）' : format === 'json' ? '导出 JSON（全部报告一个文件）' : '导出核验结果',
        defaultName: `年报核验结果-${today()}.${format}`,
        extensions: toFolder ? [] : [format],
        folder: toFolder
      })
      if (!chosen) return null
      // One JSON file was asked for: the library writes one file exactly when the name ends in .json.
      const path = format === 'json' && !toFolder && !/\.json$/i.test(chosen) ? `${chosen}.json` : chosen
      exportShare = 0
      try {
        const reports = await library.export(format, path, { all: all === true, onProgress: (share) => (exportShare = share) })
        return { path, reports }
      } finally {
        exportShare = null
      }
    },
    exportPaper: async ({ reportIds, format }) => {
      if (!PAPER_FORMATS.includes(format)) throw new UserFacingError('paper.bad_format', '底稿格式只能是 xlsx 或 pdf')
      if (!Array.isArray(reportIds) || !reportIds.length || reportIds.length > MAX_PAPERS_PER_CALL) {
        throw new UserFacingError('paper.bad_ids', `请选择要导出底稿的报告（一次最多 ${MAX_PAPERS_PER_CALL} 份）`)
      }
      const ids = reportIds.map((reportId) => reportIdOf({ reportId }))
      if (format === 'pdf' && !renderPdf) throw new UserFacingError('paper.no_pdf', '当前环境无法生成 PDF，请导出 XLSX 底稿')
      // Before asking where to save: a report that does not exist is said now, not after the dialog.
      const first = library.getReport(ids[0])
      const path = await dialogs.chooseSavePath({
        title: '导出核验底稿',
        defaultName: paperFileName(ids.length === 1 ? first.meta : null, format, today()),
        extensions: [format]
      })
      if (!path) return null
      const reports = await library.exportPapers({ ids, format, outPath: path, ...(renderPdf ? { renderPdf } : {}) })
      return { path, reports }
    },
    getStats: (args) => library.statsOverview(statsFilterOf(args)),
    compareAgency: (args) => library.compareAgency(stringArg(args.agencyKey, '机关'), { all: args.all === true }),
    saveChart: async ({ name, format, content }) => {
      if (format !== 'png' && format !== 'svg') throw new UserFacingError('chart.bad_format', '图表只能导出为 PNG 或 SVG')
      const path = await dialogs.chooseSavePath({
        title: '导出图表',
        defaultName: `${safeFileName(stringArg(name, '图表名称'))}-${today()}.${format}`,
        extensions: [format]
      })
      if (!path) return null
      writeChartFile(library.path, path, format, stringArg(content, '图表内容'))
      return { path }
    },
    exportProgress: () => (exportShare === null ? null : { share: exportShare }),
    backupLibrary: async () => {
      const path = await dialogs.chooseSavePath({ title: '备份资料库', defaultName: `资料库备份-${today()}.sqlite`, extensions: ['sqlite'] })
      if (!path) return null
      return library.backup(path)
    },
    mergeLibrary: async () => {
      library.assertWritable() // before asking for a file it could not take
      const path = await dialogs.chooseOpenPath({ title: '选择要合并的资料库', extensions: ['sqlite', 'db'] })
      if (!path) return null
      return userFacing(() => library.merge(path))
    },
    openLibrary: async () => {
      if (exportShare !== null) throw new UserFacingError('export.busy', '导出正在进行，请完成后再打开其他资料库')
      const path = await dialogs.chooseOpenPath({ title: '打开资料库（例如一份备份）', extensions: ['sqlite', 'db'] })
      if (!path) return null
      if (isLibraryFile(library.path, path)) return library.info() // already open (by any name)
      // The library layer looks at the file read-only first (integrity, schema, is it a library at
      // all): opening never writes a single table into a file that is not one.
      const next = userFacing(() => openLibrary(path))
      library.close()
      library = next
      return library.info()
    },
    reextractStale: async () => {
      const summary = { reports: 0, changed: 0, conflicts: 0, failed: 0 }
      for (const id of library.staleReports()) {
        try {
          const outcome = await library.reextract(id, extract)
          summary.reports++
          summary.changed += outcome.changed
          summary.conflicts += outcome.conflicts
        } catch {
          summary.failed++ // that report stays as it was; the others go on
        }
      }
      return summary
    },
    listMergeConflicts: () => library.mergeConflicts(),
    settleMergeConflict: ({ id, take }) => {
      if (typeof id !== 'number' || !Number.isInteger(id)) throw new UserFacingError('ipc.bad_args', '参数无效：冲突编号')
      if (take !== 'ours' && take !== 'theirs') throw new UserFacingError('ipc.bad_args', '参数无效：只能保留我方或采用对方')
      return userFacing(() => library.settleMergeConflict(id, take))
    },
    assessReport: (args) => library.assess(reportIdOf(args), rubric),
    assessList: ({ ids }) => {
      const chosen = idsOf(ids) ?? library.listReports({}).map((r) => r.id)
      // A report that cannot be assessed (its stored findings damaged) has no score; the list still shows.
      return chosen.flatMap((reportId) => {
        try {
          return [summaryOf(reportId, library.assess(reportId, rubric))]
        } catch {
          return []
        }
      })
    },
    assessRanking: ({ year }) => library.assessRanking(yearOf(year), rubric),
    exportAssessment: async ({ format, year }) => {
      if (format !== 'xlsx' && format !== 'json' && format !== 'docx') throw new UserFacingError('assess.bad_format', '评估结果只能导出为 xlsx、json 或 docx')
      if (library.listReports(yearOf(year)).length === 0) throw new UserFacingError('export.nothing', '没有可评估的报告')
      const path = await dialogs.chooseSavePath({
        title: format === 'docx' ? '选择保存整改意见的文件夹（每个机关一份）' : '导出评估结果',
        defaultName: format === 'docx' ? `整改意见-${today()}` : `评估结果-${today()}.${format}`,
        extensions: format === 'docx' ? [] : [format],
        folder: format === 'docx'
      })
      if (!path) return null
      const reports = await library.exportAssessment(format, path, yearOf(year), rubric)
      return { path, reports }
    },
    chooseRubric: async ({ reset }) => {
      if (reset === true) {
        rubric = DEFAULT_RUBRIC
      } else {
        const path = await dialogs.chooseOpenPath({ title: '选用评估标准（JSON）', extensions: ['json'] })
        if (!path) return null
        rubric = loadRubric(path)
      }
      return { id: rubric.id, version: rubric.version, name: rubric.name }
    }
  }
}

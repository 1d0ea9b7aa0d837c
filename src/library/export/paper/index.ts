// 核验底稿: working papers of chosen reports as XLSX (one sheet each) or PDF (the HTML print view),
// for the app and the CLI alike, through Library.exportPapers. Reads a report as the library shows it
// (its detail and audit trail) and never writes onto the library.

import { writeFileSync } from 'node:fs'
import type { EditRecord, ReportDetail } from '../../../shared/types'
import { refuseLibraryFile, safeFileName } from '../../paths'
import { writeWhole } from '../../write-whole'
import { UserFacingError } from '../../../shared/contract'
import { workingPaper, type WorkingPaper } from './data'
import { papersHtml } from './html'
import { papersWorkbook } from './xlsx'

export type PaperFormat = 'xlsx' | 'pdf'

export type { WorkingPaper } from './data'

/** What a paper reads of the library it comes from (Library passes itself). */
export interface PaperSource {
  readonly path: string
  getReport(reportId: number): ReportDetail
  history(reportId: number): EditRecord[]
}

/** The papers of the given reports, in the order asked. */
export function papersOf(library: PaperSource, ids: readonly number[]): WorkingPaper[] {
  if (!ids.length) throw new UserFacingError('paper.none', '没有可导出的报告：请选择报告，或先核验报告')
  return ids.map((id) => {
    try {
      return workingPaper(library.getReport(id), library.history(id))
    } catch (error) {
      if (error instanceof UserFacingError && error.code === 'report.not_found') throw new UserFacingError(error.code, `找不到编号为 ${id} 的报告`)
      throw error
    }
  })
}

/** The save dialog's suggestion: 核验底稿-机关-年度.xlsx for one report, 核验底稿-日期 for several. */
export function paperFileName(meta: { agency: string | null; year: number | null } | null, format: PaperFormat, date: string): string {
  const who = meta ? [meta.agency, meta.year].filter((x) => x !== null && x !== '').join('-') : ''
  const safe = safeFileName(who).slice(0, 80)
  return `核验底稿-${safe || date}.${format}`
}

/** Renders papers as PDF bytes (Electron's printToPDF in the app, Chromium's page.pdf in the CLI). */
export type PdfRenderer = (html: string) => Promise<Uint8Array>

export interface PaperExport {
  ids: readonly number[]
  format: PaperFormat
  outPath: string
  /** Required for pdf. */
  renderPdf?: PdfRenderer
}

/**
 * At most this many papers in one PDF: Chromium's layout of one long print view grows faster than
 * its length (measured here: 20 papers 7 s, 40 papers 38 s, 60 over two minutes).
 */
export const MAX_PDF_PAPERS = 20

/** Writes the papers; returns how many reports. */
export async function exportPapers(library: PaperSource, request: PaperExport): Promise<number> {
  refuseLibraryFile(library.path, request.outPath, 'export')
  if (request.format === 'pdf' && request.ids.length > MAX_PDF_PAPERS) {
    throw new UserFacingError(
      'paper.too_many_pdf',
      `一份 PDF 底稿最多包含 ${MAX_PDF_PAPERS} 份报告（已选 ${request.ids.length} 份）；请分批导出，或导出 XLSX 底稿（每份报告一个工作表）`
    )
  }
  const papers = papersOf(library, request.ids)
  if (request.format === 'xlsx') {
    const bytes = await papersWorkbook(papers)
    writeWhole(request.outPath, (temp) => writeFileSync(temp, bytes))
  } else if (request.format === 'pdf') {
    if (!request.renderPdf) throw new UserFacingError('paper.no_pdf', '当前环境无法生成 PDF')
    const bytes = await request.renderPdf(papersHtml(papers))
    writeWhole(request.outPath, (temp) => writeFileSync(temp, bytes))
  } else {
    throw new UserFacingError('paper.bad_format', `未知的底稿格式：${String(request.format)}（可选 xlsx、pdf）`)
  }
  return papers.length
}

// What the review screen shows of one report: cells with their extracted and corrected state,
// findings with their acceptances, status, and conflicts with a newer extraction.

import type { SourceLocation } from '../core/document'
import type { Finding, ReportMeta } from '../core/report'
import { isOpen, openSummary, type Settlement } from '../core/validate'
import { UserFacingError } from '../shared/contract'
import type { Acceptance, ReportDetail, ReviewCell, SourceImage, SourceView } from '../shared/types'
import type { FilePayload } from '../shared/contract'
import { sql, type Db } from './db'
import { sanitiseStoredHtml } from './display-html'
import { requireReport } from './review/audit'
import { acceptancesOf, instanceOf, marksOf, settlementOf, standingConfirmations } from './review/settlement'
import { cellRows, currentReport, effectiveTables, metaOf, storedFindings, toSummary } from './store'

export function reportDetail(db: Db, reportId: number): ReportDetail {
  const row = requireReport(db, reportId)
  const rows = cellRows(db, reportId)
  const editCounts = new Map(
    (sql(db, 'SELECT target, COUNT(*) AS n FROM edits WHERE report_id = ? GROUP BY target').all(reportId) as { target: string; n: number }[]).map((r) => [
      r.target,
      r.n
    ])
  )
  const confirmations = standingConfirmations(db, reportId, rows)
  const cells: Record<string, ReviewCell> = {}
  const conflicts: ReportDetail['conflicts'] = []
  for (const c of rows) {
    const corrected = c.human_raw !== null
    const source = c.source ? (JSON.parse(c.source) as SourceLocation) : undefined
    const confirmation = confirmations.get(c.key)
    cells[c.key] = {
      key: c.key,
      value: corrected ? c.human_value : c.ext_value,
      raw: (corrected ? c.human_raw : c.ext_raw) ?? '',
      review: !corrected && c.review === 1,
      ...(c.review_reason && !corrected ? { reviewReason: c.review_reason } : {}),
      ...(source ? { source } : {}),
      ...(c.ocr ? { ocr: JSON.parse(c.ocr) as NonNullable<ReviewCell['ocr']> } : {}),
      corrected,
      edits: editCounts.get(c.key) ?? 0,
      ...(corrected && c.ext_raw !== null ? { extracted: { value: c.ext_value, raw: c.ext_raw } } : {}),
      ...(confirmation && c.review === 1 ? { confirmed: { by: confirmation.by, at: confirmation.at } } : {})
    }
    if (c.conflict_raw !== null && corrected) conflicts.push({ key: c.key, edited: c.human_raw ?? '', extracted: c.conflict_raw })
  }
  const acceptances = new Map(acceptancesOf(db, reportId).map((a) => [`${a.rule}|${a.instance}`, a]))
  const settlement = settlementOf(db, reportId, rows)
  const findings = withAcceptances(storedFindings(row), acceptances, settlement)
  return {
    summary: toSummary(row),
    meta: metaOf(row),
    tables: effectiveTables(row, rows),
    cells,
    findings,
    open: openSummary(currentReport(row, rows), findings, settlement),
    marks: marksOf(db, reportId),
    messages: JSON.parse(row.messages),
    verifiedBy: row.verified_by,
    verifiedAt: row.verified_at,
    conflicts,
    extractedMeta: JSON.parse(row.extracted_meta) as ReportMeta
  }
}

function withAcceptances(findings: Finding[], acceptances: Map<string, Acceptance>, settlement: Settlement): ReportDetail['findings'] {
  return findings.map((f) => {
    const accepted = f.status === 'fail' || f.status === 'uncertain' ? acceptances.get(`${f.rule}|${instanceOf(f.cells)}`) : undefined
    const { accepted: _checkAcceptance, ...rest } = f
    void _checkAcceptance
    const open = isOpen(accepted ? { ...rest, accepted } : rest, settlement)
    return accepted ? { ...rest, accepted, open } : { ...rest, open }
  })
}

export function sourceView(db: Db, reportId: number): SourceView {
  const row = requireReport(db, reportId)
  const doc = sql(db, 'SELECT text, display_html FROM documents WHERE report_id = ?').get(reportId) as { text: string; display_html: string | null } | undefined
  const format = row.format as SourceView['format']
  const view: SourceView = { format, name: row.name, text: doc?.text ?? '' }
  // Sanitised again on the way out: the library file may not be what this program wrote.
  if (doc?.display_html) view.displayHtml = sanitiseStoredHtml(doc.display_html)
  if (format === 'pdf') {
    const bytes = sql(db, 'SELECT bytes FROM file_bytes WHERE file_id = ?').get(row.file_id) as { bytes: Buffer } | undefined
    if (!bytes) throw new UserFacingError('source.missing', '找不到原始文件')
    view.bytes = new Uint8Array(bytes.bytes.buffer, bytes.bytes.byteOffset, bytes.bytes.byteLength)
  }
  const images = pageImages(db, reportId)
  if (images.length) view.images = images
  return view
}

interface PageImageRow {
  idx: number
  origin: string
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  anchor: number | null
  pdf_page: number | null
  bytes: Buffer
}

function pageImages(db: Db, reportId: number): SourceImage[] {
  const rows = sql(db, 'SELECT idx, origin, mime, width, height, anchor, pdf_page, bytes FROM page_images WHERE report_id = ? ORDER BY idx').all(
    reportId
  ) as PageImageRow[]
  return rows.map((r) => ({
    index: r.idx,
    origin: r.origin,
    mime: r.mime,
    width: r.width,
    height: r.height,
    ...(r.anchor !== null ? { anchor: r.anchor } : {}),
    ...(r.pdf_page !== null ? { pdfPage: r.pdf_page } : {}),
    bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength)
  }))
}

/** The stored original bytes of a report's file (re-extraction, merge, "save original"), with the files that came with it. */
export function fileBytes(db: Db, reportId: number): FilePayload {
  const row = requireReport(db, reportId)
  const file = sql(db, 'SELECT f.name, b.bytes FROM files f JOIN file_bytes b ON b.file_id = f.id WHERE f.id = ?').get(row.file_id) as {
    name: string
    bytes: Buffer
  }
  const main: FilePayload = { name: file.name, bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) }
  const attachments = (
    sql(db, 'SELECT path, bytes FROM file_attachments WHERE file_id = ? ORDER BY seq').all(row.file_id) as { path: string; bytes: Buffer }[]
  ).map((a) => ({ name: a.path.split('/').pop() ?? a.path, path: a.path, bytes: new Uint8Array(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) }))
  // The main file's own path within the drop is not kept: attachments' paths are relative to its folder.
  return attachments.length ? { ...main, path: main.name, attachments } : main
}

// Re-extraction after a parser upgrade: the engine's readings are replaced, a reviewer's never are.
// A corrected cell whose new extraction changed and disagrees with the correction is flagged as a
// conflict (ReportDetail.conflicts) for the reviewer; acceptances stay (they match by rule + cells).

import { sha256Hex } from '../core/hash'
import { UserFacingError, type FilePayload } from '../shared/contract'
import type { ImportOutcome } from '../shared/types'
import type { ReportMeta } from '../core/report'
import { agencyKey } from './agency'
import { sql, type Db } from './db'
import { fileBytes } from './detail'
import { getSettings, recordEdit, requireReport } from './review/audit'
import { asExtractedFile, EXTRACTOR_VERSION, type ExtractedFile, type Extractor } from './extractor'
import { refreshAround } from './findings'
import { insertExtractedCell, keptAttachments, storeAttachments, storeDocument } from './importing'
import { storedCellRows, type CellRow } from './store'

export interface ReextractOutcome {
  reportId: number
  /** Cells whose current value changed (uncorrected cells the engine now reads differently). */
  changed: number
  /** Corrected cells the new extraction disagrees with (the correction was kept). */
  conflicts: number
}

/** Reports extracted by an older engine than this one. */
export function staleReportIds(db: Db): number[] {
  return (sql(db, 'SELECT id FROM reports WHERE extractor_version <> ? ORDER BY id').all(EXTRACTOR_VERSION) as { id: number }[]).map((r) => r.id)
}

export async function reextract(db: Db, reportId: number, extract: Extractor): Promise<ReextractOutcome> {
  const file = fileBytes(db, reportId)
  const extracted = await extract(file)
  const result = asExtractedFile(extracted.value)
  if (!result) {
    const reason = extracted.messages.find((m) => m.type === 'error')?.message ?? '无法读取该文件'
    throw new UserFacingError('reextract.failed', `重新提取失败：${reason}`)
  }
  return db.transaction(() => applyReextraction(db, reportId, result))()
}

/**
 * How many pictures `file` brings that the stored copy of report `reportId` (the same main file)
 * lacks, when it brings every picture the stored copy has: 0 when it is no richer. A saved page
 * imported first without its `_files` folder, then with it, is the case (issue 22, item 8).
 */
export function morePicturesThanStored(db: Db, reportId: number, file: FilePayload): number {
  const row = requireReport(db, reportId)
  const stored = new Set(
    (sql(db, 'SELECT bytes FROM file_attachments WHERE file_id = ?').all(row.file_id) as { bytes: Buffer }[]).map((a) => sha256Hex(a.bytes))
  )
  const brought = new Set(keptAttachments(file).map((a) => sha256Hex(a.bytes)))
  for (const hash of stored) if (!brought.has(hash)) return 0
  return brought.size - stored.size
}

/**
 * The richer payload taken: `file` (the same main file as report `reportId`'s, with pictures its
 * stored copy lacked) replaces the stored attachments, and the report is re-extracted from it, as
 * after a parser upgrade (the reviewer's corrections stay; a changed verified report reopens).
 */
export async function takeRicherPayload(db: Db, reportId: number, file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
  const extracted = await extract(file)
  const result = asExtractedFile(extracted.value)
  if (!result) {
    const reason = extracted.messages.find((m) => m.type === 'error')?.message ?? '无法读取该文件'
    return { name: file.name, status: 'failed', error: `已在资料库中（报告 #${reportId}），这次带来的图片未能读取：${reason}` }
  }
  return db
    .transaction((): ImportOutcome => {
      // Another window or process may have taken the same payload meanwhile.
      const more = morePicturesThanStored(db, reportId, file)
      if (more <= 0) return { name: file.name, status: 'duplicate', reportId }
      storeAttachments(db, requireReport(db, reportId).file_id, file)
      applyReextraction(db, reportId, result)
      const warnings = extracted.messages.filter((m) => m.type === 'warning').map((m) => m.message)
      return {
        name: file.name,
        status: 'imported',
        reportId,
        morePictures: more,
        warnings: [`已在资料库中（报告 #${reportId}），这次多带来 ${more} 张图片：已用它们重新提取（审核人的修改保留）`, ...warnings]
      }
    })
    .immediate()
}

function applyReextraction(db: Db, reportId: number, { json, document }: ExtractedFile): ReextractOutcome {
  const row = requireReport(db, reportId)
  const editedMeta = new Set(
    (sql(db, "SELECT DISTINCT target FROM edits WHERE report_id = ? AND target LIKE 'meta.%'").all(reportId) as { target: string }[]).map((r) =>
      r.target.slice(5)
    )
  )
  const meta: ReportMeta = {
    agency: editedMeta.has('agency') ? row.agency : json.meta.agency,
    year: editedMeta.has('year') ? row.year : json.meta.year,
    template: editedMeta.has('template') ? row.template : json.meta.template
  }
  let changed = meta.agency !== row.agency || meta.year !== row.year || meta.template !== row.template ? 1 : 0
  sql(
    db,
    `UPDATE reports SET agency = ?, agency_key = ?, year = ?, template = ?, extracted_meta = ?, tables = ?, messages = ?,
       extractor_version = ? WHERE id = ?`
  ).run(
    meta.agency,
    agencyKey(meta.agency),
    meta.year,
    meta.template,
    JSON.stringify(json.meta),
    JSON.stringify(json.tables),
    JSON.stringify(json.messages),
    EXTRACTOR_VERSION,
    reportId
  )
  if (document) storeDocument(db, reportId, document)

  let conflicts = 0
  const old = new Map(storedCellRows(db, reportId).map((c) => [c.key, c]))
  for (const [key, cell] of Object.entries(json.cells)) {
    const before = old.get(key)
    old.delete(key)
    if (!before) {
      insertExtractedCell(db, reportId, key, cell)
      changed++
      continue
    }
    const conflict = conflictOf(before, cell.raw)
    if (conflict !== null) conflicts++
    if (before.human_raw === null && before.ext_raw !== cell.raw) changed++
    sql(
      db,
      `UPDATE cells SET ext_value = ?, ext_raw = ?, review = ?, review_reason = ?, source = ?, ocr = ?, conflict_raw = ?
       WHERE report_id = ? AND key = ?`
    ).run(
      cell.value,
      cell.raw,
      cell.review ? 1 : 0,
      cell.reviewReason ?? null,
      cell.source ? JSON.stringify(cell.source) : null,
      cell.ocr ? JSON.stringify(cell.ocr) : null,
      conflict,
      reportId,
      key
    )
  }
  // Cells the new extraction no longer reads: kept when corrected, dropped otherwise.
  for (const before of old.values()) {
    if (before.human_raw === null) {
      sql(db, 'DELETE FROM cells WHERE report_id = ? AND key = ?').run(reportId, before.key)
      changed++
      continue
    }
    const conflict = conflictOf(before, '')
    if (conflict !== null) conflicts++
    sql(
      db,
      'UPDATE cells SET ext_value = NULL, ext_raw = NULL, review = 0, review_reason = NULL, source = NULL, ocr = NULL, conflict_raw = ? WHERE report_id = ? AND key = ?'
    ).run(conflict, reportId, before.key)
  }
  if (row.status === 'verified' && changed > 0) {
    sql(db, "UPDATE reports SET status = 'pending', verified_by = NULL, verified_at = NULL WHERE id = ?").run(reportId)
  }
  refreshAround(db, reportId, [{ agency_key: row.agency_key, year: row.year }])
  if (row.status === 'verified' && changed > 0) {
    const { status } = sql(db, 'SELECT status FROM reports WHERE id = ?').get(reportId) as { status: string }
    recordEdit(db, {
      reportId,
      target: 'status',
      oldRaw: 'verified',
      newRaw: status,
      reviewer: getSettings(db).reviewer ?? '系统',
      reason: '解析程序升级后重新提取，有数值变化，重新打开',
      at: new Date().toISOString()
    })
  }
  return { reportId, changed, conflicts }
}

/**
 * A corrected cell conflicts with a new extraction when the engine now reads something other than
 * it did before and other than the correction. Returns the new reading, or null for no conflict
 * (an earlier unresolved conflict stays listed).
 */
function conflictOf(before: CellRow, newRaw: string): string | null {
  if (before.human_raw === null) return null
  if (newRaw === before.human_raw) return null
  if (newRaw === (before.ext_raw ?? '')) return before.conflict_raw
  return newRaw
}

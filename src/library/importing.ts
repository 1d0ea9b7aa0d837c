// Importing a file: its bytes, the extracted report, its document and cells, then the checks —
// all in one transaction, so a crash leaves either the whole report or nothing of it.

import { sha256Hex } from '../core/hash'
import { ingestError } from '../core/ingest/ingest-messages'
import { MAX_INPUT_BYTES, MAX_REPORT_FILES_BYTES } from '../core/ingest/limits'
import { sniffPicture } from '../core/ingest/images/sniff'
import type { ExtractedCell } from '../core/report'
import type { FilePayload } from '../shared/contract'
import type { ImportOutcome } from '../shared/types'
import { agencyKey } from './agency'
import { sql, type Db } from './db'
import { asExtractedFile, EXTRACTOR_VERSION, type ExtractedFile, type Extractor, type StoredDocument } from './extractor'
import { refreshAround } from './findings'
import { encodeFindings } from './store'

export function reportIdBySha(db: Db, sha256: string): number | undefined {
  const row = sql(db, 'SELECT r.id FROM files f JOIN reports r ON r.file_id = f.id WHERE f.sha256 = ?').get(sha256) as { id: number } | undefined
  return row?.id
}

/** A copy being read now, by its sha256 (per library): what its import came to, and the extraction's error code if it failed. */
type Reading = Promise<{ outcome: ImportOutcome; code?: string }>
const readingNow = new WeakMap<Db, Map<string, Reading>>()
/** Failures that say nothing of the bytes: a copy that waited on one is read itself. */
const NOT_THE_FILE = new Set(['extract.cancelled', 'extract.closed'])

/** Imports one file. Never throws: whatever goes wrong fails this file alone, and a batch goes on. */
export async function importFile(db: Db, file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
  try {
    return await importOnce(db, file, extract)
  } catch (e) {
    return { name: file.name, status: 'failed', error: `写入资料库失败：${(e as Error).message}` }
  }
}

async function importOnce(db: Db, file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
  // Refused before hashing it or copying it to the extraction child.
  if (file.bytes.byteLength > MAX_INPUT_BYTES) {
    return { name: file.name, status: 'failed', error: ingestError('too_large', `${Math.round(file.bytes.byteLength / 1024 / 1024)} MB`).message }
  }
  const total = (file.attachments ?? []).reduce((n, a) => n + a.bytes.byteLength, file.bytes.byteLength)
  if (total > MAX_REPORT_FILES_BYTES) {
    return { name: file.name, status: 'failed', error: ingestError('report_too_large', `${Math.round(total / 1024 / 1024)} MB`).message }
  }
  const sha256 = sha256Hex(file.bytes)
  const existing = reportIdBySha(db, sha256)
  if (existing !== undefined) return { name: file.name, status: 'duplicate', reportId: existing }
  // The same bytes twice in one drop (two copies of a report under different names) are read once:
  // the second waits for the first and comes to what it came to, as a copy already in the library.
  const reading = readingNow.get(db) ?? new Map<string, Reading>()
  readingNow.set(db, reading)
  const first = reading.get(sha256)
  if (first) {
    const { outcome, code } = await first
    if (outcome.status === 'imported' || outcome.status === 'duplicate') return { name: file.name, status: 'duplicate', reportId: outcome.reportId }
    if (outcome.status === 'failed' && !NOT_THE_FILE.has(code ?? '')) return { name: file.name, status: 'failed', error: outcome.error }
    return importOnce(db, file, extract)
  }
  let settle!: (done: Awaited<Reading>) => void
  reading.set(sha256, new Promise((resolve) => (settle = resolve)))
  let done!: Awaited<Reading>
  try {
    done = await readAndStore(db, file, sha256, extract)
    return done.outcome
  } catch (e) {
    done = { outcome: { name: file.name, status: 'failed', error: `写入资料库失败：${(e as Error).message}` } }
    throw e
  } finally {
    reading.delete(sha256)
    settle(done)
  }
}

async function readAndStore(db: Db, file: FilePayload, sha256: string, extract: Extractor): Promise<Awaited<Reading>> {
  const extracted = await extract(file)
  const result = asExtractedFile(extracted.value)
  if (!result) {
    const error = extracted.messages.find((m) => m.type === 'error')
    return { outcome: { name: file.name, status: 'failed', error: error?.message ?? '无法读取该文件' }, code: error?.code }
  }
  // Another process (or another window on the same library) may have imported the same bytes
  // meanwhile. The check and the write share one IMMEDIATE transaction: it takes the write lock
  // first, so no other writer can slip the same file in between.
  let stored: { reportId: number; duplicate: boolean }
  try {
    stored = db
      .transaction(() => {
        const raced = reportIdBySha(db, sha256)
        if (raced !== undefined) return { reportId: raced, duplicate: true }
        return { reportId: storeImported(db, file, sha256, result), duplicate: false }
      })
      .immediate()
  } catch (e) {
    // Belt and braces: should the constraint still fire, the file is in the library after all.
    const raced = isShaConflict(e) ? reportIdBySha(db, sha256) : undefined
    if (raced === undefined) throw e
    stored = { reportId: raced, duplicate: true }
  }
  if (stored.duplicate) return { outcome: { name: file.name, status: 'duplicate', reportId: stored.reportId } }
  const warnings = extracted.messages.filter((m) => m.type === 'warning').map((m) => m.message)
  return { outcome: { name: file.name, status: 'imported', reportId: stored.reportId, warnings } }
}

function isShaConflict(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown }
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('files.sha256')
}

/** Writes one extracted file. Call inside a transaction. */
export function storeImported(db: Db, file: FilePayload, sha256: string, extracted: ExtractedFile, now = new Date().toISOString()): number {
  const { json, document } = extracted
  const fileId = sql(db, 'INSERT INTO files (sha256, name, size, format, imported_at) VALUES (?, ?, ?, ?, ?)').run(
    sha256,
    file.name,
    file.bytes.byteLength,
    json.source.format,
    now
  ).lastInsertRowid
  sql(db, 'INSERT INTO file_bytes (file_id, bytes) VALUES (?, ?)').run(fileId, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
  storeAttachments(db, Number(fileId), file)
  const reportId = Number(
    sql(
      db,
      `INSERT INTO reports (file_id, agency, agency_key, year, template, extracted_meta, tables, messages, findings, status,
         open_findings, extractor_version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`
    ).run(
      fileId,
      json.meta.agency,
      agencyKey(json.meta.agency),
      json.meta.year,
      json.meta.template,
      JSON.stringify(json.meta),
      JSON.stringify(json.tables),
      JSON.stringify(json.messages),
      encodeFindings([]),
      EXTRACTOR_VERSION,
      now
    ).lastInsertRowid
  )
  if (document) storeDocument(db, reportId, document)
  for (const [key, cell] of Object.entries(json.cells)) insertExtractedCell(db, reportId, key, cell)
  refreshAround(db, reportId)
  return reportId
}

/**
 * The files beside a report worth keeping: only the pictures. The engine reads nothing else beside a
 * report (a page's style sheets, scripts and whatever else its folder held are never used), and
 * re-extraction reads what is kept.
 */
export function keptAttachments(file: FilePayload): FilePayload[] {
  return (file.attachments ?? []).filter((a) => sniffPicture(a.bytes) !== null)
}

/** Writes (or replaces) the kept attachments of file `fileId`. Call inside a transaction. */
export function storeAttachments(db: Db, fileId: number, file: FilePayload): void {
  sql(db, 'DELETE FROM file_attachments WHERE file_id = ?').run(fileId)
  // Kept relative to the main file's folder: re-extraction reads them beside the file's bare name.
  const folder = file.path?.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : ''
  keptAttachments(file).forEach((a, seq) =>
    sql(db, 'INSERT INTO file_attachments (file_id, seq, path, bytes) VALUES (?, ?, ?, ?)').run(
      fileId,
      seq,
      folder && a.path?.startsWith(folder) ? a.path.slice(folder.length) : (a.path ?? a.name),
      Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength)
    )
  )
}

export function storeDocument(db: Db, reportId: number, document: StoredDocument): void {
  sql(db, 'INSERT OR REPLACE INTO documents (report_id, text, display_html, encoding, pages) VALUES (?, ?, ?, ?, ?)').run(
    reportId,
    document.text,
    document.displayHtml ?? null,
    document.encoding ?? null,
    document.pages ?? null
  )
  sql(db, 'DELETE FROM page_images WHERE report_id = ?').run(reportId)
  for (const image of document.pageImages ?? []) {
    sql(db, 'INSERT INTO page_images (report_id, idx, origin, mime, width, height, anchor, pdf_page, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      reportId,
      image.index,
      image.origin,
      image.mime,
      image.width,
      image.height,
      image.anchor ?? null,
      image.pdfPage ?? null,
      Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength)
    )
  }
}

export function insertExtractedCell(db: Db, reportId: number, key: string, cell: ExtractedCell): void {
  sql(db, 'INSERT INTO cells (report_id, key, ext_value, ext_raw, review, review_reason, source, ocr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    reportId,
    key,
    cell.value,
    cell.raw,
    cell.review ? 1 : 0,
    cell.reviewReason ?? null,
    cell.source ? JSON.stringify(cell.source) : null,
    cell.ocr ? JSON.stringify(cell.ocr) : null
  )
}

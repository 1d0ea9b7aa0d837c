// Merging another reviewer's library (auditors split the work, then combine it). A report is the
// same report when its file has the same sha256. The rule, per report:
// - only in theirs → added with its whole history (edits, acceptances, status, verification);
// - same values in both → unchanged, except that their verification is taken when ours is not verified;
// - values differ:
//   - both verified → a conflict, listed side by side, nothing overwritten;
//   - only theirs verified → theirs is taken: their values become our corrections (recorded as edits),
//     their edit log and acceptances are added, and the report is verified by their verifier;
//   - only ours verified → ours is kept;
//   - neither verified → theirs is taken when only they edited it, ours kept when only we did,
//     a conflict when both did.
// Their library is input like any file: a report whose stored bytes are not the file its sha256
// names is refused (listed, nothing of it taken), so a forgery cannot pass for a genuine report
// or make the genuine file a "duplicate"; their display HTML is sanitised again on the way in.
// Everything runs in one transaction: a failed merge changes nothing. A conflict is kept in the
// library (merge_conflicts) until a person settles it: keep ours, or take theirs (read again from
// their library file, with its history), which then runs the same way as an automatic take.

import { resolve } from 'node:path'
import type { ReportStatus, MergeConflict, MergeOutcome, MergeSide, PendingMergeConflict } from '../shared/types'
import { sha256Hex } from '../core/hash'
import { sanitiseStoredHtml } from './display-html'
import { agencyKey } from './agency'
import { LibraryError, openReadOnly, sql, type Db, type OpenOptions } from './db'
import { recordEdit } from './review/audit'
import { checkReport, derivedStatus, refreshAround, refreshReport } from './findings'
import { openSummary } from '../core/validate'
import { openReason } from '../shared/open-items'
import { copyConfirmations } from './review/confirm'
import { copyTableForms, FORM_TARGET_PREFIX, formsIn, writeTableForm } from './review/forms'
import { copyMarks } from './review/marks'
import { copyTypedDate, PUBLISHED_TARGET, typedDateOf, writeTypedDate } from './review/published'
import type { TypedPublicationDate } from '../core/assess'
import { reportIdBySha } from './importing'
import { storedCellRows, REPORT_COLUMNS, reportRow, type CellRow, type ReportRow } from './store'

interface EditRow {
  target: string
  old_raw: string | null
  new_raw: string | null
  reviewer: string
  reason: string | null
  at: string
}

interface Side {
  /** The library this side was read from. */
  db: Db
  row: ReportRow
  cells: CellRow[]
  edits: EditRow[]
  /** Table 三's form as a reviewer set it there (null: as read). */
  requestsForm: '2021' | '2019' | null
  /** The publication date a reviewer typed there (null: none). */
  published: TypedPublicationDate | null
}

export function mergeLibrary(db: Db, otherPath: string, options: OpenOptions = {}): MergeOutcome {
  const path = resolve(otherPath)
  const other = openReadOnly(path, options)
  try {
    return db.transaction(() => {
      const outcome = mergeFrom(db, other)
      keepConflicts(db, path, outcome.conflicts)
      return outcome
    })()
  } finally {
    other.close()
  }
}

/** The conflicts with this library file replace those its last merge left (some may be gone). */
function keepConflicts(db: Db, otherPath: string, conflicts: MergeConflict[]): void {
  sql(db, 'DELETE FROM merge_conflicts WHERE other_path = ?').run(otherPath)
  const now = new Date().toISOString()
  for (const c of conflicts) {
    const reportId = reportIdBySha(db, c.sha256)
    if (reportId === undefined) continue
    sql(db, 'INSERT INTO merge_conflicts (report_id, other_path, conflict, found_at) VALUES (?, ?, ?, ?)').run(reportId, otherPath, JSON.stringify(c), now)
  }
}

interface ConflictRow {
  id: number
  report_id: number
  other_path: string
  conflict: string
  found_at: string
}

/** The conflicts waiting for a person, oldest first. */
export function pendingConflicts(db: Db): PendingMergeConflict[] {
  const rows = sql(db, 'SELECT id, report_id, other_path, conflict, found_at FROM merge_conflicts ORDER BY id').all() as ConflictRow[]
  return rows.map((r) => ({ ...(JSON.parse(r.conflict) as MergeConflict), id: r.id, reportId: r.report_id, otherPath: r.other_path, foundAt: r.found_at }))
}

/**
 * A person settles a conflict: `ours` keeps this library's values; `theirs` takes the other
 * library's values, history and verification, as a merge does when only they had verified.
 */
export function settleConflict(db: Db, id: number, take: MergeSide, options: OpenOptions = {}): void {
  const row = sql(db, 'SELECT id, report_id, other_path, conflict, found_at FROM merge_conflicts WHERE id = ?').get(id) as ConflictRow | undefined
  if (!row) throw new LibraryError('merge.settled', '这处冲突已经裁定过了')
  if (take === 'ours') {
    sql(db, 'DELETE FROM merge_conflicts WHERE id = ?').run(id)
    return
  }
  let other: Db
  try {
    other = openReadOnly(row.other_path, options)
  } catch (e) {
    const why = e instanceof LibraryError ? e.message : String(e)
    throw new LibraryError('merge.other_missing', `无法读取对方资料库 ${row.other_path}（${why}）。请把该文件放回原处，或重新合并。`)
  }
  try {
    db.transaction(() => {
      const { sha256 } = JSON.parse(row.conflict) as MergeConflict
      const theirRow = other.prepare(`SELECT ${REPORT_COLUMNS} FROM reports r JOIN files f ON f.id = r.file_id WHERE f.sha256 = ?`).get(sha256) as
        ReportRow | undefined
      if (!theirRow) throw new LibraryError('merge.other_changed', `对方资料库 ${row.other_path} 中已没有这份报告，请重新合并。`)
      const forged = forgery(other, theirRow)
      if (forged) throw new LibraryError('merge.forged', `对方资料库中的这份报告不能采用：${forged}`)
      const ours = side(db, reportRow(db, row.report_id)!)
      const theirs = side(other, theirRow)
      takeTheirs(db, ours, theirs, differencesOf(ours, theirs))
      // Their trail's same-report entries name their ids and are not copied: the pairs of this report
      // they hold now are recorded here by our ids (they may have recorded one since the merge).
      carrySameReports(db, other, new Set(), sha256)
      refreshAround(db, row.report_id)
      regate(db, row.report_id)
      sql(db, 'DELETE FROM merge_conflicts WHERE id = ?').run(id)
    })()
  } finally {
    other.close()
  }
}

function side(db: Db, row: ReportRow): Side {
  const edits = sql(db, 'SELECT * FROM edits WHERE report_id = ? ORDER BY id').all(row.id) as EditRow[]
  return { db, row, cells: storedCellRows(db, row.id), edits, requestsForm: formsIn(db, row.id).requests ?? null, published: typedDateOf(db, row.id) }
}

function mergeFrom(db: Db, other: Db): MergeOutcome {
  const outcome: MergeOutcome = { added: 0, updated: 0, unchanged: 0, conflicts: [], updates: [], refused: [] }
  const touched: number[] = []
  /** Theirs taken over ours: done, and listed, so that no value of ours changes unseen. */
  const take = (ours: Side, theirs: Side, differences: NonNullable<MergeConflict['differences']>): void => {
    takeTheirs(db, ours, theirs, differences)
    touched.push(ours.row.id)
    outcome.updated++
    outcome.updates.push({
      reportId: ours.row.id,
      agency: ours.row.agency,
      year: ours.row.year,
      values: differences.length,
      replacedOurEdits: differences.length > 0 && ours.edits.some((e) => e.target !== 'status'),
      verifiedBy: theirs.row.status === 'verified' ? theirs.row.verified_by : null
    })
  }
  const theirRows = other.prepare(`SELECT ${REPORT_COLUMNS} FROM reports r JOIN files f ON f.id = r.file_id ORDER BY r.id`).all() as ReportRow[]
  for (const theirRow of theirRows) {
    const forged = forgery(other, theirRow)
    if (forged) {
      outcome.refused.push({ fileName: theirRow.name, sha256: theirRow.sha256, reason: forged })
      continue
    }
    const theirs = side(other, theirRow)
    const ourId = reportIdBySha(db, theirRow.sha256)
    if (ourId === undefined) {
      touched.push(addReport(db, theirs))
      outcome.added++
      continue
    }
    const ours = side(db, reportRow(db, ourId)!)
    const differences = differencesOf(ours, theirs)
    const oursVerified = ours.row.status === 'verified'
    const theirsVerified = theirs.row.status === 'verified'
    if (differences.length === 0) {
      if (theirsVerified && !oursVerified) take(ours, theirs, differences)
      else outcome.unchanged++
      continue
    }
    const oursEdited = ours.edits.some((e) => e.target !== 'status')
    const theirsEdited = theirs.edits.some((e) => e.target !== 'status')
    if (oursVerified && theirsVerified) {
      outcome.conflicts.push(conflict(ours, theirs, differences, '双方都已核验，但数值不同，请人工裁定'))
    } else if (theirsVerified || (!oursVerified && theirsEdited && !oursEdited)) {
      take(ours, theirs, differences)
    } else if (!oursVerified && oursEdited && theirsEdited) {
      outcome.conflicts.push(conflict(ours, theirs, differences, '双方都有未核验的修改，且数值不同，请人工裁定'))
    } else {
      outcome.unchanged++
    }
  }
  for (const id of touched) refreshAround(db, id)
  carrySameReports(db, other, new Set(outcome.refused.map((r) => r.sha256)))
  for (const id of touched) {
    const reason = regate(db, id)
    const row = reason ? reportRow(db, id) : undefined
    if (reason) (outcome.reopened ??= []).push({ reportId: id, agency: row?.agency ?? null, year: row?.year ?? null, reason })
  }
  return outcome
}

/**
 * The verify gate, re-applied to a report that arrived 已核验 (added, or their verification taken):
 * verified elsewhere is not verified here while this library's checks leave anything open (another
 * engine, another last year, or a library edited by hand). Such a report goes back to 待核验 / 有问题,
 * with the reason in its edit log; returns the reason, or null when it stays verified.
 */
function regate(db: Db, reportId: number): string | null {
  const row = reportRow(db, reportId)
  if (row?.status !== 'verified') return null
  const checked = checkReport(db, reportId)
  const reason = checked ? openReason(openSummary(checked.report, checked.findings, checked.settlement)) : null
  if (!reason) return null
  sql(db, "UPDATE reports SET status = 'pending', verified_by = NULL, verified_at = NULL, updated_at = ? WHERE id = ?").run(new Date().toISOString(), reportId)
  refreshReport(db, reportId)
  const status = (reportRow(db, reportId)?.status ?? derivedStatus('pending', 1)) as ReportStatus
  recordEdit(db, {
    reportId,
    target: 'status',
    oldRaw: 'verified',
    newRaw: status,
    reviewer: row.verified_by ?? '合并',
    reason: `合并资料库：对方标为已核验，但本库的核验条件未满足（${reason}），未采用其核验`,
    at: new Date().toISOString()
  })
  return reason
}

/**
 * The pairs they recorded as the same report (near-duplicates.ts) hold here too, by our ids (a
 * report is matched by its sha256), so verifying either is not asked again and 统计 counts one.
 * A pair with a refused report of theirs is left out. Recorded once, in both reports' trails.
 * onlySha: only the pairs of that report (a conflict settled by taking their side).
 */
function carrySameReports(db: Db, other: Db, refused: ReadonlySet<string>, onlySha?: string): void {
  // A library from before migration 9 has no such records.
  if (!other.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'same_reports'").get()) return
  const pairs = other
    .prepare(
      `SELECT fl.sha256 AS low_sha, fh.sha256 AS high_sha, s.decided_by, s.decided_at FROM same_reports s
         JOIN reports rl ON rl.id = s.low_id JOIN files fl ON fl.id = rl.file_id
         JOIN reports rh ON rh.id = s.high_id JOIN files fh ON fh.id = rh.file_id`
    )
    .all() as { low_sha: string; high_sha: string; decided_by: string; decided_at: string }[]
  const record = sql(db, 'INSERT OR IGNORE INTO same_reports (low_id, high_id, decided_by, decided_at) VALUES (?, ?, ?, ?)')
  const now = new Date().toISOString()
  for (const p of pairs) {
    if (refused.has(p.low_sha) || refused.has(p.high_sha)) continue
    if (onlySha !== undefined && p.low_sha !== onlySha && p.high_sha !== onlySha) continue
    const a = reportIdBySha(db, p.low_sha)
    const b = reportIdBySha(db, p.high_sha)
    if (a === undefined || b === undefined || a === b) continue
    if (record.run(Math.min(a, b), Math.max(a, b), p.decided_by, p.decided_at).changes === 0) continue
    for (const [id, otherId] of [
      [a, b],
      [b, a]
    ]) {
      recordEdit(db, {
        reportId: id,
        target: 'duplicate',
        oldRaw: null,
        newRaw: `#${otherId}`,
        reviewer: p.decided_by,
        reason: `合并资料库：对方记为与报告 #${otherId} 为同一报告，统计只计一份`,
        at: now
      })
    }
  }
}

const FORMATS = new Set(['txt', 'html', 'docx', 'doc', 'pdf', 'odt'])

/** Why their report cannot be taken (its file is not what its row says), or null when it can. */
function forgery(other: Db, row: ReportRow): string | null {
  const stored = other.prepare('SELECT bytes FROM file_bytes WHERE file_id = ?').get(row.file_id) as { bytes: unknown } | undefined
  if (!stored || !Buffer.isBuffer(stored.bytes)) return '对方资料库中没有这份报告的原始文件'
  const actual = sha256Hex(stored.bytes)
  if (actual !== row.sha256) {
    return `原始文件的内容与记录的 sha256 不符（记录 ${String(row.sha256).slice(0, 12)}…，实际 ${actual.slice(0, 12)}…），可能被篡改或已损坏，未合并`
  }
  if (stored.bytes.length !== row.size) return `原始文件的大小与记录不符（记录 ${row.size} 字节，实际 ${stored.bytes.length} 字节），未合并`
  if (!FORMATS.has(row.format)) return `文件格式“${String(row.format)}”无法识别，未合并`
  return null
}

/** How a cell compares: its number, or its text when it holds none (blank, "/", "-"). */
function cellValue(c: CellRow | undefined): string | null {
  if (!c) return null
  const raw = c.human_raw ?? c.ext_raw
  if (raw === null) return null
  const value = c.human_raw !== null ? c.human_value : c.ext_value
  return value !== null ? String(value) : raw
}

function displayRaw(c: CellRow | undefined): string | null {
  return c ? (c.human_raw ?? c.ext_raw) : null
}

function differencesOf(ours: Side, theirs: Side): NonNullable<MergeConflict['differences']> {
  const out: NonNullable<MergeConflict['differences']> = []
  for (const field of ['agency', 'year', 'template'] as const) {
    const a = ours.row[field]
    const b = theirs.row[field]
    if (a !== b) out.push({ target: `meta.${field}`, ours: a === null ? null : String(a), theirs: b === null ? null : String(b) })
  }
  if (ours.requestsForm !== theirs.requestsForm) out.push({ target: `${FORM_TARGET_PREFIX}requests`, ours: ours.requestsForm, theirs: theirs.requestsForm })
  const [ourDate, theirDate] = [ours.published?.date ?? null, theirs.published?.date ?? null]
  if (ourDate !== theirDate) out.push({ target: PUBLISHED_TARGET, ours: ourDate, theirs: theirDate })
  const ourCells = new Map(ours.cells.map((c) => [c.key, c]))
  const theirCells = new Map(theirs.cells.map((c) => [c.key, c]))
  for (const key of new Set([...ourCells.keys(), ...theirCells.keys()])) {
    const a = ourCells.get(key)
    const b = theirCells.get(key)
    if (cellValue(a) !== cellValue(b)) out.push({ target: key, ours: displayRaw(a), theirs: displayRaw(b) })
  }
  return out
}

function conflict(ours: Side, theirs: Side, differences: NonNullable<MergeConflict['differences']>, reason: string): MergeConflict {
  const who = (s: Side): { status: ReportStatus; verifiedBy: string | null } => ({ status: s.row.status, verifiedBy: s.row.verified_by })
  return {
    sha256: ours.row.sha256,
    agency: ours.row.agency,
    year: ours.row.year,
    reason: `${reason}（${differences.length} 处不同）`,
    differences,
    ours: who(ours),
    theirs: who(theirs)
  }
}

const editKey = (e: EditRow): string => `${e.target}|${e.at}|${e.reviewer}|${e.new_raw ?? ''}`

function copyEdits(db: Db, reportId: number, edits: EditRow[], already: EditRow[]): void {
  const seen = new Set(already.map(editKey))
  for (const e of edits) {
    // Their same-report records name their report ids: carrySameReports records them with ours.
    if (seen.has(editKey(e)) || e.target === 'duplicate') continue
    recordEdit(db, { reportId, target: e.target, oldRaw: e.old_raw, newRaw: e.new_raw, reviewer: e.reviewer, reason: e.reason, at: e.at })
  }
}

function copyAcceptances(db: Db, other: Db, fromId: number, toId: number): void {
  const rows = other.prepare('SELECT rule, instance, comment, accepted_by, accepted_at FROM acceptances WHERE report_id = ?').all(fromId) as {
    rule: string
    instance: string
    comment: string
    accepted_by: string
    accepted_at: string
  }[]
  for (const a of rows) {
    sql(
      db,
      `INSERT INTO acceptances (report_id, rule, instance, comment, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(report_id, rule, instance) DO NOTHING`
    ).run(toId, a.rule, a.instance, a.comment, a.accepted_by, a.accepted_at)
  }
}

function addReport(db: Db, theirs: Side): number {
  const { row, db: other } = theirs
  const file = other.prepare('SELECT f.*, b.bytes FROM files f JOIN file_bytes b ON b.file_id = f.id WHERE f.id = ?').get(row.file_id) as Record<
    string,
    unknown
  >
  const fileId = sql(db, 'INSERT INTO files (sha256, name, size, format, imported_at) VALUES (?, ?, ?, ?, ?)').run(
    file.sha256,
    file.name,
    file.size,
    file.format,
    file.imported_at
  ).lastInsertRowid
  sql(db, 'INSERT INTO file_bytes (file_id, bytes) VALUES (?, ?)').run(fileId, file.bytes)
  const id = Number(
    sql(
      db,
      `INSERT INTO reports (file_id, agency, agency_key, year, template, extracted_meta, tables, messages, findings, status,
         open_findings, verified_by, verified_at, extractor_version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      fileId,
      row.agency,
      agencyKey(row.agency),
      row.year,
      row.template,
      row.extracted_meta,
      row.tables,
      row.messages,
      row.findings,
      row.status,
      row.open_findings,
      row.verified_by,
      row.verified_at,
      row.extractor_version,
      row.updated_at
    ).lastInsertRowid
  )
  const doc = other.prepare('SELECT * FROM documents WHERE report_id = ?').get(row.id) as Record<string, unknown> | undefined
  if (doc) {
    sql(db, 'INSERT INTO documents (report_id, text, display_html, encoding, pages) VALUES (?, ?, ?, ?, ?)').run(
      id,
      doc.text,
      typeof doc.display_html === 'string' ? sanitiseStoredHtml(doc.display_html) : null,
      doc.encoding,
      doc.pages
    )
  }
  for (const c of theirs.cells) {
    sql(
      db,
      `INSERT INTO cells (report_id, key, ext_value, ext_raw, review, review_reason, source, human_value, human_raw, conflict_raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(id, c.key, c.ext_value, c.ext_raw, c.review, c.review_reason, c.source, c.human_value, c.human_raw, c.conflict_raw)
  }
  copyEdits(db, id, theirs.edits, [])
  copyAcceptances(db, other, row.id, id)
  copyMarks(db, other, row.id, id)
  copyConfirmations(db, other, row.id, id)
  copyTableForms(db, other, row.id, id)
  copyTypedDate(db, other, row.id, id)
  return id
}

/** Their values become ours (as recorded corrections), with their history and verification. */
function takeTheirs(db: Db, ours: Side, theirs: Side, differences: NonNullable<MergeConflict['differences']>): void {
  const id = ours.row.id
  const now = new Date().toISOString()
  const mergedBy = theirs.row.verified_by ?? theirs.edits[theirs.edits.length - 1]?.reviewer ?? '合并'
  copyEdits(db, id, theirs.edits, ours.edits)
  const theirCells = new Map(theirs.cells.map((c) => [c.key, c]))
  const ourCells = new Map(ours.cells.map((c) => [c.key, c]))
  for (const d of differences) {
    if (d.target === PUBLISHED_TARGET) {
      // Theirs with who typed it and when; none there clears ours.
      if (theirs.published) copyTypedDate(db, theirs.db, theirs.row.id, id)
      else writeTypedDate(db, id, null)
    } else if (d.target.startsWith('meta.')) {
      const field = d.target.slice(5) as 'agency' | 'year' | 'template'
      const value = theirs.row[field]
      if (field === 'agency') sql(db, 'UPDATE reports SET agency = ?, agency_key = ? WHERE id = ?').run(value, agencyKey(value as string | null), id)
      else sql(db, `UPDATE reports SET ${field === 'year' ? 'year' : 'template'} = ? WHERE id = ?`).run(value, id)
    } else if (d.target.startsWith(FORM_TARGET_PREFIX)) {
      writeTableForm(db, id, theirs.requestsForm, mergedBy, now)
    } else {
      setCellTo(db, id, ourCells.get(d.target), theirCells.get(d.target), d.target)
    }
    recordEdit(db, { reportId: id, target: d.target, oldRaw: d.ours, newRaw: d.theirs, reviewer: mergedBy, reason: '合并资料库：采用对方的值', at: now })
  }
  copyAcceptances(db, theirs.db, theirs.row.id, id)
  copyMarks(db, theirs.db, theirs.row.id, id)
  copyConfirmations(db, theirs.db, theirs.row.id, id)
  if (theirs.requestsForm) copyTableForms(db, theirs.db, theirs.row.id, id)
  if (theirs.row.status === 'verified') {
    sql(db, "UPDATE reports SET status = 'verified', verified_by = ?, verified_at = ?, updated_at = ? WHERE id = ?").run(
      theirs.row.verified_by,
      theirs.row.verified_at,
      now,
      id
    )
    const theirVerification = theirs.edits.some((e) => e.target === 'status' && e.new_raw === 'verified')
    if (ours.row.status !== 'verified' && !theirVerification) {
      recordEdit(db, {
        reportId: id,
        target: 'status',
        oldRaw: ours.row.status,
        newRaw: 'verified',
        reviewer: mergedBy,
        reason: '合并资料库：对方已核验',
        at: now
      })
    }
  } else {
    sql(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now, id)
  }
}

function setCellTo(db: Db, reportId: number, ours: CellRow | undefined, theirs: CellRow | undefined, key: string): void {
  const raw = theirs ? (theirs.human_raw ?? theirs.ext_raw) : null
  const value = theirs ? (theirs.human_raw !== null ? theirs.human_value : theirs.ext_value) : null
  if (!ours) {
    if (raw !== null) sql(db, 'INSERT INTO cells (report_id, key, human_value, human_raw) VALUES (?, ?, ?, ?)').run(reportId, key, value, raw)
    return
  }
  if (raw !== null && raw === ours.ext_raw) {
    sql(db, 'UPDATE cells SET human_value = NULL, human_raw = NULL, conflict_raw = NULL WHERE report_id = ? AND key = ?').run(reportId, key)
  } else {
    sql(db, 'UPDATE cells SET human_value = ?, human_raw = ?, conflict_raw = NULL WHERE report_id = ? AND key = ?').run(value, raw ?? '', reportId, key)
  }
}

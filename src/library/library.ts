// The library's operations over SQLite: import, list, info. Every multi-row write is one transaction.

import { sha256Hex } from '../core/hash'
import type { ReportJson } from '../core/report'
import type { Result } from '../core/messages'
import type { ImportOutcome, LibraryInfo, ReportStatus, ReportSummary } from '../shared/types'
import type { FilePayload } from '../shared/contract'
import { openDatabase, schemaVersion, type Db, type OpenOptions } from './db'

/** Turns one file into its report JSON; null value when the file cannot be read. */
export type Extractor = (file: FilePayload) => Promise<Result<ReportJson | null>>

export const EXTRACTOR_VERSION = '1'

interface ReportRow {
  id: number
  name: string
  size: number
  sha256: string
  format: string
  agency: string | null
  year: number | null
  template: '2021' | '2019' | null
  status: ReportStatus
  open_findings: number
  imported_at: string
  updated_at: string
}

export class Library {
  readonly path: string
  private readonly db: Db
  private readonly statements

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path
    this.db = openDatabase(path, options)
    this.statements = {
      fileBySha: this.db.prepare('SELECT f.id AS fileId, r.id AS reportId FROM files f JOIN reports r ON r.file_id = f.id WHERE f.sha256 = ?'),
      insertFile: this.db.prepare(
        'INSERT INTO files (sha256, name, size, format, bytes, imported_at) VALUES (@sha256, @name, @size, @format, @bytes, @importedAt)'
      ),
      insertReport: this.db.prepare(
        `INSERT INTO reports (file_id, agency, year, template, status, open_findings, extractor_version, report_json, updated_at)
         VALUES (@fileId, @agency, @year, @template, @status, @openFindings, @extractorVersion, @reportJson, @updatedAt)`
      ),
      list: this.db.prepare(
        `SELECT r.id, f.name, f.size, f.sha256, f.format, r.agency, r.year, r.template, r.status, r.open_findings,
                f.imported_at, r.updated_at
         FROM reports r JOIN files f ON f.id = r.file_id
         ORDER BY r.updated_at DESC, r.id DESC`
      ),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM reports')
    }
  }

  close(): void {
    this.db.close()
  }

  info(): LibraryInfo {
    return {
      path: this.path,
      reportCount: (this.statements.count.get() as { n: number }).n,
      schemaVersion: schemaVersion(this.db)
    }
  }

  /** Imports files one by one: a file that fails fails alone, and nothing of it is stored. */
  async importFiles(files: FilePayload[], extract: Extractor): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = []
    for (const file of files) outcomes.push(await this.importFile(file, extract))
    return outcomes
  }

  async importFile(file: FilePayload, extract: Extractor): Promise<ImportOutcome> {
    const sha256 = sha256Hex(file.bytes)
    const existing = this.statements.fileBySha.get(sha256) as { reportId: number } | undefined
    if (existing) return { name: file.name, status: 'duplicate', reportId: existing.reportId }
    const extracted = await extract(file)
    const report = extracted.value
    if (!report) {
      const reason = extracted.messages.find((m) => m.type === 'error')?.message ?? '无法读取该文件'
      return { name: file.name, status: 'failed', error: reason }
    }
    const now = new Date().toISOString()
    const openFindings = report.findings.filter((f) => f.status === 'fail').length
    const reportId = this.db.transaction(() => {
      const fileId = this.statements.insertFile.run({
        sha256,
        name: file.name,
        size: file.bytes.byteLength,
        format: report.source.format,
        bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        importedAt: now
      }).lastInsertRowid
      return Number(
        this.statements.insertReport.run({
          fileId,
          agency: report.meta.agency,
          year: report.meta.year,
          template: report.meta.template,
          status: openFindings > 0 ? 'problem' : 'pending',
          openFindings,
          extractorVersion: EXTRACTOR_VERSION,
          reportJson: JSON.stringify(report),
          updatedAt: now
        }).lastInsertRowid
      )
    })()
    const warnings = extracted.messages.filter((m) => m.type === 'warning').map((m) => m.message)
    return { name: file.name, status: 'imported', reportId, warnings }
  }

  listReports(search?: string): ReportSummary[] {
    const rows = this.statements.list.all() as ReportRow[]
    const needle = search?.trim()
    const matching = needle ? rows.filter((r) => (r.agency ?? r.name).includes(needle) || r.name.includes(needle)) : rows
    return matching.map(toSummary)
  }
}

function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    fileName: r.name,
    size: r.size,
    sha256: r.sha256,
    format: r.format as ReportSummary['format'],
    agency: r.agency,
    year: r.year,
    template: r.template,
    status: r.status,
    openFindings: r.open_findings,
    importedAt: r.imported_at,
    updatedAt: r.updated_at
  }
}

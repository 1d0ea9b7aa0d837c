import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library, type Extractor } from './library'
import { LibraryError } from './db'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import type { ReportJson } from '../core/report'
import { consistentReport } from '../core/validate/fixtures'

const dirs: string[] = []
function tempLibraryPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-desk-lib-'))
  dirs.push(dir)
  return join(dir, 'library.sqlite')
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** A complete, consistent report (all three tables); with `inconsistent`, its 本年新收 total is off by one. */
function reportFor(name: string, agency: string, inconsistent = false): ReportJson {
  const report = consistentReport('2021')
  if (inconsistent) {
    const total = report.cells['requests.new_received.total'].value! + 1
    report.cells['requests.new_received.total'] = { value: total, raw: String(total), review: false }
  }
  return {
    schema: 'report-desk/report@1',
    source: { name, sha256: 'x', format: 'txt' },
    meta: { agency, year: 2022, template: '2021' },
    tables: report.tables,
    cells: report.cells,
    findings: [],
    messages: []
  }
}

/** Reads the agency from the file's first line; "FAIL" files are unreadable. */
const firstLineExtractor: Extractor = async (file) => {
  const text = new TextDecoder().decode(file.bytes)
  if (text.startsWith('FAIL')) return { value: null, messages: [{ type: 'error', code: 'x', message: '无法读取' }] }
  return { value: reportFor(file.name, text.split('\n')[0], text.includes('!')), messages: [] }
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

describe('Library', () => {
  it('records every migration in the database and sets WAL and foreign keys', () => {
    const path = tempLibraryPath()
    const lib = new Library(path)
    expect(lib.info()).toEqual({ path, reportCount: 0, schemaVersion: SCHEMA_VERSION, staleReports: 0 })
    lib.close()
    const db = new Database(path)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(MIGRATIONS.length)
    db.close()
  })

  it('imports, lists and counts open findings; the same bytes are not imported twice', async () => {
    const lib = new Library(tempLibraryPath())
    const [a, b, again] = await lib.importFiles(
      [file('a.txt', '甲市统计局\n'), file('b.txt', '乙县财政局\n!'), file('copy-of-a.txt', '甲市统计局\n')],
      firstLineExtractor
    )
    expect(a.status).toBe('imported')
    expect(b.status).toBe('imported')
    expect(again).toMatchObject({ status: 'duplicate', reportId: a.status === 'imported' ? a.reportId : -1 })
    const list = lib.listReports()
    expect(list.map((r) => r.agency).sort()).toEqual(['乙县财政局', '甲市统计局'])
    // 本年新收总计 off by one: its column balance and its row sum fail
    expect(list.find((r) => r.agency === '乙县财政局')).toMatchObject({ status: 'problem', openFindings: 2 })
    expect(list.find((r) => r.agency === '甲市统计局')).toMatchObject({ status: 'pending', openFindings: 0, size: 16 })
    expect(lib.listReports('乙县').map((r) => r.agency)).toEqual(['乙县财政局'])
    lib.close()
  })

  it('a file that cannot be read fails alone and stores nothing', async () => {
    const lib = new Library(tempLibraryPath())
    const outcomes = await lib.importFiles([file('bad.bin', 'FAIL'), file('ok.txt', '丙区教育局\n')], firstLineExtractor)
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'imported'])
    expect(outcomes[0]).toMatchObject({ error: '无法读取' })
    expect(lib.info().reportCount).toBe(1)
    lib.close()
  })

  it('keeps the data across reopening', async () => {
    const path = tempLibraryPath()
    const lib = new Library(path)
    await lib.importFile(file('a.txt', '丁市卫健委\n'), firstLineExtractor)
    lib.close()
    const reopened = new Library(path)
    expect(reopened.listReports().map((r) => r.agency)).toEqual(['丁市卫健委'])
    reopened.close()
  })

  it('refuses a library made by a newer version, with a clear message', () => {
    const path = tempLibraryPath()
    new Library(path).close()
    const db = new Database(path)
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(SCHEMA_VERSION + 5, 'future', 'now')
    db.close()
    expect(() => new Library(path)).toThrow(LibraryError)
    expect(() => new Library(path)).toThrow(/更新版本/)
  })

  it('refuses a file that is not a SQLite database', async () => {
    const path = tempLibraryPath()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path, 'this is not sqlite at all, just text that fills the header and more'.repeat(100))
    expect(() => new Library(path)).toThrow(/资料库/)
  })
})

// Crash safety: the process is killed (SIGKILL) in the middle of a 200-file import and of an export.
// The library must pass integrity_check, hold no half-imported report, and keep every earlier edit.

import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Library } from './library'
import { templateKeys } from '../core/template'
import { removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

const CHILD = resolve(__dirname, 'testing/crash-child.ts')
const ROOT = resolve(__dirname, '../..')

/** Runs the child and kills it with SIGKILL once `killWhen` matches its output. Resolves with its output. */
function runAndKill(args: string[], killWhen: (output: string) => boolean): Promise<{ output: string; killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let errors = ''
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!killed && killWhen(output)) {
        killed = child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (_code, signal) => {
      if (!killed && signal !== 'SIGKILL') fail(new Error(`child was not killed; output: ${output.slice(-200)} ${errors.slice(-500)}`))
      else done({ output, killed })
    })
  })
}

interface Snapshot {
  edits: { id: number; target: string; new_raw: string | null }[]
}

/** What must hold after any crash: integrity, whole reports only, earlier edits kept. */
function checkLibrary(path: string, before: Snapshot): number {
  const db = new Database(path)
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    const halfImported = db
      .prepare(
        `SELECT r.id FROM reports r
         LEFT JOIN files f ON f.id = r.file_id LEFT JOIN file_bytes b ON b.file_id = r.file_id
         LEFT JOIN documents d ON d.report_id = r.id
         WHERE f.id IS NULL OR b.file_id IS NULL OR d.report_id IS NULL`
      )
      .all()
    expect(halfImported).toEqual([])
    const orphanFiles = db.prepare('SELECT f.id FROM files f LEFT JOIN reports r ON r.file_id = f.id WHERE r.id IS NULL').all()
    expect(orphanFiles).toEqual([])
    const crashReports = db
      .prepare(
        "SELECT r.id, COUNT(c.key) AS n FROM reports r JOIN files f ON f.id = r.file_id LEFT JOIN cells c ON c.report_id = r.id WHERE f.name LIKE 'crash-%' GROUP BY r.id"
      )
      .all() as { n: number }[]
    for (const r of crashReports) expect(r.n).toBe(templateKeys('2021').length)
    expect(db.prepare('SELECT id, target, new_raw FROM edits ORDER BY id').all().slice(0, before.edits.length)).toEqual(before.edits)
    return crashReports.length
  } finally {
    db.close()
  }
}

describe('crash safety', () => {
  it('survives SIGKILL in the middle of a 200-file import and of an export', async () => {
    const library = await seededLibrary()
    library.editCell(1, 'requests.new_received.natural', '7', '核对原文')
    library.editMeta(2, 'year', '2020')
    library.verifyReport(3)
    const path = library.path
    library.close()
    const raw = new Database(path)
    const before: Snapshot = { edits: raw.prepare('SELECT id, target, new_raw FROM edits ORDER BY id').all() as Snapshot['edits'] }
    raw.close()
    expect(before.edits.length).toBe(3)

    const imported = await runAndKill(['import', path, '200'], (out) => /imported (\d+)\n$/.test(out) && Number(/imported (\d+)\n$/.exec(out)![1]) >= 40)
    expect(imported.killed).toBe(true)
    const count = checkLibrary(path, before)
    expect(count).toBeGreaterThanOrEqual(40)
    expect(count).toBeLessThan(200)

    const out = join(tempDir(), 'export.xlsx')
    const exported = await runAndKill(['export', path, out], (o) => o.includes('progress'))
    expect(exported.killed).toBe(true)
    expect(exported.output).not.toContain('done')
    expect(existsSync(out)).toBe(false)
    checkLibrary(path, before)

    // And the library still opens and works.
    const reopened = new Library(path)
    expect(reopened.getReport(1).cells['requests.new_received.natural']).toMatchObject({ value: 7, corrected: true })
    expect(reopened.getReport(3).summary.status).toBe('verified')
    expect(reopened.info().reportCount).toBe(5 + count)
    reopened.close()
  }, 120_000)
})

// Merging a library someone crafted: their files are re-hashed (a forgery cannot pass for a
// genuine report, nor make the genuine file a duplicate), their display HTML is sanitised.

import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { sha256Hex } from '../core/hash'
import { Library } from './library'
import { HOSTILE_DISPLAY_HTML, tamper } from './testing/hostile'
import { memoExtract, removeTempDirs, seededLibrary, seedFiles, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

const A = 'requests.new_received.natural'

/** A closed copy of the five seeds, by another reviewer, with `statements` run on it. */
async function theirLibrary(statements: Parameters<typeof tamper>[1] = []): Promise<string> {
  const theirs = await seededLibrary('李四')
  const path = theirs.path
  theirs.close()
  tamper(path, statements)
  return path
}

describe('merging a crafted library', () => {
  it('refuses a report whose stored file is not the file its sha256 names, and takes the rest', async () => {
    const theirs = await theirLibrary([['UPDATE file_bytes SET bytes = ? WHERE file_id = 2', Buffer.from('伪造的报告')]])
    const ours = new Library(join(tempDir(), 'l.sqlite'))
    const outcome = ours.merge(theirs)
    expect(outcome.added).toBe(4)
    expect(outcome.refused).toEqual([
      { fileName: seedFiles()[1].name, sha256: sha256Hex(seedFiles()[1].bytes), reason: expect.stringContaining('与记录的 sha256 不符') }
    ])
    expect(ours.listReports().map((r) => r.fileName)).not.toContain(seedFiles()[1].name)
    ours.close()
  })

  it('a forgery claiming a genuine file’s hash changes nothing of ours, and does not make the genuine file a duplicate', async () => {
    const genuine = seedFiles()[0]
    const forged = new TextEncoder().encode('某某局2022年政府信息公开工作年度报告（伪造）')
    // Their report 1: forged bytes under the genuine hash, a different value, verified.
    const theirs = await theirLibrary([
      ['UPDATE file_bytes SET bytes = ? WHERE file_id = 1', Buffer.from(forged)],
      ["UPDATE cells SET human_raw = '999', human_value = 999 WHERE report_id = 1 AND key = ?", A],
      ["UPDATE reports SET status = 'verified', verified_by = '李四', verified_at = '2026-01-01' WHERE id = 1"]
    ])
    const ours = await seededLibrary('张三')
    const value = ours.getReport(1).cells[A].raw
    const outcome = ours.merge(theirs)
    expect(outcome.refused.map((r) => r.sha256)).toEqual([sha256Hex(genuine.bytes)])
    expect(outcome.updated).toBe(0)
    expect(ours.getReport(1).cells[A].raw).toBe(value)
    expect(ours.getReport(1).summary.status).not.toBe('verified')
    ours.close()

    const fresh = new Library(join(tempDir(), 'fresh.sqlite'))
    expect(fresh.merge(theirs).refused).toHaveLength(1)
    const [imported] = await fresh.importFiles([genuine], memoExtract)
    expect(imported.status).toBe('imported')
    fresh.close()
  })

  it('stores their display HTML sanitised', async () => {
    const theirs = await theirLibrary([['UPDATE documents SET display_html = ? WHERE report_id = 3', HOSTILE_DISPLAY_HTML]])
    const ours = new Library(join(tempDir(), 'l.sqlite'))
    expect(ours.merge(theirs).added).toBe(5)
    const path = ours.path
    ours.close()
    const db = new Database(path, { readonly: true })
    const stored = db.prepare('SELECT display_html FROM documents d JOIN reports r ON r.id = d.report_id JOIN files f ON f.id = r.file_id WHERE f.name = ?').get(seedFiles()[2].name) as {
      display_html: string
    }
    db.close()
    expect(stored.display_html).toContain('原文正文')
    expect(stored.display_html).not.toMatch(/<style|<meta|<img|<iframe|onclick|href|style=/i)
  })

  it('taking their side of a conflict checks their file again', async () => {
    const ours = await seededLibrary('张三')
    const theirs = await seededLibrary('李四')
    for (const [library, value] of [[ours, '888'], [theirs, '999']] as const) {
      library.editCell(1, A, value)
      for (const f of library.getReport(1).findings.filter((x) => x.status === 'fail')) library.acceptFinding(1, f.rule, f.cells, '原文如此')
      library.verifyReport(1)
    }
    const theirPath = theirs.path
    theirs.close()
    expect(ours.merge(theirPath).conflicts).toHaveLength(1)
    tamper(theirPath, [['UPDATE file_bytes SET bytes = ? WHERE file_id = 1', Buffer.from('后来被换掉的文件')]])
    const [pending] = ours.mergeConflicts()
    expect(() => ours.settleMergeConflict(pending.id, 'theirs')).toThrow(/不能采用.*sha256 不符/)
    expect(ours.getReport(1).cells[A].raw).toBe('888')
    ours.close()
  })
})

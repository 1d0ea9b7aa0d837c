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
    const stored = db
      .prepare('SELECT display_html FROM documents d JOIN reports r ON r.id = d.report_id JOIN files f ON f.id = r.file_id WHERE f.name = ?')
      .get(seedFiles()[2].name) as {
      display_html: string
    }
    db.close()
    expect(stored.display_html).toContain('原文正文')
    expect(stored.display_html).not.toMatch(/<style|<meta|<img|<iframe|onclick|href|style=/i)
  })

  it('taking their side of a conflict checks their file again', async () => {
    const ours = await seededLibrary('张三')
    const theirs = await seededLibrary('李四')
    for (const [library, value] of [
      [ours, '888'],
      [theirs, '999']
    ] as const) {
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

describe('merging reports that arrive 已核验 (issue 22, item 6): the verify gate is applied again', () => {
  /** Their library with report 2 verified properly and report 1 set 已核验 by hand while 999 breaks its sums (open findings). */
  async function theirsWithForcedVerification(): Promise<string> {
    const theirs = await seededLibrary('李四')
    theirs.verifyReport(2)
    theirs.editCell(1, A, '999', '原文第3页')
    expect(theirs.getReport(1).summary.openFindings).toBeGreaterThan(0)
    const path = theirs.path
    theirs.close()
    tamper(path, [["UPDATE reports SET status = 'verified', verified_by = '李四', verified_at = '2026-01-01' WHERE id = 1"]])
    return path
  }

  it('a report new to us is added, but reopened while our checks leave findings open; a clean one stays verified', async () => {
    const theirs = await theirsWithForcedVerification()
    const ours = new Library(join(tempDir(), 'l.sqlite'))
    const outcome = ours.merge(theirs)
    expect(outcome.added).toBe(5)
    const byName = new Map(ours.listReports().map((r) => [r.fileName, r]))
    const forced = byName.get(seedFiles()[0].name)!
    expect(forced.status).toBe('problem')
    expect(byName.get(seedFiles()[1].name)!.status).toBe('verified')
    expect(outcome.reopened).toEqual([{ reportId: forced.id, agency: forced.agency, year: forced.year, reason: expect.stringMatching(/\S/) }])
    const last = ours
      .history(forced.id)
      .filter((e) => e.target === 'status')
      .pop()
    expect(last).toMatchObject({ oldRaw: 'verified', newRaw: 'problem', reason: expect.stringMatching(/^合并资料库：对方标为已核验，但本库的核验条件未满足/) })
    ours.close()
  })

  it('their verification is not taken over our unverified report while findings stay open', async () => {
    const theirs = await theirsWithForcedVerification()
    const ours = await seededLibrary('张三')
    const outcome = ours.merge(theirs)
    expect(ours.getReport(1).summary.status).toBe('problem')
    expect(ours.getReport(1).cells[A].raw).toBe('999') // their values are still taken, as corrections
    expect(ours.getReport(2).summary.status).toBe('verified')
    expect(outcome.reopened?.map((r) => r.reportId)).toEqual([1])
    ours.close()
  })
})

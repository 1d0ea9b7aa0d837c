import { afterEach, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { Library } from './library'
import { LibraryError } from './db'
import { handReport, memoExtract, recordNoTables, removeTempDirs, seededLibrary, seedFiles, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

const A = 'requests.new_received.natural'

function acceptAllAndVerify(library: Library, id: number): void {
  for (const f of library.getReport(id).findings.filter((x) => x.status === 'fail')) library.acceptFinding(id, f.rule, f.cells, '原文如此')
  library.verifyReport(id)
}

describe('merging another reviewer’s library', () => {
  it('adds, takes their verification, lists conflicts side by side and leaves the rest unchanged', async () => {
    const ours = await seededLibrary('张三')
    const theirs = await seededLibrary('李四')
    // Report 1: verified by both with different values → conflict, ours untouched.
    ours.editCell(1, A, '888')
    acceptAllAndVerify(ours, 1)
    theirs.editCell(1, A, '999', '原文第3页')
    acceptAllAndVerify(theirs, 1)
    // Report 2: only they verified it, same values → we take their verification and its history.
    theirs.verifyReport(2)
    // Report 5 (no tables, recorded so by them): only they corrected and verified it → we take their values and marks.
    theirs.editMeta(5, 'agency', '舟曲县应急管理局（合并）')
    recordNoTables(theirs, 5, '原文只有文字，无表格')
    theirs.verifyReport(5)
    // A report only they have.
    await theirs.importFile({ name: 'extra.txt', bytes: new TextEncoder().encode('extra') }, async () => ({
      value: handReport('extra.txt', '丙区教育局', 2023, { [A]: '2' }),
      messages: []
    }))
    const extraId = theirs.listReports({ search: '丙区' })[0].id
    theirs.editCell(extraId, A, '3', '补录')
    const theirPath = theirs.path
    theirs.close()

    const outcome = ours.merge(theirPath)
    expect(outcome).toMatchObject({ added: 1, updated: 2, unchanged: 2 })
    expect(outcome.conflicts).toHaveLength(1)
    expect(outcome.conflicts[0]).toMatchObject({ agency: '益阳市应急管理局', year: 2022, ours: { verifiedBy: '张三' }, theirs: { verifiedBy: '李四' } })
    expect(outcome.conflicts[0].differences).toContainEqual({ target: A, ours: '888', theirs: '999' })
    expect(ours.getReport(1).cells[A].raw).toBe('888')
    expect(ours.getReport(1).verifiedBy).toBe('张三')

    const two = ours.getReport(2)
    expect(two).toMatchObject({ verifiedBy: '李四', summary: { status: 'verified' } })
    expect(ours.history(2, 'status')).toMatchObject([{ newRaw: 'verified', reviewer: '李四' }])

    const five = ours.getReport(5)
    expect(five).toMatchObject({ meta: { agency: '舟曲县应急管理局（合并）' }, verifiedBy: '李四', open: { total: 0 } })
    // Their 原文无此表 marks came along, with their audit trail.
    expect(five.marks.tables.map((m) => [m.target, m.comment, m.by])).toEqual([
      ['table.active', '原文只有文字，无表格', '李四'],
      ['table.appeals', '原文只有文字，无表格', '李四'],
      ['table.requests', '原文只有文字，无表格', '李四']
    ])
    expect(ours.history(5, 'table.requests')).toMatchObject([{ newRaw: '原文无此表', reviewer: '李四', reason: '原文只有文字，无表格' }])
    // Each report where their side was taken is listed, with how many values changed.
    expect(outcome.updates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reportId: 2, values: 0, replacedOurEdits: false, verifiedBy: '李四' }),
        expect.objectContaining({ reportId: 5, values: 1, replacedOurEdits: false, verifiedBy: '李四' })
      ])
    )
    expect(outcome.updates).toHaveLength(2)

    const extra = ours.listReports({ search: '丙区' })[0]
    // one cell of three found tables: the rest are blank and unread
    expect(extra.status).toBe('problem')
    const extraDetail = ours.getReport(extra.id)
    expect(extraDetail.cells[A]).toMatchObject({ value: 3, corrected: true })
    expect(ours.history(extra.id, A)).toMatchObject([{ oldRaw: '2', newRaw: '3', reviewer: '李四', reason: '补录' }])

    // Merging again changes nothing, and the conflict is kept once, not twice.
    const again = ours.merge(theirPath)
    expect(again).toMatchObject({ added: 0, updated: 0 })
    expect(again.conflicts).toHaveLength(1)
    expect(ours.mergeConflicts()).toHaveLength(1)
    ours.close()
  })

  /** Report 1 verified by 张三 (888) here and by 李四 (999, with a reason) there: one conflict kept. */
  async function conflictedLibraries(): Promise<{ ours: Library; theirPath: string }> {
    const ours = await seededLibrary('张三')
    const theirs = await seededLibrary('李四')
    ours.editCell(1, A, '888')
    acceptAllAndVerify(ours, 1)
    theirs.editCell(1, A, '999', '原文第3页')
    acceptAllAndVerify(theirs, 1)
    const theirPath = theirs.path
    theirs.close()
    ours.merge(theirPath)
    return { ours, theirPath }
  }

  it('keeps a conflict until a person takes their side: their values, history and verification', async () => {
    const { ours, theirPath } = await conflictedLibraries()
    const [pending] = ours.mergeConflicts()
    expect(pending).toMatchObject({
      reportId: 1,
      otherPath: theirPath,
      agency: '益阳市应急管理局',
      ours: { verifiedBy: '张三' },
      theirs: { verifiedBy: '李四' }
    })
    expect(pending.differences).toContainEqual({ target: A, ours: '888', theirs: '999' })
    // Kept across closing and reopening the library.
    const path = ours.path
    ours.close()
    const reopened = new Library(path)
    expect(reopened.settleMergeConflict(pending.id, 'theirs')).toEqual([])
    const report = reopened.getReport(1)
    expect(report.cells[A]).toMatchObject({ raw: '999', corrected: true })
    expect(report).toMatchObject({ verifiedBy: '李四', summary: { status: 'verified' } })
    expect(reopened.history(1, A).map((e) => [e.newRaw, e.reviewer, e.reason])).toContainEqual(['999', '李四', '合并资料库：采用对方的值'])
    expect(reopened.history(1, A).map((e) => e.reason)).toContain('原文第3页')
    // Merging the same file again finds nothing left to settle.
    expect(reopened.merge(theirPath).conflicts).toEqual([])
    expect(reopened.mergeConflicts()).toEqual([])
    reopened.close()
  })

  it('keeping our side changes nothing but the list; a settled conflict cannot be settled twice', async () => {
    const { ours } = await conflictedLibraries()
    const [pending] = ours.mergeConflicts()
    const before = ours.getReport(1)
    expect(ours.settleMergeConflict(pending.id, 'ours')).toEqual([])
    expect(ours.getReport(1)).toEqual(before)
    expect(() => ours.settleMergeConflict(pending.id, 'theirs')).toThrow(/已经裁定过/)
    ours.close()
  })

  it('taking their side when their library file is gone says so and changes nothing', async () => {
    const { ours, theirPath } = await conflictedLibraries()
    const [pending] = ours.mergeConflicts()
    rmSync(theirPath)
    expect(() => ours.settleMergeConflict(pending.id, 'theirs')).toThrow(/请把该文件放回原处，或重新合并/)
    expect(ours.getReport(1).cells[A].raw).toBe('888')
    expect(ours.mergeConflicts()).toHaveLength(1)
    ours.close()
  })

  it('lists a report whose unverified corrections of ours gave way to their verified values', async () => {
    const ours = await seededLibrary('张三')
    const theirs = await seededLibrary('李四')
    ours.editCell(3, A, '5', '我方录入')
    theirs.editCell(3, A, '6')
    acceptAllAndVerify(theirs, 3)
    const theirPath = theirs.path
    theirs.close()
    const outcome = ours.merge(theirPath)
    expect(outcome.updates).toEqual([expect.objectContaining({ reportId: 3, values: 1, replacedOurEdits: true, verifiedBy: '李四' })])
    expect(ours.getReport(3).cells[A].raw).toBe('6')
    // Our correction stays in the log, followed by the merge's.
    const log = ours.history(3, A).map((e) => [e.newRaw, e.reason])
    expect(log[0]).toEqual(['5', '我方录入'])
    expect(log).toContainEqual(['6', '合并资料库：采用对方的值'])
    ours.close()
  })

  it('carries the pairs they recorded as the same report, with our report ids (issue 21)', async () => {
    const seed = seedFiles()[0]
    const resaved = { name: 'yiyang-resaved.txt', bytes: new Uint8Array([...seed.bytes, 0x0a]) }
    // Theirs: the seed is #1, its re-saved copy #2, both verified and recorded as the same report.
    const theirs = new Library(join(tempDir(), 'theirs.sqlite'))
    await theirs.importFiles([seed, resaved], memoExtract)
    theirs.setReviewer('李四')
    theirs.verifyReport(1)
    theirs.verifyReport(2, { sameReportAs: [1] })
    const theirPath = theirs.path
    theirs.close()
    // Ours: another report is #1 and the seed #2; the copy comes in with the merge (#3).
    const ours = new Library(join(tempDir(), 'ours.sqlite'))
    await ours.importFiles([seedFiles()[1], seed], memoExtract)
    ours.setReviewer('张三')
    ours.merge(theirPath)
    const copy = ours.listReports({ search: 'yiyang-resaved' })[0].id
    expect(copy).toBe(3)
    expect(ours.sameReportPairs()).toEqual([{ reportIds: [2, 3], decidedBy: '李四', decidedAt: expect.any(String) }])
    // 统计 counts the pair once; both trails say where it came from.
    expect(ours.listReports({ ids: [2] })[0]).toMatchObject({ nearDuplicates: [3], sameReports: [3] })
    expect(ours.stats().leftOut).toMatchObject([{ kind: 'duplicate' }])
    // Their trail entries named their ids (#2 is our seed itself): only ours, by our ids, are kept.
    expect(ours.history(2, 'duplicate').map((e) => [e.newRaw, e.reviewer])).toEqual([['#3', '李四']])
    expect(ours.history(3, 'duplicate').map((e) => [e.newRaw, e.reviewer])).toEqual([['#2', '李四']])
    // Merging again records nothing twice.
    ours.merge(theirPath)
    expect(ours.sameReportPairs()).toHaveLength(1)
    ours.close()
  })

  it('taking their side of a conflict later carries the same-report pair they recorded since, by our ids (issue 21)', async () => {
    const seed = seedFiles()[0]
    const resaved = { name: 'yiyang-resaved.txt', bytes: new Uint8Array([...seed.bytes, 0x0a]) }
    const theirs = new Library(join(tempDir(), 'theirs.sqlite'))
    await theirs.importFiles([seed, resaved], memoExtract)
    theirs.setReviewer('李四')
    theirs.editCell(1, A, '999')
    acceptAllAndVerify(theirs, 1)
    const theirPath = theirs.path
    theirs.close()
    // Ours: the copy first (#1), the seed #2, verified with another value: a conflict on the seed.
    const ours = new Library(join(tempDir(), 'ours.sqlite'))
    await ours.importFiles([resaved, seed], memoExtract)
    ours.setReviewer('张三')
    ours.editCell(2, A, '888')
    acceptAllAndVerify(ours, 2)
    ours.merge(theirPath)
    const [pending] = ours.mergeConflicts()
    expect(pending.reportId).toBe(2)
    // Meanwhile they record their two copies as the same report (their #2 is the copy, our #1).
    const again = new Library(theirPath)
    again.verifyReport(2, { sameReportAs: [1] })
    again.close()
    ours.settleMergeConflict(pending.id, 'theirs')
    expect(ours.sameReportPairs()).toEqual([{ reportIds: [1, 2], decidedBy: '李四', decidedAt: expect.any(String) }])
    // Both trails name our ids, never theirs (their #1 is our #2).
    expect(ours.history(2, 'duplicate').map((e) => [e.newRaw, e.reviewer])).toEqual([['#1', '李四']])
    expect(ours.history(1, 'duplicate').map((e) => [e.newRaw, e.reviewer])).toEqual([['#2', '李四']])
    ours.close()
  })

  it('refuses a file that is not a library', () => {
    const ours = new Library(join(tempDir(), 'l.sqlite'))
    expect(() => ours.merge(join(tempDir(), 'missing.sqlite'))).toThrow(LibraryError)
    ours.close()
  })
})

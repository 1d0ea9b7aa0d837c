import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { Library } from './library'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

/** Seed 000 and the same report as another file (re-saved: one more line at the end). */
async function twoCopies(): Promise<{ library: Library; path: string; first: number; second: number }> {
  const path = join(tempDir(), 'library.sqlite')
  const library = new Library(path)
  const seed = seedFiles()[0]
  const resaved = { name: 'yiyang-resaved.txt', bytes: new Uint8Array([...seed.bytes, 0x0a]) }
  const [a, b] = await library.importFiles([seed, resaved], memoExtract)
  if (a.status !== 'imported' || b.status !== 'imported') throw new Error('seed did not import')
  expect(a.nearDuplicates).toBeUndefined()
  expect(b.nearDuplicates).toEqual([a.reportId])
  return { library, path, first: a.reportId, second: b.reportId }
}

describe('near-duplicates', () => {
  it('the list counts the other reports of the same agency, year and template', async () => {
    const { library } = await twoCopies()
    await library.importFiles([seedFiles()[1]], memoExtract)
    const counts = Object.fromEntries(library.listReports().map((r) => [r.fileName, r.nearDuplicates]))
    expect(library.listReports().map((r) => r.sameReports)).toEqual([[], [], []])
    const ids = Object.fromEntries(library.listReports().map((r) => [r.fileName, r.id]))
    expect(counts).toEqual({ [seedFiles()[0].name]: [ids['yiyang-resaved.txt']], 'yiyang-resaved.txt': [ids[seedFiles()[0].name]], [seedFiles()[1].name]: [] })
    library.close()
  })

  it('deleting one needs the reviewer and a reason, and is recorded with what the report held', async () => {
    const { library, path, first, second } = await twoCopies()
    expect(() => library.deleteReport(second, '重复')).toThrow('核验人')
    library.setReviewer('张三')
    library.editCell(second, 'requests.new_received.natural', '3')
    expect(() => library.deleteReport(second, '  ')).toThrow('删除原因')
    library.deleteReport(second, '与另一份重复，保留原件')
    expect(library.listReports().map((r) => [r.id, r.nearDuplicates])).toEqual([[first, []]])
    expect(() => library.getReport(second)).toThrow()
    expect(library.deletedReports()).toMatchObject([
      { fileName: 'yiyang-resaved.txt', agency: '益阳市应急管理局', deletedBy: '张三', reason: '与另一份重复，保留原件' }
    ])
    library.close()

    // Nothing of it is left but the record, whose snapshot keeps its cells and its audit trail.
    const db = new Database(path, { readonly: true })
    const left = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE report_id = ?`).get(second) as { n: number }).n
    expect(['cells', 'edits', 'documents', 'acceptances'].map(left)).toEqual([0, 0, 0, 0])
    expect((db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n).toBe(1)
    const snapshot = JSON.parse((db.prepare('SELECT snapshot FROM deleted_reports').get() as { snapshot: string }).snapshot)
    expect(snapshot.report.cells['requests.new_received.natural'].raw).toBe('3')
    expect(snapshot.history.map((e: { newRaw: string }) => e.newRaw)).toEqual(['3'])
    db.close()
  })

  it('a deleted file can be imported again', async () => {
    const { library, second } = await twoCopies()
    library.setReviewer('张三')
    library.deleteReport(second, '重复')
    const [again] = await library.importFiles([{ name: 'yiyang-resaved.txt', bytes: new Uint8Array([...seedFiles()[0].bytes, 0x0a]) }], memoExtract)
    expect(again.status).toBe('imported')
    library.close()
  })

  it('an unknown report is refused', async () => {
    const { library } = await twoCopies()
    library.setReviewer('张三')
    expect(() => library.deleteReport(999, '重复')).toThrow('找不到该报告')
    library.close()
  })
})

describe('verifying a report whose near-duplicate is verified (issue 21 item 3)', () => {
  it('is refused in Chinese, naming the other, until the reviewer says which one stands', async () => {
    const { library, first, second } = await twoCopies()
    library.setReviewer('张三')
    library.verifyReport(first)
    let refusal: unknown
    try {
      library.verifyReport(second)
    } catch (e) {
      refusal = e
    }
    expect((refusal as { code: string }).code).toBe('verify.near_duplicate')
    expect((refusal as Error).message).toBe(
      `同一机关、年度与表样的报告 #${first}（${seedFiles()[0].name}）已核验。请先选择保留哪一份（另一份删除），或记录两份为同一报告，再标记为已核验。`
    )
    expect(library.getReport(second).summary.status).not.toBe('verified')
    // Naming another report does not cover this one.
    expect(() => library.verifyReport(second, { sameReportAs: [999] })).toThrow('请先选择保留哪一份')
    library.close()
  })

  it('keep this one: the other is deleted with a reason, then verifying goes through', async () => {
    const { library, first, second } = await twoCopies()
    library.setReviewer('张三')
    library.verifyReport(first)
    library.deleteReport(first, '与另一份重复，保留 yiyang-resaved.txt')
    expect(library.verifyReport(second).summary.status).toBe('verified')
    library.close()
  })

  it('the same report: recorded with who and when in both trails, verified, and not asked again', async () => {
    const { library, first, second } = await twoCopies()
    library.setReviewer('张三')
    library.verifyReport(first)
    expect(library.verifyReport(second, { sameReportAs: [first] }).summary.status).toBe('verified')
    expect(library.sameReportPairs()).toEqual([{ reportIds: [first, second], decidedBy: '张三', decidedAt: expect.any(String) }])
    // The list says so on both rows (its badge is then 同一报告, not 疑似重复).
    expect(library.listReports().map((r) => [r.id, r.nearDuplicates, r.sameReports])).toEqual([
      [second, [first], [first]],
      [first, [second], [second]]
    ])
    const trail = (id: number) => library.history(id, 'duplicate').map((e) => [e.newRaw, e.reviewer, e.reason])
    expect(trail(second)).toEqual([[`#${first}`, '张三', `与报告 #${first}（${seedFiles()[0].name}）记为同一报告，统计只计一份`]])
    expect(trail(first)).toEqual([[`#${second}`, '张三', `与报告 #${second}（yiyang-resaved.txt）记为同一报告，统计只计一份`]])
    // Reopened by an edit and verified again, either one: no question.
    library.editCell(first, 'requests.new_received.natural', '3')
    library.editCell(first, 'requests.new_received.natural', library.getReport(second).cells['requests.new_received.natural']?.raw ?? '')
    expect(library.verifyReport(first).summary.status).toBe('verified')
    // 统计 counts the pair once.
    const stats = library.stats()
    expect(stats.reportCount).toBe(1)
    expect(stats.leftOut).toMatchObject([{ kind: 'duplicate' }])
    library.close()
  })

  it('a refusal for an open check comes first, and records nothing', async () => {
    const { library, first, second } = await twoCopies()
    library.setReviewer('张三')
    library.verifyReport(first)
    // A 新收 that breaks the table's sums: an open finding.
    library.editCell(second, 'requests.new_received.natural', '99999')
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f()
      } catch (e) {
        return (e as { code?: string }).code
      }
    }
    expect(codeOf(() => library.verifyReport(second, { sameReportAs: [first] }))).toBe('verify.open_findings')
    expect(codeOf(() => library.verifyReport(second))).toBe('verify.open_findings')
    expect(library.sameReportPairs()).toEqual([])
    library.close()
  })
})

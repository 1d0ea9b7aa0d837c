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
    expect(library.deletedReports()).toMatchObject([{ fileName: 'yiyang-resaved.txt', agency: '益阳市应急管理局', deletedBy: '张三', reason: '与另一份重复，保留原件' }])
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

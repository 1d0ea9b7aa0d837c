// 发布日期 typed by the reviewer: refused unless a real date, recorded in the trail, read by 及时性
// before the text's date, and carried by a merge.

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { DEFAULT_RUBRIC } from '../assess'
import { AssessCache } from '../assess/compute'
import { Library } from '../library'
import { handReport, removeTempDirs, tempDir } from '../testing/fixtures'

afterEach(removeTempDirs)

/** A 2023 report signed 2024年3月1日: late by its text. */
async function lateReport(name = 'r.txt', path = join(tempDir(), 'library.sqlite')): Promise<{ library: Library; id: number }> {
  const library = new Library(path)
  library.setReviewer('张三')
  const file = handReport(name, '丙区教育局', 2023, { 'requests.new_received.natural': '2' })
  file.document = { text: `${file.document?.text ?? ''}\n一、总体情况\n……\n丙区教育局\n2024年3月1日\n` }
  const [outcome] = await library.importFiles([{ name, bytes: new TextEncoder().encode(name) }], async () => ({ value: file, messages: [] }))
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`)
  return { library, id: outcome.reportId }
}

const timeliness = (library: Library, id: number) => library.assess(id).indicators.find((i) => i.id === 'timeliness')!

describe('setPublishedDate', () => {
  it.each([
    ['2024-01-20', '2024-01-20'],
    ['2024/1/31', '2024-01-31'],
    ['２０２４年１月２日', '2024-01-02']
  ])('takes %s, recorded as %s in the trail, and 及时性 reads it (late → on time)', async (typed, iso) => {
    const { library, id } = await lateReport()
    expect(timeliness(library, id)).toMatchObject({ state: 'deducted', points: 0 })
    library.setPublishedDate(id, typed, '网站发布页载明')
    const t = timeliness(library, id)
    expect(t).toMatchObject({ state: 'pass', points: 15 })
    expect(t.reason).toMatch(new RegExp(`^发布日期（由核验人张三于 \\d{4}-\\d\\d-\\d\\d 填写） ${iso}，在 2024-01-31 之前`))
    expect(library.history(id, 'meta.published')).toMatchObject([{ oldRaw: null, newRaw: iso, reviewer: '张三', reason: '网站发布页载明' }])
    library.close()
  })

  it.each([
    ['2024-02-30', '没有 2024 年 2 月 30 日这一天'],
    ['2024.1.20', '不是日期'],
    ['去年', '不是日期']
  ])('refuses %s in Chinese, recording nothing', async (typed, says) => {
    const { library, id } = await lateReport()
    expect(() => library.setPublishedDate(id, typed)).toThrow(says)
    expect(library.history(id, 'meta.published')).toEqual([])
    library.close()
  })

  it('a change and a clear are acts each, the score following at once (the cache does not keep it)', async () => {
    const { library, id } = await lateReport()
    library.setPublishedDate(id, '2024-01-20')
    expect(timeliness(library, id).points).toBe(15)
    library.setPublishedDate(id, '2024-02-20', '更正')
    expect(timeliness(library, id)).toMatchObject({ points: 0, deductions: [{ id: 'late' }] })
    library.setPublishedDate(id, '2024-02-20')
    library.setPublishedDate(id, '')
    // the text's signature again, with its quote
    const t = timeliness(library, id)
    expect(t.deductions[0].reason).toContain('落款日期 2024-03-01')
    expect(t.deductions[0].evidence.quote?.text).toBe('2024年3月1日')
    expect(library.history(id, 'meta.published').map((e) => [e.oldRaw, e.newRaw])).toEqual([
      [null, '2024-01-20'],
      ['2024-01-20', '2024-02-20'],
      ['2024-02-20', null]
    ])
    library.close()
  })

  it('the kept score is not reused when the date changed within the millisecond of the last act', async () => {
    const { library, id } = await lateReport()
    const db = new Database(library.path)
    const cache = new AssessCache(db)
    const stamp = (): string => (db.prepare('SELECT updated_at AS u FROM reports WHERE id = ?').get(id) as { u: string }).u
    const points = (): number => cache.get(id, DEFAULT_RUBRIC).indicators.find((i) => i.id === 'timeliness')!.points
    expect(points()).toBe(0)
    const before = stamp()
    library.setPublishedDate(id, '2024-01-20')
    // the act's updated_at as if it fell in the same millisecond as the one before
    db.prepare('UPDATE reports SET updated_at = ? WHERE id = ?').run(before, id)
    expect(points()).toBe(15)
    db.close()
    library.close()
  })

  it('a merge takes their typed date with who typed it, and lists it as a difference', async () => {
    const ours = await lateReport()
    const theirs = await lateReport('r.txt', join(tempDir(), 'theirs.sqlite'))
    theirs.library.setReviewer('李四')
    theirs.library.setPublishedDate(theirs.id, '2024-01-25', '网站发布页')
    const path = theirs.library.path
    theirs.library.close()
    const outcome = ours.library.merge(path)
    expect(outcome.updates[0]).toMatchObject({ values: 1 })
    expect(timeliness(ours.library, ours.id).reason).toContain('由核验人李四于')
    expect(ours.library.history(ours.id, 'meta.published').map((e) => e.newRaw)).toContain('2024-01-25')
    ours.library.close()
  })
})

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { Library } from '../library'
import { copyOf, statsLibrary, STATS_REPORTS } from '../testing/stats-fixture'

// Figures of STATS_REPORTS worked out by hand (see stats.test.ts): the verified reports add up to 新收申请 30 in 2021.
describe('the 统计 screen’s answers, kept while the data is unchanged', () => {
  const open: Library[] = []
  afterEach(() => open.splice(0).forEach((l) => l.close()))
  const library = async (): Promise<{ lib: Library; path: string }> => {
    const path = await statsLibrary()
    const lib = new Library(path)
    open.push(lib)
    return { lib, path }
  }
  const newReceived2021 = (lib: Library): number | null => lib.statsOverview({}).byYear.find((y) => y.year === 2021)?.measures.newReceived.value ?? null

  it('asks the library once for a filter shown again, and per filter', async () => {
    const { lib } = await library()
    const first = lib.statsOverview({})
    expect(lib.statsOverview({})).toBe(first)
    expect(lib.statsOverview({ years: [2021] })).not.toBe(first)
    expect(lib.statsOverview({ all: true }).reportCount).toBe(5)
    expect(lib.statsOverview({})).toBe(first)
  })

  it('answers anew after an edit in the app', async () => {
    const { lib } = await library()
    expect(newReceived2021(lib)).toBe(30)
    lib.setReviewer('测试')
    const id = lib.listReports({ status: 'verified', year: 2021 })[0].id
    const before = lib.getReport(id).cells['requests.new_received.total']?.value ?? 0
    lib.editCell(id, 'requests.new_received.total', String(before + 5))
    // An edit reopens a verified report: it leaves the verified-only figures.
    expect(newReceived2021(lib)).toBe(30 - before)
  })

  it('answers anew after another process wrote to the library', async () => {
    const { lib, path } = await library()
    expect(newReceived2021(lib)).toBe(30)
    const other = new Database(path)
    other.prepare(`UPDATE reports SET status = 'pending' WHERE year = 2021`).run()
    other.close()
    expect(newReceived2021(lib)).toBeNull()
  })

  it('reads the cells anew for a new filter after another process changed one', async () => {
    const { lib, path } = await library()
    expect(newReceived2021(lib)).toBe(30)
    const id = lib.listReports({ status: 'verified', year: 2021 })[0].id
    const before = lib.getReport(id).cells['requests.new_received.total']?.value ?? 0
    const other = new Database(path)
    other.prepare(`UPDATE cells SET human_raw = '100', human_value = 100 WHERE report_id = ? AND key = 'requests.new_received.total'`).run(id)
    other.close()
    // A filter not asked before is computed from the cells as they are now, not as first read.
    expect(lib.statsOverview({ years: [2021] }).byYear[0].measures.newReceived.value).toBe(30 - before + 100)
    expect(newReceived2021(lib)).toBe(30 - before + 100)
  })

  it('counts a near-duplicate once, lists it, and counts it again once the other is deleted (issue 21 item 3)', async () => {
    // Report 6: 甲 2021 as another file, verified too: the lower id stands.
    const path = await statsLibrary({ extra: [copyOf(STATS_REPORTS[0], 'a2021.docx')] })
    const lib = new Library(path)
    open.push(lib)
    expect(newReceived2021(lib)).toBe(30)
    const overview = lib.statsOverview({})
    expect(overview.leftOut).toMatchObject([{ reportId: 6, kind: 'duplicate', keptReportId: 1 }])
    expect(overview.byAgency.find((a) => a.agencyKey === '甲市教育局')!.reports).toBe(2)
    lib.setReviewer('测试')
    lib.deleteReport(1, '与另一份重复')
    expect(lib.statsOverview({}).leftOut).toEqual([])
    expect(newReceived2021(lib)).toBe(30)
  })
})

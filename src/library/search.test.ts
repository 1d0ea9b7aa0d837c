import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from './library'
import { removeTempDirs, seededLibrary } from './testing/fixtures'

// The seeds: 000 益阳市应急管理局 2022, 001 东风区应急管理局 2021, 002 攀枝花市米易县 2021 (Traditional
// in the file), 003 四川省应急管理厅 2019, 004 舟曲县应急管理局 2025.
let library: Library
beforeAll(async () => {
  library = await seededLibrary()
  library.verifyReport(library.listReports({ search: '东风区' })[0].id)
})
afterAll(() => {
  library.close()
  removeTempDirs()
})

describe('library search', () => {
  const cases: [string, string, string[]][] = [
    ['agency as typed', '米易', ['攀枝花市米易县']],
    ['agency typed in Traditional', '米易縣', ['攀枝花市米易县']],
    ['a year', '2021', ['东风区应急管理局', '攀枝花市米易县']],
    ['a year with 年度', '2022年度', ['益阳市应急管理局']],
    ['a status', '已核验', ['东风区应急管理局']],
    ['a file name', '003_3e45', ['四川省应急管理厅']],
    ['every word must match', '应急 2021', ['东风区应急管理局']],
    ['words matching different reports find none together', '米易 2022', []],
    ['full-width digits are digits', '２０２５', ['舟曲县应急管理局']]
  ]
  it.each(cases)('%s: %j', (_name, search, agencies) => {
    expect(
      library
        .listReports({ search })
        .map((r) => r.agency)
        .sort()
    ).toEqual([...agencies].sort())
  })

  it('search combines with the year and status filters', () => {
    expect(library.listReports({ search: '应急', year: 2021 }).map((r) => r.agency)).toEqual(['东风区应急管理局'])
    expect(library.listReports({ search: '应急', status: 'verified', year: 2022 })).toEqual([])
  })
})

describe('the list filtered to report ids (a bar of the 统计 screen)', () => {
  const idOf = (agency: string): number => library.listReports().find((r) => r.agency === agency)!.id
  const agencies = (ids: number[], more: { search?: string; year?: number } = {}): string[] =>
    library
      .listReports({ ids, ...more })
      .map((r) => r.agency!)
      .sort()

  it('lists only those reports, with the other filters still applied', () => {
    const ids = [idOf('益阳市应急管理局'), idOf('东风区应急管理局'), idOf('舟曲县应急管理局')]
    expect(agencies(ids)).toEqual(['东风区应急管理局', '益阳市应急管理局', '舟曲县应急管理局'].sort())
    expect(agencies(ids, { year: 2021 })).toEqual(['东风区应急管理局'])
    expect(agencies(ids, { search: '舟曲' })).toEqual(['舟曲县应急管理局'])
  })

  it('an empty list is no report, ids not in the library none, and no ids every report', () => {
    expect(agencies([])).toEqual([])
    expect(agencies([99999])).toEqual([])
    expect(library.listReports({})).toHaveLength(5)
  })
})

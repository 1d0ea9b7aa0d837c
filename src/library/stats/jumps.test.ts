import { afterEach, describe, expect, it } from 'vitest'
import { openReadOnly } from '../db'
import { removeTempDirs } from '../testing/fixtures'
import { statsLibrary } from '../testing/stats-fixture'
import type { StatReport } from './compute'
import { libraryStats } from './index'
import { jumps } from './jumps'

afterEach(removeTempDirs)

interface Given {
  id: number
  year: number | null
  agency?: string
  /** 新收申请; null = blank. */
  received?: number | null
  /** [予以公开, （七）总计]; 部分公开 is 0. */
  disclosed?: [number, number]
  verified?: boolean
}

/** A report with only 新收 and the 公开率 cells filled in (the others absent: blank). */
function report({ id, year, agency = '甲市教育局', received = null, disclosed, verified = true }: Given): StatReport {
  const cells = new Map<string, number | null>([['requests.new_received.total', received]])
  if (disclosed) {
    cells.set('requests.granted.total', disclosed[0])
    cells.set('requests.partially_granted.total', 0)
    cells.set('requests.total.total', disclosed[1])
  }
  return { id, agency, agencyKey: agency, year, template: '2021', verified, cells }
}

const pair = (from: Omit<Given, 'id' | 'year'>, to: Omit<Given, 'id' | 'year'>, years: [number, number] = [2021, 2022]) =>
  jumps([report({ id: 1, year: years[0], ...from }), report({ id: 2, year: years[1], ...to })])

describe('新收申请 jumps', () => {
  it('flags a change of 3 times or more when the larger year has 20 or more, saying why', () => {
    const [j] = pair({ received: 12 }, { received: 85 })
    expect(j).toMatchObject({
      agency: '甲市教育局',
      what: 'newReceived',
      label: '新收申请',
      fromYear: 2021,
      toYear: 2022,
      from: 12,
      to: 85,
      reportIds: [1, 2],
      keys: ['requests.new_received.total'],
      unverifiedReportIds: []
    })
    // 85 / 12 = 7.08.
    expect(j.why).toBe('2021→2022 年：新收申请由 12 件增至 85 件（×7.1），变化达 3 倍及以上（两年中较大者 85 件 ≥ 20 件）')
    expect(j.size).toBeCloseTo(85 / 12 / 3, 10)
    // A fall: 100 → 10 is ×0.10.
    expect(pair({ received: 100 }, { received: 10 })[0].why).toBe(
      '2021→2022 年：新收申请由 100 件减至 10 件（×0.10），变化达 3 倍及以上（两年中较大者 100 件 ≥ 20 件）'
    )
  })

  it('takes exactly 3 times, not 2.9; small counts never jump', () => {
    expect(pair({ received: 10 }, { received: 30 })).toHaveLength(1)
    expect(pair({ received: 10 }, { received: 29 })).toEqual([])
    // 6 → 18 is 3 times, but 18 < 20.
    expect(pair({ received: 6 }, { received: 18 })).toEqual([])
    expect(pair({ received: 7 }, { received: 21 })).toHaveLength(1)
  })

  it('flags a change to or from 0 only past the minimum', () => {
    expect(pair({ received: 0 }, { received: 20 })[0].why).toBe(
      '2021→2022 年：新收申请由 0 件增至 20 件（由 0 起），变化达 3 倍及以上（两年中较大者 20 件 ≥ 20 件）'
    )
    expect(pair({ received: 40 }, { received: 0 })[0].why).toMatch(/由 40 件减至 0 件（降为 0）/)
    expect(pair({ received: 0 }, { received: 19 })).toEqual([])
    expect(pair({ received: 0 }, { received: 0 })).toEqual([])
  })

  it('computes nothing when a side is blank (never read as 0)', () => {
    expect(pair({ received: null }, { received: 100 })).toEqual([])
    expect(pair({ received: 100 }, { received: null })).toEqual([])
  })
})

describe('公开率 jumps', () => {
  it('flags a move of 30 points or more when both 总计 are 10 or more', () => {
    const [j] = pair({ disclosed: [50, 100] }, { disclosed: [80, 100] })
    expect(j).toMatchObject({ what: 'disclosure', label: '公开率', from: 0.5, to: 0.8, reportIds: [1, 2] })
    expect(j.keys).toEqual(['requests.granted.total', 'requests.partially_granted.total', 'requests.total.total'])
    expect(j.why).toBe('2021→2022 年：公开率由 50.0%（50/100）升至 80.0%（80/100），变动 30.0 个百分点 ≥ 30 个百分点（两年（七）总计均 ≥ 10 件）')
    expect(pair({ disclosed: [50, 100] }, { disclosed: [79, 100] })).toEqual([])
  })

  it('catches exactly 30 points where floating point would not (0.7 − 0.4)', () => {
    expect(0.7 - 0.4).toBeLessThan(0.3)
    expect(pair({ disclosed: [7, 10] }, { disclosed: [4, 10] })).toHaveLength(1)
  })

  it('needs both denominators of 10 or more, and no blank or 0 denominator', () => {
    // 5/9 → 9/9 is +44 points, but 9 < 10.
    expect(pair({ disclosed: [5, 9] }, { disclosed: [9, 9] })).toEqual([])
    expect(pair({ disclosed: [0, 0] }, { disclosed: [10, 10] })).toEqual([])
    expect(pair({}, { disclosed: [10, 10] })).toEqual([])
  })
})

describe('which years are compared', () => {
  it('only consecutive years of one agency, each with one report', () => {
    expect(pair({ received: 10 }, { received: 100 }, [2019, 2021])).toEqual([])
    const other = [report({ id: 1, year: 2021, received: 10 }), report({ id: 2, year: 2022, agency: '乙县民政局', received: 100 })]
    expect(jumps(other)).toEqual([])
    const twoIn2021 = [report({ id: 1, year: 2021, received: 10 }), report({ id: 2, year: 2021, received: 11 }), report({ id: 3, year: 2022, received: 100 })]
    expect(jumps(twoIn2021)).toEqual([])
    expect(jumps([report({ id: 1, year: null, received: 10 }), report({ id: 2, year: 2022, received: 100 })])).toEqual([])
  })

  it('sorts by how far past the rule, and flags unverified reports', () => {
    const found = jumps([
      // ×4 → size 1.33
      report({ id: 1, year: 2020, received: 10 }),
      report({ id: 2, year: 2021, received: 40, disclosed: [10, 100] }),
      // ×0.1 → size 3.33; 公开率 10% → 70% = 60 points → size 2
      report({ id: 3, year: 2022, received: 4, disclosed: [7, 10], verified: false })
    ])
    expect(found.map((j) => [j.what, j.fromYear, Number(j.size!.toFixed(2))])).toEqual([
      ['newReceived', 2021, 3.33],
      ['disclosure', 2021, 2],
      ['newReceived', 2020, 1.33]
    ])
    expect(found[0]).toMatchObject({ reportIds: [2, 3], unverifiedReportIds: [3] })
    expect(found[0].why).toMatch(/；含未核验的报告$/)
  })
})

describe('jumps in the library stats', () => {
  it('finds 戊 2021 → 2022 (both unverified) only with all; 甲 2022 is blank or too small', async () => {
    // Without report 6: 戊 has one year only; 甲 2021 → 2022 has a blank 新收 and a 总计 of 0.
    const five = openReadOnly(await statsLibrary())
    try {
      expect(libraryStats(five, { all: true }).jumps).toEqual([])
    } finally {
      five.close()
    }
    const db = openReadOnly(await statsLibrary({ followingYear: true }))
    try {
      expect(libraryStats(db).jumps).toEqual([])
      const found = libraryStats(db, { all: true }).jumps
      // 新收 100 → 10: ×0.10, size 10 / 3; 公开率 100/100 → 3/10: −70 points, size 7 / 3.
      expect(found.map((j) => [j.agency, j.what, j.from, j.to, j.reportIds, j.unverifiedReportIds])).toEqual([
        ['戊市财政局', 'newReceived', 100, 10, [5, 6], [5, 6]],
        ['戊市财政局', 'disclosure', 1, 0.3, [5, 6], [5, 6]]
      ])
      expect(found[1].why).toBe(
        '2021→2022 年：公开率由 100.0%（100/100）降至 30.0%（3/10），变动 70.0 个百分点 ≥ 30 个百分点（两年（七）总计均 ≥ 10 件）；含未核验的报告'
      )
    } finally {
      db.close()
    }
  })
})

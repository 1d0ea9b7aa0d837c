import { describe, expect, it } from 'vitest'
import { barShare, columnMaxima, DEFAULT_SORT, nextSort, sortRows, type Sort } from './agency-table'
import { agencyRow, figure, rate } from './test-rows'

const rows = [
  agencyRow('乙县民政局', [2021], { newReceived: figure(20), feesAmount: figure(1.5) }, { disclosure: rate(0.8) }),
  agencyRow('甲市教育局', [2021, 2022], { newReceived: figure(10) }, { disclosure: rate(0.6) }),
  agencyRow('丙区统计局', [2020], { newReceived: figure(null) }),
  agencyRow('丁镇政府', [2022], { newReceived: figure(10) }, { disclosure: rate(1) })
]
const names = (sort: Sort): (string | null)[] => sortRows(rows, sort).map((r) => r.agency)

describe('按机关 table', () => {
  it.each<[Sort, string[]]>([
    [DEFAULT_SORT, ['乙县民政局', '甲市教育局', '丁镇政府', '丙区统计局']],
    [{ column: 'newReceived', descending: false }, ['甲市教育局', '丁镇政府', '乙县民政局', '丙区统计局']],
    [{ column: 'disclosure', descending: true }, ['丁镇政府', '乙县民政局', '甲市教育局', '丙区统计局']],
    [{ column: 'feesAmount', descending: false }, ['乙县民政局', '甲市教育局', '丙区统计局', '丁镇政府']],
    [{ column: 'years', descending: true }, ['甲市教育局', '丁镇政府', '乙县民政局', '丙区统计局']]
  ])('sorted by %j (blank last, ties in given order)', (sort, expected) => {
    expect(names(sort)).toEqual(expected)
  })

  it('sorts agency names in Chinese order', () => {
    const sorted = names({ column: 'agency', descending: false })
    expect(sorted).toHaveLength(4)
    expect(names({ column: 'agency', descending: true })).toEqual([...sorted].reverse())
  })

  it('a second click turns the order round; a new column starts largest first', () => {
    expect(nextSort(DEFAULT_SORT, 'newReceived')).toEqual({ column: 'newReceived', descending: false })
    expect(nextSort(DEFAULT_SORT, 'disclosure')).toEqual({ column: 'disclosure', descending: true })
    expect(nextSort(DEFAULT_SORT, 'agency')).toEqual({ column: 'agency', descending: false })
  })

  it('bars are the share of the column maximum', () => {
    const max = columnMaxima(rows)
    expect(max.newReceived).toBe(20)
    expect(max.disclosure).toBe(1)
    expect(max.punishmentDecisions).toBe(0)
    expect([barShare(10, 20), barShare(null, 20), barShare(5, 0), barShare(-1, 3)]).toEqual([0.5, 0, 0, 0])
  })
})

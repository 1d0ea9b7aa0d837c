import { describe, expect, it } from 'vitest'
import { reopenedReports } from './merge-summary'

describe('the merge banner names the reports it reopened', () => {
  it.each([
    [undefined, ''],
    [[], ''],
    [
      [{ reportId: 4, agency: '甲市教育局', year: 2022, reason: '1 条勾稽关系未通过' }],
      '。1 份对方已核验的报告在本库未满足核验条件，已重新打开：甲市教育局 2022（1 条勾稽关系未通过）；详见各报告的修改记录'
    ],
    [
      [{ reportId: 2, agency: null, year: null, reason: '机关、年度不明' }],
      '。1 份对方已核验的报告在本库未满足核验条件，已重新打开：（未识别机关） 年度不详（机关、年度不明）；详见各报告的修改记录'
    ]
  ])('%j', (reopened, said) => {
    expect(reopenedReports(reopened)).toBe(said)
  })

  it('names five, then says how many more', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ reportId: i + 1, agency: `机关${i + 1}`, year: 2021, reason: '有未通过的检查' }))
    const said = reopenedReports(seven)
    expect(said).toMatch(/^。7 份/)
    expect(said).toContain('机关5 2021')
    expect(said).not.toContain('机关6')
    expect(said).toContain(' 等；')
  })
})

import { describe, expect, it } from 'vitest'
import { countOnce, type Countable } from './counted'

const report = (id: number, over: Partial<Countable> = {}): Countable => ({
  id,
  agency: '米易县人民政府',
  agencyKey: '米易县人民政府',
  year: 2021,
  template: '2021',
  verified: true,
  verifiedAt: null,
  updatedAt: null,
  ...over
})

describe('one report per agency, year and template', () => {
  it.each([
    [
      'verified over unverified, whatever the times',
      [report(1, { verifiedAt: '2026-01-01' }), report(2, { verified: false, updatedAt: '2026-12-31' })],
      1,
      '计入已核验的那份'
    ],
    ['verified over unverified, in either order', [report(1, { verified: false }), report(2)], 2, '计入已核验的那份'],
    ['the one verified last', [report(1, { verifiedAt: '2026-01-02' }), report(2, { verifiedAt: '2026-01-01' })], 1, '计入核验较晚的那份'],
    [
      'of two unverified, the one edited last',
      [report(1, { verified: false, updatedAt: '2026-01-01' }), report(2, { verified: false, updatedAt: '2026-01-02' })],
      2,
      '计入修改较晚的那份'
    ],
    ['the lowest id when nothing tells them apart', [report(2), report(1)], 1, '计入编号较小的那份']
  ])('keeps %s', (_, reports, kept, basis) => {
    const { counted, leftOut } = countOnce(reports)
    expect(counted.map((r) => r.id)).toEqual([kept])
    expect(leftOut).toEqual([
      {
        reportId: 3 - kept,
        agency: '米易县人民政府',
        year: 2021,
        kind: 'duplicate',
        keptReportId: kept,
        why: `重复，未计入：与报告 #${kept} 为同一机关、年度与表样，${basis}`
      }
    ])
  })

  it.each([
    ['another year', report(2, { year: 2022 })],
    ['another template', report(2, { template: '2019' })],
    ['another agency', report(2, { agencyKey: '攀枝花市人民政府' })],
    ['no year read', report(2, { year: null })],
    ['no agency read', report(2, { agencyKey: null })]
  ])('does not pair reports of %s', (_, other) => {
    const first = other.year === null || other.agencyKey === null ? report(1, { year: other.year, agencyKey: other.agencyKey }) : report(1)
    expect(countOnce([first, other]).counted.map((r) => r.id)).toEqual([1, 2])
  })

  it('three copies: one counted, two listed, in the order read', () => {
    const { counted, leftOut } = countOnce([report(3), report(1), report(2, { verifiedAt: '2026-02-01' })])
    expect(counted.map((r) => r.id)).toEqual([2])
    expect(leftOut.map((l) => [l.reportId, l.keptReportId])).toEqual([
      [3, 2],
      [1, 2]
    ])
  })
})

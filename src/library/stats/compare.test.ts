import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UserFacingError } from '../../shared/contract'
import type { AgencyComparison, ComparedRow } from '../../shared/stats'
import { openReadOnly, type Db } from '../db'
import { compareLibrary, COMPARE_AGENCY } from '../testing/compare-fixture'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { compareAgency } from './compare'

// Every expected figure below was read by hand off COMPARE_REPORTS (甲市教育局: 1 = 2019 on the 2019
// form, 2 = 2021, 3 = 2022 with 新收/自然人 corrected 6 → 7, 4 = 2023, 5 = 2024 unverified; no 2020),
// and the key counts off ../shared/spec/cells.tsv (2019 form 198 keys, 2021 form 200, both 226).

let db: Db
beforeAll(async () => {
  db = openReadOnly(await compareLibrary(tempDir()))
})
afterAll(() => {
  db.close()
  removeTempDirs()
})

const row = (c: AgencyComparison, key: string): ComparedRow => {
  const found = c.rows.find((r) => r.key === key)
  if (!found) throw new Error(`no row ${key}`)
  return found
}
/** [raw, delta, changed] per report; null where the report's form has no such cell. */
const cells = (c: AgencyComparison, key: string) => row(c, key).cells.map((x) => (x ? [x.raw, x.delta, x.changed] : null))

describe('compareAgency: the reports and the rows', () => {
  it('takes verified reports only by default, oldest year first, and counts the unverified left out', () => {
    const c = compareAgency(db, COMPARE_AGENCY)
    expect(c.agency).toBe('甲市教育局')
    expect(c.reports.map((r) => [r.id, r.year, r.template, r.status])).toEqual([
      [1, 2019, '2019', 'verified'],
      [2, 2021, '2021', 'verified'],
      [3, 2022, '2021', 'verified'],
      [4, 2023, '2021', 'verified']
    ])
    expect(c.reports[0].fileName).toBe('jia2019.txt')
    expect(c.unverifiedLeftOut).toBe(1)
  })

  it('with all, includes the unverified report with its status', () => {
    const c = compareAgency(db, COMPARE_AGENCY, { all: true })
    expect(c.reports.map((r) => [r.id, r.status])).toEqual([
      [1, 'verified'],
      [2, 'verified'],
      [3, 'verified'],
      [4, 'verified'],
      [5, 'problem']
    ])
    expect(c.unverifiedLeftOut).toBe(0)
  })

  it('has a row for every cell of both forms, in the order of the form, labelled', () => {
    const c = compareAgency(db, COMPARE_AGENCY)
    expect(c.rows).toHaveLength(226)
    expect(new Set(c.rows.map((r) => r.key)).size).toBe(226)
    expect(c.rows[0]).toMatchObject({ key: 'active.regulations.issued', table: '二', row: '规章', column: '本年制发件数' })
    expect(c.rows.at(-1)).toMatchObject({ key: 'appeals.litigation_after_review.total', table: '四', row: '行政诉讼/复议后起诉', column: '总计' })
    expect(row(c, 'requests.new_received.natural')).toMatchObject({ table: '三', row: '一、本年新收政府信息公开申请数量', column: '自然人' })
    // Tables in order 二, 三, 四.
    const tables = c.rows.map((r) => r.table)
    expect(tables.lastIndexOf('二')).toBeLessThan(tables.indexOf('三'))
    expect(tables.lastIndexOf('三')).toBeLessThan(tables.indexOf('四'))
  })

  it("labels a key both forms have as the newest report's form prints it", () => {
    // 2019: 处理决定数量; 2021: 本年处理决定数量.
    expect(row(compareAgency(db, COMPARE_AGENCY), 'active.licensing.decisions').column).toBe('本年处理决定数量')
  })

  it('only the rows of one form when every report is on it', () => {
    const c = compareAgency(db, '乙县民政局')
    expect(c.reports).toHaveLength(1)
    expect(c.rows).toHaveLength(200)
    expect(c.carry).toEqual([])
  })
})

describe('compareAgency: the cells', () => {
  const c = () => compareAgency(db, COMPARE_AGENCY)

  it('gives each change and its delta against the report before', () => {
    expect(cells(c(), 'requests.new_received.total')).toEqual([
      ['5', null, false],
      ['8', 3, true],
      ['6', -2, true],
      ['0', -6, true]
    ])
    expect(row(c(), 'requests.new_received.total').changed).toBe(true)
  })

  it("reads the reviewer's correction over the engine's value", () => {
    expect(cells(c(), 'requests.new_received.natural')).toEqual([
      ['5', null, false],
      ['8', 3, true],
      ['7', -1, true],
      ['0', -7, true]
    ])
  })

  it("is null where the report's form has no such cell, with no change against it", () => {
    // 其他处理: one row on the 2019 form, three sub-rows on the 2021 form.
    expect(cells(c(), 'requests.other.total')).toEqual([['1', null, false], null, null, null])
    expect(cells(c(), 'requests.other.misc.total')).toEqual([null, ['2', null, false], ['0', -2, true], ['0', 0, false]])
    expect(cells(c(), 'active.regulations.made')).toEqual([['0', null, false], null, null, null])
  })

  it('counts blank → number, number → blank, "/" → 0 as changes without a delta', () => {
    expect(cells(c(), 'appeals.review.total')).toEqual([
      ['0', null, false],
      ['', null, true],
      ['1', null, true],
      ['0', -1, true]
    ])
    expect(cells(c(), 'active.fees.amount')).toEqual([null, ['12.5', null, false], ['/', null, true], ['0', null, true]])
    expect(row(c(), 'active.fees.amount').cells[1]?.value).toBe(12.5)
  })

  it('an unchanged row is not changed; a delta of 0 over an unchanged text is no change', () => {
    const unchanged = row(c(), 'appeals.review.upheld')
    expect(unchanged.changed).toBe(false)
    expect(unchanged.cells.map((x) => x?.delta)).toEqual([null, 0, 0, 0])
    expect(cells(c(), 'active.licensing.decisions')).toEqual([
      ['7', null, false],
      ['9', 2, true],
      ['9', 0, false],
      ['9', 0, false]
    ])
  })

  it('of 226 rows, these changed', () => {
    expect(
      c()
        .rows.filter((r) => r.changed)
        .map((r) => r.key)
    ).toEqual([
      'active.licensing.decisions',
      'active.fees.amount',
      'requests.new_received.natural',
      'requests.new_received.total',
      'requests.carried_over.natural',
      'requests.carried_over.commercial',
      'requests.carried_over.legal_service',
      'requests.carried_over.total',
      'requests.other.misc.total',
      'requests.carried_forward.natural',
      'requests.carried_forward.commercial',
      'requests.carried_forward.total',
      'appeals.review.total'
    ])
  })
})

describe('compareAgency: 上年结转 ↔ 结转下年度', () => {
  it('cannot check across a gap year, and says which year is missing', () => {
    const [gap] = compareAgency(db, COMPARE_AGENCY).carry
    expect(gap).toMatchObject({ fromReportId: 1, toReportId: 2, fromYear: 2019, toYear: 2021, holds: null })
    expect(gap.why).toBe('2019 年与 2021 年不相邻（缺 2020 年的报告），无法核对上年结转')
    expect(gap.columns.every((col) => col.holds === null)).toBe(true)
    // The numbers are still given: 2 and 2 would agree.
    expect(gap.columns.at(-1)).toMatchObject({ forward: 2, over: 2 })
  })

  it('holds when all seven columns agree', () => {
    const link = compareAgency(db, COMPARE_AGENCY).carry[1]
    expect(link).toMatchObject({ fromReportId: 2, toReportId: 3, holds: true })
    expect(link.why).toBe('2021 年结转下年度 4 件，2022 年上年结转 4 件，一致（7 栏均相符）')
    expect(link.columns.map((col) => [col.forwardKey, col.overKey, col.forward, col.over, col.holds])).toEqual([
      ['requests.carried_forward.natural', 'requests.carried_over.natural', 3, 3, true],
      ['requests.carried_forward.commercial', 'requests.carried_over.commercial', 1, 1, true],
      ['requests.carried_forward.research', 'requests.carried_over.research', 0, 0, true],
      ['requests.carried_forward.nonprofit', 'requests.carried_over.nonprofit', 0, 0, true],
      ['requests.carried_forward.legal_service', 'requests.carried_over.legal_service', 0, 0, true],
      ['requests.carried_forward.other_org', 'requests.carried_over.other_org', 0, 0, true],
      ['requests.carried_forward.total', 'requests.carried_over.total', 4, 4, true]
    ])
    expect(link.columns[1].column).toBe('法人或其他组织/商业企业')
  })

  it('breaks when a column differs, naming the columns and their numbers; a "/" column is left unchecked', () => {
    const link = compareAgency(db, COMPARE_AGENCY).carry[2]
    expect(link).toMatchObject({ fromReportId: 3, toReportId: 4, fromYear: 2022, toYear: 2023, holds: false })
    expect(link.columns.map((col) => col.holds)).toEqual([false, true, true, true, null, true, false])
    expect(link.why).toBe(
      '不一致——自然人：2022 年结转下年度 5 件，2023 年上年结转 3 件；总计：2022 年结转下年度 5 件，2023 年上年结转 3 件。' +
        '另有无法核对的栏：法律服务机构（2022 年结转下年度 0 件，2023 年上年结转为“/”）'
    )
  })

  it('cannot check when a cell is blank, and says the other columns agree', () => {
    const link = compareAgency(db, COMPARE_AGENCY, { all: true }).carry[3]
    expect(link).toMatchObject({ fromReportId: 4, toReportId: 5, holds: null })
    expect(link.why).toBe('无法核对：总计（2023 年结转下年度 1 件，2024 年上年结转空白）。其余 6 栏一致')
  })
})

describe('compareAgency: an agency with nothing to compare', () => {
  it('an agency whose only report is unverified has no report in the verified scope', () => {
    const c = compareAgency(db, '丙区统计局')
    expect(c).toMatchObject({ agency: '丙区统计局', reports: [], rows: [], carry: [], unverifiedLeftOut: 1 })
    expect(compareAgency(db, '丙区统计局', { all: true }).reports).toHaveLength(1)
  })

  it('an unknown agency is a Chinese error', () => {
    expect(() => compareAgency(db, '己县财政局')).toThrow(UserFacingError)
    expect(() => compareAgency(db, '己县财政局')).toThrow('资料库中没有机关“己县财政局”的报告')
  })
})

describe('compareAgency: years that cannot be linked', () => {
  it('two reports of one year and template: one is shown, the other listed as a duplicate (issue 21 item 3)', () => {
    const c = compareAgency(db, '丁县财政局')
    // Both verified at no recorded time: the lower id stands (counted.ts).
    expect(c.reports.map((r) => [r.id, r.year])).toEqual([[8, 2021]])
    expect(c.carry).toEqual([])
    expect(c.leftOut).toEqual([
      {
        reportId: 9,
        agency: '丁县财政局',
        year: 2021,
        kind: 'duplicate',
        keptReportId: 8,
        why: '重复，未计入：与报告 #8 为同一机关、年度与表样，计入编号较小的那份'
      }
    ])
  })

  it('a report of unknown year is not set beside the others, nor linked to them, but listed (issue 21 item 2)', () => {
    const c = compareAgency(db, '戊市财政局')
    expect(c.reports.map((r) => [r.id, r.year, r.template])).toEqual([[10, 2021, '2021']])
    expect(cells(c, 'requests.new_received.total')).toEqual([['0', null, false]])
    expect(c.carry).toEqual([])
    expect(c.leftOut).toMatchObject([{ reportId: 11, year: null, kind: 'yearUnknown', why: '年度不详，不与其他年度并列比较' }])
  })
})

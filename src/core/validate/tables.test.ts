import { describe, expect, it } from 'vitest'
import type { FindingStatus } from '../report'
import { runChecks } from '.'
import { withCells, zeroReport } from './fixtures'
import { otherShape } from './tables'

interface Case {
  name: string
  template?: '2021' | '2019'
  rule: string
  /** A cell that identifies the rule instance (column, row or group). */
  instance: string
  cells: Record<string, number | null>
  review?: string[]
  status: FindingStatus
  fault?: 'report' | 'extraction'
  blockedBy?: string[]
  message?: string
}

const R = 'requests.'
const cases: Case[] = [
  // 一 + 二 = （七） + 四, per column
  {
    name: 'balance passes',
    rule: 'requests.balance',
    instance: `${R}new_received.total`,
    cells: { [`${R}new_received.total`]: 10, [`${R}total.total`]: 9, [`${R}carried_forward.total`]: 1 },
    status: 'pass'
  },
  {
    name: 'balance fails by one',
    rule: 'requests.balance',
    instance: `${R}new_received.total`,
    cells: { [`${R}new_received.total`]: 10, [`${R}total.total`]: 9 },
    status: 'fail',
    fault: 'report',
    message: '总计列：本年新收 10 + 上年结转 0 = 10，但办理结果总计 9 + 结转下年度 0 = 9，相差 1'
  },
  {
    name: 'balance fails by one, a cell under review',
    rule: 'requests.balance',
    instance: `${R}new_received.natural`,
    cells: { [`${R}new_received.natural`]: 10, [`${R}total.natural`]: 9 },
    review: [`${R}total.natural`],
    status: 'fail',
    fault: 'extraction'
  },
  {
    name: 'balance blocked by a blank',
    rule: 'requests.balance',
    instance: `${R}new_received.natural`,
    cells: { [`${R}new_received.natural`]: 10, [`${R}carried_over.natural`]: null, [`${R}total.natural`]: 10 },
    status: 'not_assessable',
    blockedBy: [`${R}carried_over.natural`]
  },
  // （七） = （一）…（六）, per column
  {
    name: 'results sum passes (2021 （六） sub-rows)',
    rule: 'requests.results_sum',
    instance: `${R}total.commercial`,
    cells: { [`${R}total.commercial`]: 4, [`${R}granted.commercial`]: 3, [`${R}other.misc.commercial`]: 1 },
    status: 'pass'
  },
  {
    name: 'results sum fails by one (2021)',
    rule: 'requests.results_sum',
    instance: `${R}total.commercial`,
    cells: { [`${R}total.commercial`]: 4, [`${R}granted.commercial`]: 3, [`${R}other.misc.commercial`]: 2 },
    status: 'fail',
    fault: 'report'
  },
  {
    name: 'results sum blocked (2021)',
    rule: 'requests.results_sum',
    instance: `${R}total.commercial`,
    cells: { [`${R}total.commercial`]: 3, [`${R}granted.commercial`]: 3, [`${R}other.misc.commercial`]: null },
    status: 'not_assessable',
    blockedBy: [`${R}other.misc.commercial`]
  },
  {
    name: 'results sum passes (2019 single （六）)',
    template: '2019',
    rule: 'requests.results_sum',
    instance: `${R}total.research`,
    cells: { [`${R}total.research`]: 5, [`${R}other.research`]: 5 },
    status: 'pass'
  },
  {
    name: 'results sum fails by one (2019)',
    template: '2019',
    rule: 'requests.results_sum',
    instance: `${R}total.research`,
    cells: { [`${R}total.research`]: 5, [`${R}other.research`]: 4 },
    status: 'fail'
  },
  // （七） ≤ 一 + 二
  {
    name: 'bound passes',
    rule: 'requests.results_bound',
    instance: `${R}total.total`,
    cells: { [`${R}new_received.total`]: 5, [`${R}total.total`]: 5 },
    status: 'pass'
  },
  {
    name: 'bound fails by one',
    rule: 'requests.results_bound',
    instance: `${R}total.total`,
    cells: { [`${R}new_received.total`]: 5, [`${R}total.total`]: 6 },
    status: 'fail'
  },
  {
    name: 'bound blocked',
    rule: 'requests.results_bound',
    instance: `${R}total.total`,
    cells: { [`${R}new_received.total`]: null, [`${R}total.total`]: 0 },
    status: 'not_assessable',
    blockedBy: [`${R}new_received.total`]
  },
  // row: 总计 = 6 applicant columns
  {
    name: 'row passes',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 2, [`${R}granted.legal_service`]: 1, [`${R}granted.total`]: 3 },
    status: 'pass'
  },
  {
    name: 'row fails by one',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 2, [`${R}granted.legal_service`]: 1, [`${R}granted.total`]: 4 },
    status: 'fail'
  },
  {
    name: 'row blocked',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 2, [`${R}granted.legal_service`]: null, [`${R}granted.total`]: 2 },
    status: 'not_assessable',
    blockedBy: [`${R}granted.legal_service`]
  },
  {
    name: 'row with a blank that cannot fix it',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 5, [`${R}granted.legal_service`]: null, [`${R}granted.total`]: 3 },
    status: 'fail'
  },
  {
    name: 'row with a blank that would have to hold the difference',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 2, [`${R}granted.legal_service`]: null, [`${R}granted.total`]: 3 },
    status: 'uncertain'
  },
  {
    name: 'row with a blank total',
    rule: 'requests.row_sum',
    instance: `${R}granted.total`,
    cells: { [`${R}granted.natural`]: 2, [`${R}granted.total`]: null },
    status: 'not_assessable',
    blockedBy: [`${R}granted.total`]
  },
  // table 四 groups
  {
    name: 'group passes',
    rule: 'appeals.group_sum',
    instance: 'appeals.litigation_direct.total',
    cells: { 'appeals.litigation_direct.upheld': 2, 'appeals.litigation_direct.pending': 1, 'appeals.litigation_direct.total': 3 },
    status: 'pass'
  },
  {
    name: 'group fails by one',
    rule: 'appeals.group_sum',
    instance: 'appeals.review.total',
    cells: { 'appeals.review.upheld': 10, 'appeals.review.corrected': 1, 'appeals.review.total': 10 },
    status: 'fail',
    message: '行政复议：总计 10，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，相差 1'
  },
  {
    name: 'group blocked',
    rule: 'appeals.group_sum',
    instance: 'appeals.review.total',
    cells: { 'appeals.review.upheld': 0, 'appeals.review.other': null },
    status: 'not_assessable',
    blockedBy: ['appeals.review.other']
  }
]

describe('table 三 and 四 rules', () => {
  it.each(cases)('$name', (c) => {
    const report = withCells(zeroReport(c.template ?? '2021'), c.cells, c.review)
    const matching = runChecks(report).filter((f) => f.rule === c.rule && f.cells.includes(c.instance))
    expect(matching).toHaveLength(1)
    const finding = matching[0]
    expect(finding.status).toBe(c.status)
    if (c.fault) expect(finding.fault).toBe(c.fault)
    if (c.blockedBy) expect(finding.blockedBy).toEqual(c.blockedBy)
    if (c.message) expect(finding.message).toBe(c.message)
    expect(finding.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('counts one finding per column, row and group', () => {
    const findings = runChecks(zeroReport('2021'))
    const count = (rule: string) => findings.filter((f) => f.rule === rule).length
    expect(count('requests.balance')).toBe(7)
    expect(count('requests.results_sum')).toBe(7)
    expect(count('requests.results_bound')).toBe(7)
    expect(count('requests.row_sum')).toBe(25)
    expect(count('appeals.group_sum')).toBe(3)
    // zeroReport has no table 二: that is the one finding not passed
    expect(findings.filter((f) => f.status !== 'pass').map((f) => f.rule)).toEqual(['tables.missing'])
  })

  it('checks a 2021 report with the old single （六） row by the row it has', () => {
    const report = zeroReport('2021', 'single')
    expect(otherShape(report)).toBe('single')
    const sum = runChecks(report).find((f) => f.rule === 'requests.results_sum' && f.cells.includes('requests.total.natural'))!
    expect(sum.cells).toContain('requests.other.natural')
    expect(sum.cells).not.toContain('requests.other.misc.natural')
    expect(runChecks(report).filter((f) => f.rule === 'cells.missing')).toEqual([])
  })

  it('checks no arithmetic of the tables a report does not have, and names each missing table', () => {
    const report = zeroReport('2021')
    report.tables = { active: 'missing', requests: 'missing', appeals: 'missing' }
    report.cells = {}
    const findings = runChecks(report)
    expect(findings.map((f) => [f.rule, f.status, f.cells[0].split('.')[0]])).toEqual([
      ['tables.missing', 'not_assessable', 'active'],
      ['tables.missing', 'not_assessable', 'requests'],
      ['tables.missing', 'not_assessable', 'appeals']
    ])
    // without a form, a 2019 report's missing table 三 is the 2019 one (single （六） row): 23 rows × 7
    report.meta = { ...report.meta, template: null, year: 2019 }
    expect(runChecks(report).find((f) => f.cells[0].startsWith('requests.'))!.cells).toHaveLength(161)
    report.meta = { ...report.meta, year: 2023 }
    expect(runChecks(report).find((f) => f.cells[0].startsWith('requests.'))!.cells).toHaveLength(175)
  })
})

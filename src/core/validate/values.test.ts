import { describe, expect, it } from 'vitest'
import type { FindingStatus } from '../report'
import { runChecks } from '.'
import { cell, reportFrom, withCells, zeroReport } from './fixtures'

describe('value rules', () => {
  const cases: { name: string; template: '2021' | '2019'; key: string; value: number | null; status: FindingStatus | 'none' }[] = [
    { name: 'a count of 3', template: '2021', key: 'active.licensing.decisions', value: 3, status: 'pass' },
    { name: 'a negative count', template: '2021', key: 'requests.granted.natural', value: -1, status: 'fail' },
    { name: 'a decimal count', template: '2021', key: 'appeals.review.upheld', value: 1.5, status: 'fail' },
    { name: 'a decimal fee in 万元', template: '2021', key: 'active.fees.amount', value: 7730.28, status: 'pass' },
    { name: 'a negative fee', template: '2021', key: 'active.fees.amount', value: -2, status: 'fail' },
    { name: 'a negative 本年增/减', template: '2019', key: 'active.licensing.change', value: -3, status: 'pass' },
    { name: 'a blank count is not an error', template: '2021', key: 'requests.granted.natural', value: null, status: 'pass' }
  ]
  it.each(cases)('$name', ({ template, key, value, status }) => {
    const report = reportFrom({ [key]: value }, { template })
    const findings = runChecks(report).filter((f) => f.rule === 'values.number' && f.cells.includes(key))
    expect(findings).toHaveLength(1)
    expect(findings[0].status).toBe(status)
    if (status === 'fail') expect(findings[0].cells).toEqual([key])
  })

  it('flags a cell whose source holds digits but no number was read', () => {
    const report = zeroReport('2021')
    report.cells['requests.granted.natural'] = cell(null, true, '1 2件')
    const unread = runChecks(report).filter((f) => f.rule === 'values.unread')
    expect(unread).toHaveLength(1)
    expect(unread[0]).toMatchObject({ status: 'uncertain', cells: ['requests.granted.natural'] })
    report.cells['requests.granted.natural'] = cell(null, false, '/')
    expect(runChecks(report).filter((f) => f.rule === 'values.unread')).toEqual([])
  })

  it('flags cells missing from a found table, and only those', () => {
    const report = withCells(zeroReport('2021'), {})
    delete report.cells['requests.denied.process_info.research']
    delete report.cells['appeals.review.other']
    const missing = runChecks(report).filter((f) => f.rule === 'cells.missing')
    expect(missing.map((f) => f.cells)).toEqual([['requests.denied.process_info.research'], ['appeals.review.other']])
    expect(missing.every((f) => f.status === 'uncertain')).toBe(true)
  })

  it('2019 table 二: 上一年项目数量 + 本年增/减 cannot be negative', () => {
    const base = reportFrom(
      { 'active.licensing.previous_items': 2, 'active.licensing.change': -3 },
      { template: '2019', tables: { requests: 'missing', appeals: 'missing' } }
    )
    const find = (r: typeof base) => runChecks(r).find((f) => f.rule === 'active.items_change')!
    expect(find(base)).toMatchObject({ status: 'fail', cells: ['active.licensing.previous_items', 'active.licensing.change'] })
    expect(find(withCells(base, { 'active.licensing.change': -2 })).status).toBe('pass')
    expect(find(withCells(base, { 'active.licensing.change': null })).status).toBe('not_assessable')
  })

  it('2019 table 二: 本年新公开 beyond 对外公开总数量 is a doubt', () => {
    const report = reportFrom(
      { 'active.regulations.published': 13, 'active.regulations.total_public': 12 },
      { template: '2019', tables: { requests: 'missing', appeals: 'missing' } }
    )
    const finding = runChecks(report).find((f) => f.rule === 'active.published_within_total')!
    expect(finding.status).toBe('uncertain')
  })

  it('flags cells of a table reported missing', () => {
    const report = zeroReport('2021')
    report.tables.appeals = 'missing'
    const orphan = runChecks(report).filter((f) => f.rule === 'cells.orphan')
    expect(orphan).toHaveLength(1)
    expect(orphan[0].cells).toContain('appeals.review.total')
  })
})

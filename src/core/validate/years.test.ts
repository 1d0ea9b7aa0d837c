import { describe, expect, it } from 'vitest'
import { runChecks } from '.'
import { reportFrom, withCells, zeroReport } from './fixtures'

function pair(previousCells: Record<string, number | null>, cells: Record<string, number | null>) {
  const previous = withCells(zeroReport('2021'), previousCells)
  previous.meta.year = 2020
  const report = withCells(zeroReport('2021'), cells)
  report.meta.year = 2021
  return { report, previous }
}

describe('across years', () => {
  it("上年结转 equals last year's 结转下年度, column by column", () => {
    const ok = pair({ 'requests.carried_forward.natural': 2 }, { 'requests.carried_over.natural': 2 })
    const bad = pair({ 'requests.carried_forward.natural': 2 }, { 'requests.carried_over.natural': 1 })
    const find = (p: ReturnType<typeof pair>) =>
      runChecks(p.report, { previous: p.previous }).filter((f) => f.rule === 'years.carry_over' && f.cells.includes('requests.carried_over.natural'))
    expect(find(ok).map((f) => f.status)).toEqual(['pass'])
    expect(find(bad)).toMatchObject([{ status: 'fail', fault: 'report', cells: ['requests.carried_over.natural'] }])
    expect(runChecks(ok.report, { previous: ok.previous }).filter((f) => f.rule === 'years.carry_over')).toHaveLength(7)
  })

  it('现行有效件数 ≈ last year + 制发 − 废止 is a warning', () => {
    const cells = (inForce: number) => ({ 'active.regulations.in_force': inForce, 'active.regulations.issued': 2, 'active.regulations.repealed': 1 })
    const make = (inForce: number) => {
      const previous = reportFrom({ 'active.regulations.in_force': 10 }, { year: 2020 })
      const report = reportFrom(cells(inForce), { year: 2021 })
      return runChecks(report, { previous }).find((f) => f.rule === 'years.in_force')!
    }
    expect(make(11).status).toBe('pass')
    const warning = make(12)
    expect(warning.status).toBe('uncertain')
    expect(warning.cells).toEqual(['active.regulations.in_force', 'active.regulations.issued', 'active.regulations.repealed'])
    expect(warning.message).toContain('上年现行有效 10 + 本年制发 2 − 本年废止 1 = 11')
  })

  it("2019: 上一年项目数量 ≈ last year's + 本年增/减", () => {
    const previous = reportFrom({ 'active.punishment.previous_items': 10, 'active.punishment.change': -2 }, { template: '2019', year: 2019 })
    const report = reportFrom({ 'active.punishment.previous_items': 9, 'active.punishment.change': 0 }, { template: '2019', year: 2020 })
    expect(runChecks(report, { previous }).find((f) => f.rule === 'years.items')!.status).toBe('uncertain')
  })

  it('does not compare with a report of another year', () => {
    const p = pair({}, {})
    p.previous.meta.year = 2018
    const findings = runChecks(p.report, { previous: p.previous }).filter((f) => f.rule.startsWith('years.'))
    expect(findings).toMatchObject([{ status: 'not_assessable' }])
  })
})

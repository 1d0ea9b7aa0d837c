import { describe, expect, it } from 'vitest'
import type { Finding } from '../report'
import { acceptFinding, applyAcceptances, findingKey, isOpen, NO_SETTLEMENT, RULE_IDS, RULES, runChecks } from '.'
import { withCells, zeroReport } from './fixtures'

// zeroReport has no table 二: recorded as 原文无此表, so only the table 四 failure is open.
const unresolvedFailures = (findings: Finding[]): Finding[] => findings.filter((f) => isOpen(f, { ...NO_SETTLEMENT, absentTables: ['active'] }))

const inconsistent = () => withCells(zeroReport('2021'), { 'appeals.review.upheld': 10, 'appeals.review.corrected': 1, 'appeals.review.total': 0 })

describe('acceptances', () => {
  it('an accepted fail counts as resolved and survives re-extraction', () => {
    const findings = runChecks(inconsistent())
    const failing = unresolvedFailures(findings)
    expect(failing.map((f) => f.rule)).toEqual(['appeals.group_sum'])
    const acceptance = acceptFinding(failing[0], '张三', '原文如此，已核对', '2024-05-01T08:00:00Z')
    // a fresh extraction: new objects, same rule instance, cells listed in another order
    const again = runChecks(inconsistent(), { acceptances: [{ ...acceptance, cells: [...acceptance.cells].reverse() }] })
    const accepted = again.find((f) => f.rule === 'appeals.group_sum' && f.status === 'fail')!
    expect(accepted.accepted).toEqual({ by: '张三', at: '2024-05-01T08:00:00Z', comment: '原文如此，已核对' })
    expect(unresolvedFailures(again)).toEqual([])
  })

  it('does not apply to another instance of the rule, nor to passing findings', () => {
    const findings = runChecks(inconsistent())
    const other = { rule: 'appeals.group_sum', cells: ['appeals.litigation_direct.total'], comment: '', by: 'x', at: '' }
    expect(unresolvedFailures(applyAcceptances(findings, [other]))).toHaveLength(1)
    const pass = findings.find((f) => f.status === 'pass')!
    const applied = applyAcceptances(findings, [{ rule: pass.rule, cells: pass.cells, comment: '', by: 'x', at: '' }])
    expect(applied.filter((f) => f.accepted)).toEqual([])
  })

  it('keys a finding by rule and sorted cells', () => {
    expect(findingKey({ rule: 'r', cells: ['b', 'a'] })).toBe('r|a,b')
  })

  it('lists every rule it can emit in the catalogue', () => {
    expect(RULES.length).toBe(RULE_IDS.size)
    for (const r of RULES) expect(r.title).toMatch(/[\u4e00-\u9fff]/)
  })
})

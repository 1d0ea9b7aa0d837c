import { describe, expect, it } from 'vitest'
import type { Finding, FindingStatus } from '../core/report'
import { decodeFindings, decodeIssues, encodeFindings } from './store'

const finding = (status: FindingStatus, message = '说明'): Finding => ({ rule: `rule.${status}`, status, cells: ['requests.total.natural'], message })

describe('stored findings', () => {
  it('round-trip whole', () => {
    const findings = [finding('pass'), finding('fail'), { ...finding('uncertain'), quote: '原文' }]
    expect(decodeFindings(encodeFindings(findings))).toEqual(findings)
  })

  it.each<[string, Finding[], string[]]>([
    ['all passed', [finding('pass'), finding('pass')], []],
    ['none at all', [], []],
    ['a failure among passes', [finding('pass'), finding('fail'), finding('pass')], ['rule.fail']],
    ['uncertain and not assessable', [finding('uncertain'), finding('not_assessable')], ['rule.uncertain', 'rule.not_assessable']],
    // A message quoting a status is escaped inside its string, and must not count as one.
    ['a pass whose message quotes a status', [finding('pass', '"status":"fail"')], []]
  ])('issues: %s', (_, findings, rules) => {
    expect(decodeIssues(encodeFindings(findings)).map((f) => f.rule)).toEqual(rules)
  })
})

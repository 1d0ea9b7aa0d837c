// Reviewer acceptances: "原文如此，已核对". They match a finding by rule id and the set of cells
// it involves (its instance key), not by object identity, so they survive re-extraction.

import type { Finding } from '../report'

export interface Acceptance {
  rule: string
  /** The cells of the accepted finding (order does not matter). */
  cells: string[]
  comment: string
  by: string
  /** ISO timestamp. */
  at: string
}

/** The stable identity of one rule instance: rule id + its sorted cell keys. */
export function findingKey(finding: Pick<Finding, 'rule' | 'cells'>): string {
  return `${finding.rule}|${[...finding.cells].sort().join(',')}`
}

/** Marks every fail/uncertain finding a reviewer accepted; returns new finding objects. */
export function applyAcceptances(findings: readonly Finding[], acceptances: readonly Acceptance[] | undefined): Finding[] {
  if (!acceptances?.length) return [...findings]
  const byKey = new Map(acceptances.map((a) => [findingKey(a), a]))
  return findings.map((finding) => {
    if (finding.status !== 'fail' && finding.status !== 'uncertain') return finding
    const acceptance = byKey.get(findingKey(finding))
    if (!acceptance) return finding
    return { ...finding, accepted: { by: acceptance.by, at: acceptance.at, comment: acceptance.comment } }
  })
}

/** An acceptance for a finding, as the UI records it. */
export function acceptFinding(finding: Finding, by: string, comment: string, at = new Date().toISOString()): Acceptance {
  return { rule: finding.rule, cells: [...finding.cells], comment, by, at }
}

// The checks: every report against the 勾稽关系 of its tables, the value rules, its own prose
// and last year's report. Pure and cheap: it re-runs after every manual edit.

import type { ExtractedReport, Finding } from '../report'
import { applyAcceptances, type Acceptance } from './acceptances'
import { checkActive2019 } from './active'
import { checkMissingTables, checkPlaceholders } from './coverage'
import { confirmedCells, NO_SETTLEMENT, type Settlement } from './open'
import { evaluateRelation, type CellLookup } from './relation'
import { APPEAL_RELATIONS, requestRelationsFor } from './tables'
import { checkProblemsSection } from './sections'
import { checkText } from './text'
import { checkMissingCells, checkOrphanCells, checkUnits, checkUnreadNumbers, checkValueTypes } from './values'
import { checkAcrossYears } from './years'

export { RULES, RULE_IDS } from './rules'
export { applyAcceptances, findingKey, acceptFinding, type Acceptance } from './acceptances'
export { blankCellsToSettle, doubtOfCell, isOpen, META_FACTS, NO_SETTLEMENT, openSummary, type MetaFact, type Settlement } from './open'

export interface CheckContext {
  /** The document's full text, for the text-against-tables rules. */
  text?: string
  /** The same agency's report for the previous year. */
  previous?: ExtractedReport
  /** Reviewer acceptances to apply to the findings. */
  acceptances?: Acceptance[]
  /** What the reviewer typed or recorded (原文空白, 原文无此表): confirmed cells are no longer doubted. */
  settlement?: Settlement
}

function tableFindings(report: ExtractedReport): Finding[] {
  const lookup: CellLookup = (term) => report.cells[term.key]
  const findings: Finding[] = []
  if (report.tables.requests === 'found') for (const rel of requestRelationsFor(report)) findings.push(evaluateRelation(rel, lookup))
  if (report.tables.appeals === 'found') for (const rel of APPEAL_RELATIONS) findings.push(evaluateRelation(rel, lookup))
  return findings
}

export function runChecks(report: ExtractedReport, context: CheckContext = {}): Finding[] {
  const confirmed = confirmedCells(context.settlement ?? NO_SETTLEMENT)
  const findings = [
    ...checkMissingTables(report),
    ...checkMissingCells(report, confirmed),
    ...checkOrphanCells(report),
    ...checkValueTypes(report),
    ...checkUnreadNumbers(report),
    ...checkUnits(report),
    ...checkPlaceholders(report, confirmed),
    ...tableFindings(report),
    ...checkActive2019(report),
    ...checkText(report, context.text),
    ...checkProblemsSection(context.text),
    ...checkAcrossYears(report, context.previous)
  ]
  return applyAcceptances(findings, context.acceptances)
}

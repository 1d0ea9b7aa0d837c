// What still stands between a report and 已核验 — one definition for the verify gate, the review
// headline and the library's 未解决问题 count:
// - a finding that failed or is in doubt, until a reviewer accepts it;
// - a check that could not be assessed, until every cell blocking it is settled (typed by hand, or
//   recorded by the reviewer as 原文空白); a missing table (tables.missing) until its values are
//   typed or the reviewer records 原文无此表;
// - a cell of a found table that is blank because nothing was read, until typed or recorded 原文空白;
// - a cell the engine flagged (需核对), until typed, recorded 原文空白, or confirmed (确认) as read —
//   a doubt about a whole row (its label, how its run of digits splits) is one doubt for the row.
// - an agency or a year nobody knows, until typed or recorded 原文未载明 with a comment.
// Nothing is settled by default: each settlement is a reviewer's recorded act.

import type { ExtractedReport, Finding } from '../report'
import { CELL_SPECS, cellSpec, TABLE_NAMES, tableOf, type TableName, type TemplateId } from '../template'
import { isEmptyTable, missingTableOf } from './coverage'
import { expectedKeys } from './values'

export interface Settlement {
  /** Tables the reviewer recorded as 原文无此表. */
  absentTables: readonly TableName[]
  /** Cells the reviewer recorded as 原文空白 (blank, or holding no number, in the original). */
  blankCells: readonly string[]
  /** Cells whose current value a reviewer typed. */
  typedCells: readonly string[]
  /** Flagged cells a reviewer confirmed (确认) as read, for the text they hold now. */
  confirmedFlags: readonly string[]
  /** Agency or year the reviewer recorded as 原文未载明 (the report does not state it). */
  unstatedMeta: readonly MetaFact[]
}

/** What a report must say about itself to be verified: who reports, for which year. */
export type MetaFact = 'agency' | 'year'
export const META_FACTS: readonly MetaFact[] = ['agency', 'year']

export const NO_SETTLEMENT: Settlement = { absentTables: [], blankCells: [], typedCells: [], confirmedFlags: [], unstatedMeta: [] }

/** Agency and year neither known (read or typed) nor recorded 原文未载明. */
export function missingMeta(report: ExtractedReport, settlement: Settlement): MetaFact[] {
  const known = { agency: !!report.meta.agency?.trim(), year: report.meta.year !== null }
  return META_FACTS.filter((f) => !known[f] && !settlement.unstatedMeta.includes(f))
}

/** Cells a person has looked at: typed, or recorded 原文空白. */
export function confirmedCells(settlement: Settlement): Set<string> {
  return new Set([...settlement.blankCells, ...settlement.typedCells])
}

/** Last year's cells (blockedBy "previous:…") are settled in last year's report, not here. */
const isOwnCell = (key: string): boolean => !key.startsWith('previous:')

/** The cells of this report still blocking a not-assessable finding (none for other statuses). */
export function unsettledBlockers(finding: Finding, confirmed: ReadonlySet<string>): string[] {
  if (finding.status !== 'not_assessable') return []
  return (finding.blockedBy ?? []).filter((k) => isOwnCell(k) && !confirmed.has(k))
}

export function isOpen(finding: Finding, settlement: Settlement, confirmed = confirmedCells(settlement)): boolean {
  if (finding.status === 'pass') return false
  if (finding.status === 'fail' || finding.status === 'uncertain') return !finding.accepted
  const table = missingTableOf(finding)
  if (table) return !settlement.absentTables.includes(table)
  return unsettledBlockers(finding, confirmed).length > 0
}

/** Cells of found tables left blank because nothing was read there, not yet typed or recorded 原文空白. */
export function unreadCells(report: ExtractedReport, settlement: Settlement, confirmed = confirmedCells(settlement)): string[] {
  const out: string[] = []
  for (const table of TABLE_NAMES) {
    if (report.tables[table] !== 'found' || settlement.absentTables.includes(table) || isEmptyTable(report, table)) continue
    for (const key of expectedKeys(report, table)) {
      const cell = report.cells[key]
      if ((!cell || (cell.value === null && cell.raw.trim() === '')) && !confirmed.has(key)) out.push(key)
    }
  }
  return out
}

/** One doubt the engine raised: a flagged cell, or the flagged cells of a row doubted as a row. */
export interface Doubt {
  table: TableName
  /** The row's label path in the official form (levels joined by '/'). */
  row: string
  keys: string[]
  reason: string
}

// The engine's doubts about a row rather than a cell (recognise.ts, cells.ts): its label matched
// approximately or by position, or its digits ran together and could be split more than one way.
// Told by their wording, which the extractor writes in one place each.
const ROW_DOUBTS = ['行标签“', '该行没有可识别的行标签', '数字连在一起']
const isRowDoubt = (reason: string): boolean => reason.split('；').every((part) => ROW_DOUBTS.some((p) => part.startsWith(p)))

/**
 * The cell keys of a form in its order (cells.tsv), with table 三's （六） rows of the other form in
 * their place: a mixed report (a 2021 report printing the single row) holds those.
 */
const orderOf = (template: TemplateId): Map<string, number> =>
  new Map(CELL_SPECS.filter((c) => c.template === template || c.template === 'both' || c.key.startsWith('requests.other.')).map((c, i) => [c.key, i]))
const FORM_ORDER: Record<TemplateId, Map<string, number>> = { '2021': orderOf('2021'), '2019': orderOf('2019') }

/** Every doubt over the report's flagged cells (settled or not), in the order of its cells. */
export function doubtsOf(report: ExtractedReport): Doubt[] {
  const byRow = new Map<string, Doubt>()
  const doubts: Doubt[] = []
  const template = report.meta.template ?? '2021'
  const other = template === '2021' ? '2019' : '2021'
  const rank = FORM_ORDER[template]
  const flagged = Object.keys(report.cells).filter((k) => report.cells[k].review)
  flagged.sort((a, b) => (rank.get(a) ?? rank.size) - (rank.get(b) ?? rank.size))
  for (const key of flagged) {
    const cell = report.cells[key]
    const table = tableOf(key)
    const row = (cellSpec(key, template) ?? cellSpec(key, other))?.row ?? key
    const reason = cell.reviewReason ?? ''
    if (!isRowDoubt(reason)) {
      doubts.push({ table, row, keys: [key], reason })
      continue
    }
    const id = `${table}|${row}|${reason}`
    const doubt = byRow.get(id)
    if (doubt) doubt.keys.push(key)
    else {
      const fresh = { table, row, keys: [key], reason }
      byRow.set(id, fresh)
      doubts.push(fresh)
    }
  }
  return doubts
}

/** The doubt a flagged cell belongs to (what one 确认 on it settles), or undefined when it is not flagged. */
export function doubtOfCell(report: ExtractedReport, key: string): Doubt | undefined {
  return doubtsOf(report).find((d) => d.keys.includes(key))
}

/**
 * Doubts not yet settled: some cell still flagged and neither typed, recorded 原文空白 nor confirmed.
 * A blank cell left unread is counted among unreadCells, not here; a table recorded 原文无此表 has none.
 */
export function unsettledDoubts(
  report: ExtractedReport,
  settlement: Settlement,
  confirmed = confirmedCells(settlement),
  unread: readonly string[] = []
): Doubt[] {
  const settled = new Set([...confirmed, ...settlement.confirmedFlags, ...unread])
  return doubtsOf(report).filter((d) => !settlement.absentTables.includes(d.table) && d.keys.some((k) => !settled.has(k)))
}

export interface OpenSummary {
  /** Agency / year unknown and not recorded 原文未载明. */
  missingMeta: MetaFact[]
  /** Required tables missing or empty, not typed in nor recorded 原文无此表. */
  missingTables: TableName[]
  /** See unreadCells. */
  unreadCells: string[]
  /** Flagged cells (需核对) not yet settled, one entry per doubt. */
  doubts: Doubt[]
  /** Open findings by status (tables.missing counted in missingTables only). */
  failed: number
  uncertain: number
  notAssessable: number
  /** Findings a reviewer accepted, or not-assessable ones settled. */
  accepted: number
  /** Everything still open: what the list shows as 未解决问题; 0 is the only state that may be verified. */
  total: number
}

export function openSummary(report: ExtractedReport, findings: readonly Finding[], settlement: Settlement): OpenSummary {
  const confirmed = confirmedCells(settlement)
  const unread = unreadCells(report, settlement, confirmed)
  const summary: OpenSummary = {
    missingMeta: missingMeta(report, settlement),
    missingTables: [],
    unreadCells: unread,
    doubts: unsettledDoubts(report, settlement, confirmed, unread),
    failed: 0,
    uncertain: 0,
    notAssessable: 0,
    accepted: 0,
    total: 0
  }
  for (const f of findings) {
    if (f.status === 'pass') continue
    const open = isOpen(f, settlement, confirmed)
    const table = missingTableOf(f)
    if (!open) {
      // A not-assessable finding with nothing of this report to settle (last year's blank) is neither.
      if (f.accepted || table || (f.blockedBy ?? []).some(isOwnCell)) summary.accepted++
    } else if (table) summary.missingTables.push(table)
    else if (f.status === 'fail') summary.failed++
    else if (f.status === 'uncertain') summary.uncertain++
    else summary.notAssessable++
  }
  summary.total =
    summary.missingMeta.length +
    summary.missingTables.length +
    summary.unreadCells.length +
    summary.doubts.length +
    summary.failed +
    summary.uncertain +
    summary.notAssessable
  return summary
}

/**
 * The cells one "原文空白" act records: every blank or number-less cell blocking a not-assessable
 * check, and every unread cell — each only while it still holds no number.
 */
export function blankCellsToSettle(report: ExtractedReport, findings: readonly Finding[], settlement: Settlement): string[] {
  const confirmed = confirmedCells(settlement)
  const keys = new Set(unreadCells(report, settlement, confirmed))
  for (const f of findings) {
    if (missingTableOf(f)) continue
    for (const key of unsettledBlockers(f, confirmed)) if (!report.cells[key] || report.cells[key].value === null) keys.add(key)
  }
  return [...keys]
}

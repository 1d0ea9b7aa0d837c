// Across years, for the same agency: what this year's report inherits from last year's.

import type { ExtractedReport, Finding } from '../report'
import { REQUEST_COLUMN_LABELS, REQUEST_COLUMNS } from './labels'
import { evaluateRelation, type CellLookup, type Relation } from './relation'

/** 上年结转 this year = 结转下年度继续办理 last year, column by column. */
const CARRY_RELATIONS: Relation[] = REQUEST_COLUMNS.map((column) => ({
  rule: 'years.carry_over',
  scope: `${REQUEST_COLUMN_LABELS[column]}列`,
  left: { label: '本年上年结转', terms: [{ key: `requests.carried_over.${column}`, label: '本年上年结转' }], expand: true },
  op: '=',
  right: {
    label: '上年报告结转下年度',
    terms: [{ key: `requests.carried_forward.${column}`, label: '上年报告结转下年度', previous: true }],
    expand: true
  }
}))

const DOCUMENT_ROWS: Record<string, string> = { regulations: '规章', normative_documents: '行政规范性文件' }

/** 现行有效件数 ≈ last year's + 本年制发 − 本年废止: a warning, as reviews and re-countings happen. */
const IN_FORCE_RELATIONS: Relation[] = Object.entries(DOCUMENT_ROWS).map(([row, label]) => ({
  rule: 'years.in_force',
  scope: label,
  left: { label: '现行有效件数', terms: [{ key: `active.${row}.in_force`, label: '现行有效件数' }], expand: true },
  op: '=',
  right: {
    label: '上年现行有效 + 本年制发 − 本年废止',
    terms: [
      { key: `active.${row}.in_force`, label: '上年现行有效', previous: true },
      { key: `active.${row}.issued`, label: '本年制发' },
      { key: `active.${row}.repealed`, label: '本年废止', sign: -1 }
    ],
    expand: true
  },
  warning: true
}))

const ITEM_ROWS: Record<string, string> = {
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费'
}

/** 2019 format: 上一年项目数量 this year ≈ last year's 上一年项目数量 + 本年增/减 (a warning). */
const ITEM_RELATIONS: Relation[] = Object.entries(ITEM_ROWS).map(([row, label]) => ({
  rule: 'years.items',
  scope: label,
  left: { label: '上一年项目数量', terms: [{ key: `active.${row}.previous_items`, label: '上一年项目数量' }], expand: true },
  op: '=',
  right: {
    label: '上年报告项目数量 + 增/减',
    terms: [
      { key: `active.${row}.previous_items`, label: '上年报告上一年项目数量', previous: true },
      { key: `active.${row}.change`, label: '上年报告本年增/减', previous: true }
    ],
    expand: true
  },
  warning: true
}))

function yearMismatch(report: ExtractedReport, previous: ExtractedReport): Finding | null {
  const year = report.meta.year
  const before = previous.meta.year
  if (year === null || before === null || before === year - 1) return null
  return {
    rule: 'years.carry_over',
    status: 'not_assessable',
    cells: [],
    message: `上一年度报告的年份为 ${before}，不是 ${year - 1}，未做跨年度核对`
  }
}

function applicable(rel: Relation, report: ExtractedReport, previous: ExtractedReport): boolean {
  return [...rel.left.terms, ...rel.right.terms].every((t) => t.key in (t.previous ? previous : report).cells)
}

export function checkAcrossYears(report: ExtractedReport, previous: ExtractedReport | undefined): Finding[] {
  if (!previous) return []
  const mismatch = yearMismatch(report, previous)
  if (mismatch) return [mismatch]
  const lookup: CellLookup = (t) => (t.previous ? previous : report).cells[t.key]
  const findings: Finding[] = []
  const groups: [Relation[], boolean][] = [
    [CARRY_RELATIONS, report.tables.requests === 'found' && previous.tables.requests === 'found'],
    [IN_FORCE_RELATIONS, report.tables.active === 'found' && previous.tables.active === 'found'],
    [ITEM_RELATIONS, report.tables.active === 'found' && previous.tables.active === 'found']
  ]
  for (const [relations, tablesFound] of groups) {
    if (!tablesFound) continue
    for (const rel of relations) if (applicable(rel, report, previous)) findings.push(evaluateRelation(rel, lookup))
  }
  return findings
}

// Table 二 of the 2019 trial format: the little arithmetic its columns imply.
// (The 2021 table 二 has none inside one year; see years.ts for the across-year rules.)

import type { ExtractedReport, Finding } from '../report'
import { evaluateRelation, type Relation } from './relation'

const ITEM_ROWS: Record<string, string> = {
  licensing: '行政许可',
  other_services: '其他对外管理服务事项',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费'
}

const DOCUMENT_ROWS: Record<string, string> = { regulations: '规章', normative_documents: '规范性文件' }

/** 本年新公开 is part of 对外公开总数量; a warning, since some agencies count the total differently. */
const PUBLISHED_RELATIONS: Relation[] = Object.entries(DOCUMENT_ROWS).map(([row, label]) => ({
  rule: 'active.published_within_total',
  scope: label,
  left: { label: '本年新公开数量', terms: [{ key: `active.${row}.published`, label: '本年新公开数量' }], expand: true },
  op: '<=',
  right: { label: '对外公开总数量', terms: [{ key: `active.${row}.total_public`, label: '对外公开总数量' }], expand: true },
  warning: true
}))

/** active.items_change: 上一年项目数量 + 本年增/减 is this year's number of items, never negative. */
function itemChange(report: ExtractedReport, row: string, label: string): Finding | null {
  const previousKey = `active.${row}.previous_items`
  const changeKey = `active.${row}.change`
  const previous = report.cells[previousKey]
  const change = report.cells[changeKey]
  if (!previous || !change) return null
  const cells = [previousKey, changeKey]
  if (previous.value === null || change.value === null) {
    const blocked = cells.filter((k) => report.cells[k].value === null)
    return {
      rule: 'active.items_change',
      status: 'not_assessable',
      cells,
      blockedBy: blocked,
      message: `${label}：无法核对，${blocked.map((k) => (k === previousKey ? '上一年项目数量' : '本年增/减')).join('、')} 为空白或非数字`
    }
  }
  const now = previous.value + change.value
  const text = `${label}：上一年项目数量 ${previous.value} + 本年增/减 ${change.value} = ${now}`
  const left = { label: '上一年项目数量 + 本年增/减', value: now }
  const right = { label: '0', value: 0 }
  if (now >= 0) return { rule: 'active.items_change', status: 'pass', cells, left, right, message: `${text}，不为负数` }
  return {
    rule: 'active.items_change',
    status: 'fail',
    cells,
    left,
    right,
    message: `${text}，本年项目数量不能为负数`,
    fault: previous.review || change.review ? 'extraction' : 'report'
  }
}

export function checkActive2019(report: ExtractedReport): Finding[] {
  if (report.tables.active !== 'found') return []
  const findings: Finding[] = []
  for (const [row, label] of Object.entries(ITEM_ROWS)) {
    const finding = itemChange(report, row, label)
    if (finding) findings.push(finding)
  }
  const lookup = (t: { key: string }) => report.cells[t.key]
  for (const rel of PUBLISHED_RELATIONS) {
    if ([...rel.left.terms, ...rel.right.terms].every((t) => t.key in report.cells)) findings.push(evaluateRelation(rel, lookup))
  }
  return findings
}

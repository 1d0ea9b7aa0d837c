// One linear relation between cells (left = right, or left ≤ right) and how a report satisfies it.
// Every arithmetic rule (table 三 and 四 sums, across-year carries) is a list of these, built once.

import type { ExtractedCell, Finding, FindingStatus } from '../report'

export interface Term {
  key: string
  label: string
  /** -1 for a subtracted cell; default +1. */
  sign?: -1
  /** Read from the previous year's report instead of this one. */
  previous?: boolean
}

export interface Side {
  /** A name for the whole side, used when its terms are too many to list. */
  label: string
  terms: Term[]
  /** List every term with its value in the message (short sides only). */
  expand: boolean
}

export interface Relation {
  rule: string
  /** Where in the form, e.g. 自然人列 / 予以公开行 / 行政复议. */
  scope: string
  left: Side
  op: '=' | '<='
  right: Side
  /** A warning-level relation (may legitimately differ) reports 'uncertain' instead of 'fail'. */
  warning?: boolean
}

export type CellLookup = (term: Term) => ExtractedCell | undefined

interface SideValues {
  known: number
  unknown: Term[]
  text: string
  value: number | null
}

const EPSILON = 1e-6
const MAX_LISTED = 4

function formatNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6)
}

function formatCell(cell: ExtractedCell | undefined): string {
  if (!cell) return '缺失'
  if (cell.value !== null) return formatNumber(cell.value)
  return cell.raw ? `“${cell.raw}”` : '空白'
}

function evaluateSide(side: Side, lookup: CellLookup): SideValues {
  let known = 0
  const unknown: Term[] = []
  const pieces: string[] = []
  for (const term of side.terms) {
    const cell = lookup(term)
    if (!cell || cell.value === null) unknown.push(term)
    else known += (term.sign ?? 1) * cell.value
    const op = pieces.length === 0 ? (term.sign === -1 ? '−' : '') : term.sign === -1 ? ' − ' : ' + '
    pieces.push(`${op}${term.label} ${formatCell(cell)}`)
  }
  const value = unknown.length ? null : known
  let text: string
  if (side.expand) {
    text = pieces.join('')
    if (side.terms.length > 1 && value !== null) text += ` = ${formatNumber(value)}`
  } else {
    text = `${side.label} ${value !== null ? formatNumber(value) : formatNumber(known) + '（空白按 0 计）'}`
  }
  return { known, unknown, text, value }
}

function holds(op: Relation['op'], left: number, right: number): boolean {
  return op === '=' ? Math.abs(left - right) < EPSILON : left <= right + EPSILON
}

function listLabels(terms: Term[]): string {
  // A last-year term is named as such once ("上年报告结转下年度", not "上年上年报告…").
  const names = terms.slice(0, MAX_LISTED).map((t) => (t.previous && !t.label.startsWith('上年') ? '上年' : '') + t.label)
  return terms.length > MAX_LISTED ? `${names.join('、')} 等 ${terms.length} 个单元格` : names.join('、')
}

/**
 * With blanks, a relation may still be decided: it fails when no non-negative
 * numbers in the blank cells could make it hold, and is only a doubt when the
 * blank cells would have to hold the difference.
 */
function statusWithBlanks(rel: Relation, left: SideValues, right: SideValues): FindingStatus {
  if (holds(rel.op, left.known, right.known)) return 'not_assessable'
  const leftMustGrow = rel.op === '=' && left.known < right.known
  const growing = leftMustGrow ? left : right
  const growingSide = leftMustGrow ? rel.left : rel.right
  const shrinking = leftMustGrow ? right : left
  if (shrinking.unknown.some((t) => t.sign === -1) || growing.unknown.some((t) => t.sign === -1)) return 'not_assessable'
  if (growing.unknown.length === 0) return rel.warning ? 'uncertain' : 'fail'
  if (growing.unknown.length === growingSide.terms.length) return 'not_assessable'
  return 'uncertain'
}

function ownKeys(rel: Relation): string[] {
  const keys: string[] = []
  for (const t of [...rel.left.terms, ...rel.right.terms]) if (!t.previous && !keys.includes(t.key)) keys.push(t.key)
  return keys
}

function faultOf(rel: Relation, lookup: CellLookup): 'report' | 'extraction' {
  for (const t of [...rel.left.terms, ...rel.right.terms]) {
    const cell = lookup(t)
    if (!cell || cell.review) return 'extraction'
  }
  return 'report'
}

function messageFor(rel: Relation, status: FindingStatus, left: SideValues, right: SideValues): string {
  const diff = formatNumber(Math.abs(left.known - right.known))
  if (status === 'pass') return `${rel.scope}：${left.text}，${rel.op === '=' ? '' : '不超过 '}${right.text}，相符`
  const blanks = [...left.unknown, ...right.unknown]
  if (status === 'not_assessable') {
    const zero = holds(rel.op, left.known, right.known) ? '（空白按 0 计时相符）' : ''
    return `${rel.scope}：无法核对，${listLabels(blanks)} 为空白或非数字${zero}`
  }
  const mismatch = rel.op === '=' ? `${left.text}，但${right.text}，相差 ${diff}` : `${left.text} 超过 ${right.text}，多 ${diff}`
  if (blanks.length === 0) return `${rel.scope}：${mismatch}`
  if (status === 'fail') return `${rel.scope}：${mismatch}；${listLabels(blanks)} 为空白，填入任何非负数也不能相符`
  return `${rel.scope}：${mismatch}；${listLabels(blanks)} 为空白，请核对空白是否应有数字`
}

export function evaluateRelation(rel: Relation, lookup: CellLookup): Finding {
  const left = evaluateSide(rel.left, lookup)
  const right = evaluateSide(rel.right, lookup)
  let status: FindingStatus
  if (left.value !== null && right.value !== null) {
    status = holds(rel.op, left.value, right.value) ? 'pass' : rel.warning ? 'uncertain' : 'fail'
  } else {
    status = statusWithBlanks(rel, left, right)
  }
  const finding: Finding = {
    rule: rel.rule,
    status,
    cells: ownKeys(rel),
    message: messageFor(rel, status, left, right),
    left: { label: rel.left.label, value: left.value },
    right: { label: rel.right.label, value: right.value }
  }
  if (status === 'fail') finding.fault = faultOf(rel, lookup)
  const blanks = [...left.unknown, ...right.unknown].map((t) => (t.previous ? `previous:${t.key}` : t.key))
  if (status !== 'pass' && blanks.length) finding.blockedBy = blanks
  return finding
}

// How far an OCR reading can be trusted. The table's own equations (the 勾稽关系 of 三 and 四, from
// validate/tables) choose between the readings of an unsure cell; a cell stays unmarked only when
// the engine was sure of it AND every equation it takes part in holds. Anything else — a low
// confidence, an equation that fails, a value chosen by the equations — is marked for review with
// what was read and the alternatives, in Chinese. Nothing is changed silently. A cell whose number
// a blot or a stamp covers (page.ts: solid ink) is marked whatever its confidence and equations say:
// the model reads a half-hidden digit at full confidence, and a wrong digit may still fit the sums.

import type { ExtractedCell, ExtractedReport } from '../report'
import { warning } from '../messages'
import { cellSpec } from '../template'
import { parseValue } from './values'
import { evaluateRelation, type CellLookup, type Relation } from '../validate/relation'
import { APPEAL_RELATIONS, requestRelationsFor } from '../validate/tables'

/** Below this the reading of a cell is not shown as certain even when its equations hold. */
export const CERTAIN = 0.9
/**
 * A number in no equation (table 二's, a table whose equations are not known) is left unmarked only
 * this sure: nothing else would catch a misread digit. Generated scans showed 714 read as 711 at
 * 0.97 (a 179 dpi fax) and 524 as 324 at 0.95 (a blurred 264 dpi scan), unmarked; at 0.98 both are
 * marked, and 37 of 460 table-二 numbers read right are marked with them (seeds 2 and 3).
 */
export const CERTAIN_UNCHECKED = 0.98

/**
 * A number read with a leading zero (01, 007): no report prints one, so something beside the digit
 * was read (g003_018, a blurred photo: two zeros read as 01 where their equations could not be
 * worked out).
 */
const LEADING_ZERO = /^[-−]?0\d/

interface Candidate {
  text: string
  value: number | null
}

function relationsOf(report: ExtractedReport): Relation[] {
  const out: Relation[] = []
  if (report.tables.requests === 'found') out.push(...requestRelationsFor(report))
  if (report.tables.appeals === 'found') out.push(...APPEAL_RELATIONS)
  return out
}

function keysOf(rel: Relation): string[] {
  return [...rel.left.terms, ...rel.right.terms].filter((t) => !t.previous).map((t) => t.key)
}

function candidatesOf(key: string, cell: ExtractedCell, report: ExtractedReport): Candidate[] {
  const spec = cellSpec(key, report.meta.template ?? '2021')
  const out: Candidate[] = []
  for (const text of cell.ocr?.alternatives ?? []) {
    const parsed = parseValue(text, spec?.type ?? 'count')
    if (parsed.review || parsed.value === null) continue
    if (parsed.value === cell.value || out.some((c) => c.value === parsed.value)) continue
    out.push({ text, value: parsed.value })
  }
  return out
}

const quote = (s: string): string => `“${s}”`

/**
 * An amount (万元) read as two or more digits with no decimal point: a point is a speck the
 * recogniser drops at low resolution or JPEG quality (44.75 read as 4475 at full confidence), and
 * an amount takes part in no equation that would catch it — so it is never shown as certain.
 */
function mayHaveLostPoint(key: string, cell: ExtractedCell, report: ExtractedReport): boolean {
  if (cellSpec(key, report.meta.template ?? '2021')?.type !== 'amount') return false
  return /^\d{2,}$/.test(cell.raw.trim())
}

/** Why an obscured cell is marked, ahead of anything else said about it. */
export const OBSCURED = '单元格内有大块墨迹或印章遮挡，识别结果不可靠'

function describe(cell: ExtractedCell): string {
  const ocr = cell.ocr!
  const read = ocr.read === '' ? '空白' : quote(ocr.read)
  const others = ocr.alternatives?.length ? `，其他可能：${ocr.alternatives.slice(0, 4).map(quote).join('、')}` : ''
  return `识别为${read}（置信度 ${ocr.confidence.toFixed(2)}${others}）`
}

function mark(cell: ExtractedCell, reason: string): void {
  cell.review = true
  cell.reviewReason = cell.reviewReason ? `${cell.reviewReason}；${reason}` : reason
}

/** Settles the OCR cells of an extracted report in place: alternatives chosen by the equations, every unsure cell marked. */
export function settleOcrCells(report: ExtractedReport): void {
  // numbers taken from a line of OCR text, not from a cell of a grid (a table without ruling lines):
  // the line reader runs a row's digits together, so none of them is ever shown as certain
  for (const cell of Object.values(report.cells)) {
    if (cell.ocr || cell.source?.imageIndex === undefined) continue
    mark(cell, `由图片中的整行文字识别读取（未找到表格线，未能逐格识别），读作${cell.raw ? quote(cell.raw) : '空白'}，请对照原图核对`)
  }
  const ocrKeys = Object.keys(report.cells).filter((k) => report.cells[k].ocr)
  if (!ocrKeys.length) return
  const lookup: CellLookup = (term) => (term.previous ? undefined : report.cells[term.key])
  const relations = relationsOf(report)
  const byKey = new Map<string, Relation[]>()
  for (const rel of relations) for (const key of keysOf(rel)) byKey.set(key, [...(byKey.get(key) ?? []), rel])
  const holds = (rel: Relation): boolean => {
    const status = evaluateRelation(rel, lookup).status
    return status === 'pass' || status === 'not_assessable'
  }

  // 1. an unsure cell in a failing equation takes the one alternative that makes all its equations hold
  const repaired = new Set<string>()
  for (let round = 0; round < 3; round++) {
    let changed = false
    for (const key of ocrKeys) {
      const cell = report.cells[key]
      const rels = byKey.get(key) ?? []
      if (repaired.has(key) || cell.ocr!.confidence >= CERTAIN || !rels.length || rels.every(holds)) continue
      const fitting: Candidate[] = []
      for (const candidate of candidatesOf(key, cell, report)) {
        report.cells[key] = { ...cell, value: candidate.value, raw: candidate.text }
        if (rels.every(holds) && rels.some((r) => evaluateRelation(r, lookup).status === 'pass')) fitting.push(candidate)
      }
      report.cells[key] = cell
      if (fitting.length !== 1) continue
      const choice = fitting[0]
      report.cells[key] = { ...cell, value: choice.value, raw: choice.text }
      repaired.add(key)
      changed = true
    }
    if (!changed) break
  }

  // 2. what is certain: confident and every equation holds; the rest is marked with what was read
  let marked = 0
  let obscured = 0
  for (const key of ocrKeys) {
    const cell = report.cells[key]
    const rels = byKey.get(key) ?? []
    const failing = rels.filter((r) => !holds(r))
    const why: string[] = []
    if (cell.ocr!.obscured) {
      why.push(OBSCURED)
      obscured++
    }
    if (repaired.has(key)) why.push(`由勾稽关系推定为${quote(cell.raw)}`)
    else if (cell.ocr!.confidence < CERTAIN) why.push('识别把握不高')
    else if (!rels.length && cell.ocr!.confidence < CERTAIN_UNCHECKED) why.push('识别把握不够高，且无勾稽关系可核')
    else if (failing.length) why.push(`所在勾稽关系不成立（${failing[0].scope}）`)
    else if (!rels.length && mayHaveLostPoint(key, cell, report)) why.push('金额未识别出小数点（小数点细小，可能漏识，且无勾稽关系可核）')
    else if (LEADING_ZERO.test(cell.raw)) why.push('读数以 0 开头，不像印出的数字')
    if (!why.length) continue
    mark(cell, `${describe(cell)}，${why.join('，')}，请对照原图核对`)
    marked++
  }
  if (marked) {
    report.messages.push(warning('ocr.review', `图片表格经文字识别读取，${marked} 个单元格识别不确定或与勾稽关系不符，已标记待核`))
  }
  if (obscured) report.messages.push(warning('ocr.obscured', `${obscured} 个单元格内有大块墨迹或印章遮挡，识别结果不可靠，已标记待核`))
  if (repaired.size) report.messages.push(warning('ocr.repaired', `${repaired.size} 个识别不确定的单元格按勾稽关系选定了读法，均已标记待核`))
}

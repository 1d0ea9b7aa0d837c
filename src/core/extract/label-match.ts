// Matching label text against the form's rows: key phrases, fuzzy labels, and whether a run of
// values can fill a row. Pure functions over normalised text (see normLabel).

import type { TableName } from '../template'
import { asciiDigits, editDistance, normLabel } from './normalize'
import type { Token } from './tokens'
import { APPEALS_GROUP_ROWS, ROW_SPECS, type RowSpec } from './vocabulary'

/** Longest label tail worth searching: the longest key plus a parenthetical note. */
export const TAIL_WINDOW = 90

export const NUMBERING = /\d+[.、]|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、/g

/** Digit strings, a leading minus allowed (the 2019 form's signed 本年增/减 run into their neighbours). */
const DIGITS_ONLY = /^[-−－]?[\d ]+$/

/** Whether a run can fill n columns: enough cells, or digit strings that can be split into n numbers. */
export function canFill(run: Token[], n: number): boolean {
  if (run.length >= n) return true
  // whole table cells, too few: a cell was lost; the row is read and marked for review
  if (run.length > 0 && run.every((t) => t.cell && !/\s/.test(t.text))) return true
  if (run.some((t) => t.kind !== 'value' || !DIGITS_ONLY.test(asciiDigits(t.text)))) return false
  const digits = run.reduce((s, t) => s + t.text.replace(/[ \-−－]/g, '').length, 0)
  return digits >= n
}

export function stripParentheticals(s: string): string {
  return s.replace(/\([^()]*\)?/g, '')
}

interface KeyMatch {
  spec: RowSpec
  end: number
  length: number
}

/** Every key phrase with its row, built once. */
const KEYS: Array<{ key: string; spec: RowSpec }> = ROW_SPECS.flatMap((spec) => spec.keys.map((key) => ({ key, spec })))

/** The row whose key phrase ends latest in the label text (longer key on a tie). */
export function latestKey(label: string, accept: (spec: RowSpec) => boolean): KeyMatch | null {
  let best: KeyMatch | null = null
  for (const { key, spec } of KEYS) {
    const at = label.lastIndexOf(key)
    if (at < 0) continue
    const end = at + key.length
    if (best && (end < best.end || (end === best.end && key.length <= best.length))) continue
    if (accept(spec)) best = { spec, end, length: key.length }
  }
  return best
}

/** Table 四's five column headings, as one group's own table repeats them. */
const FIVE_HEADINGS = normLabel('结果维持结果纠正其他结果尚未审结总计')
const FIRST_HEADING = normLabel('结果维持')

/**
 * A row of table 四 set out as three rows of five, named by its group label at the label's end —
 * or, when each group is a table of its own, by the group title just before that table's one
 * header row ("（二）行政诉讼（未经复议直接起诉）" + 结果维持…总计). Only a label holding one header
 * row counts: after the whole table's header (three groups' headings) a group name is not the row's.
 */
export function appealsGroupAt(label: string): RowSpec | null {
  let text = label
  if (text.endsWith(FIVE_HEADINGS) && text.indexOf(FIRST_HEADING) === text.length - FIVE_HEADINGS.length) {
    text = text.slice(0, -FIVE_HEADINGS.length).replace(/[)\]:,.、]+$/u, '')
  }
  const tail = text.slice(-12)
  let best: RowSpec | null = null
  let bestEnd = -1
  for (const spec of APPEALS_GROUP_ROWS) {
    for (const key of spec.keys) {
      const at = tail.lastIndexOf(key)
      if (at >= 0 && at + key.length === tail.length && at + key.length > bestEnd) {
        best = spec
        bestEnd = at + key.length
      }
    }
  }
  return best
}

/** The last segment of a label after its numbering ("（三）不予公开1.属于国家秘密" → "属于国家秘密"). */
export function labelTail(label: string): string {
  return (
    stripParentheticals(label)
      // OCR reads a numbering's 、 as · or . (一·本年新收…)
      .split(/\d[.、]|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十][、·.]/)
      .pop()!
      .replace(/^[.、:,]+|[.、:,]+$/g, '')
  )
}

/** Rows of a table whose full label is within a few edits of the text, else that contain it as a fragment. */
export function similarRows(tail: string, table: TableName): RowSpec[] {
  const specs = ROW_SPECS.filter((s) => s.table === table && !s.weak)
  const close = specs.filter((s) => {
    const cap = Math.max(1, Math.floor(s.full.length / 4))
    return editDistance(tail, s.full, cap) <= cap
  })
  if (close.length) return close
  return tail.length >= 5 ? specs.filter((s) => s.full.includes(tail)) : []
}

/**
 * Whether `text` holds `word` with at most ⌊length / 4⌋ characters misread, lost or added (none for
 * a word under 4 characters): a header word read from a picture (勾值关系, 中请人情况).
 */
export function holdsNear(text: string, word: string): boolean {
  const cap = Math.floor(word.length / 4)
  if (cap === 0 || text.length < word.length - cap) return text.includes(word)
  // edit distance of `word` to the best-matching stretch of `text` (free start and end in `text`)
  let prev = Array.from({ length: word.length + 1 }, (_, j) => j)
  let cur = new Array<number>(word.length + 1)
  for (const c of text) {
    cur[0] = 0
    for (let j = 1; j <= word.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (word[j - 1] === c ? 0 : 1))
    if (cur[word.length] <= cap) return true
    ;[prev, cur] = [cur, prev]
  }
  return false
}

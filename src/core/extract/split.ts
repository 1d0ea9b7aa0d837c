// Crawler text runs a row's cells together ("640020470" is 64, 0, 0, 2, 0, 4, 70). Only the
// arithmetic of the form makes the split unique: we enumerate every way of cutting the digits into
// the row's numbers (no leading zeros, bounded length) and keep those the row's sums allow.

import { asciiDigits } from './normalize'
import type { Token } from './tokens'

export interface Piece {
  /** Index of the token in the run. */
  token: number
  /** Character range within the token's text. */
  from: number
  to: number
  text: string
}

const MAX_DIGITS = 7
const MAX_SPLITS = 20000

interface Group {
  token: number
  from: number
  text: string
  /** The group is a signed number's digits ("-10"): its first piece carries the minus. */
  signed: boolean
}

function groupsOf(run: Token[]): Group[] {
  const groups: Group[] = []
  run.forEach((t, token) => {
    const re = /\d+/g
    let m: RegExpExecArray | null
    const text = asciiDigits(t.text)
    while ((m = re.exec(text))) groups.push({ token, from: m.index, text: m[0], signed: m.index > 0 && /[-−－]/.test(text[m.index - 1]) })
  })
  return groups
}

/** Whether a run is digit strings only (a leading minus allowed: the 2019 form's 本年增/减), so it may be split. */
export function splittable(run: Token[]): boolean {
  return run.length > 0 && run.every((t) => t.kind === 'value' && /^[-−－]?[\d ]+$/.test(asciiDigits(t.text)))
}

/** Every way to cut the run's digit groups into exactly n numbers; null when there are too many. */
export function enumerateSplits(run: Token[], n: number): Piece[][] | null {
  const groups = groupsOf(run)
  const out: Piece[][] = []
  const charsAfter: number[] = []
  let acc = 0
  for (let g = groups.length - 1; g >= 0; g--) {
    charsAfter[g] = acc
    acc += groups[g].text.length
  }
  const pieces: Piece[] = []
  let overflow = false
  const walk = (g: number, pos: number): void => {
    if (overflow) return
    if (g === groups.length) {
      if (pieces.length === n) out.push(pieces.slice())
      if (out.length > MAX_SPLITS) overflow = true
      return
    }
    const group = groups[g]
    const left = group.text.length - pos
    const need = n - pieces.length
    // every group needs at least one piece, every piece at least one digit
    const groupsLeft = groups.length - g - 1
    if (need < groupsLeft + 1 || need > left + charsAfter[g] || left + charsAfter[g] > need * MAX_DIGITS) return
    const maxLen = group.text[pos] === '0' ? 1 : Math.min(MAX_DIGITS, left)
    for (let len = 1; len <= maxLen; len++) {
      const to = pos + len
      const sign = group.signed && pos === 0 ? 1 : 0
      pieces.push({ token: group.token, from: group.from + pos - sign, to: group.from + to, text: (sign ? '-' : '') + group.text.slice(pos, to) })
      if (to === group.text.length) walk(g + 1, 0)
      else walk(g, to)
      pieces.pop()
    }
  }
  walk(0, 0)
  return overflow ? null : out
}

/** Table 三: 总计 equals the sum of the six applicant columns. */
export function requestRowHolds(values: number[]): boolean {
  return values.length === 7 && values.slice(0, 6).reduce((a, b) => a + b, 0) === values[6]
}

/** Table 四: in each group of five, 总计 equals the sum of the four results. */
export function appealsRowHolds(values: number[]): boolean {
  if (values.length !== 15) return false
  for (let g = 0; g < 15; g += 5) {
    if (values[g] + values[g + 1] + values[g + 2] + values[g + 3] !== values[g + 4]) return false
  }
  return true
}

// Numbers a report states in its prose about applications, reviews and lawsuits ("claims").
// Patterns are deliberately narrow: a missed sentence costs nothing, a misread one costs a
// reviewer's time. Doubtful readings are kept but marked, and only ever produce 'uncertain'.

import { parseNumber, sentenceAround, type Prose } from './prose'

export type ClaimRule =
  | 'text.received'
  | 'text.concluded'
  | 'text.carried_forward'
  | 'text.carried_over'
  | 'text.review'
  | 'text.litigation'
  | 'text.regulations_in_force'
  | 'text.normative_in_force'
  | 'text.normative_issued'

export interface Claim {
  rule: ClaimRule
  value: number
  /** Offsets of the matched phrase in the normalised text. */
  start: number
  end: number
  /** Why this reading may not be meant as the table's figure; empty when it is clear. */
  doubts: string[]
}

interface Pattern {
  rule: ClaimRule
  regex: RegExp
  /** A loose wording (办理, 尚在办理, 未发生…): never more than 'uncertain'. */
  weak?: boolean
  /** A fixed value (the "no reviews" wordings). */
  value?: number
  /** The sentence must contain one of these, else the match is skipped. */
  requires?: RegExp
  /**
   * The literal table wording (上年结转 / 结转下年度): when the sentence lacks `requires`, the
   * sentence before it is read instead ("共收到申请70件。另有上年结转16件。"), and when neither
   * says, the claim is still checked, as a doubt.
   */
  literal?: RegExp
  /** The matched phrase must not contain these (another matter, a sub-count). */
  excludes?: RegExp
  /** The text just before the match must not match this ("复议2件、行政诉讼…": the 2 is the review's). */
  notAfter?: RegExp
  /** Which of the report's years a year mentioned in the phrase must be, relative to the report. */
  yearOffset?: number
}

const NUM = '(?<n>\\d+(?:,\\d{3})*|[零〇一二两三四五六七八九十百千]+)'
const GAP = (n: number) => `[^,;:。!?\\d]{0,${n}}?`
// "15个工作日内" or "3个渠道" is not a count of applications.
const NOT_A_COUNT = '(?!工作|月|日|天|小时|方面|渠道|部门|单位|百分|领域|环节|平台|方式|类)'
const APPLICATION_UNIT = `(?<u>件|个|份|条)${NOT_A_COUNT}`
const CASE_UNIT = `(?<u>件|起|宗|个|次)${NOT_A_COUNT}`
const RECEIVE = '(?:收到|接到|接收|受理|新收|收悉)'
const NEXT_YEAR = '(?:下一?年度?|下年|次年|(?<y>\\d{4})年度?)'

const NONE = '(?:(?:未|没有)(?:发生|收到|出现|产生|涉及|被)|无(?=因|涉及|政府信息公开|行政复议|行政诉讼))'
// Number-before-keyword wordings ("2起行政复议") must not reach back across a list separator.
const TIGHT_GAP = '[^,;:。!?、\\d和及与]{0,6}?'
const ANOTHER_ITEM = /(复议|诉讼|申请|案件)[^,;:。!?]{0,4}$/
const OTHER_MATTERS = /复议|诉讼|信访|投诉|举报|建议|提案|热线|留言|咨询|来信/
const SUB_RESULTS = /纠错|纠正|维持|撤销|败诉|胜诉|审结|结案|尚未|未审|确认违法|驳回|终止|各|其中|分别/
const APPLICATIONS = /申请/
// "结转下年度继续办理25件", "尚在办理3件": a count still being handled, not one concluded.
const STILL_HANDLING = /(?:继续|尚在|正在|仍在|结转[^,;:。!?]{0,6})$/
const CARRIED_OVER_WORDING = /上一?年度?结转/
const CARRIED_FORWARD_WORDING = /结转(?:至|到)?下一?年度?/
const DISCLOSURE = /公开/

const PATTERNS: Pattern[] = [
  { rule: 'text.received', regex: re(`${RECEIVE}${GAP(30)}申请${GAP(12)}${NUM}${APPLICATION_UNIT}`), excludes: OTHER_MATTERS },
  { rule: 'text.received', regex: re(`${RECEIVE}${GAP(6)}${NUM}${APPLICATION_UNIT}${GAP(20)}申请`), excludes: OTHER_MATTERS },
  { rule: 'text.received', regex: re(`本年新收${GAP(20)}${NUM}${APPLICATION_UNIT}`), excludes: OTHER_MATTERS },
  { rule: 'text.received', regex: re(`(?:未|没有)${RECEIVE}${GAP(16)}申请(?!人|书|材料|表|内容|事项)`), weak: true, value: 0, excludes: OTHER_MATTERS },
  { rule: 'text.concluded', regex: re(`(?:办结|办理完毕|答复完毕|完成答复)${GAP(15)}${NUM}件`), requires: APPLICATIONS, excludes: OTHER_MATTERS },
  {
    rule: 'text.concluded',
    regex: re(`(?:办理|答复)${GAP(10)}${NUM}件`),
    weak: true,
    requires: APPLICATIONS,
    excludes: OTHER_MATTERS,
    notAfter: STILL_HANDLING
  },
  {
    rule: 'text.carried_forward',
    regex: re(`${NUM}件${GAP(6)}结转(?:至|到)?${NEXT_YEAR}`),
    requires: APPLICATIONS,
    literal: CARRIED_FORWARD_WORDING,
    yearOffset: 1
  },
  {
    rule: 'text.carried_forward',
    regex: re(`结转(?:至|到)?${NEXT_YEAR}${GAP(12)}${NUM}件`),
    requires: APPLICATIONS,
    literal: CARRIED_FORWARD_WORDING,
    yearOffset: 1
  },
  { rule: 'text.carried_forward', regex: re(`${NUM}件${GAP(16)}(?:顺延|延期|延续|转入)(?:至|到)?${NEXT_YEAR}`), requires: APPLICATIONS, yearOffset: 1 },
  { rule: 'text.carried_forward', regex: re(`${NUM}件${GAP(6)}(?:尚在办理|正在办理|仍在办理|尚未办结|未办结)`), weak: true, requires: APPLICATIONS },
  {
    rule: 'text.carried_over',
    regex: re(`(?:上一?年度?|(?<y>\\d{4})年度?)结转${GAP(10)}${NUM}件`),
    requires: APPLICATIONS,
    literal: CARRIED_OVER_WORDING,
    yearOffset: -1
  },
  { rule: 'text.carried_over', regex: re(`${NUM}件(?:为|系|是|属)?上一?年度?结转`), requires: APPLICATIONS, literal: CARRIED_OVER_WORDING },
  { rule: 'text.review', regex: re(`行政复议${GAP(12)}${NUM}${CASE_UNIT}`), excludes: SUB_RESULTS },
  { rule: 'text.review', regex: re(`${NUM}${CASE_UNIT}${TIGHT_GAP}行政复议`), excludes: SUB_RESULTS, notAfter: ANOTHER_ITEM },
  { rule: 'text.litigation', regex: re(`行政诉讼${GAP(12)}${NUM}${CASE_UNIT}`), excludes: SUB_RESULTS },
  { rule: 'text.litigation', regex: re(`${NUM}${CASE_UNIT}${TIGHT_GAP}行政诉讼`), excludes: SUB_RESULTS, notAfter: ANOTHER_ITEM },
  { rule: 'text.review', regex: re(`${NONE}${GAP(20)}行政复议`), weak: true, value: 0, excludes: SUB_RESULTS, requires: DISCLOSURE },
  { rule: 'text.litigation', regex: re(`${NONE}${GAP(20)}行政诉讼`), weak: true, value: 0, excludes: SUB_RESULTS, requires: DISCLOSURE },
  { rule: 'text.normative_in_force', regex: re(`现行有效的?${GAP(6)}规范性文件${GAP(4)}${NUM}件`), weak: true },
  { rule: 'text.regulations_in_force', regex: re(`现行有效的?(?:政府)?规章${GAP(4)}${NUM}件`), weak: true },
  { rule: 'text.normative_issued', regex: re(`(?:制发|制定)${GAP(8)}规范性文件${GAP(4)}${NUM}件`), weak: true }
]

function re(source: string): RegExp {
  return new RegExp(source, 'g')
}

const DOUBT_MARKERS: [RegExp, string][] = [
  [/同比|较上年|比上年|较去年|比去年|上年同期|较\d{4}年|比\d{4}年/, '句中含同比或与往年比较'],
  [/其中|累计|以来/, '数字可能是部分或累计数'],
  [/约|近|余|多件|左右|超过|逾/, '数字是约数'],
  [/各部门|各单位|各乡镇|各街道|下属|所属|市直|区直|县直|全系统|系统内/, '句子可能说的是其他机关或范围']
]

const WINDOW_BEFORE = 60
const TAIL = 12

/** The rest of the clause after a match: "行政复议1件被纠错" is a sub-count, not the total. */
function clauseTail(text: string, end: number): string {
  const rest = text.slice(end, end + TAIL)
  const stop = rest.search(/[,;:。!?]/)
  return stop < 0 ? rest : rest.slice(0, stop)
}

function yearsIn(text: string): number[] {
  return [...text.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]))
}

function doubtsFor(pattern: Pattern, window: string, sentence: string, year: number | null): string[] {
  const doubts: string[] = []
  if (pattern.weak) doubts.push('措辞不够明确')
  for (const [marker, why] of DOUBT_MARKERS) if (marker.test(window)) doubts.push(why)
  const allowed = year === null ? null : [year, year + (pattern.yearOffset ?? 1)]
  if (allowed && yearsIn(window).some((y) => !allowed.includes(y))) doubts.push('句中提到其他年份')
  if ((pattern.rule === 'text.review' || pattern.rule === 'text.litigation') && !DISCLOSURE.test(sentence)) {
    doubts.push('句子未说明是否因政府信息公开引起')
  }
  return doubts
}

function matchValue(pattern: Pattern, match: RegExpExecArray, year: number | null): number | null {
  if (pattern.value !== undefined) return pattern.value
  const explicitYear = match.groups?.y ? Number(match.groups.y) : null
  if (explicitYear !== null && year !== null && explicitYear !== year + (pattern.yearOffset ?? 0)) return null
  const digits = match.groups?.n
  if (!digits) return null
  // Chinese numerals only with a counting word that cannot be "三个月": 件, 起, 宗.
  if (!/^\d/.test(digits) && match.groups?.u && !/[件起宗]/.test(match.groups.u)) return null
  return parseNumber(digits)
}

const NEIGHBOUR = 120

/**
 * A literal 上年结转 / 结转下年度 claim whose sentence does not say 申请: null (skip) when it is not
 * literal or the sentence is about another matter; no doubt when the sentence before says 申请.
 */
function literalContext(pattern: Pattern, phrase: string, text: string, sentenceStart: number, sentenceText: string): { doubts: string[] } | null {
  if (!pattern.requires || !pattern.literal?.test(phrase) || OTHER_MATTERS.test(sentenceText)) return null
  const before = sentenceStart > 0 ? sentenceAround(text, sentenceStart - 1, sentenceStart - 1) : null
  const previous = before ? text.slice(Math.max(before.start, sentenceStart - NEIGHBOUR), sentenceStart) : ''
  if (pattern.requires.test(previous) && !OTHER_MATTERS.test(previous)) return { doubts: [] }
  return { doubts: ['句中未说明是政府信息公开申请'] }
}

/** Every claim in the prose, for a report covering `year` (null when unknown). */
export function findClaims(prose: Prose, year: number | null): Claim[] {
  const claims: Claim[] = []
  const text = prose.text
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0
    for (let match = pattern.regex.exec(text); match; match = pattern.regex.exec(text)) {
      const start = match.index
      const end = start + match[0].length
      if (pattern.excludes?.test(match[0] + clauseTail(text, end))) continue
      if (pattern.notAfter?.test(text.slice(Math.max(0, start - 8), start))) continue
      const sentence = sentenceAround(text, start, end)
      const sentenceText = text.slice(Math.max(sentence.start, start - 200), Math.min(sentence.end, end + 200))
      let context: { doubts: string[] } | null = { doubts: [] }
      if (pattern.requires && !pattern.requires.test(sentenceText)) {
        context = literalContext(pattern, match[0], text, sentence.start, sentenceText)
        if (!context) continue
      }
      const value = matchValue(pattern, match, year)
      if (value === null) continue
      const window = text.slice(Math.max(sentence.start, start - WINDOW_BEFORE), end)
      const doubts = [...doubtsFor(pattern, window, sentenceText, year), ...context.doubts]
      claims.push({ rule: pattern.rule, value, start, end, doubts })
    }
  }
  return claims
}

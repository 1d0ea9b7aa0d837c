// Text against tables: the figures a report states in its prose, compared with its own tables.

import type { ExtractedReport, Finding, FindingStatus } from '../report'
import { tableOf } from '../template'
import { findClaims, type Claim, type ClaimRule } from './claims'
import { normaliseProse, quoteOriginal, sentenceAround } from './prose'

interface Target {
  /** How the prose states it, for the message. */
  phrase: string
  label: string
  cells: string[]
  /** Other table figures the sentence may mean; `pass` when that reading is a correct one. */
  alternatives?: { label: string; cells: string[]; pass: boolean }[]
  /** Table 二 figures are stated in many scopes (本级/全市…): never more than a doubt. */
  uncertainOnly?: boolean
}

const TARGETS: Record<ClaimRule, Target> = {
  'text.received': {
    phrase: '收到申请',
    label: '本年新收总计',
    cells: ['requests.new_received.total'],
    alternatives: [{ label: '本年新收 + 上年结转', cells: ['requests.new_received.total', 'requests.carried_over.total'], pass: true }]
  },
  'text.concluded': { phrase: '办结', label: '办理结果总计', cells: ['requests.total.total'] },
  'text.carried_forward': { phrase: '结转下年度', label: '结转下年度继续办理总计', cells: ['requests.carried_forward.total'] },
  'text.carried_over': { phrase: '上年结转', label: '上年结转总计', cells: ['requests.carried_over.total'] },
  'text.review': { phrase: '行政复议', label: '行政复议总计', cells: ['appeals.review.total'] },
  'text.litigation': {
    phrase: '行政诉讼',
    label: '行政诉讼总计（直接起诉 + 复议后起诉）',
    cells: ['appeals.litigation_direct.total', 'appeals.litigation_after_review.total'],
    alternatives: [
      { label: '未经复议直接起诉总计', cells: ['appeals.litigation_direct.total'], pass: false },
      { label: '复议后起诉总计', cells: ['appeals.litigation_after_review.total'], pass: false }
    ]
  },
  'text.regulations_in_force': { phrase: '现行有效规章', label: '规章现行有效件数', cells: ['active.regulations.in_force'], uncertainOnly: true },
  'text.normative_in_force': {
    phrase: '现行有效规范性文件',
    label: '行政规范性文件现行有效件数',
    cells: ['active.normative_documents.in_force'],
    uncertainOnly: true
  },
  'text.normative_issued': {
    phrase: '制发规范性文件',
    label: '行政规范性文件本年制发件数',
    cells: ['active.normative_documents.issued'],
    uncertainOnly: true
  }
}

interface QuotedClaim extends Claim {
  quote: string
}

const QUOTE_BEFORE = 50
const QUOTE_AFTER = 40
const CACHE_SIZE = 16
const claimCache = new Map<string, { year: number | null; claims: QuotedClaim[] }>()

/** Claims depend only on the text and the year: cached, since checks re-run after every edit. */
function claimsOf(text: string, year: number | null): QuotedClaim[] {
  const cached = claimCache.get(text)
  if (cached && cached.year === year) return cached.claims
  const prose = normaliseProse(text)
  const claims = findClaims(prose, year).map((claim) => {
    const sentence = sentenceAround(prose.text, claim.start, claim.end)
    const from = Math.max(sentence.start, claim.start - QUOTE_BEFORE)
    const to = Math.min(sentence.end, claim.end + QUOTE_AFTER)
    return { ...claim, quote: quoteOriginal(prose, from, to) }
  })
  if (claimCache.size >= CACHE_SIZE) claimCache.delete(claimCache.keys().next().value!)
  claimCache.set(text, { year, claims })
  return claims
}

interface TableFigure {
  value: number | null
  blanks: string[]
  review: boolean
}

function figure(report: ExtractedReport, cells: string[]): TableFigure | null {
  let value = 0
  let review = false
  const blanks: string[] = []
  for (const key of cells) {
    if (report.tables[tableOf(key)] !== 'found') return null
    const cell = report.cells[key]
    if (!cell || cell.value === null) blanks.push(key)
    else value += cell.value
    if (!cell || cell.review) review = true
  }
  return { value: blanks.length === cells.length ? null : value, blanks, review }
}

function compare(claim: QuotedClaim, report: ExtractedReport): Finding | null {
  const target = TARGETS[claim.rule]
  const table = figure(report, target.cells)
  if (!table) return null
  const said = `正文称${target.phrase} ${claim.value} 件`
  const base = { rule: claim.rule, cells: target.cells, quote: claim.quote, left: { label: '正文', value: claim.value } }
  if (table.value === null) {
    return {
      ...base,
      status: 'not_assessable',
      blockedBy: table.blanks,
      right: { label: target.label, value: null },
      message: `${said}，但表格${target.label}为空白，无法核对`
    }
  }
  const right = { label: target.label, value: table.value }
  if (table.value === claim.value && !table.blanks.length) {
    return { ...base, status: 'pass', right, message: `${said}，与表格${target.label} ${table.value} 相符` }
  }
  for (const alt of target.alternatives ?? []) {
    const other = figure(report, alt.cells)
    if (other?.value !== claim.value || other.blanks.length) continue
    const status: FindingStatus = alt.pass ? 'pass' : 'uncertain'
    const how = alt.pass ? '相符' : `一致，但与${target.label} ${table.value} 不同，请核对`
    return { ...base, cells: [...new Set([...target.cells, ...alt.cells])], status, right, message: `${said}，与表格${alt.label} ${claim.value} ${how}` }
  }
  const doubts = [...claim.doubts]
  if (table.blanks.length) doubts.push('表格中有空白单元格')
  const diff = Math.abs(table.value - claim.value)
  if (doubts.length || target.uncertainOnly) {
    const why = doubts.length ? `（${[...new Set(doubts)].join('；')}）` : ''
    return { ...base, status: 'uncertain', right, message: `${said}，表格${target.label}为 ${table.value}，相差 ${diff}${why}，请核对` }
  }
  return {
    ...base,
    status: 'fail',
    right,
    message: `${said}，但表格${target.label}为 ${table.value}，相差 ${diff}`,
    fault: table.review ? 'extraction' : 'report'
  }
}

/** When the prose states the right figure somewhere, its other figures for the same rule are doubts, not failures. */
function softenAgainstPasses(findings: Finding[]): Finding[] {
  const passed = new Set(findings.filter((f) => f.status === 'pass').map((f) => f.rule))
  return findings.map((f) =>
    f.status === 'fail' && passed.has(f.rule)
      ? { ...f, status: 'uncertain' as const, fault: undefined, message: `${f.message}（正文另一处与表格相符，请核对）` }
      : f
  )
}

export function checkText(report: ExtractedReport, text: string | undefined): Finding[] {
  if (!text) return []
  const seen = new Set<string>()
  const findings: Finding[] = []
  for (const claim of claimsOf(text, report.meta.year)) {
    const key = `${claim.rule}|${claim.value}`
    if (seen.has(key)) continue
    const finding = compare(claim, report)
    if (!finding) continue
    seen.add(key)
    findings.push(finding)
  }
  return softenAgainstPasses(findings).map((f) => {
    if (f.fault === undefined) delete f.fault
    return f
  })
}

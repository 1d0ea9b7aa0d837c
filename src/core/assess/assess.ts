// 年报质量评估: one report scored indicator by indicator against a rubric, each point taken off
// traced to its evidence — the cells, a quote of the text with its place, the findings of the
// checks. Pure: the library gives it the report as it stands, its findings, text and marks.

import { readPublicationDate } from '../extract/published'
import type { Finding } from '../report'
import { TABLE_NAMES, TABLE_TITLES, type TableName } from '../template'
import { findingKey } from '../validate/acceptances'
import { cellLabel } from '../validate/labels'
import { cellTypeOf, expectedKeys } from '../validate/values'
import { CHAPTERS, chapterBody, readChapters, type ChapterReading } from './chapters'
import type { IndicatorId, Rubric, RubricDeduction, RubricIndicator } from './rubric'
import type { AssessInput, Assessment, Deduction, Evidence, IndicatorResult, IndicatorState } from './types'

/** A problem found, before the rubric prices it. */
interface Problem {
  deduction: string
  reason: string
  evidence: Evidence
}

interface Judgement {
  problems: Problem[]
  /** Set when the indicator cannot be judged (and why). */
  unknown?: string
  /** What was found right (or why unknown), in one sentence. */
  reason: string
  evidence?: Evidence
}

interface Context extends AssessInput {
  chapters: ChapterReading | null
}

const RELATION_RULES = new Set(['requests.balance', 'requests.results_sum', 'requests.results_bound', 'requests.row_sum', 'appeals.group_sum'])
const TEXT_RULES = new Set(['text.received', 'text.concluded', 'text.carried_forward', 'text.carried_over', 'text.review', 'text.litigation'])

const ids = (findings: Finding[]): string[] => findings.map(findingKey)
const labels = (keys: string[], max = 4): string => keys.slice(0, max).map(cellLabel).join('、') + (keys.length > max ? ` 等 ${keys.length} 格` : '')

/** The form the year asks for: 2021 on 〔2021〕30号, 2019–2020 the trial form, before that none. */
export function formForYear(year: number | null): '2021' | '2019' | null {
  if (year === null) return null
  if (year >= 2021) return '2021'
  if (year >= 2019) return '2019'
  return null
}

const FORM_NAMES = { '2021': '〔2021〕30号格式', '2019': '2019 年试行格式' } as const

function timeliness(c: Context): Judgement {
  const year = c.report.meta.year
  // A date the reviewer typed wins: they read it where the text does not say it (the site's page).
  const typed = c.typedDate
  let date: { date: string; what: string; evidence: Evidence }
  if (typed) {
    date = { date: typed.date, what: `发布日期（由核验人${typed.by}于 ${typed.at.slice(0, 10)} 填写）`, evidence: { typed } }
  } else {
    if (c.text === undefined) return { problems: [], unknown: '资料库中没有报告正文，无法读出发布日期', reason: '资料库中没有报告正文，无法读出发布日期' }
    const read = readPublicationDate(c.text)
    if (!read) {
      const reason = '报告未载明发布日期或落款日期，无法判断是否按时发布'
      return { problems: [{ deduction: 'undated', reason, evidence: {} }], unknown: reason, reason }
    }
    date = {
      date: read.date,
      what: read.kind === 'published' ? '发布日期' : '落款日期',
      evidence: { quote: { text: read.quote, start: read.start, end: read.end } }
    }
  }
  const { what, evidence } = date
  if (year === null) return { problems: [], unknown: '报告年度不明', reason: `${what} ${date.date}，但报告年度不明，无法判断`, evidence }
  const deadline = `${year + 1}-01-31`
  if (date.date <= `${year}-12-31`) {
    const reason = `${what} ${date.date} 早于 ${year} 年度结束，不像是发布日期，无法判断`
    return { problems: [], unknown: reason, reason, evidence }
  }
  if (date.date > deadline) {
    return {
      problems: [{ deduction: 'late', reason: `${what} ${date.date}，晚于规定的 ${deadline}（《政府信息公开条例》第五十条）`, evidence }],
      reason: `${what} ${date.date}，晚于 ${deadline}`
    }
  }
  return { problems: [], reason: `${what} ${date.date}，在 ${deadline} 之前`, evidence }
}

function conformity(c: Context): Judgement {
  const problems: Problem[] = []
  const { year, template } = c.report.meta
  const expected = formForYear(year)
  if (template === null) {
    problems.push({ deduction: 'no_form', reason: '没有读出规定格式的表格（表二）', evidence: {} })
  } else if (expected && template !== expected) {
    problems.push({
      deduction: 'wrong_form',
      reason: `${year} 年度应采用${FORM_NAMES[expected]}，报告采用的是${FORM_NAMES[template]}`,
      evidence: { cells: c.report.tables.active === 'found' ? expectedKeys(c.report, 'active').slice(0, 1) : [] }
    })
  }
  for (const f of c.findings.filter((f) => f.rule === 'values.unit' && f.status !== 'pass')) {
    problems.push({ deduction: 'unit', reason: f.message, evidence: { cells: f.cells, findings: [findingKey(f)] } })
  }
  if (c.chapters) {
    c.chapters.found.forEach((place, i) => {
      if (place) return
      const chapter = CHAPTERS[i]
      const misplaced = c.chapters!.misplaced.find((m) => m.chapter.numeral === chapter.numeral)
      if (misplaced) {
        problems.push({
          deduction: 'chapter_order',
          reason: `第${chapter.numeral}部分“${chapter.title}”出现在前一部分之前，顺序与格式不符`,
          evidence: { quote: misplaced.quote }
        })
      } else problems.push({ deduction: 'chapter_missing', reason: `缺少第${chapter.numeral}部分“${chapter.title}”`, evidence: {} })
    })
  }
  const unknown = !c.chapters && expected === null ? '报告年度不明，且资料库中没有正文' : undefined
  const form = template ? FORM_NAMES[template] : '无规定表格'
  return {
    problems,
    ...(unknown ? { unknown } : {}),
    reason: problems.length ? `${problems.length} 处不符合格式` : `采用${form}${c.chapters ? '，六个部分齐全且按序' : '（没有正文，未核对六个部分）'}`
  }
}

function completeness(c: Context): Judgement {
  const problems: Problem[] = []
  const absent = new Set(c.marks?.tables ?? [])
  const markedBlank = new Set(c.marks?.cells ?? [])
  for (const table of TABLE_NAMES) {
    if (c.report.tables[table] === 'found' && !absent.has(table)) continue
    const recorded = absent.has(table) ? '（已记录“原文无此表”）' : ''
    problems.push({
      deduction: 'table_missing',
      reason: `缺少${TABLE_TITLES[table]}${recorded}`,
      evidence: { cells: expectedKeys(c.report, table).slice(0, 1) }
    })
  }
  for (const table of TABLE_NAMES) {
    if (c.report.tables[table] !== 'found' || absent.has(table)) continue
    const blank = blankCells(c, table)
    for (const key of blank) {
      const raw = c.report.cells[key]?.raw.trim() ?? ''
      const shown = raw === '' ? '空白' : `“${raw}”`
      const recorded = markedBlank.has(key) ? '（已记录“原文空白”）' : ''
      problems.push({
        deduction: 'cell_blank',
        reason: `${TABLE_TITLES[table].slice(0, 1)}${cellLabel(key)} 为${shown}${recorded}`,
        evidence: { cells: [key] }
      })
    }
  }
  return { problems, reason: problems.length ? `${problems.length} 处缺项` : '三张表齐全，应填件数的单元格都有数字' }
}

/** Count cells of a found table holding no number: blank, "/", "-", "—" (digits that were not read are the checks' business). */
function blankCells(c: Context, table: TableName): string[] {
  return expectedKeys(c.report, table).filter((key) => {
    if (cellTypeOf(c.report, key) !== 'count') return false
    const cell = c.report.cells[key]
    return !cell || (cell.value === null && !/[0-9０-９]/.test(cell.raw))
  })
}

function accuracy(c: Context): Judgement {
  const problems: Problem[] = []
  const failing = c.findings.filter((f) => f.status === 'fail')
  for (const f of failing.filter((f) => RELATION_RULES.has(f.rule))) {
    problems.push({ deduction: 'relation_fail', reason: f.message, evidence: { cells: f.cells, findings: [findingKey(f)] } })
  }
  for (const f of failing.filter((f) => TEXT_RULES.has(f.rule))) {
    problems.push({ deduction: 'text_mismatch', reason: f.message, evidence: { cells: f.cells, findings: [findingKey(f)], ...quoteOfFinding(c, f) } })
  }
  const carry = c.findings.filter((f) => f.rule === 'years.carry_over')
  const carryFails = carry.filter((f) => f.status === 'fail')
  if (carryFails.length) {
    const cells = carryFails.flatMap((f) => f.cells.filter((k) => k.startsWith('requests.carried_over.')))
    problems.push({
      deduction: 'carry_over',
      reason: `本年上年结转（${labels(cells)}）与上一年度报告的结转下年度不一致：${carryFails[0].message}`,
      evidence: { cells, findings: ids(carryFails) }
    })
  }
  const checked = c.findings.filter((f) => RELATION_RULES.has(f.rule) && f.status !== 'not_assessable').length
  if (!problems.length && c.report.tables.requests !== 'found' && c.report.tables.appeals !== 'found') {
    const reason = '没有表三、表四，无法核对勾稽关系与正文数字'
    return { problems, unknown: reason, reason }
  }
  const linked = carry.length ? '，已与上一年度报告的结转下年度核对' : '，上一年度报告不在资料库中，未核对上年结转'
  return {
    problems,
    reason: problems.length ? `${problems.length} 处数字不一致${linked}` : `勾稽关系 ${checked} 项成立，正文数字与表格相符${linked}`
  }
}

/** A text finding's quote, placed in the text when it can be found there. */
function quoteOfFinding(c: Context, f: Finding): { quote?: Evidence['quote'] } {
  if (!f.quote) return {}
  const start = c.text?.indexOf(f.quote) ?? -1
  if (start >= 0) return { quote: { text: f.quote, start, end: start + f.quote.length } }
  // the finding quotes its sentence with runs of whitespace shown as one space: find it through the prose
  if (c.chapters) {
    const squeezed = f.quote.replace(/\s+/g, '')
    const at = c.chapters.prose.text.indexOf(squeezed.normalize('NFKC'))
    if (at >= 0) return { quote: { text: f.quote, start: c.chapters.prose.origin[at], end: c.chapters.prose.origin[at + squeezed.length - 1] + 1 } }
  }
  return { quote: { text: f.quote, start: -1, end: -1 } }
}

function problemsSection(c: Context): Judgement {
  if (!c.chapters) return { problems: [], unknown: '资料库中没有报告正文', reason: '资料库中没有报告正文，无法核对第五部分' }
  const body = chapterBody(c.chapters, 4)
  if (!c.chapters.found[4]) {
    const misplaced = c.chapters.misplaced.find((m) => m.chapter.numeral === '五')
    if (!misplaced) return { problems: [{ deduction: 'missing', reason: '报告没有第五部分“存在的主要问题及改进情况”', evidence: {} }], reason: '没有第五部分' }
  }
  const thin = c.findings.filter((f) => f.rule === 'text.problems_section' && f.status !== 'pass')
  if (thin.length) {
    return {
      problems: [{ deduction: 'only_none', reason: thin[0].message, evidence: { findings: ids(thin), ...(body ? { quote: body } : {}) } }],
      reason: '第五部分只写“无”或几乎没有内容'
    }
  }
  return { problems: [], reason: '第五部分写明了存在的问题和改进情况', ...(body ? { evidence: { quote: body } } : {}) }
}

const FEE_WORDS = /信息处理费|处理费|收费|收取.{0,6}费用/

function fees(c: Context): Judgement {
  const year = c.report.meta.year
  if (year !== null && year < 2021) return { problems: [], reason: `${year} 年度的格式不要求报告信息处理费` }
  if (!c.chapters) return { problems: [], unknown: '资料库中没有报告正文', reason: '资料库中没有报告正文，无法核对第六部分' }
  const body = chapterBody(c.chapters, 5)
  if (!body) return { problems: [{ deduction: 'not_reported', reason: '报告没有第六部分，未报告信息处理费收取情况', evidence: {} }], reason: '没有第六部分' }
  // the words are matched in the normalised prose (Simplified, no spaces), the quote shown as written
  const normal = c.chapters.prose.text.slice(c.chapters.found[5]!.end, c.chapters.found[5]!.end + 400)
  if (FEE_WORDS.test(normal)) return { problems: [], reason: '第六部分报告了信息处理费收取情况', evidence: { quote: body } }
  const said = body.text ? `第六部分只写了“${body.text.slice(0, 30)}”` : '第六部分没有内容'
  return {
    problems: [{ deduction: 'not_reported', reason: `${said}，未报告信息处理费收取情况（〔2021〕30号格式要求）`, evidence: { quote: body } }],
    reason: '第六部分未报告信息处理费'
  }
}

const JUDGES: Record<IndicatorId, (c: Context) => Judgement> = { timeliness, conformity, completeness, accuracy, problems: problemsSection, fees }

/** Prices the problems of one indicator by the rubric: each deduction once, or per item up to its cap; never below zero. */
function price(indicator: RubricIndicator, judgement: Judgement): IndicatorResult {
  const rules = new Map<string, RubricDeduction>(indicator.deductions.map((d) => [d.id, d]))
  const spent = new Map<string, number>()
  const deductions: Deduction[] = []
  let left = indicator.points
  for (const problem of judgement.problems) {
    const rule = rules.get(problem.deduction)
    if (!rule) continue
    const already = spent.get(rule.id) ?? 0
    if (!rule.perItem && spent.has(rule.id)) {
      deductions.push({ id: rule.id, points: 0, reason: problem.reason, evidence: problem.evidence })
      continue
    }
    const room = rule.perItem ? Math.max(0, (rule.cap ?? indicator.points) - already) : rule.points
    const points = Math.min(rule.points, room, left)
    spent.set(rule.id, already + points)
    left -= points
    deductions.push({ id: rule.id, points, reason: `${rule.text}：${problem.reason}`, evidence: problem.evidence })
  }
  const points = round(indicator.points - deductions.reduce((s, d) => s + d.points, 0))
  const state: IndicatorState = judgement.unknown ? 'unknown' : deductions.length ? 'deducted' : 'pass'
  return {
    id: indicator.id,
    title: indicator.title,
    max: indicator.points,
    points,
    state,
    reason: judgement.reason,
    deductions,
    evidence: judgement.evidence ?? {}
  }
}

const round = (n: number): number => Math.round(n * 100) / 100

/** Scores one report against a rubric (checked by parseRubric). */
export function assessReport(input: AssessInput, rubric: Rubric): Assessment {
  const context: Context = { ...input, chapters: input.text === undefined ? null : readChapters(input.text) }
  const indicators = rubric.indicators.map((indicator) => price(indicator, JUDGES[indicator.id](context)))
  return {
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    total: round(indicators.reduce((s, i) => s + i.points, 0)),
    max: round(indicators.reduce((s, i) => s + i.max, 0)),
    unverified: !input.verified,
    indicators
  }
}

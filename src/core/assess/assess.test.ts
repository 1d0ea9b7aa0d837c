import { describe, expect, it } from 'vitest'
import defaultRubricJson from '../../../resources/assess-rubric.json'
import { readPublicationDate } from '../extract/published'
import type { ExtractedReport } from '../report'
import { runChecks } from '../validate'
import { cell, consistentReport } from '../validate/fixtures'
import { assessReport, formForYear, parseRubric, type IndicatorId, type Rubric } from '.'

const rubric = parseRubric(defaultRubricJson).value as Rubric

const FIVE = '五、存在的主要问题及改进情况\n一是政策解读不够深入，二是新媒体更新不及时。下一步将细化公开清单，加强解读。\n'
const SIX = '六、其他需要报告的事项\n本年度未收取信息处理费。\n'
const SIGNED = '某某市应急管理局\n2022年1月20日\n'

function textOf(parts: { five?: string; six?: string; tail?: string; drop?: string; head?: string; body?: string } = {}): string {
  const chapters = [
    '一、总体情况\n本局认真落实条例。\n',
    '二、主动公开政府信息情况\n（表二）\n',
    '三、收到和处理政府信息公开申请情况\n（表三）\n',
    '四、政府信息公开行政复议、行政诉讼情况\n（表四）\n',
    parts.five ?? FIVE,
    parts.six ?? SIX
  ].filter((c) => !parts.drop || !c.startsWith(parts.drop))
  return `${parts.head ?? ''}某某市应急管理局2021年政府信息公开工作年度报告\n${parts.body ?? ''}${chapters.join('')}${parts.tail ?? SIGNED}`
}

interface Case {
  name: string
  report?: ExtractedReport
  text?: string
  previous?: ExtractedReport
  marks?: { tables: ('active' | 'requests' | 'appeals')[]; cells: string[] }
  indicator: IndicatorId
  points: number
  state: 'pass' | 'deducted' | 'unknown'
  deductions?: string[]
  /** Expected evidence: cells included, a quote (text, and that its place in the text holds it), finding ids. */
  cells?: string[]
  quote?: string
  findings?: string[]
}

/** The report's words as a Traditional-character report writes them. */
function toTraditional(text: string): string {
  const pairs: Record<string, string> = {
    总: '總',
    体: '體',
    况: '況',
    动: '動',
    开: '開',
    处: '處',
    费: '費',
    诉: '訴',
    讼: '訟',
    议: '議',
    复: '複',
    请: '請',
    报: '報',
    项: '項',
    问: '問',
    题: '題',
    进: '進'
  }
  return [...text].map((c) => pairs[c] ?? c).join('')
}

const base = (): ExtractedReport => consistentReport('2021')
function edited(cells: Record<string, { value: number | null; raw: string }>, report = base()): ExtractedReport {
  const copy = { ...report, cells: { ...report.cells } }
  for (const [k, v] of Object.entries(cells)) copy.cells[k] = { ...cell(v.value, false, v.raw) }
  return copy
}

/** Last year's report whose 结转下年度 matches this year's 上年结转, but for the columns given. */
function lastYear(differing: Record<string, number> = {}): ExtractedReport {
  const report = base()
  const previous = { ...report, meta: { ...report.meta, year: 2020 }, cells: { ...report.cells } }
  for (const key of Object.keys(report.cells).filter((k) => k.startsWith('requests.carried_over.'))) {
    const column = key.slice('requests.carried_over.'.length)
    const value = differing[column] ?? report.cells[key].value
    previous.cells[`requests.carried_forward.${column}`] = cell(value)
  }
  return previous
}

const cases: Case[] = [
  { name: 'on time: signed 2022年1月20日', indicator: 'timeliness', points: 15, state: 'pass', quote: '2022年1月20日' },
  {
    name: 'late: signed 2022年3月1日',
    text: textOf({ tail: '某某市应急管理局\n2022年3月1日\n' }),
    indicator: 'timeliness',
    points: 0,
    state: 'deducted',
    deductions: ['late'],
    quote: '2022年3月1日'
  },
  { name: 'no date at all', text: textOf({ tail: '某某市应急管理局\n' }), indicator: 'timeliness', points: 15, state: 'unknown', deductions: ['undated'] },
  {
    name: 'a page’s 发布日期 wins over the signature',
    text: textOf({ head: '发布日期：2022-02-15  来源：本局\n', tail: SIGNED }),
    indicator: 'timeliness',
    points: 0,
    state: 'deducted',
    deductions: ['late'],
    quote: '发布日期：2022-02-15'
  },
  {
    name: 'signature date in Chinese numerals',
    text: textOf({ tail: '某某局\n二〇二二年一月三十一日\n' }),
    indicator: 'timeliness',
    points: 15,
    state: 'pass',
    quote: '二〇二二年一月三十一日'
  },
  { name: 'right form, six chapters', indicator: 'conformity', points: 20, state: 'pass' },
  {
    name: 'wrong form for the year: 2021 report on the 2019 trial form',
    report: { ...consistentReport('2019'), meta: { agency: '测试机关', year: 2021, template: '2019' } },
    indicator: 'conformity',
    points: 10,
    state: 'deducted',
    deductions: ['wrong_form']
  },
  { name: 'missing chapter 四', text: textOf({ drop: '四、' }), indicator: 'conformity', points: 17, state: 'deducted', deductions: ['chapter_missing'] },
  {
    name: 'fee amount written in 元 under a 万元 header',
    report: edited({ 'active.fees.amount': { value: 300, raw: '300元' } }),
    indicator: 'conformity',
    points: 18,
    state: 'deducted',
    deductions: ['unit'],
    cells: ['active.fees.amount'],
    findings: ['values.unit|active.fees.amount']
  },
  { name: 'every table, every count', indicator: 'completeness', points: 20, state: 'pass' },
  {
    name: 'blanks: "/" and an empty count cell',
    report: edited({ 'requests.granted.natural': { value: null, raw: '/' }, 'appeals.review.pending': { value: null, raw: '' } }),
    indicator: 'completeness',
    points: 18,
    state: 'deducted',
    deductions: ['cell_blank', 'cell_blank'],
    cells: ['requests.granted.natural', 'appeals.review.pending']
  },
  {
    name: 'table 四 recorded 原文无此表',
    report: { ...base(), tables: { active: 'found', requests: 'found', appeals: 'missing' } },
    marks: { tables: ['appeals'], cells: [] },
    indicator: 'completeness',
    points: 10,
    state: 'deducted',
    deductions: ['table_missing']
  },
  { name: 'consistent tables and prose', indicator: 'accuracy', points: 25, state: 'pass' },
  {
    name: 'a failing 勾稽: 本年新收 one too many',
    report: edited({ 'requests.new_received.natural': { value: 999, raw: '999' } }),
    indicator: 'accuracy',
    points: 19,
    state: 'deducted',
    deductions: ['relation_fail', 'relation_fail'],
    cells: ['requests.new_received.natural'],
    findings: ['requests.balance|requests.carried_forward.natural,requests.carried_over.natural,requests.new_received.natural,requests.total.natural']
  },
  {
    name: 'text says 70 received, the table otherwise',
    text: textOf({ body: '本年度全区共收到70件申请。\n' }),
    indicator: 'accuracy',
    points: 22,
    state: 'deducted',
    deductions: ['text_mismatch'],
    cells: ['requests.new_received.total'],
    quote: '本年度全区共收到70件申请'
  },
  {
    name: 'broken 上年结转 link with last year’s report',
    previous: lastYear({ natural: 9 }),
    indicator: 'accuracy',
    points: 20,
    state: 'deducted',
    deductions: ['carry_over'],
    cells: ['requests.carried_over.natural']
  },
  {
    name: 'no table 三 or 四: accuracy cannot be judged',
    report: { ...base(), tables: { active: 'found', requests: 'missing', appeals: 'missing' } },
    indicator: 'accuracy',
    points: 25,
    state: 'unknown'
  },
  { name: '上年结转 linked with last year’s report', previous: lastYear(), indicator: 'accuracy', points: 25, state: 'pass' },
  { name: '五 names problems and measures', indicator: 'problems', points: 10, state: 'pass', quote: '一是政策解读不够深入' },
  {
    name: '五 headed 政府信息公开工作存在的主要问题 (上海 2019)',
    text: textOf({ five: FIVE.replace('五、存在', '五、政府信息公开工作存在') }),
    indicator: 'problems',
    points: 10,
    state: 'pass',
    quote: '一是政策解读不够深入'
  },
  {
    name: '五 says only 无',
    text: textOf({ five: '五、存在的主要问题及改进情况\n无。\n' }),
    indicator: 'problems',
    points: 0,
    state: 'deducted',
    deductions: ['only_none'],
    findings: ['text.problems_section|']
  },
  { name: '六 reports 信息处理费', indicator: 'fees', points: 10, state: 'pass', quote: '本年度未收取信息处理费' },
  {
    name: '六 without 收费',
    text: textOf({ six: '六、其他需要报告的事项\n无。\n' }),
    indicator: 'fees',
    points: 0,
    state: 'deducted',
    deductions: ['not_reported'],
    quote: '无。'
  },
  {
    name: 'a report in Traditional characters has its six chapters and reports its 信息處理費',
    text: toTraditional(textOf()),
    indicator: 'conformity',
    points: 20,
    state: 'pass'
  },
  {
    name: '六 in Traditional characters reports 信息處理費',
    text: toTraditional(textOf()),
    indicator: 'fees',
    points: 10,
    state: 'pass',
    quote: '本年度未收取信息處理費'
  },
  {
    name: '六 without 收费 in a 2020 report: not asked by its form',
    report: { ...consistentReport('2019'), meta: { agency: '测试机关', year: 2020, template: '2019' } },
    text: textOf({ six: '六、其他需要报告的事项\n无。\n' }),
    indicator: 'fees',
    points: 10,
    state: 'pass'
  }
]

describe('assessReport, indicator by indicator', () => {
  it.each(cases)('$name', (c) => {
    const report = c.report ?? base()
    const text = c.text ?? textOf()
    const findings = runChecks(report, { text, previous: c.previous })
    const result = assessReport({ report, findings, text, marks: c.marks, verified: true }, rubric)
    const indicator = result.indicators.find((i) => i.id === c.indicator)!
    expect({ points: indicator.points, state: indicator.state }).toEqual({ points: c.points, state: c.state })
    expect(indicator.deductions.map((d) => d.id)).toEqual(c.deductions ?? [])
    const evidence = [indicator.evidence, ...indicator.deductions.map((d) => d.evidence)]
    for (const key of c.cells ?? []) expect(evidence.some((e) => e.cells?.includes(key))).toBe(true)
    for (const id of c.findings ?? []) expect(evidence.some((e) => e.findings?.includes(id))).toBe(true)
    if (c.quote) {
      const quoted = evidence.find((e) => e.quote?.text.includes(c.quote!))?.quote
      expect(quoted, 'a quote holding the words').toBeDefined()
      // the place points at the words in the document's text
      expect(text.slice(quoted!.start, quoted!.end).replace(/\s+/g, '')).toContain(c.quote.replace(/\s+/g, ''))
    }
    for (const d of indicator.deductions) expect(d.reason).toMatch(/[\u4e00-\u9fff]/)
  })

  it('adds the indicators up to the total, and says when the report is not verified', () => {
    const report = edited({ 'requests.granted.natural': { value: null, raw: '/' } })
    const text = textOf({ tail: '某某局\n2022年3月1日\n', five: '五、存在的主要问题及改进情况\n无\n' })
    const result = assessReport({ report, findings: runChecks(report, { text }), text, verified: false }, rubric)
    expect(result.max).toBe(100)
    expect(result.total).toBe(result.indicators.reduce((s, i) => s + i.points, 0))
    expect(result.total).toBeLessThanOrEqual(100 - 15 - 10 - 1)
    expect(result.unverified).toBe(true)
  })

  it('without the text, timeliness, 五 and 六 are unknown, not failed', () => {
    const report = base()
    const result = assessReport({ report, findings: runChecks(report), verified: true }, rubric)
    const states = Object.fromEntries(result.indicators.map((i) => [i.id, i.state]))
    expect(states).toMatchObject({ timeliness: 'unknown', problems: 'unknown', fees: 'unknown', completeness: 'pass' })
  })

  it('caps a per-item deduction and never goes below zero', () => {
    const blanks = Object.fromEntries(
      Object.keys(base().cells)
        .filter((k) => k.startsWith('requests.'))
        .slice(0, 30)
        .map((k) => [k, { value: null, raw: '-' }])
    )
    const report = edited(blanks)
    const result = assessReport({ report, findings: [], text: textOf(), verified: true }, rubric)
    const completeness = result.indicators.find((i) => i.id === 'completeness')!
    expect(completeness.points).toBe(10)
    expect(completeness.deductions.filter((d) => d.points > 0)).toHaveLength(10)
    expect(completeness.deductions).toHaveLength(30)
  })
})

describe('timeliness from a date the reviewer typed', () => {
  const typed = (date: string) => ({ date, by: '张三', at: '2026-12-06T16:50:00.000Z' })
  it.each([
    { name: 'typed on time wins over a late signature', text: textOf({ tail: '某某局\n2022年3月1日\n' }), date: '2022-01-25', points: 15, state: 'pass' },
    { name: 'typed late wins over an on-time signature', text: textOf(), date: '2022-02-10', points: 0, state: 'deducted' },
    { name: 'typed with no text at all', text: undefined, date: '2022-01-31', points: 15, state: 'pass' },
    { name: 'typed with no date in the text', text: textOf({ tail: '某某局\n' }), date: '2022-02-01', points: 0, state: 'deducted' },
    { name: 'typed before the year ended cannot be judged', text: textOf(), date: '2021-12-30', points: 15, state: 'unknown' }
  ] as const)('$name', (c) => {
    const report = base()
    const result = assessReport({ report, findings: runChecks(report, { text: c.text }), text: c.text, typedDate: typed(c.date), verified: true }, rubric)
    const t = result.indicators.find((i) => i.id === 'timeliness')!
    expect({ points: t.points, state: t.state }).toEqual({ points: c.points, state: c.state })
    const said = t.deductions[0]?.reason ?? t.reason
    expect(said).toContain(`发布日期（由核验人张三于 2026-12-06 填写） ${c.date}`)
    // the text's quote is not offered as the evidence of a date it did not give
    expect([t.evidence, ...t.deductions.map((d) => d.evidence)].some((e) => e.quote)).toBe(false)
    expect((t.deductions[0] ?? t).evidence.typed).toEqual(typed(c.date))
  })
})

describe('readPublicationDate', () => {
  it.each([
    ['某局\n2023年1月20日\n', '2023-01-20', 'signature'],
    ['某局\n  2023 年 1 月 5 日  \n上一篇：…\n', '2023-01-05', 'signature'],
    ['发布时间：2023/01/18\n正文\n某局\n2023年1月10日', '2023-01-18', 'published'],
    ['某局\n二〇二三年一月十日\n', '2023-01-10', 'signature'],
    ['某局\n2023年2月30日\n', null, null],
    ['统计期限自2022年1月1日起至2022年12月31日止。\n', null, null]
  ])('%j → %s', (text, date, kind) => {
    const found = readPublicationDate(text)
    expect(found?.date ?? null).toBe(date)
    expect(found?.kind ?? null).toBe(kind)
    if (found) expect(text.slice(found.start, found.end)).toBe(found.quote)
  })
})

describe('formForYear', () => {
  it.each([
    [2023, '2021'],
    [2021, '2021'],
    [2020, '2019'],
    [2019, '2019'],
    [2018, null],
    [null, null]
  ] as const)('%s → %s', (year, form) => expect(formForYear(year)).toBe(form))
})

describe('parseRubric', () => {
  it('accepts the default rubric, 100 points in all', () => {
    expect(rubric.indicators.reduce((s, i) => s + i.points, 0)).toBe(100)
  })

  it.each([
    ['not an object', [], '不是一个 JSON 对象'],
    ['wrong schema', { ...defaultRubricJson, schema: 'x' }, 'schema 应为'],
    ['an unknown indicator', { ...defaultRubricJson, indicators: [...defaultRubricJson.indicators, { id: 'beauty' }] }, '不是已知指标'],
    ['a missing indicator', { ...defaultRubricJson, indicators: defaultRubricJson.indicators.slice(1) }, '缺少指标 timeliness'],
    [
      'negative points',
      { ...defaultRubricJson, indicators: defaultRubricJson.indicators.map((i) => (i.id === 'fees' ? { ...i, points: -5 } : i)) },
      '指标 fees 的 points'
    ],
    [
      'a deduction left out',
      { ...defaultRubricJson, indicators: defaultRubricJson.indicators.map((i) => (i.id === 'fees' ? { ...i, deductions: [] } : i)) },
      '缺少扣分情形 not_reported'
    ]
  ])('refuses %s, in Chinese', (_name, json, words) => {
    const parsed = parseRubric(json)
    expect(parsed.value).toBeNull()
    expect(parsed.messages[0].message).toContain('评估标准文件有误')
    expect(parsed.messages[0].message).toContain(words)
  })

  it('an organisation’s own rubric changes the points', () => {
    const own = structuredClone(defaultRubricJson)
    own.indicators.find((i) => i.id === 'timeliness')!.deductions[0].points = 5
    const parsed = parseRubric(own).value as Rubric
    const text = textOf({ tail: '某局\n2022年3月1日\n' })
    const report = base()
    const result = assessReport({ report, findings: runChecks(report, { text }), text, verified: true }, parsed)
    expect(result.indicators.find((i) => i.id === 'timeliness')!.points).toBe(10)
  })
})

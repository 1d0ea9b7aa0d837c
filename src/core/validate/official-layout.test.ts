// The checks on hand-written reports in the official layout (issue #17): each report is written out
// as text with the official headings and tables, read by the real engine, and checked with its prose.

import { describe, expect, it } from 'vitest'
import { ingest } from '../ingest'
import { extractReport } from '../extract'
import { consistentRequestValues, REQUEST_LABELS_2021, writeReport, type FormOptions } from '../extract/test-fixtures'
import type { ExtractedReport, Finding, FindingStatus } from '../report'
import { runChecks } from '.'

async function read(text: string): Promise<ExtractedReport> {
  const doc = await ingest({ name: 'report.txt', bytes: new TextEncoder().encode(text) })
  return extractReport(doc.value!)
}

const VALUES = consistentRequestValues(REQUEST_LABELS_2021)
const column = (row: number): number => Number(VALUES[row][6])
const RECEIVED = column(0)
const CARRIED_OVER = column(1)
const CONCLUDED = column(23)
const CARRIED_FORWARD = column(24)

/** The official form with prose put into part 一 and part 五 as given. */
function report(options: FormOptions & { prose?: string; partFive?: string } = {}): string {
  let text = writeReport('markdown', options).replace('2023年，我局认真贯彻落实《条例》。', `2023年，我局认真贯彻落实《条例》。${options.prose ?? ''}`)
  if (options.partFive !== undefined) text = text.replace('五、存在的主要问题及改进情况\n无。', `五、存在的主要问题及改进情况\n${options.partFive}`)
  return text
}

const REAL_PART_FIVE = '一是公开内容不够全面，二是解读形式单一。下一步我局将加强培训，丰富解读形式。'

/** Values of table 三 with some cells replaced: [row, column, text]. */
function requestsWith(changes: [number, number, string][]): string[][] {
  const values = VALUES.map((row) => [...row])
  for (const [r, c, text] of changes) values[r][c] = text
  return values
}

interface Expect {
  rule: string
  status: FindingStatus
  /** The value the prose stated (text rules). */
  said?: number
  /** Exactly these cells, any order. */
  cells?: string[]
  /** The message contains this. */
  message?: string
  /** The number of cells. */
  cellCount?: number
}

interface Case {
  name: string
  text: string
  expect: Expect[]
  /** No finding of these rules (optionally only those stating this value: "rule:value"). */
  absent: string[]
}

const cases: Case[] = [
  {
    name: '1. 结转下年度继续办理 N件 is not a 办结 claim',
    text: report({ prose: `本年度共收到政府信息公开申请${RECEIVED}件，结转下年度继续办理${CARRIED_FORWARD}件。`, partFive: REAL_PART_FIVE }),
    expect: [{ rule: 'text.carried_forward', status: 'pass', said: CARRIED_FORWARD }],
    absent: ['text.concluded']
  },
  {
    name: '1. 尚在办理 / 正在办理 N件 are not 办结 claims either',
    text: report({
      prose: `本年度收到政府信息公开申请${RECEIVED}件，其中尚在办理${CARRIED_FORWARD}件，正在办理的申请${CARRIED_FORWARD}件。`,
      partFive: REAL_PART_FIVE
    }),
    expect: [],
    absent: ['text.concluded']
  },
  {
    name: '1. a plain 办理 N件 is still read (as a doubt when it differs)',
    text: report({ prose: `本年度收到政府信息公开申请${RECEIVED}件，依法办理${CONCLUDED + 4}件。`, partFive: REAL_PART_FIVE }),
    expect: [{ rule: 'text.concluded', status: 'uncertain', said: CONCLUDED + 4 }],
    absent: []
  },
  {
    name: '2. 上年结转 in the sentence after the one saying 申请: checked against the table',
    text: report({ prose: `本年度共收到政府信息公开申请${RECEIVED}件。另有上年结转${CARRIED_OVER + 15}件。`, partFive: REAL_PART_FIVE }),
    expect: [{ rule: 'text.carried_over', status: 'fail', said: CARRIED_OVER + 15, cells: ['requests.carried_over.total'] }],
    absent: []
  },
  {
    name: '2. 上年结转 with no word of 申请 nearby: a doubt, not ignored',
    text: report({ prose: `我局持续优化工作流程。另有上年结转${CARRIED_OVER + 15}件。`, partFive: REAL_PART_FIVE }),
    expect: [{ rule: 'text.carried_over', status: 'uncertain', said: CARRIED_OVER + 15, message: '句中未说明是政府信息公开申请' }],
    absent: []
  },
  {
    name: '2. 结转下年度 N件 in its own sentence, matching the table',
    text: report({ prose: `本年度共收到政府信息公开申请${RECEIVED}件。结转下年度${CARRIED_FORWARD}件。`, partFive: REAL_PART_FIVE }),
    expect: [{ rule: 'text.carried_forward', status: 'pass', said: CARRIED_FORWARD }],
    absent: []
  },
  {
    name: '2. 上年结转 of another matter (行政复议) is not a claim about applications',
    text: report({ prose: `本年度共收到政府信息公开申请${RECEIVED}件。行政复议案件上年结转${CARRIED_OVER + 15}件。`, partFive: REAL_PART_FIVE }),
    expect: [],
    absent: ['text.carried_over']
  },
  {
    name: '3. a heading with no table beneath it',
    text: report({ requests: false, partFive: REAL_PART_FIVE }).replace(
      '四、政府信息公开行政复议',
      '三、收到和处理政府信息公开申请情况\n本年度共收到政府信息公开申请若干件。\n四、政府信息公开行政复议'
    ),
    expect: [{ rule: 'tables.missing', status: 'not_assessable', cellCount: 175, message: '三、收到和处理政府信息公开申请情况：未找到此表' }],
    absent: ['requests.balance', 'cells.placeholder']
  },
  {
    name: '3. a report without any standard table',
    text: '测试市测试局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真贯彻落实《条例》。\n五、存在的主要问题及改进情况\n' + REAL_PART_FIVE,
    expect: [
      { rule: 'tables.missing', status: 'not_assessable', message: '二、主动公开政府信息情况：未找到此表' },
      { rule: 'tables.missing', status: 'not_assessable', message: '三、收到和处理政府信息公开申请情况：未找到此表' },
      { rule: 'tables.missing', status: 'not_assessable', message: '四、政府信息公开行政复议、行政诉讼情况：未找到此表' }
    ],
    absent: []
  },
  {
    name: '4. "/", "-" and blanks in table 三: one doubt naming exactly those cells',
    text: report({
      requestValues: requestsWith([
        [4, 0, '/'],
        [4, 1, '-'],
        [5, 2, '—']
      ]),
      partFive: REAL_PART_FIVE
    }),
    expect: [
      {
        rule: 'cells.placeholder',
        status: 'uncertain',
        cells: ['requests.denied.state_secret.natural', 'requests.denied.state_secret.commercial', 'requests.denied.prohibited_by_law.research']
      }
    ],
    absent: []
  },
  {
    name: '4. a table of numbers only has no placeholder doubt',
    text: report({ partFive: REAL_PART_FIVE }),
    expect: [],
    absent: ['cells.placeholder', 'tables.missing', 'text.problems_section']
  },
  {
    name: '5. part 五 that says only 无',
    text: report(),
    expect: [{ rule: 'text.problems_section', status: 'uncertain', cells: [] }],
    absent: []
  },
  {
    name: '5. part 五 that is empty',
    text: report({ partFive: '' }),
    expect: [{ rule: 'text.problems_section', status: 'uncertain', message: '没有内容' }],
    absent: []
  },
  {
    name: '5. a 行政事业性收费 in table 二 is not tied to part 六',
    text: report({ partFive: `${REAL_PART_FIVE}\n六、其他需要报告的事项\n本年度未收取信息处理费。` }),
    expect: [],
    absent: ['text.problems_section']
  }
]

function matches(f: Finding, e: Expect): boolean {
  if (f.rule !== e.rule) return false
  if (e.said !== undefined && f.left?.value !== e.said) return false
  if (e.message !== undefined && !f.message.includes(e.message)) return false
  return true
}

describe('checks on hand-written reports in the official layout', () => {
  it.each(cases)('$name', async (c) => {
    const extracted = await read(c.text)
    const findings = runChecks(extracted, { text: c.text })
    const show = JSON.stringify(findings.filter((f) => f.status !== 'pass').map((f) => [f.rule, f.status, f.message]))
    for (const e of c.expect) {
      const found = findings.filter((f) => matches(f, e))
      expect(found, `${e.rule}: ${show}`).toHaveLength(1)
      expect(found[0].status).toBe(e.status)
      if (e.cells) expect([...found[0].cells].sort()).toEqual([...e.cells].sort())
      if (e.cellCount !== undefined) expect(found[0].cells).toHaveLength(e.cellCount)
    }
    for (const rule of c.absent)
      expect(
        findings.filter((f) => f.rule === rule),
        show
      ).toEqual([])
  })
})

describe('last year blank in the carry-over check', () => {
  it('names last year\'s cell once as last year\'s ("上年报告结转下年度", not "上年上年…")', async () => {
    const previous = await read(report({ requestValues: requestsWith([[24, 0, '']]), title: '测试市测试局2022年政府信息公开工作年度报告' }))
    const current = await read(report())
    const findings = runChecks(current, { previous })
    const blocked = findings.find((f) => f.rule === 'years.carry_over' && f.status === 'not_assessable')!
    expect(blocked.message).toBe('自然人列：无法核对，上年报告结转下年度 为空白或非数字')
    expect(findings.some((f) => f.message.includes('上年上年'))).toBe(false)
  })
})

// The one definition of "open": what keeps a report from 已核验, and what a reviewer's act settles.

import { describe, expect, it } from 'vitest'
import type { ExtractedReport } from '../report'
import { blankCellsToSettle, NO_SETTLEMENT, openSummary, runChecks, type Settlement } from '.'
import { cell, consistentReport, withCells } from './fixtures'

const settled = (s: Partial<Settlement>): Settlement => ({ ...NO_SETTLEMENT, ...s })

function noTables(): ExtractedReport {
  return { ...consistentReport('2021'), tables: { active: 'missing', requests: 'missing', appeals: 'missing' }, cells: {} }
}

/** A consistent report whose table 四 review row was left blank in the source. */
function blankReviewRow(): ExtractedReport {
  const report = withCells(consistentReport('2021'), { 'appeals.review.upheld': null, 'appeals.review.total': null })
  return report
}

const inconsistent = (): ExtractedReport => withCells(consistentReport('2021'), { 'appeals.review.total': 99 })

interface Case {
  name: string
  report: () => ExtractedReport
  settlement: Settlement
  acceptAll?: boolean
  expect: { total: number; missingTables?: string[]; unread?: number; failed?: number; uncertain?: number; notAssessable?: number; accepted?: number }
}

const cases: Case[] = [
  { name: 'a consistent report: nothing open', report: () => consistentReport('2021'), settlement: NO_SETTLEMENT, expect: { total: 0 } },
  {
    name: 'no tables at all: three missing tables, never all clear',
    report: noTables,
    settlement: NO_SETTLEMENT,
    expect: { total: 3, missingTables: ['active', 'requests', 'appeals'], accepted: 0 }
  },
  {
    name: 'no tables, each recorded 原文无此表',
    report: noTables,
    settlement: settled({ absentTables: ['active', 'requests', 'appeals'] }),
    expect: { total: 0, missingTables: [], accepted: 3 }
  },
  {
    name: 'no tables, one recorded 原文无此表',
    report: noTables,
    settlement: settled({ absentTables: ['requests'] }),
    expect: { total: 2, missingTables: ['active', 'appeals'], accepted: 1 }
  },
  {
    name: 'blank cells: unread, and the checks they block cannot be assessed',
    report: blankReviewRow,
    settlement: NO_SETTLEMENT,
    expect: { total: 4, unread: 2, notAssessable: 1, uncertain: 1 }
  },
  {
    name: 'blank cells recorded 原文空白: settled, and no longer doubted',
    report: blankReviewRow,
    settlement: settled({ blankCells: ['appeals.review.upheld', 'appeals.review.total'] }),
    expect: { total: 0, unread: 0, notAssessable: 0, uncertain: 0, accepted: 1 }
  },
  {
    name: 'one of two blank cells recorded: the check stays open',
    report: blankReviewRow,
    settlement: settled({ blankCells: ['appeals.review.total'] }),
    expect: { total: 3, unread: 1, notAssessable: 1, uncertain: 1 }
  },
  { name: 'a failure is open', report: inconsistent, settlement: NO_SETTLEMENT, expect: { total: 1, failed: 1 } },
  { name: 'an accepted failure is not', report: inconsistent, settlement: NO_SETTLEMENT, acceptAll: true, expect: { total: 0, failed: 0, accepted: 1 } }
]

describe('what is open', () => {
  it.each(cases)('$name', (c) => {
    const report = c.report()
    let findings = runChecks(report, { settlement: c.settlement })
    if (c.acceptAll) {
      const acceptances = findings.filter((f) => f.status === 'fail').map((f) => ({ rule: f.rule, cells: f.cells, comment: '原文如此', by: '张三', at: '' }))
      findings = runChecks(report, { settlement: c.settlement, acceptances })
    }
    const summary = openSummary(report, findings, c.settlement)
    expect(summary.total).toBe(c.expect.total)
    if (c.expect.missingTables) expect(summary.missingTables).toEqual(c.expect.missingTables)
    if (c.expect.unread !== undefined) expect(summary.unreadCells).toHaveLength(c.expect.unread)
    for (const k of ['failed', 'uncertain', 'notAssessable', 'accepted'] as const) if (c.expect[k] !== undefined) expect(summary[k], k).toBe(c.expect[k])
  })

  it('the one 原文空白 act covers the blank cells blocking checks and the unread ones, never a cell with a number', () => {
    const report = blankReviewRow()
    report.cells['appeals.review.corrected'] = cell(null, false, '/')
    const findings = runChecks(report)
    expect(blankCellsToSettle(report, findings, NO_SETTLEMENT).sort()).toEqual(['appeals.review.corrected', 'appeals.review.total', 'appeals.review.upheld'])
    const after = settled({ blankCells: blankCellsToSettle(report, findings, NO_SETTLEMENT) })
    expect(blankCellsToSettle(report, runChecks(report, { settlement: after }), after)).toEqual([])
    expect(openSummary(report, runChecks(report, { settlement: after }), after).total).toBe(0)
  })

  it('a typed cell is settled like a recorded one', () => {
    const report = blankReviewRow()
    const typed = settled({ typedCells: ['appeals.review.upheld', 'appeals.review.total'] })
    expect(openSummary(report, runChecks(report, { settlement: typed }), typed).total).toBe(0)
  })
})

describe('flagged cells (需核对): one doubt per cell, or per row when the doubt is the row’s', () => {
  const LABEL = '行标签“政府信息公开申请数量”与标准标签不完全一致，按近似匹配认定为“一、本年新收政府信息公开申请数量”'
  const ROW = ['requests.new_received.natural', 'requests.new_received.commercial', 'requests.new_received.total']
  function flagged(reasons: Record<string, string>): ExtractedReport {
    const report = consistentReport('2021')
    const cells = { ...report.cells }
    for (const [key, reason] of Object.entries(reasons)) cells[key] = { ...cells[key], review: true, reviewReason: reason }
    return { ...report, cells }
  }
  const rowDoubt = Object.fromEntries(ROW.map((k) => [k, LABEL]))
  const cases: { name: string; reasons: Record<string, string>; settlement: Partial<Settlement>; doubts: string[][] }[] = [
    { name: 'nothing flagged: nothing open', reasons: {}, settlement: {}, doubts: [] },
    { name: 'a row label guessed: one doubt for the row', reasons: rowDoubt, settlement: {}, doubts: [ROW] },
    {
      name: 'digits that could split more than one way: one doubt for the row',
      reasons: { 'active.regulations.issued': '数字连在一起，无法确定拆分方式', 'active.regulations.in_force': '数字连在一起，无法确定拆分方式' },
      settlement: {},
      doubts: [['active.regulations.issued', 'active.regulations.in_force']]
    },
    {
      name: 'a doubt about each cell (OCR, a repeated table): one doubt per cell',
      reasons: { 'requests.new_received.natural': '识别把握不大', 'requests.new_received.commercial': '识别把握不大' },
      settlement: {},
      doubts: [['requests.new_received.natural'], ['requests.new_received.commercial']]
    },
    {
      name: 'a row doubt and a cell doubt in the same cell: the cell’s own',
      reasons: { ...rowDoubt, 'requests.new_received.total': `${LABEL}；数量应为非负整数` },
      settlement: {},
      doubts: [ROW.slice(0, 2), ['requests.new_received.total']]
    },
    { name: 'the row confirmed', reasons: rowDoubt, settlement: { confirmedFlags: ROW }, doubts: [] },
    { name: 'one cell of the row confirmed: the row still open', reasons: rowDoubt, settlement: { confirmedFlags: ROW.slice(1) }, doubts: [ROW] },
    {
      name: 'typed or recorded 原文空白: settled without a confirmation',
      reasons: { 'appeals.review.upheld': '识别把握不大', 'appeals.review.total': '识别把握不大' },
      settlement: { typedCells: ['appeals.review.upheld'], blankCells: ['appeals.review.total'] },
      doubts: []
    },
    {
      name: 'in a table recorded 原文无此表: none',
      reasons: { 'appeals.review.upheld': '识别把握不大' },
      settlement: { absentTables: ['appeals'] },
      doubts: []
    }
  ]
  it.each(cases)('$name', (c) => {
    const report = flagged(c.reasons)
    const s = settled(c.settlement)
    const summary = openSummary(report, runChecks(report, { settlement: s }), s)
    expect(summary.doubts.map((d) => d.keys)).toEqual(c.doubts)
    expect(summary.total).toBe(c.doubts.length)
  })
})

import { describe, expect, it } from 'vitest'
import type { FindingStatus } from '../report'
import { runChecks } from '.'
import { withCells, zeroReport } from './fixtures'
import { normaliseProse, parseNumber } from './prose'

const R = 'requests.'
interface Case {
  name: string
  text: string
  cells: Record<string, number | null>
  year?: number
  expect: { rule: string; status: FindingStatus; value?: number; cell?: string }[]
  absent?: string[]
}

const PINGTAN_2021 = '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。'
const PINGTAN_2023 = '因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。'

const cases: Case[] = [
  {
    name: 'pingtan 2021 as printed',
    text: PINGTAN_2021,
    cells: { [`${R}new_received.total`]: 70, [`${R}total.total`]: 69, [`${R}carried_forward.total`]: 1 },
    expect: [
      { rule: 'text.received', status: 'pass', value: 70 },
      { rule: 'text.concluded', status: 'pass', value: 69 },
      { rule: 'text.carried_forward', status: 'pass', value: 1 }
    ]
  },
  {
    name: 'a table that disagrees with the prose',
    text: PINGTAN_2021,
    cells: { [`${R}new_received.total`]: 71, [`${R}total.total`]: 69, [`${R}carried_forward.total`]: 2 },
    expect: [
      { rule: 'text.received', status: 'fail', value: 70, cell: `${R}new_received.total` },
      { rule: 'text.carried_forward', status: 'fail', value: 1, cell: `${R}carried_forward.total` }
    ]
  },
  {
    name: 'next year named by number',
    year: 2025,
    text: '2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。',
    cells: { [`${R}new_received.total`]: 154, [`${R}total.total`]: 148, [`${R}carried_forward.total`]: 5 },
    expect: [
      { rule: 'text.received', status: 'pass' },
      { rule: 'text.concluded', status: 'pass' },
      { rule: 'text.carried_forward', status: 'fail', value: 6 }
    ]
  },
  {
    name: 'received including carried-over applications',
    text: '共受理政府信息公开申请 75 件（含上年结转 5 件），办结 75 件。',
    cells: { [`${R}new_received.total`]: 70, [`${R}carried_over.total`]: 5, [`${R}total.total`]: 75 },
    expect: [
      { rule: 'text.received', status: 'pass', value: 75 },
      { rule: 'text.carried_over', status: 'pass', value: 5 },
      { rule: 'text.concluded', status: 'pass', value: 75 }
    ]
  },
  {
    name: 'a part, not the whole: uncertain',
    text: '其中，通过网络平台收到政府信息公开申请50件。',
    cells: { [`${R}new_received.total`]: 70 },
    expect: [{ rule: 'text.received', status: 'uncertain', value: 50 }]
  },
  {
    name: 'another year: uncertain',
    text: '2020年共收到政府信息公开申请60件。',
    year: 2021,
    cells: { [`${R}new_received.total`]: 70 },
    expect: [{ rule: 'text.received', status: 'uncertain', value: 60 }]
  },
  {
    name: 'reviews and lawsuits (pingtan 2023)',
    text: PINGTAN_2023,
    cells: { 'appeals.review.total': 2, 'appeals.litigation_direct.total': 5, 'appeals.litigation_after_review.total': 2 },
    expect: [
      { rule: 'text.review', status: 'pass', value: 2 },
      { rule: 'text.litigation', status: 'pass', value: 7 }
    ]
  },
  {
    name: 'lawsuits that match one kind only',
    text: PINGTAN_2023,
    cells: { 'appeals.review.total': 2, 'appeals.litigation_direct.total': 7, 'appeals.litigation_after_review.total': 2 },
    expect: [{ rule: 'text.litigation', status: 'uncertain', value: 7 }]
  },
  {
    name: 'reviews with 起 (pingtan 2025), wrong in the table',
    text: '全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。',
    cells: { 'appeals.review.total': 35, 'appeals.litigation_direct.total': 6, 'appeals.litigation_after_review.total': 3 },
    expect: [
      { rule: 'text.review', status: 'fail', value: 36, cell: 'appeals.review.total' },
      { rule: 'text.litigation', status: 'pass', value: 9 }
    ]
  },
  {
    name: 'reviews of other matters: uncertain only',
    text: '2019年,办理对市(州)应急管理局行政行为不服申请行政复议的案件10件,对我厅行政行为不服提起的行政诉讼案件4件。',
    year: 2019,
    cells: { 'appeals.review.total': 0, 'appeals.litigation_direct.total': 0, 'appeals.litigation_after_review.total': 0 },
    expect: [
      { rule: 'text.review', status: 'uncertain', value: 10 },
      { rule: 'text.litigation', status: 'uncertain', value: 4 }
    ]
  },
  {
    name: '纠错 and 败诉 are not counts of reviews',
    text: '全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。',
    cells: { 'appeals.review.total': 55, 'appeals.litigation_direct.total': 12 },
    expect: [],
    absent: ['text.review', 'text.litigation']
  },
  {
    name: 'no reviews at all',
    text: '本年度未发生因政府信息公开引起的行政复议和行政诉讼案件。',
    cells: { 'appeals.review.total': 1 },
    expect: [
      { rule: 'text.review', status: 'uncertain', value: 0 },
      { rule: 'text.litigation', status: 'pass', value: 0 }
    ]
  },
  {
    name: 'traditional characters (seed 002)',
    text: '年內共接到申請10件,辦理10件,全部按時有效回復。因政府信息公開申請引發行政復議1件,審結后維持原辦理結果。',
    cells: { [`${R}new_received.total`]: 10, [`${R}total.total`]: 10, 'appeals.review.total': 1 },
    expect: [
      { rule: 'text.received', status: 'pass', value: 10 },
      { rule: 'text.concluded', status: 'pass', value: 10 },
      { rule: 'text.review', status: 'pass', value: 1 }
    ]
  },
  {
    name: 'a time limit is not a count',
    text: '收到申请后15个工作日内予以答复。',
    cells: { [`${R}new_received.total`]: 3 },
    expect: [],
    absent: ['text.received']
  },
  {
    name: 'none received',
    text: '全年没有收到信息公开申请。',
    cells: { [`${R}new_received.total`]: 3 },
    expect: [{ rule: 'text.received', status: 'uncertain', value: 0 }]
  },
  {
    name: 'not receiving an applicant\'s papers is not "no applications"',
    text: '对未收到申请人补正材料的，不再处理。',
    cells: { [`${R}new_received.total`]: 3 },
    expect: [],
    absent: ['text.received']
  },
  {
    name: 'Chinese numerals and PDF line breaks',
    text: '本年度共收到政府信息公开\n申请十二件，办结 1,295 件。',
    cells: { [`${R}new_received.total`]: 12, [`${R}total.total`]: 1295 },
    expect: [
      { rule: 'text.received', status: 'pass', value: 12 },
      { rule: 'text.concluded', status: 'pass', value: 1295 }
    ]
  },
  {
    name: '上年结转 and 顺延到下年度 (huaian 2024)',
    year: 2024,
    text: '2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。',
    cells: { [`${R}new_received.total`]: 3119, [`${R}carried_over.total`]: 34, [`${R}total.total`]: 3050, [`${R}carried_forward.total`]: 103 },
    expect: [
      { rule: 'text.received', status: 'pass' },
      { rule: 'text.concluded', status: 'pass' },
      { rule: 'text.carried_over', status: 'pass', value: 34 },
      { rule: 'text.carried_forward', status: 'pass', value: 103 }
    ]
  }
]

describe('text against tables', () => {
  it.each(cases)('$name', (c) => {
    const report = withCells(zeroReport('2021'), c.cells)
    report.meta.year = c.year ?? 2021
    const findings = runChecks(report, { text: c.text }).filter((f) => f.rule.startsWith('text.'))
    for (const e of c.expect) {
      const found = findings.filter((f) => f.rule === e.rule && (e.value === undefined || f.left?.value === e.value))
      expect(found, `${e.rule} ${e.value}: ${JSON.stringify(findings)}`).toHaveLength(1)
      expect(found[0].status).toBe(e.status)
      expect(found[0].quote).toBeTruthy()
      if (e.cell) expect(found[0].cells).toContain(e.cell)
      if (e.status === 'fail') expect(found[0].fault).toBe('report')
    }
    for (const rule of c.absent ?? []) expect(findings.filter((f) => f.rule === rule)).toEqual([])
  })

  it('quotes the source as written', () => {
    const report = withCells(zeroReport('2021'), { [`${R}new_received.total`]: 71 })
    const [finding] = runChecks(report, { text: '年內共接到申請70件。' }).filter((f) => f.rule === 'text.received')
    expect(finding.quote).toBe('年內共接到申請70件')
    expect(finding.message).toBe('正文称收到申请 70 件，但表格本年新收总计为 71，相差 1')
  })

  it('says nothing when the table is missing', () => {
    const report = zeroReport('2021')
    report.tables.requests = 'missing'
    expect(runChecks(report, { text: PINGTAN_2021 }).filter((f) => f.rule.startsWith('text.'))).toEqual([])
  })

  it('normalises text and numbers', () => {
    expect(normaliseProse('申 請\n１２件').text).toBe('申请12件')
    expect(normaliseProse('結轉複議訴訟辦結申請處理總計').text).toBe('结转复议诉讼办结申请处理总计')
    expect([parseNumber('十二'), parseNumber('一百零五'), parseNumber('两千'), parseNumber('1,295'), parseNumber('x')]).toEqual([12, 105, 2000, 1295, null])
  })
})

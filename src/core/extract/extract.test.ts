// Hand-written fixtures for each plain-text layout and the edges of the recogniser.

import { describe, expect, it } from 'vitest'
import { textToDocument } from '../ingest/text'
import { extractReport } from './index'
import {
  APPEALS_VALUES,
  REQUEST_LABELS_2019,
  REQUEST_LABELS_2021,
  activeRows2021,
  consistentRequestValues,
  writeHtml,
  writeReport,
  type Layout
} from './test-fixtures'
import { templateKeys } from '../template'

function extract(text: string) {
  return extractReport(textToDocument(text, 'utf-8').value)
}

const layouts: Layout[] = ['pipe', 'tab', 'tsv', 'markdown', 'glued']

describe('layouts', () => {
  it.each(layouts)('%s: every cell of the 2021 form', (layout) => {
    const r = extract(writeReport(layout))
    expect(r.tables).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
    expect(r.meta).toEqual({ agency: '测试市测试局', year: 2023, template: '2021' })
    expect(Object.keys(r.cells).sort()).toEqual(templateKeys('2021').sort())
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    expect(r.cells['requests.new_received.total'].value).toBe(Number(values[0][6]))
    expect(r.cells['requests.granted.natural'].value).toBe(12)
    expect(r.cells['requests.other.misc.legal_service'].value).toBe(4)
    expect(r.cells['requests.total.total'].value).toBe(Number(values[23][6]))
    expect(r.cells['appeals.litigation_direct.upheld'].value).toBe(12)
    expect(r.cells['appeals.litigation_after_review.total'].value).toBe(1)
    if (layout !== 'glued') {
      expect(r.cells['active.licensing.decisions'].value).toBe(887)
      expect(r.cells['active.fees.amount'].value).toBe(1.5)
      expect(r.cells['active.normative_documents.in_force'].value).toBe(12)
      for (const c of Object.values(r.cells)) expect(c.review).toBe(false)
    }
  })

  it('glued digits are split by the sums and point at their digits', () => {
    const text = writeReport('glued')
    const r = extract(text)
    const cell = r.cells['requests.granted.natural']
    expect(cell.value).toBe(12)
    expect(text.slice(cell.source!.start, cell.source!.end)).toBe('12')
    for (const [k, c] of Object.entries(r.cells)) if (!k.startsWith('active.')) expect(c.review, k).toBe(false)
  })
})

describe('values', () => {
  it('keeps blank, "/", "-" and 0 apart', () => {
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    values[3] = ['', '/', '-', '0', '—', '无', '0']
    const r = extract(writeReport('markdown', { requestValues: values }))
    const row = (c: string) => r.cells[`requests.partially_granted.${c}`]
    expect(row('natural')).toMatchObject({ value: null, raw: '', review: false })
    expect(row('commercial')).toMatchObject({ value: null, raw: '/' })
    expect(row('research')).toMatchObject({ value: null, raw: '-' })
    expect(row('nonprofit')).toMatchObject({ value: 0, raw: '0' })
    expect(row('legal_service')).toMatchObject({ value: null, raw: '—' })
    expect(row('other_org')).toMatchObject({ value: null, raw: '无' })
  })

  it('marks out-of-domain numbers for review', () => {
    const active = activeRows2021()
    active[6] = { label: ['行政许可'], values: ['-3'] }
    active[9] = { label: ['行政处罚'], values: ['2.5'] }
    active[13] = { label: ['行政事业性收费'], values: ['251000元'] }
    const r = extract(writeReport('markdown', { active }))
    expect(r.cells['active.licensing.decisions']).toMatchObject({ value: -3, review: true })
    expect(r.cells['active.punishment.decisions']).toMatchObject({ value: 2.5, review: true })
    expect(r.cells['active.fees.amount']).toMatchObject({ value: 251000, review: true })
  })
})

describe('labels', () => {
  it('reads Traditional labels and titles', async () => {
    const text = writeReport('pipe', { title: '攀枝花市米易縣2021年政府信息公開工作年度報告' })
      .replace(/处理/g, '處理')
      .replace(/申请/g, '申請')
      .replace(/结转/g, '結轉')
      .replace(/总计/g, '總計')
      .replace(/机关/g, '機關')
    const r = extract(text)
    expect(r.meta.agency).toBe('攀枝花市米易县')
    expect(r.meta.year).toBe(2021)
    expect(r.tables.requests).toBe('found')
    expect(r.cells['requests.total.natural'].value).toBe(24)
    expect(r.cells['requests.carried_forward.total'].value).toBe(3)
  })

  it('reads the 2019 single （六）其他处理 row inside a 2021 form', () => {
    const labels = REQUEST_LABELS_2019
    const r = extract(writeReport('tab', { requestLabels: labels, requestValues: consistentRequestValues(labels) }))
    expect(r.meta.template).toBe('2021')
    expect(r.cells['requests.other.legal_service'].value).toBe(4)
    expect(r.cells['requests.other.no_correction.natural']).toBeUndefined()
  })

  it('matches a misprinted label and marks it', () => {
    const labels = REQUEST_LABELS_2021.map((l) => l.map((s) => s.replace('其他法律行政法规禁止公开', '其他法律行政止公开')))
    const r = extract(writeReport('markdown', { requestLabels: labels }))
    expect(r.cells['requests.denied.prohibited_by_law.natural']).toMatchObject({ value: 0, review: true })
    expect(r.cells['requests.denied.state_secret.natural'].review).toBe(false)
  })

  it('names an unrecognisable row by its position, for review', () => {
    const labels = REQUEST_LABELS_2021.map((l, i) => (i === 3 ? ['（二）'] : l))
    const r = extract(writeReport('markdown', { requestLabels: labels }))
    expect(r.cells['requests.partially_granted.total']).toMatchObject({ value: 0, review: true })
  })

  it('ignores extra rows and says so', () => {
    const labels = [...REQUEST_LABELS_2021.slice(0, 3), ['其中：网上申请'], ...REQUEST_LABELS_2021.slice(3)]
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    values.splice(3, 0, ['1', '0', '0', '0', '0', '0', '1'])
    const r = extract(writeReport('markdown', { requestLabels: labels, requestValues: values }))
    expect(r.cells['requests.partially_granted.natural']).toMatchObject({ value: 0, review: false })
    expect(r.messages.some((m) => m.code === 'extract.row_unrecognised')).toBe(true)
  })
})

describe('tables', () => {
  it('a missing table is missing, with no cells and a message', () => {
    const r = extract(writeReport('pipe', { appeals: false }))
    expect(r.tables.appeals).toBe('missing')
    expect(Object.keys(r.cells).some((k) => k.startsWith('appeals.'))).toBe(false)
    expect(r.messages.some((m) => m.code === 'extract.table_missing')).toBe(true)
  })

  it('a report stated twice is read once, with a message', () => {
    const once = writeReport('pipe')
    const r = extract(once + '\n' + once.replace(/\b887\b/, '999'))
    expect(r.cells['active.licensing.decisions'].value).toBe(887)
    expect(r.messages.some((m) => m.code === 'extract.duplicate_table')).toBe(true)
  })

  it('prose without tables: all missing, template from the standard headings and year', () => {
    const r = extract('某某局2025年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。')
    expect(r.tables).toEqual({ active: 'missing', requests: 'missing', appeals: 'missing' })
    expect(r.meta).toEqual({ agency: '某某局', year: 2025, template: '2021' })
    expect(r.cells).toEqual({})
  })

  it('empty input', () => {
    const r = extract('')
    expect(r.meta).toEqual({ agency: null, year: null, template: null })
    expect(r.cells).toEqual({})
  })

  it('title in the other order', () => {
    const r = extract(writeReport('tab', { title: '2021年东风区应急管理局\n政府信息公开工作年度报告' }))
    expect(r.meta.agency).toBe('东风区应急管理局')
    expect(r.meta.year).toBe(2021)
    expect(APPEALS_VALUES.length).toBe(15)
  })
})

describe('table 四 as three rows of five', () => {
  it('reads each group by its label', () => {
    const text = writeReport('markdown', { appeals: false }).replace(
      '五、存在的主要问题',
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
        '| 行政复议 | 1 | 0 | 2 | 0 | 3 |',
        '| 行政诉讼 未经复议直接起诉 | 4 | 0 | 0 | 1 | 5 |',
        '| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |',
        '五、存在的主要问题'
      ].join('\n')
    )
    const r = extract(text)
    expect(r.tables.appeals).toBe('found')
    expect(r.cells['appeals.review.total']).toMatchObject({ value: 3, review: false })
    expect(r.cells['appeals.litigation_direct.pending']).toMatchObject({ value: 1, review: false })
    expect(r.cells['appeals.litigation_after_review.upheld']).toMatchObject({ value: 0, review: false })
    expect(Object.keys(r.cells).filter((k) => k.startsWith('appeals.'))).toHaveLength(15)
  })
})

describe('full-width text', () => {
  it('reads full-width digits in run-together text and a year spelled in Chinese numerals', () => {
    const toFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    const text = writeReport('glued', { title: '测试县人民政府二〇二三年政府信息公开工作年度报告' })
    const lines = text.split('\n')
    const r = extract(lines.map((l, i) => (i > 2 ? toFull(l) : l)).join('\n'))
    expect(r.meta).toMatchObject({ agency: '测试县人民政府', year: 2023 })
    expect(r.cells['requests.granted.natural']).toMatchObject({ value: 12, raw: '１２', review: false })
    expect(r.cells['appeals.litigation_direct.upheld'].value).toBe(12)
  })
})

describe('meta without a full title', () => {
  it('year from a title without agency, agency from the signature', () => {
    const text = writeReport('pipe', { title: '2022年政府信息公开工作年度报告' }) + '\n某某市生态环境局\n2023年1月20日\n'
    const r = extract(text)
    expect(r.meta).toMatchObject({ agency: '某某市生态环境局', year: 2022 })
  })
})

describe('HTML tables with spans', () => {
  it('reads the official grid, blank cells as null, headers one character per line', async () => {
    const { htmlToDocument } = await import('../ingest/html')
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    values[6] = ['', '', '', '', '', '', '']
    const doc = htmlToDocument(writeHtml({ requestValues: values, verticalHeaders: true })).value!
    const r = extractReport(doc)
    expect(r.tables).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
    expect(r.meta).toEqual({ agency: '测试市测试局', year: 2023, template: '2021' })
    expect(r.cells['requests.denied.security_stability.natural']).toMatchObject({ value: null, raw: '', review: false })
    expect(r.cells['requests.granted.natural']).toMatchObject({ value: 12, review: false })
    expect(r.cells['requests.other.misc.legal_service']).toMatchObject({ value: 4, review: false })
    expect(r.cells['appeals.litigation_after_review.total']).toMatchObject({ value: 1, review: false })
    expect(r.cells['active.fees.amount']).toMatchObject({ value: 1.5, review: false })
    const cell = r.cells['requests.granted.total']
    expect(cell.source).toMatchObject({ table: 1 })
    expect(doc.text.slice(cell.source!.start, cell.source!.end)).toBe(cell.raw)
  })
})

describe('meta from a breadcrumb line', () => {
  it('drops the breadcrumb run into the title', () => {
    const r = extract(writeReport('pipe', { title: '当前位置：首页政务公开政府信息公开年报平潭综合实验区2021年度政府信息公开工作年度报告' }))
    expect(r.meta).toMatchObject({ agency: '平潭综合实验区', year: 2021 })
  })
})

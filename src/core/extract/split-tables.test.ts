// Tables published in pieces: table 四 as three tables (one per 行政复议 / 行政诉讼 group, each
// with its own header), table 三 cut into a header part and a body part or closed and reopened
// mid-way, table 二 as one table per 第二十条 item. Each is read as one table, and every cell's
// source points into the piece that holds it.

import { describe, expect, it } from 'vitest'
import { htmlToDocument } from '../ingest/html'
import { extractReport } from './index'
import { APPEALS_VALUES, writeHtml } from './test-fixtures'

const td = (text: string, span = ''): string => `<td${span}>${text}</td>`
const FIVE = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']

/** The page's table number `n` (0-based) replaced by `html`. */
function replaceTable(page: string, n: number, html: string): string {
  let i = -1
  return page.replace(/<table>[\s\S]*?<\/table>/g, (t) => (++i === n ? html : t))
}

function tableOf(page: string, n: number): string {
  return page.match(/<table>[\s\S]*?<\/table>/g)![n]
}

const GROUP_TITLES = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）']

function appealsInThree(style: 'heading' | 'caption-row'): string {
  return GROUP_TITLES.map((title, g) => {
    const values = APPEALS_VALUES.slice(g * 5, g * 5 + 5)
    const head = style === 'heading' ? `<p>（${'一二三'[g]}）${title}</p><table>` : `<table><tr>${td(title, ' colspan="5"')}</tr>`
    return `${head}<tr>${FIVE.map((h) => td(h)).join('')}</tr><tr>${values.map((v) => td(v)).join('')}</tr></table>`
  }).join('\n')
}

function extractPage(page: string) {
  const doc = htmlToDocument(page).value!
  return { doc, report: extractReport(doc) }
}

function expectAllFoundAndRight(page: string) {
  const { doc, report } = extractPage(page)
  expect(report.tables).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
  expect(report.meta.template).toBe('2021')
  for (const [key, cell] of Object.entries(report.cells)) {
    expect(cell.review, `${key} ${JSON.stringify(cell)}`).toBe(false)
    if (cell.source && cell.raw) expect(doc.text.slice(cell.source.start, cell.source.end)).toBe(cell.raw)
  }
  return { doc, report }
}

describe('table 四 as three tables', () => {
  it.each(['heading', 'caption-row'] as const)('group named by %s: 15 cells, each from its own table', (style) => {
    const page = replaceTable(writeHtml(), 2, appealsInThree(style))
    const { report } = expectAllFoundAndRight(page)
    const appeals = Object.entries(report.cells).filter(([k]) => k.startsWith('appeals.'))
    expect(appeals).toHaveLength(15)
    expect(report.cells['appeals.review.total']).toMatchObject({ value: 3, source: { table: 2 } })
    expect(report.cells['appeals.litigation_direct.upheld']).toMatchObject({ value: 12, source: { table: 3 } })
    expect(report.cells['appeals.litigation_after_review.total']).toMatchObject({ value: 1, source: { table: 4 } })
  })
})

describe('table 三 in pieces', () => {
  it('header part and body part as two tables', () => {
    const page = writeHtml()
    const requests = tableOf(page, 1)
    const headerEnd = requests.indexOf('</tr>', requests.indexOf('商业')) + 5
    const split = requests.slice(0, headerEnd) + '</table>\n<table>' + requests.slice(headerEnd)
    const { report } = expectAllFoundAndRight(replaceTable(page, 1, split))
    expect(report.cells['requests.granted.natural']).toMatchObject({ value: 12, source: { table: 2 } })
  })

  it('closed and reopened mid-way, the header repeated', () => {
    const page = writeHtml()
    const requests = tableOf(page, 1)
    const rows = requests.split('\n')
    const cut = rows.findIndex((r) => r.includes('（五）不予处理'))
    const header = rows.slice(1, 4).join('\n')
    const split = [...rows.slice(0, cut), '</table>', '<table>', header, ...rows.slice(cut)].join('\n')
    const { report } = expectAllFoundAndRight(replaceTable(page, 1, split))
    expect(report.cells['requests.denied.state_secret.natural'].source).toMatchObject({ table: 1 })
    expect(report.cells['requests.total.total'].source).toMatchObject({ table: 2 })
  })
})

describe('table 二 per item', () => {
  it('one table per 第二十条 item', () => {
    const page = writeHtml()
    const active = tableOf(page, 0)
    const split = active.replace(/\n<tr><td colspan="4">第二十条第（[五六八]）项/g, (m) => '\n</table><table>' + m)
    const { report } = expectAllFoundAndRight(replaceTable(page, 0, split))
    expect(report.cells['active.licensing.decisions']).toMatchObject({ value: 887, source: { table: 1 } })
    expect(report.cells['active.fees.amount']).toMatchObject({ value: 1.5, source: { table: 3 } })
  })
})

describe('a table 二 row one cell short', () => {
  const keys = ['active.normative_documents.issued', 'active.normative_documents.repealed', 'active.normative_documents.in_force']

  it.each([
    { cells: ['2', '31'], why: 'two cells of a grid cut into three by their digits' },
    { cells: ['31', '2'], why: 'in either order' }
  ])('is cut by its digits only as a marked guess: $why', ({ cells }) => {
    const page = writeHtml().replace(`${td('行政规范性文件')}${td('3')}${td('0')}${td('12')}`, td('行政规范性文件') + cells.map((c) => td(c)).join(''))
    const { report } = extractPage(page)
    for (const key of keys) expect(report.cells[key].review, key).toBe(true)
  })

  it('one run of digits with one way to cut it is still read as written', () => {
    const page = writeHtml().replace(`${td('行政规范性文件')}${td('3')}${td('0')}${td('12')}`, td('行政规范性文件') + td('3 0 1'))
    const { report } = extractPage(page)
    expect(keys.map((k) => report.cells[k].raw)).toEqual(['3', '0', '1'])
  })
})

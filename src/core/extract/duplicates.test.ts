// A table printed twice: the first complete copy is read; where the copies disagree the kept cell is
// marked for review naming both entries, and the warning says in how many cells they differ.

import { describe, expect, it } from 'vitest'
import { ingest } from '../ingest'
import { extractReport } from './index'
import { REQUEST_LABELS_2021, consistentRequestValues, writeHtml, writeReport } from './test-fixtures'

async function extract(name: string, text: string) {
  const doc = await ingest({ name, bytes: new TextEncoder().encode(text) })
  return extractReport(doc.value!)
}

/** The report's body repeated: the page states every table again, as some portals do. */
function twiceHtml(first: string, second: string): string {
  const body = (html: string) => html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>'))
  return first.replace('</body>', body(second) + '</body>')
}

const NORMATIVE_ROW = '<td>行政规范性文件</td><td>3</td><td>0</td><td>12</td>'
const withInForce = (v: string) => writeHtml().replace(NORMATIVE_ROW, `<td>行政规范性文件</td><td>3</td><td>0</td><td>${v}</td>`)

/** Table 三 with one cell of one row changed. */
function requestsWith(row: number, col: number, v: string): string {
  const values = consistentRequestValues(REQUEST_LABELS_2021)
  values[row] = values[row].map((x, c) => (c === col ? v : x))
  return writeHtml({ requestValues: values })
}

const cases: { name: string; copies: string[]; key: string; value: number | null; reason?: string; differing: number }[] = [
  { name: 'identical copies', copies: [writeHtml(), writeHtml()], key: 'active.normative_documents.in_force', value: 12, differing: 0 },
  {
    name: 'a number differs in table 二',
    copies: [writeHtml(), withInForce('16')],
    key: 'active.normative_documents.in_force',
    value: 12,
    reason: '表格重复出现且数值不同：12 / 16',
    differing: 1
  },
  {
    name: 'a number differs in table 三',
    copies: [writeHtml(), requestsWith(2, 0, '15')],
    key: 'requests.granted.natural',
    value: 12,
    reason: '表格重复出现且数值不同：12 / 15',
    differing: 1
  },
  {
    name: 'blank against "/" (both null, still different)',
    copies: [requestsWith(6, 1, ''), requestsWith(6, 1, '/')],
    key: 'requests.denied.security_stability.commercial',
    value: null,
    reason: '表格重复出现且数值不同：（空） / /',
    differing: 1
  },
  {
    name: '0 against blank',
    copies: [requestsWith(6, 1, '0'), requestsWith(6, 1, '')],
    key: 'requests.denied.security_stability.commercial',
    value: 0,
    reason: '表格重复出现且数值不同：0 / （空）',
    differing: 1
  },
  {
    name: 'three copies, each different',
    copies: [writeHtml(), withInForce('16'), withInForce('17')],
    key: 'active.normative_documents.in_force',
    value: 12,
    reason: '表格重复出现且数值不同：12 / 16 / 17',
    differing: 1
  }
]

describe('duplicate tables in a web page', () => {
  it.each(cases)('$name', async ({ copies, key, value, reason, differing }) => {
    const r = await extract('page.html', copies.reduce(twiceHtml))
    expect(r.cells[key]).toMatchObject({ value, review: !!reason })
    expect(r.cells[key].reviewReason).toBe(reason)
    const marked = Object.values(r.cells).filter((c) => c.reviewReason?.includes('表格重复出现'))
    expect(marked).toHaveLength(differing)
    const duplicates = r.messages.filter((m) => m.code === 'extract.duplicate_table')
    expect(duplicates).toHaveLength(3)
    const differs = duplicates.filter((m) => m.message.includes('数值不同'))
    if (!differing) expect(differs).toEqual([])
    else
      expect(differs).toEqual([
        expect.objectContaining({ type: 'warning', message: expect.stringContaining(`有 ${differing} 个单元格数值不同`), messageEn: expect.any(String) })
      ])
  })
})

describe('duplicate tables in text', () => {
  it('a report pasted twice with other numbers: first kept, each differing cell marked, the count said', async () => {
    const once = writeReport('pipe')
    const r = await extract('report.txt', once + '\n' + once.replace(/\b887\b/, '999').replace(/\b52\b/, '53'))
    expect(r.cells['active.licensing.decisions']).toMatchObject({ value: 887, review: true, reviewReason: '表格重复出现且数值不同：887 / 999' })
    expect(r.cells['active.punishment.decisions']).toMatchObject({ value: 52, review: true, reviewReason: '表格重复出现且数值不同：52 / 53' })
    expect(r.cells['active.coercion.decisions']).toMatchObject({ value: 0, review: false })
    const active = r.messages.filter((m) => m.code === 'extract.duplicate_table' && m.message.includes('二、主动公开'))
    expect(active).toHaveLength(1)
    expect(active[0].message).toContain('有 2 个单元格数值不同')
  })

  it('identical copies keep the plain message and no marks', async () => {
    const once = writeReport('markdown')
    const r = await extract('report.md', once + '\n' + once)
    expect(Object.values(r.cells).some((c) => c.review)).toBe(false)
    expect(r.messages.filter((m) => m.code === 'extract.duplicate_table').map((m) => m.message)).toEqual([
      '表格“二、主动公开政府信息情况”出现了不止一次，取第一份完整的表格',
      '表格“三、收到和处理政府信息公开申请情况”出现了不止一次，取第一份完整的表格',
      '表格“四、政府信息公开行政复议、行政诉讼情况”出现了不止一次，取第一份完整的表格'
    ])
  })
})

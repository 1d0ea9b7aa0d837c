// A labelled row of numbers inside any of the three tables that names no row of the form is left out
// with a warning naming it; headers, notes, 单位 lines and blank rows say nothing.

import { describe, expect, it } from 'vitest'
import { ingest } from '../ingest'
import { extractReport } from './index'
import {
  APPEALS_VALUES,
  REQUEST_LABELS_2019,
  activeRows2021,
  consistentRequestValues,
  writeHtml,
  writeReport,
  type FormOptions,
  type Layout
} from './test-fixtures'

async function extract(name: string, text: string) {
  const doc = await ingest({ name, bytes: new TextEncoder().encode(text) })
  return extractReport(doc.value!)
}

const unrecognised = (r: Awaited<ReturnType<typeof extract>>) => r.messages.filter((m) => m.code === 'extract.row_unrecognised')

/** Table 二 with extra rows inserted before its second header. */
function activeWith(...rows: { label: string[]; values: string[] }[]): FormOptions {
  const active = activeRows2021()
  active.splice(4, 0, ...rows)
  return { active }
}

/** Table 四 with a row after its numbers (the fixture's last part before 五、). */
function appealsWith(row: string, options: FormOptions = {}): string {
  return writeReport('markdown', options).replace(`| ${APPEALS_VALUES.join(' | ')} |`, (m) => `${m}\n${row}`)
}

const layouts: Layout[] = ['pipe', 'tab', 'tsv', 'markdown']

describe('an unknown row inside a table is reported', () => {
  it.each(layouts)('table 二, %s layout', async (layout) => {
    const r = await extract('report.txt', writeReport(layout, activeWith({ label: ['地方性法规'], values: ['7', '8', '9'] })))
    expect(unrecognised(r)).toEqual([
      expect.objectContaining({ type: 'warning', message: '未能识别的表格行：“地方性法规”（7 / 8 / 9），其数值未采用', messageEn: expect.any(String) })
    ])
    // the rows around it are read as before
    expect(r.cells['active.regulations.in_force']).toMatchObject({ value: 5, review: false })
    expect(r.cells['active.licensing.decisions']).toMatchObject({ value: 887, review: false })
  })

  it('table 二 in a web page', async () => {
    const html = writeHtml().replace('<tr><td colspan="4">第二十条第（五）项', '<tr><td>地方性法规</td><td>7</td><td>8</td><td>9</td></tr>\n$&')
    const r = await extract('page.html', html)
    expect(unrecognised(r).map((m) => m.message)).toEqual(['未能识别的表格行：“地方性法规”（7 / 8 / 9），其数值未采用'])
    expect(r.cells['active.normative_documents.in_force']).toMatchObject({ value: 12, review: false })
  })

  const appeals: { name: string; text: string }[] = [
    { name: 'table 四 after table 三', text: appealsWith('| 行政赔偿 | 1 | 0 | 0 | 0 | 1 |') },
    { name: 'table 四 without tables 二 and 三', text: appealsWith('| 行政赔偿 | 1 | 0 | 0 | 0 | 1 |', { active: null, requests: false }) }
  ]
  it.each(appeals)('$name', async ({ text }) => {
    const r = await extract('report.md', text)
    expect(r.tables.appeals).toBe('found')
    expect(unrecognised(r).map((m) => m.message)).toEqual(['未能识别的表格行：“行政赔偿”（1 / 0 / 0 / 0 / 1），其数值未采用'])
    expect(r.cells['appeals.review.total']).toMatchObject({ value: 3, review: false })
  })
})

describe('no noise from what is not a row', () => {
  const quiet: { name: string; options: FormOptions }[] = [
    { name: 'the plain form', options: {} },
    { name: 'a note row', options: activeWith({ label: ['注：本表数据统计截至2023年12月31日'], values: [] }) },
    { name: 'a 单位 line', options: activeWith({ label: ['单位：件、万元'], values: [] }) },
    { name: 'a blank row', options: activeWith({ label: [], values: ['', '', '', ''] }) },
    { name: 'a header repeated', options: activeWith({ label: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], values: [] }) },
    { name: 'the 2019 single （六）其他处理 row', options: { requestLabels: REQUEST_LABELS_2019, requestValues: consistentRequestValues(REQUEST_LABELS_2019) } }
  ]
  const cases = quiet.flatMap((q) => layouts.map((layout) => ({ ...q, layout })))
  it.each(cases)('$name, $layout layout', async ({ options, layout }) => {
    const r = await extract('report.txt', writeReport(layout, options))
    expect(unrecognised(r)).toEqual([])
    expect(r.tables).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
  })

  it('the web-page form and the prose before it', async () => {
    const html = writeHtml().replace('<p>2023年，我局认真贯彻落实《条例》。</p>', '<p>2023年，全年主动公开政府信息550条，第二十条规定的信息3类。</p>')
    const r = await extract('page.html', html)
    expect(r.messages).toEqual([])
  })
})

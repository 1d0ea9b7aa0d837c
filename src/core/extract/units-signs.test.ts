// Units and signs inside cells (issue #15): "2笔", "984361元", "12件" are numbers with a unit kept
// in raw; 元 under a 万元 header is a finding, not a conversion; the 2019 form's signed 本年增/减
// run together in crawler text are read when exactly one reading fits and marked otherwise.

import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { htmlToDocument } from '../ingest/html'
import { textToDocument } from '../ingest/text'
import { runChecks } from '../validate'
import { extractReport } from './index'
import { REQUEST_LABELS_2021, activeRows2021, consistentRequestValues, writeHtml, writeReport } from './test-fixtures'
import { parseValue } from './values'

describe('numbers with a unit', () => {
  it.each([
    ['2笔', 'count', undefined, 2, false],
    ['12件', 'count', undefined, 12, false],
    ['3601627.4元', 'amount', undefined, 3601627.4, false],
    ['984361元', 'amount', '万元', 984361, true],
    ['1.5万元', 'amount', '万元', 1.5, false],
    ['-2笔', 'count', undefined, -2, true]
  ] as const)('%s (%s, header %s) → %s, review %s', (raw, type, header, value, review) => {
    const parsed = parseValue(raw, type, header)
    expect(parsed.value).toBe(value)
    expect(!!parsed.review).toBe(review)
  })

  it('a table cell "2笔" is read as 2 with its unit kept in raw', () => {
    const page = writeHtml()
      .replace('>887</td>', '>887件</td>')
      .split('\n')
      .map((line) => (line.includes('（一）予以公开') ? line.replace('<td>12</td>', '<td>2笔</td>') : line))
      .join('\n')
    const doc = htmlToDocument(page).value!
    const r = extractReport(doc)
    expect(r.cells['active.licensing.decisions']).toMatchObject({ value: 887, raw: '887件', review: false })
    expect(r.cells['requests.granted.natural']).toMatchObject({ value: 2, raw: '2笔', review: false })
  })

  it('an amount in 元 under the 万元 header: kept as written, marked, and a finding', () => {
    const active = activeRows2021()
    active[13] = { label: ['行政事业性收费'], values: ['984361元'] }
    const r = extractReport(textToDocument(writeReport('markdown', { active }), 'utf-8').value)
    expect(r.cells['active.fees.amount']).toMatchObject({ value: 984361, raw: '984361元', review: true })
    const findings = runChecks(r).filter((f) => f.rule === 'values.unit')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ status: 'fail', cells: ['active.fees.amount'], fault: 'report' })
    expect(findings[0].message).toContain('98.4361')
  })
})

describe('a number wrapped inside a narrow cell ("11 9")', () => {
  it.each([
    ['the row sum holds with 119: read as 119', true],
    ['the row sum does not hold: kept as written and marked', false]
  ])('%s', (_name, holds) => {
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    values[0][5] = '119'
    values[0][6] = String(values[0].slice(0, 6).reduce((s, v) => s + Number(v), 0) + (holds ? 0 : 1))
    const page = writeHtml({ requestValues: values }).replace('<td>119</td>', '<td>11 9</td>')
    const r = extractReport(htmlToDocument(page).value!)
    const cell = r.cells['requests.new_received.other_org']
    expect(cell.raw).toBe('11 9')
    if (holds) expect(cell).toMatchObject({ value: 119, review: false })
    else expect(cell.review).toBe(true)
  })
})

describe('signed 本年增/减 run together (2019 crawler text)', () => {
  // the real crawler text of a 2019 report (../shared), its glued 本年增/减 rows edited to carry signs
  const file = `${__dirname}/../../../../shared/corpus/files/006_pingtan_2019.txt`
  const original = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const read = (replacements: [string, string][]) => {
    let text = original
    for (const [a, b] of replacements) {
      expect(text).toContain(a)
      text = text.replace(a, b)
    }
    const doc = textToDocument(text, 'utf-8').value
    return { doc, r: extractReport(doc) }
  }

  it.skipIf(!original)('"行政许可1-10" has one reading: 1, −1, 0', () => {
    const { doc, r } = read([['行政许可3960181', '行政许可1-10']])
    expect(r.cells['active.licensing.previous_items']).toMatchObject({ value: 1, review: false })
    expect(r.cells['active.licensing.change']).toMatchObject({ value: -1, raw: '-1', review: false })
    expect(r.cells['active.licensing.decisions']).toMatchObject({ value: 0, review: false })
    const change = r.cells['active.licensing.change'].source!
    expect(doc.text.slice(change.start, change.end)).toBe('-1')
  })

  it.skipIf(!original)('"行政处罚12-345" has two readings (−3, 45 or −34, 5): marked for review', () => {
    const { r } = read([['行政处罚26480430', '行政处罚12-345']])
    expect(r.cells['active.punishment.previous_items']).toMatchObject({ value: 12 })
    for (const k of ['previous_items', 'change', 'decisions']) expect(r.cells[`active.punishment.${k}`].review, k).toBe(true)
  })

  it.skipIf(!original)('a minus opens only 本年增/减: "行政强制3-20" is 3, −2, 0 (not 3, −20 with a cell lost)', () => {
    const { r } = read([['行政强制126025', '行政强制3-20']])
    expect(r.cells['active.coercion.previous_items']).toMatchObject({ value: 3, review: false })
    expect(r.cells['active.coercion.change']).toMatchObject({ value: -2, review: false })
    expect(r.cells['active.coercion.decisions']).toMatchObject({ value: 0, review: false })
  })
})

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_TEXT_MESSAGE, pdfToDocument } from './pdf'
import { cellTexts, minimalPdf, tablesOf, valuesAfter } from './pdf/test-support'

const root = join(__dirname, '..', '..', '..')
const corpus = join(root, '..', 'shared', 'corpus', 'files')
const fixtures = join(root, 'test', 'fixtures', 'pdf')
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path))

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']
const ROWS: [string, string][] = [
  ['一、本年新收政府信息公开申请数量', 'new_received'],
  ['二、上年结转政府信息公开申请数量', 'carried_over'],
  ['（一）予以公开', 'granted'],
  ['1.属于国家秘密', 'denied.state_secret'],
  ['1.本机关不掌握相关政府信息', 'unable.not_held'],
  ['3.补正后申请内容仍不明确', 'unable.still_unclear'],
  ['1.信访举报投诉类申请', 'not_processed.petition_complaint'],
  ['（七）总计', 'total'],
  ['四、结转下年度继续办理', 'carried_forward']
]

describe('pdfToDocument on the corpus', () => {
  it('001: rebuilds table 三 across the page break, joins the cut row-group cells', async () => {
    const { value: doc, messages } = await pdfToDocument(read(join(corpus, '001_huaian_city_2024.pdf')))
    expect(messages).toEqual([])
    expect(doc?.pages).toBe(6)
    const tables = tablesOf(doc!)
    expect(tables).toHaveLength(3)
    const requests = tables[1]
    const texts = cellTexts(doc!, requests).flat()
    expect(texts).toContain('三、本年度办理结果')
    expect(texts).toContain('（四）无法提供')
    expect(texts).not.toContain('法提供')
    const group = requests.rows.flat().find((c) => doc!.text.slice(c.start, c.end) === '三、本年度办理结果')
    expect(group?.rowSpan).toBe(22)
    expect(valuesAfter(doc!, '一、本年新收政府信息公开申请数量')).toEqual([3001, 53, 0, 0, 61, 4, 3119])
    expect(valuesAfter(doc!, '2.没有现成信息需要另行制作')).toEqual([11, 0, 0, 0, 0, 0, 11])
    expect(valuesAfter(doc!, '行政处罚')).toEqual([3985758])
    for (const cell of tables.flatMap((t) => t.rows.flat())) {
      expect(cell.page).toBeGreaterThanOrEqual(3)
      expect(cell.bbox?.[2]).toBeGreaterThan(cell.bbox![0])
      expect(cell.bbox?.[3]).toBeGreaterThan(cell.bbox![1])
    }
    expect(doc!.text).not.toMatch(/^- \d+ -$/mu)
  })

  it('002: reads the vertical-font row group and joins table 二 over pages 2–3', async () => {
    const { value: doc } = await pdfToDocument(read(join(corpus, '002_hongze_district_2023.pdf')))
    const tables = tablesOf(doc!)
    expect(tables).toHaveLength(3)
    expect(tables[0].rows).toHaveLength(14)
    const texts = cellTexts(doc!, tables[1]).flat()
    expect(texts).toContain('三、本年度办理结果')
    expect(texts).toContain('2.其他法律行政止公开')
    expect(valuesAfter(doc!, '（六）其他处理')).toEqual([0, 0, 0, 0, 0, 0, 0])
    expect(valuesAfter(doc!, '3.补正后申请内容仍不明确')).toEqual([0, 0, 0, 0, 0, 0, 0])
  })
})

describe('pdfToDocument on LibreOffice fixtures', () => {
  const cases = readdirSync(join(fixtures, 'files')).filter((f) => f.endsWith('.pdf'))
  it.each(cases)('%s: table 三 rows match the truth', async (name) => {
    const truth = JSON.parse(readFileSync(join(fixtures, 'truth', name.replace(/\.pdf$/u, '.json')), 'utf8')) as { cells: Record<string, number | null> }
    const { value: doc } = await pdfToDocument(read(join(fixtures, 'files', name)))
    expect(tablesOf(doc!)).toHaveLength(3)
    for (const [label, key] of ROWS) expect(valuesAfter(doc!, label), label).toEqual(COLS.map((c) => truth.cells[`requests.${key}.${c}`]))
    const appeals = cellTexts(doc!, tablesOf(doc!)[2])
    expect(appeals[appeals.length - 1].map(Number)).toEqual(
      ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) =>
        ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => truth.cells[`appeals.${g}.${k}`])
      )
    )
  })
})

describe('a row label wrapped over the page break', () => {
  it('joins the label rest to its row, which keeps its numbers; no empty row is left', async () => {
    const truth = JSON.parse(readFileSync(join(fixtures, 'truth', 'lo_2021_label_over_break.json'), 'utf8')) as { cells: Record<string, number | null> }
    const { value: doc } = await pdfToDocument(read(join(fixtures, 'files', 'lo_2021_label_over_break.pdf')))
    const rows = cellTexts(doc!, tablesOf(doc!)[1])
    const wrapped = rows.find((r) => r.some((t) => t.startsWith('2.申请人逾期未按收费通知')))!
    expect(wrapped.find((t) => t.startsWith('2.'))).toMatch(/行政机关不再处理其政府信息公开申请$/)
    expect(wrapped.filter((t) => /^\d+$/.test(t)).map(Number)).toEqual(COLS.map((c) => truth.cells[`requests.other.unpaid_fee.${c}`]))
    expect(rows.some((r) => r.every((t) => !/\d/.test(t)) && r.some((t) => t.startsWith('关不再处理')))).toBe(false)
    expect(valuesAfter(doc!, '3.其他')).toEqual(COLS.map((c) => truth.cells[`requests.other.misc.${c}`]))
  })
})

describe('pdfToDocument on bad input', () => {
  it.each([
    ['a page with no text (scan)', minimalPdf('0 0 1 rg 100 100 300 300 re f')],
    ['text without any Chinese (no Unicode map)', minimalPdf('BT /F1 12 Tf 72 720 Td (Qx7 3 9 zzv 12 88 kk) Tj ET')]
  ])('%s → no tables and the manual-entry warning', async (_, bytes) => {
    const { value, messages } = await pdfToDocument(bytes)
    expect(value?.blocks).toEqual([])
    expect(value?.text).toBe('')
    expect(messages).toContainEqual(expect.objectContaining({ type: 'warning', code: 'pdf.no_text', message: NO_TEXT_MESSAGE }))
  })

  it.each([
    ['random bytes', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))],
    ['an empty file', new Uint8Array()]
  ])('%s → null with a bilingual error', async (_, bytes) => {
    const { value, messages } = await pdfToDocument(bytes)
    expect(value).toBeNull()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ type: 'error', code: 'pdf.corrupt' })
    expect(messages[0].messageEn).toBeTruthy()
  })
})

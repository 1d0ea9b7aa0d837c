import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docToDocument, splitRows } from './doc'
import { tablesOf, valuesAfter } from './pdf/test-support'
import { cyclicFatDoc } from '../../../scripts/hostile-files'

const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'doc')
const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']
const ROWS: [string, string][] = [
  ['一、本年新收政府信息公开申请数量', 'new_received'],
  ['（二）部分公开', 'partially_granted'],
  ['2.其他法律行政法规禁止公开', 'denied.prohibited_by_law'],
  ['5.要求行政机关确认或重新出具已获取信息', 'not_processed.confirm_existing'],
  ['（七）总计', 'total'],
  ['四、结转下年度继续办理', 'carried_forward']
]

describe('docToDocument on LibreOffice .doc fixtures', () => {
  const cases = readdirSync(join(fixtures, 'files')).filter((f) => f.endsWith('.doc'))
  it.each(cases)('%s: cells come back in rows, values match the truth', async (name) => {
    const truth = JSON.parse(readFileSync(join(fixtures, 'truth', name.replace(/\.doc$/u, '.json')), 'utf8')) as {
      meta: { agency: string[]; year: number }
      cells: Record<string, number | null>
    }
    const { value: doc, messages } = await docToDocument(new Uint8Array(readFileSync(join(fixtures, 'files', name))))
    expect(doc?.format).toBe('doc')
    expect(messages.map((m) => m.code)).toEqual(['doc.table_layout_guessed'])
    expect(doc!.text).toContain(`${truth.meta.agency[0]}${truth.meta.year}年政府信息公开工作年度报告`)
    expect(tablesOf(doc!)).toHaveLength(3)
    for (const [label, key] of ROWS) expect(valuesAfter(doc!, label), label).toEqual(COLS.map((c) => truth.cells[`requests.${key}.${c}`]))
  })

  it('rejects bytes that are not a Word file with a bilingual error', async () => {
    const { value, messages } = await docToDocument(new TextEncoder().encode('not a word file at all'))
    expect(value).toBeNull()
    expect(messages[0]).toMatchObject({ type: 'error', code: 'doc.damaged' })
    expect(messages[0].messageEn).toBeTruthy()
  })

  it('refuses a .doc whose FAT loops, in Chinese, before word-extractor can abort the process', async () => {
    const { value, messages } = await docToDocument(cyclicFatDoc())
    expect(value).toBeNull()
    expect(messages).toMatchObject([{ type: 'error', code: 'doc.damaged' }])
    expect(messages[0].message).toMatch(/文件结构已损坏（数据流的扇区链存在循环）/)
  })
})

describe('splitRows', () => {
  it.each([
    [
      'a row-end mark after the last value',
      ['a\t1\t2\t\tb\t3\t4\t\t'],
      [
        ['a', '1', '2'],
        ['b', '3', '4']
      ]
    ],
    ['a blank value between numbers stays a cell', ['a\t1\t\t2\t\t'], [['a', '1', '', '2']]],
    [
      'merged-cell placeholders start the next row',
      ['x\t1\t\t\ty\t2\t\t'],
      [
        ['x', '1'],
        ['', 'y', '2']
      ]
    ],
    [
      'a header row ending before a numbered label',
      ['h1\th2\t\t\t一、新收\t5\t\t'],
      [
        ['h1', 'h2', ''],
        ['一、新收', '5']
      ]
    ],
    [
      'a header row of labels ends before the first number',
      ['a\tb\tc\td\t\t1\t2\t\t'],
      [
        ['a', 'b', 'c', 'd'],
        ['1', '2']
      ]
    ],
    [
      'a newline after a mark ends a row',
      ['a\tb\t', 'c\td\t'],
      [
        ['a', 'b'],
        ['c', 'd']
      ]
    ]
  ])('%s', (_, lines, rows) => {
    expect(splitRows(lines)).toEqual(rows)
  })
})

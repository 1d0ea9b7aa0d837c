// Re-deriving table 三's （六） cells in the other form: only what the numbers settle, always marked;
// blank, "/", "-" and 0 stay what they are.

import { describe, expect, it } from 'vitest'
import { deriveFormCells, formLabel, otherFormKeys, tableForm, type FormCell } from './forms'

const cell = (raw: string): FormCell => ({ raw, value: raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw) })
const split = (row: string, raw: string, column = 'natural'): [string, FormCell] => [`requests.other.${row}.${column}`, cell(raw)]
const single = (raw: string, column = 'natural'): [string, FormCell] => [`requests.other.${column}`, cell(raw)]

describe('deriveFormCells', () => {
  const to2019: [string, [string, FormCell][], { raw: string; value: number | null; reason: string } | null][] = [
    [
      'three numbers add up',
      [split('no_correction', '1'), split('unpaid_fee', '0'), split('misc', '2')],
      { raw: '3', value: 3, reason: '相加得出（1 + 0 + 2）' }
    ],
    ['three "/" stay "/"', [split('no_correction', '/'), split('unpaid_fee', '/'), split('misc', '/')], { raw: '/', value: null, reason: '三行均为“/”' }],
    ['three "-" stay "-"', [split('no_correction', '-'), split('unpaid_fee', '-'), split('misc', '-')], { raw: '-', value: null, reason: '三行均为“-”' }],
    [
      'a blank among numbers is not 0',
      [split('no_correction', '1'), split('unpaid_fee', ''), split('misc', '2')],
      { raw: '', value: null, reason: '无法合为一行' }
    ],
    [
      '"/" among numbers is not 0',
      [split('no_correction', '1'), split('unpaid_fee', '/'), split('misc', '0')],
      { raw: '', value: null, reason: '无法合为一行' }
    ],
    ['three blanks stay unread', [split('no_correction', ''), split('unpaid_fee', ''), split('misc', '')], null],
    ['the single row read stands', [single('5'), split('no_correction', '1'), split('unpaid_fee', '0'), split('misc', '2')], null],
    ['nothing read, nothing derived', [], null]
  ]
  it.each(to2019)('to 2019: %s', (_name, cells, expected) => {
    const derived = deriveFormCells('requests', '2019', new Map(cells)).filter((d) => d.key === 'requests.other.natural')
    if (!expected) return expect(derived).toEqual([])
    expect(derived).toHaveLength(1)
    expect(derived[0]).toMatchObject({ raw: expected.raw, value: expected.value })
    expect(derived[0].reason).toContain(expected.reason)
  })

  const to2021: [string, [string, FormCell][], ({ raw: string; value: number | null; reason: string } | null)[]][] = [
    ['0 is 0 in each sub-row', [single('0')], Array(3).fill({ raw: '0', value: 0, reason: '三行均按此填入' })],
    ['"/" is "/" in each sub-row', [single('/')], Array(3).fill({ raw: '/', value: null, reason: '三行均按此填入' })],
    ['N > 0 cannot be split: blank, marked', [single('4')], Array(3).fill({ raw: '', value: null, reason: '无法分到三行' })],
    ['blank stays unread', [single('')], [null, null, null]],
    [
      'a sub-row read stands',
      [single('0'), split('unpaid_fee', '7')],
      [{ raw: '0', value: 0, reason: '三行均按此填入' }, null, { raw: '0', value: 0, reason: '三行均按此填入' }]
    ]
  ]
  it.each(to2021)('to 2021: %s', (_name, cells, expected) => {
    const derived = deriveFormCells('requests', '2021', new Map(cells))
    const rows = ['no_correction', 'unpaid_fee', 'misc'].map((r) => derived.find((d) => d.key === `requests.other.${r}.natural`))
    rows.forEach((d, i) => {
      const e = expected[i]
      if (!e) return expect(d).toBeUndefined()
      expect(d).toMatchObject({ raw: e.raw, value: e.value })
      expect(d!.reason).toContain(e.reason)
    })
  })

  it('derives nothing in tables 二 and 四', () => {
    expect(deriveFormCells('active', '2019', new Map([['active.regulations.issued', cell('1')]]))).toEqual([])
    expect(deriveFormCells('appeals', '2019', new Map([['appeals.review.total', cell('1')]]))).toEqual([])
  })
})

describe('tableForm', () => {
  const meta = { template: '2021' as const, year: 2022 }
  it.each([
    ['a reviewer’s choice wins', 'requests', { ...meta, forms: { requests: '2019' as const } }, ['requests.other.misc.total'], '2019'],
    ['table 三 with the single row', 'requests', meta, ['requests.other.total'], '2019'],
    ['table 三 with both: the sub-rows (as the checks read it)', 'requests', meta, ['requests.other.total', 'requests.other.misc.total'], '2021'],
    ['table 三 with neither: the report’s form', 'requests', { template: null, year: 2019 }, [], '2019'],
    ['table 二 follows the template', 'active', { template: '2019' as const, year: 2022 }, ['active.regulations.issued'], '2019'],
    ['table 二 of a no-table report: the form of its year', 'active', { template: null, year: 2020 }, [], '2019'],
    ['table 四 of a no-table report: the form of its year', 'appeals', { template: null, year: 2023 }, [], '2021']
  ] as const)('%s', (_name, table, m, keys, expected) => {
    expect(tableForm(table, m, keys)).toBe(expected)
  })

  it('the keys both forms share are never hidden', () => {
    for (const form of ['2021', '2019'] as const) expect(otherFormKeys('active', form).has('active.licensing.decisions')).toBe(false)
    expect(otherFormKeys('appeals', '2021').size).toBe(0)
  })

  it('labels the report the same way everywhere', () => {
    expect(formLabel({ template: '2021', year: 2022 })).toBe('2021 版')
    expect(formLabel({ template: null, year: 2019 })).toBe('无标准表 · 2019 版')
    expect(formLabel({ template: '2021', year: 2022, forms: { requests: '2019' } })).toBe('2021 版（表三 2019 版）')
  })
})

import { describe, expect, it } from 'vitest'
import type { ComparedCell, ComparedRow } from '../../../../shared/stats'
import { changeTitle, formatDelta, groupRows, shownRaw } from './agency-compare-rows'

const cell = (raw: string | null, value: number | null, delta: number | null = null, changed = false): ComparedCell => ({ raw, value, delta, changed })
const row = (key: string, table: string, label: string, changed: boolean): ComparedRow => ({ key, table, row: label, column: '自然人', cells: [], changed })

const ROWS = [
  row('active.a', '二', '规章', false),
  row('active.b', '二', '规章', true),
  row('requests.a', '三', '一、本年新收', true),
  row('requests.b', '三', '一、本年新收', true),
  row('requests.c', '三', '一、本年新收', false),
  row('requests.d', '三', '（三）不予公开/1.属于国家秘密', true),
  row('appeals.a', '四', '行政复议', false)
]

const shape = (onlyChanged: boolean) => groupRows(ROWS, onlyChanged).map((g) => [g.title, g.rows.map((r) => `${r.row.key}:${r.labelSpan}`)])

describe('groupRows', () => {
  it('groups by table with its title, the row label spanning the rows it heads', () => {
    expect(shape(false)).toEqual([
      ['二、主动公开政府信息情况', ['active.a:2', 'active.b:0']],
      ['三、收到和处理政府信息公开申请情况', ['requests.a:3', 'requests.b:0', 'requests.c:0', 'requests.d:1']],
      ['四、政府信息公开行政复议、行政诉讼情况', ['appeals.a:1']]
    ])
  })

  it('keeps only the changed rows when asked, leaving out tables with none', () => {
    expect(shape(true)).toEqual([
      ['二、主动公开政府信息情况', ['active.b:1']],
      ['三、收到和处理政府信息公开申请情况', ['requests.a:2', 'requests.b:0', 'requests.d:1']]
    ])
  })
})

describe('how a cell reads', () => {
  it.each([
    [3, '+3'],
    [-2, '\u22122'],
    [0, '0'],
    [2.5, '+2.5']
  ])('delta %s reads %s', (delta, text) => expect(formatDelta(delta)).toBe(text))

  it.each([
    [cell('12', 12), '12'],
    [cell('', null), '空白'],
    [cell(' ', null), '空白'],
    [cell(null, null), '未读取'],
    [cell('/', null), '/'],
    [cell('-', null), '-']
  ])('%o is shown as %s', (c, text) => expect(shownRaw(c)).toBe(text))

  it("a changed cell's title says what it was the year before, with the delta when both are numbers", () => {
    expect(changeTitle(cell('8', 8, 3, true), cell('5', 5), 2021)).toBe('2021 年为 5，变化 +3')
    expect(changeTitle(cell('1', 1, null, true), cell('', null), 2021)).toBe('2021 年为 空白')
    expect(changeTitle(cell('1', 1, null, true), cell('/', null), null)).toBe('上一份报告为 /')
    expect(changeTitle(cell('1', 1, 0, false), cell('1', 1), 2021)).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { templateKeys } from '../../../core/template'
import { tableForm } from '../../../core/template/forms'
import { editableGrid, labelLevel, tableLayout } from './layout'
import { parseTabular, placeBlock } from './paste'
import { dropChanges, recordStep, takeRedo, takeUndo, EMPTY_STACKS } from './history'
import type { TableName, TemplateId } from '../../../core/template/cells'

const TABLES: TableName[] = ['active', 'requests', 'appeals']

describe('official form layouts', () => {
  for (const template of ['2021', '2019'] as TemplateId[]) {
    it(`places every ${template} cell exactly once`, () => {
      const placed = TABLES.flatMap((t) => editableGrid(tableLayout(t, template)).flat()).filter((k): k is string => !!k)
      expect(placed.sort()).toEqual(templateKeys(template).sort())
    })
  }

  it('nests table 三 row labels: 三、 → （三） → 1.', () => {
    const rows = tableLayout('requests', '2021').rows
    const labels = rows.map((r) => `${r.kind}:${r.level}:${r.label}`)
    const three = labels.indexOf('group:0:三、本年度办理结果')
    const denied = labels.indexOf('group:1:（三）不予公开')
    const secret = labels.indexOf('leaf:2:1.属于国家秘密')
    expect(three).toBeGreaterThanOrEqual(0)
    expect(denied).toBeGreaterThan(three)
    expect(secret).toBe(denied + 1)
    expect(labels).toContain('leaf:0:四、结转下年度继续办理')
  })

  it('2019 has （六）其他处理 as a single row; 2021 splits it in three', () => {
    const labels2019 = tableLayout('requests', '2019').rows.map((r) => `${r.kind}:${r.label}`)
    expect(labels2019).toContain('leaf:（六）其他处理')
    const labels2021 = tableLayout('requests', '2021').rows.map((r) => `${r.kind}:${r.label}`)
    expect(labels2021).toContain('group:（六）其他处理')
  })

  it('puts the 7 applicant columns under 申请人情况 and 法人或其他组织', () => {
    const headers = tableLayout('requests', '2021').columns.map((c) => c.headers.join('/'))
    expect(headers).toEqual([
      '申请人情况/自然人',
      '申请人情况/法人或其他组织/商业企业',
      '申请人情况/法人或其他组织/科研机构',
      '申请人情况/法人或其他组织/社会公益组织',
      '申请人情况/法人或其他组织/法律服务机构',
      '申请人情况/法人或其他组织/其他',
      '申请人情况/总计'
    ])
  })

  it('gives table 四 its 15 columns under two-level headers', () => {
    const cols = tableLayout('appeals', '2021').columns
    expect(cols).toHaveLength(15)
    expect(cols[0].headers).toEqual(['行政复议', '结果维持'])
    expect(cols[5].headers).toEqual(['行政诉讼', '未经复议直接起诉', '结果维持'])
    expect(cols[14].headers).toEqual(['行政诉讼', '复议后起诉', '总计'])
  })

  it('chooses the layout by the cells a report holds (mixed templates)', () => {
    const layoutTemplate = (table: 'active' | 'requests', template: '2021' | '2019' | null, keys: string[], year: number | null = null): string =>
      tableForm(table, { template, year }, keys)
    expect(layoutTemplate('requests', '2021', ['requests.other.natural', 'requests.other.total'])).toBe('2019')
    // Table 二's form is the report's template (the template follows table 二; the other form's cells are hidden).
    expect(layoutTemplate('active', '2019', ['active.regulations.issued'])).toBe('2019')
    expect(layoutTemplate('active', null, ['active.regulations.issued'], 2019)).toBe('2021')
    // Nothing read and no template recognised: the form of the report's year, to type into.
    expect(layoutTemplate('requests', null, [], 2019)).toBe('2019')
    expect(layoutTemplate('requests', null, [], 2020)).toBe('2019')
    expect(layoutTemplate('requests', null, [], 2021)).toBe('2021')
    expect(layoutTemplate('requests', null, [], null)).toBe('2021')
    expect(layoutTemplate('active', '2019', [])).toBe('2019')
    // A reviewer's choice wins.
    expect(tableForm('requests', { template: '2021', year: 2022, forms: { requests: '2019' } }, ['requests.other.misc.total'])).toBe('2019')
  })

  it('levels labels by their numbering', () => {
    expect(labelLevel('一、本年新收政府信息公开申请数量')).toBe(0)
    expect(labelLevel('（三）不予公开')).toBe(1)
    expect(labelLevel('1.属于国家秘密')).toBe(2)
  })
})

describe('paste and undo', () => {
  it('parses an Excel block and places it, skipping nothing inside the form', () => {
    const block = parseTabular('1\t2\r\n3\t4\r\n5\t6\r\n')
    expect(block).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6']
    ])
    const grid = editableGrid(tableLayout('requests', '2021'))
    const { placed, dropped } = placeBlock(grid, { row: 0, col: 5 }, block)
    expect(dropped).toBe(0)
    expect(placed.map((p) => p.key)).toEqual([
      'requests.new_received.other_org',
      'requests.new_received.total',
      'requests.carried_over.other_org',
      'requests.carried_over.total',
      'requests.granted.other_org',
      'requests.granted.total'
    ])
    expect(placeBlock(grid, { row: 0, col: 6 }, block).dropped).toBe(3)
  })

  it('undoes a step in reverse and redoes it', () => {
    const s1 = recordStep(EMPTY_STACKS, [
      { key: 'a', before: '1', after: '2' },
      { key: 'b', before: '', after: '3' }
    ])
    const u = takeUndo(s1)!
    expect(u.apply).toEqual([
      { key: 'b', before: '3', after: '' },
      { key: 'a', before: '2', after: '1' }
    ])
    const r = takeRedo(u.stacks)!
    expect(r.apply[0]).toEqual({ key: 'a', before: '1', after: '2' })
    expect(takeUndo(EMPTY_STACKS)).toBeNull()
  })
})

describe('refused values in the undo history', () => {
  const typed = [{ key: 'a', before: '1', after: '2' }]
  const refusedOne = [{ key: 'b', before: '3', after: 'abc' }]
  const refusedTwo = [{ key: 'c', before: '4', after: '-3' }]
  const paste = [
    { key: 'd', before: '', after: '5' },
    { key: 'e', before: '', after: 'x' }
  ]

  it('after two refused inputs and a paste, the second Ctrl+Z undoes the input before them', () => {
    let stacks = [typed, refusedOne, refusedTwo, paste].reduce(recordStep, EMPTY_STACKS)
    stacks = dropChanges(stacks, refusedOne, ['b'])
    stacks = dropChanges(stacks, refusedTwo, ['c'])
    stacks = dropChanges(stacks, paste, ['e'])
    const first = takeUndo(stacks)!
    expect(first.apply).toEqual([{ key: 'd', before: '5', after: '' }])
    const second = takeUndo(first.stacks)!
    expect(second.apply).toEqual([{ key: 'a', before: '2', after: '1' }])
    expect(takeUndo(second.stacks)).toBeNull()
  })

  it('a step already undone loses its refused change on the redo stack', () => {
    const undone = takeUndo(recordStep(EMPTY_STACKS, paste))!.stacks
    expect(dropChanges(undone, paste, ['e']).redo).toEqual([[paste[0]]])
  })
})

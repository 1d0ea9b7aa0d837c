import { describe, expect, it } from 'vitest'
import type { ReportDetail, ReviewCell } from '../../../shared/types'
import { attentionKeys, landingKey, nextAttention, readingOrder } from './attention'
import { tableLayout } from './layout'
import type { TableName } from '../../../core/template/cells'

const LAYOUTS = (['active', 'requests', 'appeals'] as TableName[]).map((t) => tableLayout(t, '2021'))
const ORDER = readingOrder(LAYOUTS)

function cell(key: string, review = false): ReviewCell {
  return { key, value: 1, raw: '1', review, corrected: false, edits: 0 }
}

function detail(cells: ReviewCell[], findings: ReportDetail['findings'] = [], conflicts: ReportDetail['conflicts'] = []): ReportDetail {
  return { cells: Object.fromEntries(cells.map((c) => [c.key, c])), findings, conflicts } as unknown as ReportDetail
}

const failing = (cells: string[], accepted = false): ReportDetail['findings'][number] =>
  ({
    rule: 'requests.balance',
    status: 'fail',
    cells,
    message: '',
    ...(accepted ? { accepted: { comment: 'x' } } : {})
  }) as unknown as ReportDetail['findings'][number]

describe('cells needing review', () => {
  it('reads table 二 before 三 before 四, row by row', () => {
    expect(ORDER.indexOf('requests.new_received.natural')).toBeGreaterThan(ORDER.findIndex((k) => k.startsWith('active.')))
    expect(ORDER.indexOf('requests.new_received.commercial')).toBe(ORDER.indexOf('requests.new_received.natural') + 1)
    expect(ORDER.findIndex((k) => k.startsWith('appeals.'))).toBeGreaterThan(ORDER.indexOf('requests.new_received.natural'))
  })

  const cases: [string, ReportDetail, string[]][] = [
    ['nothing flagged', detail([cell('requests.new_received.natural')]), []],
    [
      'uncertain reads',
      detail([cell('appeals.review.upheld', true), cell('requests.new_received.natural', true)]),
      ['requests.new_received.natural', 'appeals.review.upheld']
    ],
    [
      'cells of an open failing check',
      detail([], [failing(['requests.carried_over.natural', 'requests.new_received.natural'])]),
      ['requests.new_received.natural', 'requests.carried_over.natural']
    ],
    ['an accepted check needs nothing', detail([], [failing(['requests.new_received.natural'], true)]), []],
    [
      'cells of a doubtful check',
      detail(
        [],
        [
          { ...failing(['appeals.review.upheld']), status: 'uncertain' },
          { ...failing(['requests.granted.natural'], true), status: 'uncertain' }
        ]
      ),
      ['appeals.review.upheld']
    ],
    [
      'a flagged cell a reviewer confirmed (确认) is no longer walked',
      detail([{ ...cell('appeals.review.upheld', true), confirmed: { by: '张三', at: '2024-01-01T00:00:00Z' } }, cell('requests.new_received.natural', true)]),
      ['requests.new_received.natural']
    ],
    ['a correction a newer reading disputes', detail([], [], [{ key: 'appeals.review.upheld', edited: '1', extracted: '2' }]), ['appeals.review.upheld']]
  ]
  it.each(cases)('%s', (_name, d, expected) => {
    expect(attentionKeys(d, LAYOUTS)).toEqual(expected)
  })

  it('a report lands on the first flagged cell, else on the first cell of table 三', () => {
    expect(landingKey(detail([cell('appeals.review.upheld', true)]), LAYOUTS)).toBe('appeals.review.upheld')
    expect(landingKey(detail([]), LAYOUTS)).toBe('requests.new_received.natural')
  })

  it('F8 and Shift+F8 step through them from the selected cell, wrapping round', () => {
    const keys = ['requests.new_received.natural', 'requests.carried_over.natural', 'appeals.review.upheld']
    expect(nextAttention(keys, ORDER, null, false)).toBe(keys[0])
    expect(nextAttention(keys, ORDER, keys[0], false)).toBe(keys[1])
    expect(nextAttention(keys, ORDER, 'requests.new_received.commercial', false)).toBe(keys[1])
    expect(nextAttention(keys, ORDER, keys[2], false)).toBe(keys[0])
    expect(nextAttention(keys, ORDER, keys[1], true)).toBe(keys[0])
    expect(nextAttention(keys, ORDER, keys[0], true)).toBe(keys[2])
    expect(nextAttention([], ORDER, keys[0], false)).toBeNull()
  })
})

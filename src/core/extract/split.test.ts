// Splitting digits that ran together: every cut, then the form's sums choose.

import { describe, expect, it } from 'vitest'
import { appealsRowHolds, enumerateSplits, requestRowHolds, splittable } from './split'
import type { Token } from './tokens'

const run = (...texts: string[]): Token[] => texts.map((text, i) => ({ kind: 'value', text, start: i * 100, end: i * 100 + text.length, line: 0, cell: false }))

const values = (splits: ReturnType<typeof enumerateSplits>) => (splits ?? []).map((s) => s.map((p) => Number(p.text)))

describe('enumerateSplits', () => {
  it.each([
    { digits: ['640020470'], n: 7, want: [64, 0, 0, 2, 0, 4, 70] },
    { digits: ['230', '000023'], n: 7, want: [23, 0, 0, 0, 0, 0, 23] },
    { digits: ['0', '0', '00', '00', '0'], n: 7, want: [0, 0, 0, 0, 0, 0, 0] }
  ])('$digits → $want is the only split whose 总计 is the sum', ({ digits, n, want }) => {
    const holding = values(enumerateSplits(run(...digits), n)).filter(requestRowHolds)
    expect(holding).toEqual([want])
  })

  it('never starts a number with 0, keeps every group, and leaves real ambiguity open', () => {
    expect(values(enumerateSplits(run('1005', '7'), 4))).toEqual([[10, 0, 5, 7]])
    expect(values(enumerateSplits(run('1005', '7'), 3))).toEqual([[100, 5, 7]])
    // 22,0,0,0,0,3,25 and 2,20,0,0,0,3,25 both sum: only the column sums can choose (see cells.ts)
    expect(values(enumerateSplits(run('220000325'), 7)).filter(requestRowHolds)).toHaveLength(2)
  })

  it('table 四: each group of five sums', () => {
    const holding = values(enumerateSplits(run('10203120001200000'), 15)).filter(appealsRowHolds)
    expect(holding).toEqual([[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]])
  })

  it('gives up (null) rather than enumerate without bound', () => {
    expect(enumerateSplits(run('1'.repeat(60)), 15)).toBeNull()
  })

  it('only digit strings may be split', () => {
    expect(splittable(run('12', '3 4'))).toBe(true)
    expect(splittable(run('1.5'))).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { addDecimals, decimalsOf, decimalsWritten, DecimalSum, formatDecimal, subtractDecimals } from './decimal'

describe('exact decimal sums', () => {
  it.each([
    ['1.50', 2],
    ['3', 0],
    ['1,234.5万元', 1],
    ['１２.３４', 2],
    ['/', 0],
    [null, 0]
  ])('%s is written with %i decimals', (raw, n) => {
    expect(decimalsWritten(raw)).toBe(n)
  })

  it.each([
    [0.1, 1],
    [41331.766082, 6],
    [1e-7, 7],
    [12, 0]
  ])('%s has %i decimals in its shortest form', (v, n) => {
    expect(decimalsOf(v)).toBe(n)
  })

  it.each([
    [[0.1, 0.2], 0.3, '0.3'],
    // the 统计 figure of issue 21 item 8, as floating point added it: 41331.76608200001
    [[41000.5, 331.266082], 41331.766082, '41331.766082'],
    [[13679.1, 0.268666999, 0.000000001], 13679.368667, '13679.368667000'],
    [[1, 2, 3], 6, '6'],
    [[1.25, -0.05], 1.2, '1.20'],
    [[Number.MAX_SAFE_INTEGER, 2], 9007199254740993, '9007199254740993'],
    // Past 2^50 units: the BigInt path, still exact.
    [[0.1, 1e-20], 0.1, '0.10000000000000000001'],
    [[123456789.123456, 0.000001], 123456789.123457, '123456789.123457']
  ])('%j adds up to %s exactly', (terms, value, text) => {
    const sum = new DecimalSum()
    for (const t of terms) sum.add(t)
    expect(sum.value).toBe(value)
    expect(sum.text).toBe(text)
  })

  it('keeps the precision written, not the shortest form', () => {
    const sum = new DecimalSum()
    sum.add(1.5, decimalsWritten('1.50'))
    sum.add(2)
    expect([sum.value, sum.scale, sum.text]).toEqual([3.5, 2, '3.50'])
  })

  it('goes on from a running total of whole numbers', () => {
    const sum = DecimalSum.from(41000)
    sum.add(331.766082)
    expect([sum.value, sum.text]).toEqual([41331.766082, '41331.766082'])
  })

  it('floating point would not have done it', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(addDecimals([0.1, 0.2])).toBe(0.3)
    expect(12.3 - 10.1).not.toBe(2.2)
    expect(subtractDecimals(12.3, 10.1)).toBe(2.2)
  })

  it.each([
    [41331.766082, 6, '41331.766082'],
    [1.5, 2, '1.50'],
    [10, 0, '10'],
    [10, undefined, '10']
  ])('prints %s with %s decimals as %s', (v, d, text) => {
    expect(formatDecimal(v, d)).toBe(text)
  })
})

import { describe, expect, it } from 'vitest'
import { UserFacingError } from '../shared/contract'
import { cellTypeFor, parseReviewerText } from './reviewer-text'

describe('parseReviewerText', () => {
  it.each([
    ['', 'count', null, ''],
    ['  ', 'count', null, ''],
    ['/', 'count', null, '/'],
    ['-', 'count', null, '-'],
    ['—', 'count', null, '—'],
    ['０', 'count', 0, '０'],
    ['１２', 'count', 12, '１２'],
    [' 7 ', 'count', 7, '7'],
    ['1,234', 'count', 1234, '1,234'],
    ['1，234', 'count', 1234, '1，234'],
    ['1 234', 'count', 1234, '1 234'],
    ['1\u3000234', 'count', 1234, '1 234'],
    ['１，２３４', 'count', 1234, '１，２３４'],
    ['12件', 'count', 12, '12件'],
    ['12 件', 'count', 12, '12 件'],
    ['３人次', 'count', 3, '３人次'],
    ['3.5万元', 'amount', 3.5, '3.5万元'],
    ['12.5', 'amount', 12.5, '12.5'],
    ['0.35', 'amount', 0.35, '0.35'],
    ['１２．５', 'amount', 12.5, '１２．５'],
    ['-3', 'signed', -3, '-3'],
    ['+2', 'signed', 2, '+2'],
    ['－３', 'signed', -3, '－３']
  ] as const)('%j as %s → %j', (text, type, value, raw) => {
    expect(parseReviewerText(text, type)).toEqual({ value, raw })
  })

  it.each([
    ['12.5', 'count', /整数/],
    ['-3', 'count', /负数/],
    ['-1.5', 'amount', /负数/],
    ['1.5', 'signed', /整数/],
    ['abc', 'count', /无法识别/],
    ['件', 'count', /无法识别/],
    ['12件件', 'count', /无法识别/],
    ['12 斤', 'count', /无法识别/],
    ['1,23', 'count', /无法识别/],
    ['=1+1', 'count', /无法识别/]
  ] as const)('%j as %s is refused in Chinese', (text, type, message) => {
    expect(() => parseReviewerText(text, type)).toThrow(UserFacingError)
    expect(() => parseReviewerText(text, type)).toThrow(message)
  })

  it('knows each cell type, by template', () => {
    expect(cellTypeFor('active.fees.amount', '2021')).toBe('amount')
    expect(cellTypeFor('active.fees.change', '2019')).toBe('signed')
    expect(cellTypeFor('requests.other.total', '2021')).toBe('count')
    expect(cellTypeFor('no.such.cell', '2021')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { tsvField, tsvLine } from './tsv'

describe('tab-separated output', () => {
  it.each([
    ['plain.txt', 'plain.txt'],
    ['a\tb.txt', 'a\\tb.txt'],
    ['a\nb.txt', 'a\\nb.txt'],
    ['a\r\nb', 'a\\r\\nb'],
    ['C:\\reports\\a.txt', 'C:\\\\reports\\\\a.txt'],
    ['年报 2022.docx', '年报 2022.docx'],
    [null, ''],
    [3, '3']
  ])('%j → %j', (value, escaped) => {
    expect(tsvField(value)).toBe(escaped)
  })

  it('keeps a line one line of as many fields as given', () => {
    const line = tsvLine(['1', 'x\ty', 'z\n'])
    expect(line.split('\n')).toHaveLength(1)
    expect(line.split('\t')).toEqual(['1', 'x\\ty', 'z\\n'])
  })
})

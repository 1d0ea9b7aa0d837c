// Plain-text layouts → blocks, with offsets that index the text unchanged.

import { describe, expect, it } from 'vitest'
import type { Table } from '../document'
import { textToDocument } from './text'

function tables(text: string): string[][][] {
  const doc = textToDocument(text, 'utf-8').value
  return doc.blocks.filter((b): b is Table => b.kind === 'table').map((t) => t.rows.map((row) => row.map((c) => doc.text.slice(c.start, c.end))))
}

describe('textToDocument', () => {
  it('one cell per line ending in " |", rows ended by lines of bare pipes', () => {
    expect(tables('二、主动公开\n第二十条 |\n|||\n规章 |\n0 |\n |\n5 |\n||\n行政许可 |\n887 |\n三、收到')).toEqual([
      [['第二十条'], ['规章', '0', '', '5'], ['行政许可', '887']]
    ])
  })

  it("Word's text export: tab-indented cells, continuation lines, blank lines between rows", () => {
    expect(tables('\t信息内容\n\t商业\n企业\n\t\n\n\t规章\n\t0\n\n三、收到和处理')).toEqual([
      [
        ['信息内容', '商业\n企业', ''],
        ['规章', '0']
      ]
    ])
  })

  it('Markdown tables: rules skipped, page footers inside the table dropped', () => {
    const doc = textToDocument('| a | b |\n|---|---|\n— 4 —\n| 1 |  |\n正文', 'utf-8').value
    expect(tables('| a | b |\n|---|---|\n— 4 —\n| 1 |  |\n正文')).toEqual([
      [
        ['a', 'b'],
        ['1', '']
      ]
    ])
    expect(doc.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph'])
    expect(doc.text.includes('— 4 —')).toBe(true)
  })

  it('prose lines become paragraphs with trimmed offsets; CRLF is handled', () => {
    const text = '  标题  \r\n\r\n正文一段。\r\n'
    const doc = textToDocument(text, 'gb18030').value
    expect(doc.encoding).toBe('gb18030')
    expect(doc.blocks.map((b) => text.slice(b.start, b.end))).toEqual(['标题', '正文一段。'])
  })

  it('empty text gives an empty document and a warning', () => {
    const r = textToDocument('', 'utf-8')
    expect(r.value.blocks).toEqual([])
    expect(r.messages[0].code).toBe('ingest.empty_text')
  })
})

describe('textToDocument: empty cells in one-cell-per-line text', () => {
  it('a bare "|" before a cell is an empty cell of the same row', () => {
    expect(tables('规章 |\n0 |\n|5 |\n7 |\n||\n')).toEqual([[['规章', '0', '', '5', '7']]])
  })
})

describe('textToDocument: tab-separated rows', () => {
  it('each line a row, two tabs an empty cell', () => {
    expect(tables('表头\n规章\t0\t\t3\n行政许可\t887\n正文')).toEqual([
      [
        ['规章', '0', '', '3'],
        ['行政许可', '887']
      ]
    ])
  })
})

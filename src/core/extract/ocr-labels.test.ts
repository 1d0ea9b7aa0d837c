// Labels read from a picture: a header word or a row label with a character misread (勾值关系,
// 中请人情况, 一·本年新收) still opens table 三 and names its rows, each such row marked as a guess.
// Text documents keep the exact rule: the same misprints in typed text open nothing.

import { describe, expect, it } from 'vitest'
import type { SourceDocument } from '../document'
import { htmlToDocument } from '../ingest/html'
import { extractReport } from './index'
import { holdsNear, labelTail } from './label-match'
import { writeHtml } from './test-fixtures'

/** Misreads of one character for another: the text keeps its length, so every cell's offsets hold. */
const MISREADS: [string, string][] = [
  ['勾稽关系', '勾值关系'],
  ['申请人情况', '中请人情况'],
  ['自然人', '日然人'],
  ['法人或其他组织', '法人或其他组识'],
  ['一、本年新收政府信息公开申请数量', '一·本年新收政府信息公升中请数量'],
  ['二、上年结转政府信息公开申请数量', '二·上年结转政府信息公件中请数量']
]

/** The standard page with its labels misread, its tables' cells said to come from a picture (or not). */
function misread(fromPicture: boolean, misreads = MISREADS): SourceDocument {
  const doc = htmlToDocument(writeHtml()).value!
  let text = doc.text
  for (const [right, wrong] of misreads) text = text.split(right).join(wrong)
  const out: SourceDocument = { ...doc, text }
  if (fromPicture)
    for (const block of out.blocks)
      if (block.kind === 'table')
        for (const row of block.rows)
          for (const cell of row) {
            cell.imageIndex = 0
            cell.ocr = { confidence: 0.99 }
          }
  return out
}

describe('labels read from a picture', () => {
  it('a misread header still opens table 三 and misread row labels still name their rows', () => {
    const report = extractReport(misread(true))
    expect(report.tables.requests).toBe('found')
    const typed = extractReport(htmlToDocument(writeHtml()).value!)
    for (const [key, cell] of Object.entries(report.cells)) expect(cell.value, key).toBe(typed.cells[key].value)
    // named by a key phrase read whole (本年新收, 上年结转) or by a near label: a guess is marked
    expect(Object.values(report.messages).some((m) => m.code === 'extract.row_unrecognised')).toBe(false)
  })

  it('a row of seven cells whose label reads as nothing of the form is the next row, marked', () => {
    const unreadable: [string, string][] = [...MISREADS, ['属于国家秘密', '小年影收政助']]
    const report = extractReport(misread(true, unreadable))
    const typed = extractReport(htmlToDocument(writeHtml()).value!)
    const cell = report.cells['requests.denied.state_secret.natural']
    expect(cell.value).toBe(typed.cells['requests.denied.state_secret.natural'].value)
    expect(cell.review).toBe(true)
    expect(cell.reviewReason).toContain('按表格行序推断')
    // typed text keeps its rule: an unknown label names no row
    expect(extractReport(misread(false, [['属于国家秘密', '小年影收政助']])).cells['requests.denied.state_secret.natural'].value).toBeNull()
  })

  it('table 四 under a misread header is read by position, every number marked', () => {
    const header: [string, string][] = [
      ['行政复议', '行攻复议'],
      ['行政诉讼', '行攻诉讼'],
      ['未经复议直接起诉', '未经复议直接越诉'],
      ['复议后起诉', '复议后起拆']
    ]
    const typed = extractReport(htmlToDocument(writeHtml()).value!)
    const report = extractReport(misread(true, header))
    expect(report.tables.appeals).toBe('found')
    const keys = Object.keys(typed.cells).filter((k) => k.startsWith('appeals.'))
    expect(keys).toHaveLength(15)
    for (const key of keys) {
      expect(report.cells[key].value, key).toBe(typed.cells[key].value)
      expect(report.cells[key].review, key).toBe(true)
      expect(report.cells[key].reviewReason, key).toContain('表四表头')
    }
    // read exactly, nothing is marked for it
    expect(keys.some((k) => typed.cells[k].reviewReason?.includes('表四表头'))).toBe(false)
    // typed text keeps the exact rule
    expect(extractReport(misread(false, header)).tables.appeals).not.toBe('found')
  })

  it('the same misprints in typed text open nothing (the exact rule stays)', () => {
    expect(extractReport(misread(false)).tables.requests).not.toBe('found')
  })
})

describe('holdsNear', () => {
  it.each([
    { text: '（本列数据的勾值关系为', word: '勾稽关系', holds: true, why: 'one character misread in four' },
    { text: '中请人情况', word: '申请人情况', holds: true, why: 'one in five' },
    { text: '中情人情况', word: '申请人情况', holds: false, why: 'two in five' },
    { text: '日然人', word: '自然人', holds: false, why: 'a word under four characters must be exact' },
    { text: '自然人', word: '自然人', holds: true, why: 'exact' },
    { text: '', word: '勾稽关系', holds: false, why: 'nothing' }
  ])('$why', ({ text, word, holds }) => {
    expect(holdsNear(text, word)).toBe(holds)
  })
})

describe('labelTail', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'],
    ['一·本年新收政府信息公升中请数量', '本年新收政府信息公升中请数量'],
    ['(三)不予公开1.属于国家秘密', '属于国家秘密']
  ])('%s → %s', (label, tail) => {
    expect(labelTail(label)).toBe(tail)
  })
})

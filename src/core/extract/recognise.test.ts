// The recogniser's cost on hostile streams: labels carried across blank runs are bounded.

import { describe, expect, it } from 'vitest'
import { MAX_CARRIED_LABELS, recognise, type RecogniseWork } from './recognise'
import type { Token, TokenKind } from './tokens'

/** One table's tokens: each row a label cell and then `cells` cells of `kind`. */
function tableStream(rows: Array<{ label: string; kind: TokenKind; cells?: number }>): Token[] {
  const tokens: Token[] = []
  let at = 0
  rows.forEach(({ label, kind, cells = 7 }, row) => {
    const texts = [label, ...Array<string>(cells).fill(kind === 'value' ? '1' : '')]
    texts.forEach((text, col) => {
      tokens.push({ kind: col === 0 ? 'label' : kind, text, start: at, end: at + text.length, line: row, cell: true, table: 0, row, col })
      at += text.length + 1
    })
  })
  return tokens
}

const blankRows = (n: number, label = 'x') => Array.from({ length: n }, () => ({ label, kind: 'empty' as const }))

describe('labels carried across blank runs', () => {
  it('a table of label + blank rows: the labels reread grow with the rows, not rows × rows', () => {
    const read = (n: number): number => {
      const work: RecogniseWork = { labelsRead: 0 }
      recognise(tableStream(blankRows(n)), false, work)
      return work.labelsRead
    }
    const [small, large] = [read(4_000), read(8_000)]
    // Before, every run reread every label above it: 8 000 rows took 4 times the work of 4 000.
    expect(large / small).toBeLessThan(2.5)
    expect(large).toBeLessThanOrEqual((MAX_CARRIED_LABELS + 1) * 8_000)
  })

  it('says once, in Chinese, that older labels were let go; a header noted before still holds', () => {
    const tokens = tableStream([{ label: '申请人情况', kind: 'empty' }, ...blankRows(MAX_CARRIED_LABELS + 50), { label: '（一）予以公开', kind: 'value' }])
    const { hits, messages } = recognise(tokens, false)
    expect(messages.filter((m) => m.code === 'extract.labels_let_go')).toEqual([
      expect.objectContaining({
        type: 'warning',
        message: expect.stringMatching(new RegExp(`^此处起连续 ${MAX_CARRIED_LABELS} 个以上的标签之后只有空白单元格`))
      })
    ])
    expect(hits.map((h) => [h.spec.id, h.values.map((v) => v.text).join(',')])).toEqual([['requests.granted', '1,1,1,1,1,1,1']])
  })

  it('a real header with blank padding carries its labels as before, without a word', () => {
    const tokens = tableStream([{ label: '申请人情况', kind: 'empty' }, ...blankRows(20), { label: '（一）予以公开', kind: 'value' }])
    const { hits, messages } = recognise(tokens, false)
    expect(messages).toEqual([])
    expect(hits.map((h) => h.spec.id)).toEqual(['requests.granted'])
  })
})

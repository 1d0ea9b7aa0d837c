// Table 三 read by its columns on the page, not by counting: a PDF row whose merged label came
// back as a label and an empty cell keeps its values under their headings (issue #15: a 2021
// report with the 2019 single （六）其他处理 row, whose 总计 values landed one column right).

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SourceDocument, Table, TableCell } from '../document'
import { ingest } from '../ingest'
import { htmlToDocument } from '../ingest/html'
import { extractReport } from './index'
import { writeHtml } from './test-fixtures'

const PDF = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'pdf')

async function pdfDocument(): Promise<{ doc: SourceDocument; truth: Record<string, number | null> }> {
  const bytes = new Uint8Array(readFileSync(join(PDF, 'files', 'lo_2021_old_other_row.pdf')))
  const truth = JSON.parse(readFileSync(join(PDF, 'truth', 'lo_2021_old_other_row.json'), 'utf8')).cells
  return { doc: (await ingest({ name: 'x.pdf', bytes })).value!, truth }
}

/** The row whose first cell reads `label`, with that label cell narrowed and an empty cell after it. */
function splitLabelCell(doc: SourceDocument, label: string): void {
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue
    const table = block as Table
    for (const row of table.rows) {
      const first = row[0]
      if (!first || doc.text.slice(first.start, first.end) !== label) continue
      const empty: TableCell = { ...first, col: first.col + first.colSpan - 1, colSpan: 1, start: first.end, end: first.end }
      row.splice(1, 0, empty)
      first.colSpan -= 1
      return
    }
  }
  throw new Error(`no row ${label}`)
}

describe('table 三 by page columns', () => {
  it('the fixture: a 2021 report keeping the single （六）其他处理 row reads right', async () => {
    const { doc, truth } = await pdfDocument()
    const r = extractReport(doc)
    expect(r.meta.template).toBe('2021')
    for (const [key, value] of Object.entries(truth)) expect(r.cells[key], key).toMatchObject({ value, review: false })
    expect(r.cells['requests.other.no_correction.natural']).toBeUndefined()
  })

  it.each(['（七）总计', '（六）其他处理'])('a PDF row whose label %s came back with an empty cell keeps its columns', async (label) => {
    const { doc, truth } = await pdfDocument()
    splitLabelCell(doc, label)
    const r = extractReport(doc)
    const id = label === '（七）总计' ? 'total' : 'other'
    for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']) {
      const key = `requests.${id}.${col}`
      expect(r.cells[key], key).toMatchObject({ value: truth[key], review: false })
    }
  })

  it('a Word or web grid (logical columns) is still read by counting and the row marked', () => {
    const doc = htmlToDocument(writeHtml()).value!
    splitLabelCell(doc, '（七）总计')
    const r = extractReport(doc)
    expect(r.cells['requests.total.natural'].review).toBe(true)
  })
})

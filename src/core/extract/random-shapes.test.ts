// Property tests: no shape of table rows, of cells, of columns on the page, nor of an OCR'd page,
// makes extraction throw (issue #23: a row with more keys than cells failed a whole .docx whose
// tables were pictures). Cases come from a seeded generator; a failing case names its seed.

import { describe, expect, it } from 'vitest'
import type { Box } from '../document'
import type { OcrCell, OcrLine, OcrPage, OcrTable } from '../ocr/page'
import { ocrDocument } from '../ocr/to-document'
import { appendOcr } from '../ocr/read-images'
import { seeded, type Random } from '../test-random'
import type { TableName, TemplateId } from '../template'
import { cellsAsWritten, cellsOfTable, columnGuide } from './cells'
import { extractReport } from './index'
import type { RowHit } from './recognise'
import { REQUEST_LABELS_2019, REQUEST_LABELS_2021, activeRows2021, consistentRequestValues } from './test-fixtures'
import type { Token } from './tokens'
import { APPEALS_GROUP_ROWS, APPEALS_ROW, ROW_SPECS } from './vocabulary'

const CASES = 400
const SPECS = [...ROW_SPECS, APPEALS_ROW, ...APPEALS_GROUP_ROWS]
const TEXTS = [
  '',
  '0',
  '7',
  '12',
  '010',
  '1 9',
  '11 9',
  '1 234',
  '-3',
  '－2',
  '/',
  '-',
  '—',
  '无',
  '3.5',
  '１２',
  '2０',
  '640020470',
  '00',
  '8 8 8',
  '予以公开',
  '?'
]

function token(r: Random, at: number): Token {
  const text = r.pick(TEXTS)
  const t: Token = {
    kind: text === '' ? 'empty' : /^[-−－—]?[\d０-９ .]+$/.test(text) ? 'value' : r.pick(['value', 'label'] as const),
    text,
    start: at,
    end: at + text.length,
    line: 0,
    cell: r.chance(0.8)
  }
  if (r.chance(0.7)) {
    t.table = r.int(0, 2)
    t.row = r.int(0, 30)
    t.col = r.int(0, 9)
  }
  if (r.chance(0.6)) t.bbox = [r.int(0, 500), r.int(0, 500), r.int(500, 900), r.int(500, 900)] as Box
  if (r.chance(0.3))
    t.ocr = { confidence: r.next(), ...(r.chance(0.5) ? { alternatives: [r.pick(TEXTS)] } : {}), ...(r.chance(0.1) ? { obscured: true as const } : {}) }
  return t
}

function hits(r: Random, table: TableName): RowHit[] {
  const specs = SPECS.filter((s) => s.table === table)
  return Array.from({ length: r.int(0, 30) }, (_, i) => ({
    spec: r.pick(specs),
    values: Array.from({ length: r.int(0, 18) }, (_, k) => token(r, i * 100 + k * 5)),
    instance: 0,
    ...(r.chance(0.1) ? { guess: '位置推测' } : {})
  }))
}

describe('random row shapes', () => {
  it.each(['active', 'requests', 'appeals'] as TableName[])('cellsOfTable(%s) never throws and gives every cell a value or null', (table) => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = seeded(seed)
      const template: TemplateId = r.pick(['2019', '2021'] as const)
      const rows = hits(r, table)
      const expected = r.chance(0.5) ? rows.map((h) => h.spec.id) : []
      let read
      try {
        read = cellsOfTable(table, rows, template, expected)
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).stack}`)
      }
      for (const [key, cell] of Object.entries(read.cells)) expect(cell.value === null || typeof cell.value === 'number', `seed ${seed} ${key}`).toBe(true)
    }
  })

  it('columnGuide never throws and names n columns per table', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = seeded(seed)
      const n = r.int(1, 15)
      for (const columns of columnGuide(hits(r, 'requests'), n).values()) expect(columns, `seed ${seed}`).toHaveLength(n)
    }
  })

  it('open splits of run-together digits (alternatives) resolve without throwing', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = seeded(seed)
      const rows: RowHit[] = Array.from({ length: r.int(3, 26) }, (_, i) => ({
        spec: r.pick(SPECS.filter((s) => s.table === 'requests')),
        values: Array.from({ length: r.int(1, 4) }, (_, k) => {
          const text = Array.from({ length: r.int(1, 9) }, () => r.pick(['0', '1', '2', '5', '9'])).join('')
          return { kind: 'value' as const, text, start: i * 50 + k * 12, end: i * 50 + k * 12 + text.length, line: i, cell: false }
        }),
        instance: 0
      }))
      expect(() => cellsOfTable('requests', rows, '2021', []), `seed ${seed}`).not.toThrow()
    }
  })
})

const LABELS = [...REQUEST_LABELS_2021.flat(), ...activeRows2021().flatMap((row) => row.label), '行政复议', '行政诉讼', '维持', '纠正', '总计', '尚未审结']

function ocrTable(r: Random, x0: number, y0: number): OcrTable {
  const rows = r.int(0, 30)
  const cols = r.int(0, 18)
  const cells: OcrCell[] = []
  for (let k = r.int(0, rows * cols + 3); k > 0; k--) {
    const row = r.int(-1, rows)
    const col = r.int(-1, cols)
    const text = r.chance(0.3) ? r.pick(LABELS) : r.pick(TEXTS)
    const x = x0 + col * 40
    const y = y0 + row * 20
    cells.push({
      row,
      col,
      rowSpan: r.int(0, 4),
      colSpan: r.int(0, 4),
      box: [x, y, x + r.int(-5, 80), y + r.int(-5, 40)],
      text: r.chance(0.05) ? `${text}\t\n${text}` : text,
      confidence: r.next(),
      alternatives: r.chance(0.2) ? [r.pick(TEXTS)] : [],
      ...(r.chance(0.05) ? { obscured: true as const } : {})
    })
  }
  return { box: [x0, y0, x0 + cols * 40, y0 + rows * 20], rows, cols, cells }
}

const HEADS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
const HEADING: OcrLine = { box: [0, 0, 300, 16], text: '三、收到和处理政府信息公开申请情况', confidence: 1 }

/** Table 三 (2019 or 2021 rows) as a grid read by OCR under its header row; `alter` drops, doubles or moves cells. */
function requestsGrid(labels: string[][], alter: (cell: OcrCell, row: number) => OcrCell[]): OcrTable {
  const values = consistentRequestValues(labels)
  const cell = (row: number, col: number, text: string): OcrCell => {
    const x = col ? 200 + (col - 1) * 40 : 0
    return { row, col, rowSpan: 1, colSpan: 1, box: [x, 20 + row * 20, col ? x + 40 : 200, 40 + row * 20], text, confidence: 1, alternatives: [] }
  }
  const cells: OcrCell[] = [cell(0, 0, '申请人情况'), ...HEADS.map((h, c) => cell(0, c + 1, h))]
  labels.forEach((label, i) => {
    for (const c of [cell(i + 1, 0, label.join('')), ...values[i].map((v, k) => cell(i + 1, k + 1, v))]) cells.push(...alter(c, i + 1))
  })
  return { box: [0, 20, 480, 40 + labels.length * 20], rows: labels.length + 1, cols: 8, cells }
}

function randomRequestsGrid(r: Random): OcrTable {
  return requestsGrid(r.chance(0.5) ? REQUEST_LABELS_2021 : REQUEST_LABELS_2019, (cell) => {
    if (r.chance(0.05)) return []
    if (r.chance(0.1)) cell.confidence = r.next()
    if (r.chance(0.03)) cell.col += r.pick([-1, 1])
    return r.chance(0.03) ? [cell, { ...cell }] : [cell]
  })
}

function ocrPage(r: Random): OcrPage {
  const tables = Array.from({ length: r.int(0, 3) }, () => (r.chance(0.4) ? randomRequestsGrid(r) : ocrTable(r, r.int(0, 200), r.int(0, 2000))))
  const lines: OcrLine[] = Array.from({ length: r.int(0, 8) }, () => {
    const x = r.int(0, 600)
    const y = r.int(0, 3000)
    return {
      box: [x, y, x + r.int(0, 600), y + r.int(0, 40)],
      text: r.pick(['平潭县人民政府2024年政府信息公开工作年度报告', '', '二〇二五年一月', ...LABELS]),
      confidence: r.next()
    }
  })
  if (tables.length && r.chance(0.5)) lines.push(HEADING)
  return { skew: 0, width: 1240, height: 1754, unit: r.int(0, 40), tables, lines }
}

describe('random OCR pages', () => {
  it('ocrDocument, appendOcr and extractReport never throw on any grid shape', () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const r = seeded(seed)
      const pages = Array.from({ length: r.int(1, 3) }, (_, i) => ({ imageIndex: i, ...(r.chance(0.5) ? { pdfPage: i + 1 } : {}), page: ocrPage(r) }))
      try {
        const doc = appendOcr({ format: 'docx', text: r.chance(0.5) ? '正文' : '', blocks: [] }, pages)
        const own = ocrDocument(pages, 'pdf')
        for (const block of [...doc.blocks, ...own.blocks]) expect(block.end).toBeGreaterThanOrEqual(block.start)
        // the table reader itself held: no table needed the fallback of cellsAsWritten
        const failed = extractReport(doc).messages.filter((m) => m.code === 'extract.table_failed')
        expect(failed.map((m) => m.message)).toEqual([])
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).stack}`)
      }
    }
  })
})

describe('a table 三 grid with a value cell missing (issue #23)', () => {
  it.each([1, 3, 6])('a row short of column %i keeps the other rows right and is marked itself', (dropCol) => {
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    const table = requestsGrid(REQUEST_LABELS_2021, (cell, row) => (row === 5 && cell.col === dropCol ? [] : [cell]))
    const page: OcrPage = { skew: 0, width: 600, height: 700, unit: 14, tables: [table], lines: [HEADING] }
    const report = extractReport(ocrDocument([{ imageIndex: 0, page }], 'docx'))
    expect(report.messages.filter((m) => m.code === 'extract.table_failed')).toEqual([])
    expect(report.tables.requests).toBe('found')
    // the other rows read whole and right, unmarked; the short row (（三）1.属于国家秘密) is marked
    for (const [id, i] of [
      ['new_received', 0],
      ['granted', 2],
      ['total', 23]
    ] as const) {
      for (const [c, col] of ['natural', 'commercial', 'total'].entries())
        expect(report.cells[`requests.${id}.${col}`], `${id}.${col}`).toMatchObject({ value: Number(values[i][c === 2 ? 6 : c]), review: false })
    }
    expect(Object.entries(report.cells).filter(([k, c]) => k.startsWith('requests.denied.state_secret.') && c.review).length).toBeGreaterThan(0)
  })
})

describe('a table whose reading fails', () => {
  it("becomes that table's finding with its cells as written, all marked", () => {
    const tokens = ['3', '', '5'].map((text, i): Token => ({
      kind: text ? 'value' : 'empty',
      text,
      start: i * 2,
      end: i * 2 + text.length,
      line: 0,
      cell: true
    }))
    const spec = SPECS.find((s) => s.id === 'requests.new_received')!
    const read = cellsAsWritten('requests', [{ spec, values: tokens, instance: 0 }], '2021', ['requests.new_received', 'requests.total'], new Error('boom'))
    expect(read.messages.map((m) => m.code)).toEqual(['extract.table_failed'])
    expect(read.cells['requests.new_received.natural']).toMatchObject({ value: 3, review: true })
    expect(read.cells['requests.new_received.research']).toMatchObject({ value: 5, review: true })
    expect(read.cells['requests.new_received.total']).toMatchObject({ value: null, review: true })
    expect(read.cells['requests.total.total']).toMatchObject({ value: null, review: true })
  })
})

describe('the （六） rows of the 2021 form printed but left blank (a report filled as the older single row)', () => {
  const OTHER = [20, 21, 22]
  const read = (blank: boolean) => {
    const table = requestsGrid(REQUEST_LABELS_2021, (cell, row) => {
      if (blank && OTHER.includes(row - 1) && cell.col > 0) cell.text = ''
      return [cell]
    })
    return extractReport(ocrDocument([{ imageIndex: 0, page: { skew: 0, width: 600, height: 700, unit: 14, tables: [table], lines: [HEADING] } }], 'pdf'))
  }

  it('reports the group as the single row, each column what （七）总计 leaves, always marked', () => {
    const values = consistentRequestValues(REQUEST_LABELS_2021)
    const report = read(true)
    ;['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'].forEach((col, c) => {
      const group = OTHER.reduce((sum, i) => sum + Number(values[i][c]), 0)
      expect(report.cells[`requests.other.${col}`], col).toMatchObject({ value: group, raw: String(group), review: true })
      expect(report.cells[`requests.other.${col}`].reviewReason).toContain('（六）其他处理的三行均为空')
      // the rows as printed stay blank
      expect(report.cells[`requests.other.misc.${col}`].value).toBeNull()
    })
  })

  it('adds nothing when the rows are filled', () => {
    const report = read(false)
    expect(Object.keys(report.cells).filter((k) => /^requests\.other\.[a-z_]+$/.test(k))).toEqual([])
  })
})

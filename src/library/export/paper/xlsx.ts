// Working papers as XLSX, one sheet per report laid out like the official form: merged headers,
// borders, widths, A4 landscape with the title rows repeated, corrected cells shaded with a note.
// Written with exceljs rather than the streaming writer (../workbook.ts): a paper needs styles,
// merges, cell notes (legacy VML drawings) and page setup, and is a few hundred cells, not millions.

import { createRequire } from 'node:module'
import type ExcelJS from 'exceljs'
import { neutralise } from '../safe-text'
import type { TableGrid } from './layout'
import { cellNote, cellText, paperTitle, stamp, summaryPairs, tableStateText, UNKNOWN_AGENCY, type PaperCell, type PaperTable, type WorkingPaper } from './data'

/** Sheet columns: three label columns, then fifteen narrow value columns every table maps onto. */
const LABEL_COLUMNS = 3
const VALUE_COLUMNS = 15
export const SHEET_COLUMNS = LABEL_COLUMNS + VALUE_COLUMNS
const WIDTHS = [5, 9, 30, ...Array.from({ length: VALUE_COLUMNS }, () => 6)]

export const FILLS = {
  head: 'FFE7E6E6',
  corrected: 'FFFFE699',
  typed: 'FFDDEBF7',
  blank: 'FFF2F2F2',
  banner: 'FFC00000'
} as const

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' }
}
const FONT = 'SimSun'

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g

/** Agency + year, within Excel's 31 characters (the agency is shortened, the year kept), unique in the workbook. */
export function sheetNameFor(p: Pick<WorkingPaper, 'agency' | 'year'>, used: Set<string>): string {
  // An apostrophe inside the name breaks the print area's defined name (exceljs quotes the name
  // with apostrophes without doubling one inside it): it is written as ’.
  const agency = [
    ...(p.agency ?? UNKNOWN_AGENCY)
      .replace(INVALID_SHEET_CHARS, '_')
      .replace(/^'+|'+$/g, '')
      .replace(/'/g, '’')
  ]
  const year = p.year === null ? '' : String(p.year)
  const fit = (suffix: string) => agency.slice(0, 31 - year.length - suffix.length).join('') + year + suffix
  let name = fit('')
  // Excel compares sheet names without regard to case.
  for (let n = 2; used.has(name.toLowerCase()); n++) name = fit(`(${n})`)
  used.add(name.toLowerCase())
  return name
}

/** Sheet columns [first, last] (1-based) a grid column takes. */
function columnSpan(grid: TableGrid, col: number): [number, number] {
  if (grid.table === 'requests') {
    if (col < LABEL_COLUMNS) return [col + 1, col + 1]
    const i = col - LABEL_COLUMNS
    const first = LABEL_COLUMNS + 1 + 2 * i
    return [first, i === grid.columns - LABEL_COLUMNS - 1 ? SHEET_COLUMNS : first + 1]
  }
  if (grid.table === 'active') {
    if (col === 0) return [1, LABEL_COLUMNS]
    const per = VALUE_COLUMNS / (grid.columns - 1)
    return [LABEL_COLUMNS + 1 + (col - 1) * per, LABEL_COLUMNS + col * per]
  }
  return [LABEL_COLUMNS + 1 + col, LABEL_COLUMNS + 1 + col]
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

class PaperSheet {
  private row = 1

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  get nextRow(): number {
    return this.row
  }

  /** One text line across the given columns (the whole width by default). */
  line(
    text: string,
    style: { bold?: boolean; size?: number; color?: string; fill?: string; height?: number; align?: 'left' | 'center' } = {},
    from = 1,
    to = SHEET_COLUMNS
  ): void {
    this.ws.mergeCells(this.row, from, this.row, to)
    const cell = this.ws.getCell(this.row, from)
    cell.value = neutralise(text)
    cell.font = { name: FONT, bold: style.bold, size: style.size ?? 10, ...(style.color ? { color: { argb: style.color } } : {}) }
    cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true }
    if (style.fill) cell.fill = fill(style.fill)
    if (style.height) this.ws.getRow(this.row).height = style.height
    this.row++
  }

  /** A bordered row of text cells, each over [from, to] sheet columns. */
  record(values: { text: string | number | null; from: number; to: number }[], head = false, height?: number): void {
    for (const v of values) {
      if (v.to > v.from) this.ws.mergeCells(this.row, v.from, this.row, v.to)
      const cell = this.ws.getCell(this.row, v.from)
      cell.value = typeof v.text === 'string' ? neutralise(v.text) : v.text
      for (let c = v.from; c <= v.to; c++) {
        const part = this.ws.getCell(this.row, c)
        part.border = THIN
        if (head) part.fill = fill(FILLS.head)
      }
      cell.font = { name: FONT, size: 9, bold: head }
      cell.alignment = { vertical: 'middle', horizontal: head ? 'center' : 'left', wrapText: true }
    }
    if (height) this.ws.getRow(this.row).height = height
    this.row++
  }

  skip(n = 1): void {
    this.row += n
  }

  table(t: PaperTable): void {
    const grid = t.grid
    this.line(`${t.short}　${grid.title}`, { bold: true, size: 11, height: 20 })
    const state = tableStateText(t)
    if (state) this.line(state, { color: 'FFC00000' })
    const top = this.row
    if (grid.table === 'appeals') {
      this.ws.mergeCells(top, 1, top + grid.rows - 1, LABEL_COLUMNS)
      for (let r = 0; r < grid.rows; r++) for (let c = 1; c <= LABEL_COLUMNS; c++) this.ws.getCell(top + r, c).border = THIN
    }
    for (const g of grid.cells) {
      const [first, last] = columnSpan(grid, g.col)
      const [, lastOfSpan] = columnSpan(grid, g.col + g.colSpan - 1)
      const r0 = top + g.row
      const r1 = r0 + g.rowSpan - 1
      const c1 = Math.max(last, lastOfSpan)
      if (r1 > r0 || c1 > first) this.ws.mergeCells(r0, first, r1, c1)
      for (let r = r0; r <= r1; r++) for (let c = first; c <= c1; c++) this.ws.getCell(r, c).border = THIN
      const cell = this.ws.getCell(r0, first)
      if (g.kind === 'value') {
        this.value(cell, t.cells[g.key!])
        if (t.state === 'absent') cell.fill = fill(FILLS.blank)
      } else {
        cell.value = g.text
        cell.font = { name: FONT, size: 9, bold: g.kind === 'head' }
        cell.alignment = { vertical: 'middle', horizontal: g.kind === 'head' || g.rowSpan > 1 ? 'center' : 'left', wrapText: true }
        if (g.kind === 'head') for (let r = r0; r <= r1; r++) for (let c = first; c <= c1; c++) this.ws.getCell(r, c).fill = fill(FILLS.head)
      }
    }
    for (let r = 0; r < grid.rows; r++) {
      const labelled = grid.table === 'requests' ? grid.cells.find((g) => g.row === r && g.col === LABEL_COLUMNS - 1 && g.kind === 'label') : undefined
      this.ws.getRow(top + r).height = labelled && labelled.text.length > 24 ? 30 : grid.table === 'appeals' && r < grid.headRows ? 24 : 17
    }
    this.row = top + grid.rows
    this.skip()
  }

  private value(cell: ExcelJS.Cell, c: PaperCell | undefined): void {
    cell.font = { name: FONT, size: 10 }
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
    if (!c) return
    cell.value = c.value !== null ? c.value : cellText(c) === '' ? null : neutralise(cellText(c))
    const note = cellNote(c)
    if (note) cell.note = note
    if (c.correction) cell.fill = fill(c.typed ? FILLS.typed : FILLS.corrected)
    else if (c.blank) cell.fill = fill(FILLS.blank)
  }
}

const c = (text: string | number | null, from: number, to: number) => ({ text, from, to })

function addPaperSheet(wb: ExcelJS.Workbook, p: WorkingPaper, name: string): void {
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 17 },
    views: [{ showGridLines: false }]
  })
  ws.columns = WIDTHS.map((width) => ({ width }))
  const sheet = new PaperSheet(ws)
  sheet.line(`核验底稿　${paperTitle(p)}`, { bold: true, size: 14, height: 26, align: 'center' })
  sheet.line(`${p.templateLabel}　｜　状态：${p.statusLabel}　｜　核验人：${p.verifiedBy ?? '—'}　｜　核验时间：${stamp(p.verifiedAt)}`, {
    size: 9,
    align: 'center'
  })
  if (!p.verified) {
    sheet.line(`未核验　此报告尚未核验（当前状态：${p.statusLabel}），本底稿仅供参考，不得作为核验结论`, {
      bold: true,
      size: 14,
      color: 'FFFFFFFF',
      fill: FILLS.banner,
      height: 28,
      align: 'center'
    })
  }
  // 基本情况: three label/value pairs a row; a wide pair (file, hash, outcome) takes a row alone.
  const SLOTS: [number, number, number][] = [
    [1, 2, 7],
    [8, 9, 12],
    [13, 14, 18]
  ]
  let row: ReturnType<typeof c>[] = []
  const flush = () => {
    if (row.length) sheet.record(row)
    row = []
  }
  for (const pair of summaryPairs(p)) {
    if (pair.wide) {
      flush()
      sheet.record([c(pair.label, 1, 2), c(pair.value, 3, 18)])
      continue
    }
    const [label, from, to] = SLOTS[row.length / 2]
    row.push(c(pair.label, label, from - 1), c(pair.value, from, to))
    if (row.length === 6) flush()
  }
  flush()
  sheet.line(
    '说明：黄色底纹为核验人更正的单元格，蓝色底纹为原文无表格、由核验人填写的单元格，灰色为原文空白；批注中有原值、更正人和理由。空白与“/”按原文照录。',
    { size: 8, color: 'FF595959' }
  )
  sheet.skip()
  for (const t of p.tables) sheet.table(t)

  sheet.line('五、勾稽核验结果', { bold: true, size: 11, height: 20 })
  sheet.record([c('规则', 1, 3), c('通过', 4, 6), c('不一致', 7, 9), c('存疑', 10, 12), c('无法判断', 13, 15), c('', 16, 18)], true)
  for (const s of p.checks) {
    sheet.record([
      c(s.ruleTitle, 1, 3),
      c(s.counts.pass, 4, 6),
      c(s.counts.fail, 7, 9),
      c(s.counts.uncertain, 10, 12),
      c(s.counts.not_assessable, 13, 15),
      c('', 16, 18)
    ])
  }
  sheet.skip()
  sheet.line('六、未通过的核验项及处理', { bold: true, size: 11, height: 20 })
  sheet.record([c('规则', 1, 3), c('结果', 4, 5), c('说明', 6, 10), c('左侧', 11, 12), c('右侧', 13, 14), c('接受说明', 15, 18)], true)
  if (!p.findings.length) sheet.record([c('无', 1, 18)])
  for (const f of p.findings) {
    const side = (s?: { label: string; value: number | null }) => (s ? `${s.label} = ${s.value ?? '空白'}` : '')
    const accepted = f.accepted ? `${f.accepted.comment}（${f.accepted.by}，${f.accepted.at.slice(0, 10)}）` : f.open ? '未处理' : ''
    sheet.record(
      [c(f.ruleTitle, 1, 3), c(f.statusLabel, 4, 5), c(f.message, 6, 10), c(side(f.left), 11, 12), c(side(f.right), 13, 14), c(accepted, 15, 18)],
      false,
      30
    )
  }
  sheet.skip()
  sheet.line('七、核验记录（修改留痕）', { bold: true, size: 11, height: 20 })
  sheet.record([c('对象', 1, 3), c('原值', 4, 5), c('新值', 6, 7), c('操作人', 8, 9), c('理由', 10, 14), c('时间', 15, 18)], true)
  if (!p.trail.length) sheet.record([c('无修改', 1, 18)])
  for (const e of p.trail) {
    sheet.record([c(e.target, 1, 3), c(e.oldRaw ?? '', 4, 5), c(e.newRaw ?? '', 6, 7), c(e.reviewer, 8, 9), c(e.reason ?? '', 10, 14), c(stamp(e.at), 15, 18)])
  }
  sheet.skip()
  sheet.record(
    [
      c('核验人（签名）', 1, 3),
      c(p.verifiedBy ? `${p.verifiedBy}　　` : '', 4, 9),
      c('日期', 10, 11),
      c(p.verifiedAt ? stamp(p.verifiedAt).slice(0, 10) : '', 12, 18)
    ],
    false,
    32
  )
  sheet.record([c('复核人（签名）', 1, 3), c('', 4, 9), c('日期', 10, 11), c('', 12, 18)], false, 32)

  const last = sheet.nextRow - 1
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A1:R${last}`,
    printTitlesRow: '1:2',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
  }
  const headerText = `${p.agency ?? UNKNOWN_AGENCY} ${p.year ?? ''}`.replace(/&/g, '&&')
  ws.headerFooter = {
    oddHeader: `&L${headerText}&R核验底稿${p.verified ? '' : '（未核验）'}`,
    oddFooter: '&C第 &P 页，共 &N 页'
  }
}

/**
 * exceljs, loaded when a paper is first written: evaluating it cost every command (import too) a
 * fifth of a second of start-up. Required, not import()ed: the test bridge runs this file as
 * TypeScript, where a dynamic import of a sibling module fails.
 */
function exceljs(): typeof ExcelJS {
  return createRequire(__filename)('exceljs') as typeof ExcelJS
}

/** The workbook of the given papers, as bytes. */
export async function papersWorkbook(papers: readonly WorkingPaper[]): Promise<Buffer> {
  const wb = new (exceljs().Workbook)()
  wb.creator = '年报核验台'
  const used = new Set<string>()
  for (const p of papers) addPaperSheet(wb, p, sheetNameFor(p, used))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// Recognised rows → cells under the stable keys, with their source locations. Where a row's
// numbers ran together, the split is chosen by the form's arithmetic; a split the sums do not
// settle is marked for review.

import type { ExtractedCell } from '../report'
import type { Message } from '../messages'
import { warning } from '../messages'
import { cellSpec, TABLE_TITLES, type TableName, type TemplateId } from '../template'
import type { RowHit } from './recognise'
import { appealsRowHolds, enumerateSplits, requestRowHolds, splittable, type Piece } from './split'
import { locationOf, type Token } from './tokens'
import { parseValue } from './values'
import { asciiDigits } from './normalize'
import { APPEALS_GROUP_ROWS, APPEALS_ROW, REQUEST_COLUMNS, ROW_SPECS, columnsOf, requestRowIds, type RowSpec } from './vocabulary'

const ROW_BY_ID = new Map([...ROW_SPECS, APPEALS_ROW, ...APPEALS_GROUP_ROWS].map((r) => [r.id, r]))

/** One cell's text before parsing, with where it came from. */
interface CellText {
  text: string
  /** The number the text means, when it differs from the text (digits wrapped inside a narrow cell). */
  reading?: string
  token: Token
  start: number
  end: number
  review?: string
}

interface RowValues {
  spec: RowSpec
  keys: string[]
  cells: CellText[]
  /** Alternative splits still open (crawler text), resolved by column sums in table 三. */
  alternatives?: CellText[][]
  guess?: string
}

function keysOf(spec: RowSpec, template: TemplateId): string[] | null {
  const cols = columnsOf(spec, template)
  if (!cols) return null
  return spec.id === 'appeals' ? cols.map((c) => `appeals.${c}`) : cols.map((c) => `${spec.id}.${c}`)
}

function piecesToCells(run: Token[], pieces: Piece[], review?: string): CellText[] {
  return pieces.map((p) => {
    const token = run[p.token]
    return { text: token.text.slice(p.from, p.to), token, start: token.start + p.from, end: token.start + p.to, review }
  })
}

function rowHolds(spec: RowSpec, values: number[]): boolean {
  if (spec.table === 'requests') return requestRowHolds(values)
  if (spec.id === 'appeals') return appealsRowHolds(values)
  if (spec.table === 'appeals') return values.length === 5 && values[0] + values[1] + values[2] + values[3] === values[4]
  return true
}

/** Grid columns of a table's values, per source table: the columns of its rows that hold exactly n cells. */
export type ColumnGuide = Map<number, number[]>

/**
 * Where each of table 三's seven values sits on the page. Only PDF cells (with a bbox) count: their
 * grid columns come from positions on the page, so a value keeps its column even when a merged
 * label was read as a label and an empty cell. A Word or web grid is logical — one extra cell
 * shifts the whole row — so counting (with the row marked) stays the rule there.
 */
export function columnGuide(hits: RowHit[], n: number): ColumnGuide {
  const votes = new Map<number, Map<string, number>>()
  for (const h of hits) {
    const v = h.values
    if (v.length !== n || !v.every((t) => t.cell && t.bbox && t.col !== undefined && t.table === v[0].table)) continue
    const table = v[0].table!
    const key = v.map((t) => t.col).join(',')
    const tally = votes.get(table) ?? new Map<string, number>()
    tally.set(key, (tally.get(key) ?? 0) + 1)
    votes.set(table, tally)
  }
  const guide: ColumnGuide = new Map()
  for (const [table, tally] of votes) {
    const [best] = [...tally.entries()].sort((a, b) => b[1] - a[1])
    if (best[1] >= 2) guide.set(table, best[0].split(',').map(Number))
  }
  return guide
}

/** The row's cells placed by their page columns, when every column is filled and nothing but blanks is left over. */
function placeByColumns(run: Token[], n: number, guide: ColumnGuide | undefined): Token[] | null {
  if (!guide || !run.length || !run.every((t) => t.cell && t.bbox && t.col !== undefined && t.table === run[0].table)) return null
  const columns = guide.get(run[0].table!)
  if (!columns || columns.length !== n) return null
  // filled, not `new Array(n)`: every() skips a sparse array's holes, so a column left unfilled passed as filled
  const placed: (Token | undefined)[] = Array.from({ length: n }, () => undefined)
  for (const t of run) {
    const at = columns.indexOf(t.col!)
    if (at < 0) {
      if (t.kind !== 'empty') return null
      continue
    }
    if (placed[at]) return null
    placed[at] = t
  }
  return placed.every(Boolean) ? (placed as Token[]) : null
}

function readRow(hit: RowHit, keys: string[], template: TemplateId, messages: Message[], guide?: ColumnGuide): RowValues {
  const n = keys.length
  let run = hit.values.slice()
  while (run.length > n && run[run.length - 1].kind === 'empty') run.pop()
  const whole = (t: Token, review?: string): CellText => ({ text: t.text, token: t, start: t.start, end: t.end, review })
  if (run.length !== n) run = placeByColumns(run, n, guide) ?? run
  if (run.length >= n) {
    let review: string | undefined
    if (run.length > n) {
      const extra = run
        .slice(n)
        .map((t) => t.text || '（空）')
        .join('、')
      messages.push(warning('extract.cells_left_over', `“${hit.spec.full}”一行多出单元格：${extra}`, locationOf(run[n])))
      review = `该行有 ${run.length} 个单元格，多于 ${n} 列，位置可能错位`
    }
    const cells = run.slice(0, n).map((t) => whole(t, review))
    if (!review) readWrappedNumbers(hit.spec, cells)
    return { spec: hit.spec, keys, cells, guess: hit.guess }
  }
  if (splittable(run)) {
    const splits = enumerateSplits(run, n)
    if (splits && splits.length) {
      // a minus can only open a signed cell (the 2019 form's 本年增/减): that fixes where it cuts
      const signed = keys.map((k) => cellSpec(k, template)?.type === 'signed')
      const holding = splits.filter(
        (s) =>
          s.every((p, i) => !p.text.startsWith('-') || signed[i]) &&
          rowHolds(
            hit.spec,
            s.map((p) => Number(asciiDigits(p.text)))
          )
      )
      if (hit.spec.table === 'active') {
        // A 二 row has no sums to hold: one way to cut its digits settles it only when they ran
        // together in text. Across separate cells, or read from a picture, a cell may be missing ("2"
        // and "31" beside a dropped "?" were cut into 2 | 3 | 1 and shown unmarked).
        const settled = holding.length === 1 && run.every((t) => !t.ocr) && (run.length === 1 || run.every((t) => !t.cell))
        const review = holding.length > 1 ? '数字连在一起，无法确定拆分方式' : '数字分在几格或来自图片识别，按位数拆分为猜测，可能缺了一格'
        if (holding.length) return { spec: hit.spec, keys, cells: piecesToCells(run, holding[0], settled ? undefined : review), guess: hit.guess }
      }
      if (holding.length === 1) return { spec: hit.spec, keys, cells: piecesToCells(run, holding[0]), guess: hit.guess }
      if (holding.length > 1) {
        const alternatives = holding.map((s) => piecesToCells(run, s))
        return { spec: hit.spec, keys, cells: alternatives[0], alternatives, guess: hit.guess }
      }
      return { spec: hit.spec, keys, cells: piecesToCells(run, splits[0], '数字连在一起，任何拆分都不满足本行合计，拆分为猜测'), guess: hit.guess }
    }
  }
  const review = `该行只有 ${run.length} 个单元格，少于 ${n} 列，位置可能错位`
  return { spec: hit.spec, keys: keys.slice(0, run.length), cells: run.map((t) => whole(t, review)), guess: hit.guess }
}

const WRAPPED_NUMBER = /^\d+(?: \d+)+$/
const THOUSANDS = /^\d{1,3}(?: \d{3})+$/

/**
 * A number wrapped inside a narrow PDF cell comes back as "11 9". Read as 119 when the row's own
 * sum holds with it (table 三's 总计, table 四's group total); otherwise it stays as written and
 * parseValue marks it. Digit groups in thousands ("1 234") are parseValue's.
 */
function readWrappedNumbers(spec: RowSpec, cells: CellText[]): void {
  if (spec.table === 'active') return
  const wrapped = cells.map((c) => WRAPPED_NUMBER.test(asciiDigits(c.text.trim())) && !THOUSANDS.test(asciiDigits(c.text.trim())))
  if (!wrapped.some(Boolean)) return
  const values = cells.map((c, i) => {
    const text = asciiDigits(c.text.trim())
    const digits = wrapped[i] ? text.replace(/ /g, '') : text
    return /^\d+$/.test(digits) ? Number(digits) : NaN
  })
  if (values.some(Number.isNaN) || !rowHolds(spec, values)) return
  cells.forEach((c, i) => {
    if (wrapped[i]) c.reading = String(values[i])
  })
}

/** Table 三 identities per column: 一 + 二 = （七） + 四, and （七） = sum of the result rows. */
function columnsHold(rows: RowValues[]): boolean {
  const byId = new Map(rows.map((r) => [r.spec.id, r]))
  const get = (id: string, c: number): number | null => {
    const r = byId.get(id)
    const cell = r?.cells[c]
    const text = cell ? asciiDigits(cell.text) : ''
    return /^\d+$/.test(text) ? Number(text) : null
  }
  const results = rows.filter(
    (r) => r.spec.order > (byId.get('requests.carried_over')?.spec.order ?? 0) && r.spec.id !== 'requests.total' && r.spec.id !== 'requests.carried_forward'
  )
  for (let c = 0; c < 7; c++) {
    const a = get('requests.new_received', c)
    const b = get('requests.carried_over', c)
    const t = get('requests.total', c)
    const f = get('requests.carried_forward', c)
    if (a !== null && b !== null && t !== null && f !== null && a + b !== t + f) return false
    if (t !== null) {
      let sum = 0
      for (const r of results) {
        const text = r.cells[c] ? asciiDigits(r.cells[c].text) : ''
        const v = /^\d+$/.test(text) ? Number(text) : null
        if (v === null) {
          sum = NaN
          break
        }
        sum += v
      }
      if (!Number.isNaN(sum) && sum !== t) return false
    }
  }
  return true
}

/** Chooses among open splits of table 三 rows by the column identities; what stays open is marked. */
function resolveAlternatives(rows: RowValues[]): void {
  const open = rows.filter((r) => r.alternatives && r.alternatives.length > 1)
  if (!open.length) return
  let combos = 1
  for (const r of open) combos *= r.alternatives!.length
  const fits: number[][] = []
  if (combos <= 200000) {
    const choice = new Array<number>(open.length).fill(0)
    const walk = (i: number): void => {
      if (fits.length > 50) return
      if (i === open.length) {
        if (columnsHold(rows)) fits.push(choice.slice())
        return
      }
      for (let k = 0; k < open[i].alternatives!.length; k++) {
        choice[i] = k
        open[i].cells = open[i].alternatives![k]
        walk(i + 1)
      }
    }
    walk(0)
  }
  open.forEach((r, i) => {
    const picks = new Set(fits.map((f) => f[i]))
    const certain = picks.size === 1
    const pick = fits.length ? fits[0][i] : 0
    r.cells = r.alternatives![pick].map((c) => (certain ? c : { ...c, review: '数字连在一起，行列合计不能唯一确定拆分方式' }))
  })
}

function toCell(c: CellText, key: string, template: TemplateId, guess?: string): ExtractedCell {
  const spec = cellSpec(key, template)
  const headerUnit = spec?.column.includes('万元') ? '万元' : undefined
  const parsed = parseValue(c.reading ?? c.text, spec?.type ?? 'count', headerUnit)
  const reason = [guess, c.review, parsed.review].filter(Boolean).join('；')
  const cell: ExtractedCell = { value: parsed.value, raw: c.text.trim(), review: !!reason, source: locationOf(c.token, c.start, c.end) }
  if (reason) cell.reviewReason = reason
  // read by OCR: its certainty is settled later against the table's equations (a piece of a cell
  // whose digits ran together keeps the cell's confidence; its alternatives were for the whole cell)
  const ocr = c.token.ocr
  if (ocr) {
    const whole = c.start === c.token.start && c.end === c.token.end
    cell.ocr = { confidence: ocr.confidence, read: c.text.trim() }
    if (whole && ocr.alternatives?.length) cell.ocr.alternatives = ocr.alternatives
    // ink over any part of the cell hides what its pieces say as much as the whole
    if (ocr.obscured) cell.ocr.obscured = true
  }
  return cell
}

const OTHER_ROWS = ['requests.other.no_correction', 'requests.other.unpaid_fee', 'requests.other.misc']
/** Table 三's result rows apart from （六）: （一）…（五） and their sub-rows. */
const RESULT_ROWS = requestRowIds('2021').filter((id) => /^requests\.(granted|partially_granted|denied|unable|not_processed)/.test(id))

/**
 * A report on the 2021 form whose three （六） rows are printed but all left blank was filled as the
 * older form, whose single （六）其他处理 row its figures were written for (the text of such reports
 * has the single row): the group is reported as that row too (requests.other.*, as a report that
 * prints the single row reads), each column what （七）总计 less the other results leaves — always
 * marked, since nothing on the page shows it. A column the numbers do not settle stays blank, marked.
 */
function blankOtherGroup(cells: Record<string, ExtractedCell>, rows: RowValues[]): void {
  if (rows.some((r) => r.spec.id === 'requests.other')) return
  const group = OTHER_ROWS.map((id) => rows.find((r) => r.spec.id === id))
  if (group.some((r) => !r)) return
  const blank = (key: string): boolean => !!cells[key] && cells[key].value === null && cells[key].raw === ''
  if (!OTHER_ROWS.every((id) => REQUEST_COLUMNS.every((c) => blank(`${id}.${c}`)))) return
  for (const c of REQUEST_COLUMNS) {
    const total = cells[`requests.total.${c}`]?.value
    const parts = RESULT_ROWS.map((id) => cells[`${id}.${c}`]?.value)
    const known = typeof total === 'number' && parts.every((v): v is number => typeof v === 'number')
    const rest = known ? total - parts.reduce((a, b) => a + b, 0) : null
    const value = rest !== null && rest >= 0 ? rest : null
    const reviewReason =
      value === null
        ? '（六）其他处理的三行均为空，该组合计无法由（七）总计推算，请对照原件填写'
        : `（六）其他处理的三行均为空，按（七）总计减去其余各项推算为 ${value}，请对照原件核对`
    const from = cells[`${OTHER_ROWS[0]}.${c}`]
    // The number worked out is shown as its text (marked, never silent): a blank raw read as 空白 in
    // the grid, the legend and the exports, and a 确认 would confirm a blank.
    const raw = value === null ? '' : String(value)
    cells[`requests.other.${c}`] = { value, raw, review: true, reviewReason, ...(from.source ? { source: from.source } : {}) }
  }
}

export interface TableCells {
  cells: Record<string, ExtractedCell>
  messages: Message[]
}

/** Cells of one found table: every key of its template, the rows not found marked for review. */
export function cellsOfTable(table: TableName, hits: RowHit[], template: TemplateId, expectedRowIds: string[]): TableCells {
  const messages: Message[] = []
  const rows: RowValues[] = []
  const guide = table === 'requests' ? columnGuide(hits, 7) : undefined
  for (const hit of hits) {
    const keys = keysOf(hit.spec, template)
    if (!keys) {
      messages.push(
        warning(
          'extract.row_not_in_template',
          `“${hit.spec.full}”一行不属于${template}年版表格，未采用`,
          hit.values.length ? locationOf(hit.values[0]) : undefined
        )
      )
      continue
    }
    rows.push(readRow(hit, keys, template, messages, guide))
  }
  if (table === 'requests') resolveAlternatives(rows)
  const cells: Record<string, ExtractedCell> = {}
  for (const row of rows) {
    row.keys.forEach((key, i) => {
      if (!cells[key]) cells[key] = toCell(row.cells[i], key, template, row.guess)
    })
  }
  if (table === 'requests') blankOtherGroup(cells, rows)
  for (const id of expectedRowIds) {
    const spec = ROW_BY_ID.get(id) ?? ({ id, table, full: id } as RowSpec)
    let absent = 0
    for (const key of keysOf(spec, template) ?? []) {
      if (cells[key]) continue
      cells[key] = { value: null, raw: '', review: true, reviewReason: '表格中未找到这一单元格' }
      absent++
    }
    if (absent && !rows.some((r) => r.spec.id === id)) messages.push(warning('extract.row_missing', `表格中未找到“${spec.full}”一行，其单元格留空待核`))
  }
  return { cells, messages }
}

/**
 * A table whose reading failed (an input shape the row reader did not foresee): each row's cells as
 * written, in order, every one marked for review, and the failure said as the table's finding.
 */
export function cellsAsWritten(table: TableName, hits: RowHit[], template: TemplateId, expectedRowIds: string[], error: unknown): TableCells {
  const detail = error instanceof Error ? error.message : String(error)
  const reason = `读取该表格时出错，单元格按原文顺序列出，请对照原件核对（${detail.slice(0, 80)}）`
  const cells: Record<string, ExtractedCell> = {}
  for (const hit of hits) {
    const keys = keysOf(hit.spec, template)
    if (!keys) continue
    keys.forEach((key, i) => {
      const token = hit.values[i]
      if (cells[key] || !token) return
      const cell = toCell({ text: token.text, token, start: token.start, end: token.end, review: reason }, key, template, hit.guess)
      cells[key] = cell
    })
  }
  for (const id of expectedRowIds) {
    const spec = ROW_BY_ID.get(id) ?? ({ id, table, full: id } as RowSpec)
    for (const key of keysOf(spec, template) ?? []) cells[key] ??= { value: null, raw: '', review: true, reviewReason: reason }
  }
  return { cells, messages: [warning('extract.table_failed', `表格“${TABLE_TITLES[table]}”未能正常读取：${detail.slice(0, 120)}；单元格已全部标记待核`)] }
}

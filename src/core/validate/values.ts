// Value rules: what each cell may hold by its type, cells a found table should have, and cells
// whose source text holds digits that were not read as a number.

import type { ExtractedReport, Finding } from '../report'
import { cellSpec, tableOf, TABLE_TITLES, templateKeys, type CellType, type TableName, type TemplateId } from '../template'
import { cellLabel } from './labels'
import { otherShape, templateOf, type OtherShape } from './tables'

const MAX_LISTED = 5

export { templateOf }

interface KeyInfo {
  type: CellType
  table: TableName
}

/** Type and table of every key a report of a template may carry (reports mix formats). */
function keyInfos(template: TemplateId): Map<string, KeyInfo> {
  const other: TemplateId = template === '2021' ? '2019' : '2021'
  const infos = new Map<string, KeyInfo>()
  for (const key of [...templateKeys(template), ...templateKeys(other)]) {
    if (infos.has(key)) continue
    const spec = cellSpec(key, template) ?? cellSpec(key, other)
    if (spec) infos.set(key, { type: spec.type, table: tableOf(key) })
  }
  return infos
}

const KEY_INFOS: Record<TemplateId, Map<string, KeyInfo>> = { '2021': keyInfos('2021'), '2019': keyInfos('2019') }

function typeProblem(type: CellType, value: number): string | null {
  if (!Number.isFinite(value)) return '不是有效数字'
  if (type === 'count') {
    if (value < 0) return '件数不能为负数'
    if (!Number.isInteger(value)) return '件数应为整数'
  }
  if (type === 'amount' && value < 0) return '金额不能为负数'
  return null
}

const TYPE_NAMES: Record<CellType, string> = { count: '非负整数', amount: '非负金额', signed: '可正可负的增减数' }

export function listLabels(keys: string[]): string {
  const names = keys.slice(0, MAX_LISTED).map(cellLabel)
  return keys.length > MAX_LISTED ? `${names.join('、')} 等 ${keys.length} 个单元格` : names.join('、')
}

/** values.number: counts are non-negative integers, amounts non-negative, 本年增/减 signed. */
export function checkValueTypes(report: ExtractedReport): Finding[] {
  const infos = KEY_INFOS[templateOf(report)]
  const findings: Finding[] = []
  const checked = new Map<TableName, { keys: string[]; types: Set<CellType>; failed: boolean }>()
  for (const key in report.cells) {
    const info = infos.get(key)
    if (!info) continue
    let table = checked.get(info.table)
    if (!table) checked.set(info.table, (table = { keys: [], types: new Set(), failed: false }))
    table.keys.push(key)
    table.types.add(info.type)
    const cell = report.cells[key]
    if (cell.value === null) continue
    const problem = typeProblem(info.type, cell.value)
    if (!problem) continue
    table.failed = true
    findings.push({
      rule: 'values.number',
      status: 'fail',
      cells: [key],
      message: `${cellLabel(key)}：${problem}，读得 ${cell.value}（原文“${cell.raw}”）`,
      fault: cell.review ? 'extraction' : 'report'
    })
  }
  for (const [table, { keys, types, failed }] of checked) {
    if (failed) continue
    const names = [...types].map((t) => TYPE_NAMES[t])
    findings.push({ rule: 'values.number', status: 'pass', cells: keys, message: `${TABLE_TITLES[table]}：数值均为${names.join('、')}` })
  }
  return findings
}

/** values.unread: the source text of a cell holds digits, but no number was read from it. */
export function checkUnreadNumbers(report: ExtractedReport): Finding[] {
  const findings: Finding[] = []
  for (const [key, cell] of Object.entries(report.cells)) {
    if (cell.value !== null || !/[0-9０-９]/.test(cell.raw)) continue
    findings.push({
      rule: 'values.unread',
      status: 'uncertain',
      cells: [key],
      message: `${cellLabel(key)}：原文“${cell.raw}”含数字，但未读出数值，请核对`
    })
  }
  return findings
}

/**
 * values.unit: an amount written in 元 under a header in 万元 (“984361元” in 本年收费金额（单位：万元）).
 * The number is kept as written — converting it would be a guess about which the agency meant —
 * and the mismatch is the report's own fault, shown so a reviewer decides.
 */
export function checkUnits(report: ExtractedReport): Finding[] {
  const template = templateOf(report)
  const findings: Finding[] = []
  for (const [key, cell] of Object.entries(report.cells)) {
    const header = cellSpec(key, template)?.column ?? ''
    if (cell.value === null || !header.includes('万元')) continue
    if (!/[0-9０-９]\s*元$/.test(cell.raw.trim())) continue
    findings.push({
      rule: 'values.unit',
      status: 'fail',
      cells: [key],
      message: `${cellLabel(key)}：表头单位为万元，原文写作“${cell.raw}”（元）；按原文读得 ${cell.value}，若以万元计应为 ${cell.value / 10000}，请核对`,
      fault: 'report'
    })
  }
  return findings
}

function isSingleOther(key: string): boolean {
  return key.startsWith('requests.other.') && key.split('.').length === 3
}

function isSplitOther(key: string): boolean {
  return /^requests\.other\.(no_correction|unpaid_fee|misc)\./.test(key)
}

/** The keys a found table must have, per template and （六） shape, grouped by table. */
function expectedKeysOf(template: TemplateId, shape: OtherShape): Map<TableName, string[]> {
  const skip = shape === 'split' ? isSingleOther : isSplitOther
  const grouped = new Map<TableName, string[]>()
  for (const [key, info] of KEY_INFOS[template]) {
    if (skip(key)) continue
    if (!templateKeys(template).includes(key) && !key.startsWith('requests.other.')) continue
    if (!grouped.has(info.table)) grouped.set(info.table, [])
    grouped.get(info.table)!.push(key)
  }
  return grouped
}

const EXPECTED: Record<TemplateId, Record<OtherShape, Map<TableName, string[]>>> = {
  '2021': { split: expectedKeysOf('2021', 'split'), single: expectedKeysOf('2021', 'single') },
  '2019': { split: expectedKeysOf('2019', 'split'), single: expectedKeysOf('2019', 'single') }
}

/** The cells a table of this report should have (its template and （六） shape). */
export function expectedKeys(report: ExtractedReport, table: TableName): readonly string[] {
  return EXPECTED[templateOf(report)][otherShape(report)].get(table) ?? []
}

/** The type of a cell under the report's template (either template's key), or undefined. */
export function cellTypeOf(report: ExtractedReport, key: string): CellType | undefined {
  return KEY_INFOS[templateOf(report)].get(key)?.type
}

/** cells.missing: a table reported found lacks cells its template has (unless a reviewer recorded them 原文空白). */
export function checkMissingCells(report: ExtractedReport, confirmed: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = []
  for (const [table, keys] of EXPECTED[templateOf(report)][otherShape(report)]) {
    if (report.tables[table] !== 'found') continue
    const missing = keys.filter((key) => !(key in report.cells) && !confirmed.has(key))
    if (!missing.length) continue
    findings.push({
      rule: 'cells.missing',
      status: 'uncertain',
      cells: missing,
      message: `${TABLE_TITLES[table]}：缺少 ${listLabels(missing)}，请核对表格是否读全`,
      fault: 'extraction'
    })
  }
  return findings
}

/** cells.orphan: cells read for a table that is reported missing (the scorer counts them as wrong). */
export function checkOrphanCells(report: ExtractedReport): Finding[] {
  const orphans = new Map<TableName, string[]>()
  for (const key in report.cells) {
    const table = tableOf(key)
    if (report.tables[table] !== 'missing') continue
    if (!orphans.has(table)) orphans.set(table, [])
    orphans.get(table)!.push(key)
  }
  return [...orphans].map(([table, keys]) => ({
    rule: 'cells.orphan',
    status: 'uncertain' as const,
    cells: keys,
    message: `${TABLE_TITLES[table]}：表格标记为未找到，却读出了 ${listLabels(keys)}，请核对`,
    fault: 'extraction' as const
  }))
}

// What the tables leave unknown: a required table that is missing or empty (tables.missing), and
// count cells of tables 三 and 四 holding "/", "-", "—" or nothing where the form asks for a number
// (cells.placeholder). Both are findings of their own so that the review, the list, the export and
// the verify gate see them, instead of the arithmetic quietly calling its checks not assessable.

import type { ExtractedReport, Finding } from '../report'
import { TABLE_NAMES, TABLE_TITLES, type TableName } from '../template'
import { cellTypeOf, expectedKeys, listLabels } from './values'

/** A found table with not one cell holding any text: as good as missing. */
export function isEmptyTable(report: ExtractedReport, table: TableName): boolean {
  if (report.tables[table] !== 'found') return false
  for (const key of expectedKeys(report, table)) if (report.cells[key]?.raw.trim()) return false
  for (const key in report.cells) if (key.startsWith(`${table}.`) && report.cells[key].raw.trim()) return false
  return true
}

/** The table a tables.missing finding is about (its cells are all of one table). */
export function missingTableOf(finding: Pick<Finding, 'rule' | 'cells'>): TableName | null {
  if (finding.rule !== 'tables.missing' || !finding.cells.length) return null
  const table = finding.cells[0].slice(0, finding.cells[0].indexOf('.')) as TableName
  return TABLE_NAMES.includes(table) ? table : null
}

/** tables.missing: every table of the official form is required; one finding per missing or empty table. */
export function checkMissingTables(report: ExtractedReport): Finding[] {
  const findings: Finding[] = []
  for (const table of TABLE_NAMES) {
    const missing = report.tables[table] !== 'found'
    if (!missing && !isEmptyTable(report, table)) continue
    const cells = [...expectedKeys(report, table)]
    const what = missing ? '未找到此表' : '表格为空，没有读出任何内容'
    findings.push({
      rule: 'tables.missing',
      status: 'not_assessable',
      cells,
      message: `${TABLE_TITLES[table]}：${what}，其 ${cells.length} 个单元格无法核验。请对照原文填入数值，或确认“原文无此表”`
    })
  }
  return findings
}

/** Placeholders in count cells: what the form asks a number for, but the report (or the reading) left without one. */
const PLACEHOLDER_TABLES: TableName[] = ['requests', 'appeals']

function placeholderText(raw: string): string {
  const text = raw.trim()
  return text === '' ? '空白' : `“${text}”`
}

/**
 * cells.placeholder: one doubt per table 三 / 四 naming its count cells that hold no number ("/", "-",
 * "—", blank), so a reviewer confirms them. Cells holding digits are values.unread's; cells a reviewer
 * typed or recorded as 原文空白 are confirmed already.
 */
export function checkPlaceholders(report: ExtractedReport, confirmed: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = []
  for (const table of PLACEHOLDER_TABLES) {
    if (report.tables[table] !== 'found' || isEmptyTable(report, table)) continue
    const cells: string[] = []
    const kinds = new Set<string>()
    for (const key of expectedKeys(report, table)) {
      const cell = report.cells[key]
      if (!cell || cell.value !== null || confirmed.has(key) || /[0-9０-９]/.test(cell.raw)) continue
      if (cellTypeOf(report, key) !== 'count') continue
      cells.push(key)
      kinds.add(placeholderText(cell.raw))
    }
    if (!cells.length) continue
    findings.push({
      rule: 'cells.placeholder',
      status: 'uncertain',
      cells,
      message: `${TABLE_TITLES[table]}：${listLabels(cells)} 为${[...kinds].join('、')}，不是数字；请核对原文是否如此（原文如此可接受，应有数字请填入）`
    })
  }
  return findings
}

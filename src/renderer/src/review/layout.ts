// The official forms of tables 二, 三 and 四 as grid layouts, built from CELL_SPECS alone.
// Pure data: no React, no grid; one layout per table, chosen per report (templates can be mixed).

import { CELL_SPECS, type CellSpec, type TableName, type TemplateId } from '../../../core/template/cells'
import { TABLE_TITLES } from '../../../core/template/tables'

export interface LayoutColumn {
  /** Field id of the value column in the grid's row objects: c0, c1… */
  id: string
  /** Header path, outermost first (e.g. ['申请人情况', '法人或其他组织', '商业企业']). */
  headers: string[]
}

export type LayoutRowKind = 'section' | 'group' | 'leaf'

export interface LayoutRow {
  id: string
  kind: LayoutRowKind
  label: string
  /** Indentation level of the label: 0 一、… 1 （一）… 2 1.… */
  level: number
  /** The cell key under each value column (null where the form has no cell). */
  keys: (string | null)[]
  /** For a section row of table 二: the column captions printed above the rows that follow. */
  captions?: string[]
}

export interface TableLayout {
  table: TableName
  title: string
  template: TemplateId
  /** Caption of the row-label column. */
  labelHeader: string
  columns: LayoutColumn[]
  rows: LayoutRow[]
  /** Table 二 prints its own column captions in section rows, so the grid hides its header. */
  headerless: boolean
}

function specsOf(table: TableName, template: TemplateId): CellSpec[] {
  return CELL_SPECS.filter((c) => c.key.startsWith(table + '.') && (c.template === template || c.template === 'both'))
}

/** 一、 → 0, （一） → 1, 1. → 2. */
export function labelLevel(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 0
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 1
  if (/^\d+[.．、]/.test(label)) return 2
  return 1
}

function uniqueInOrder<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/** Table 二: rows grouped by the column captions they share, each group under a caption row. */
export function activeLayout(template: TemplateId): TableLayout {
  const specs = specsOf('active', template)
  const rows: LayoutRow[] = []
  const width = 3
  let previousCaptions = ''
  for (const rowLabel of uniqueInOrder(specs.map((s) => s.row))) {
    const cells = specs.filter((s) => s.row === rowLabel)
    const captions = cells.map((c) => c.column)
    if (captions.join('|') !== previousCaptions) {
      rows.push({ id: `section-${rows.length}`, kind: 'section', label: '信息内容', level: 0, keys: [], captions })
      previousCaptions = captions.join('|')
    }
    const keys = Array.from({ length: width }, (_, i) => cells[i]?.key ?? null)
    rows.push({ id: `row-${cells[0].key.split('.').slice(0, 2).join('.')}`, kind: 'leaf', label: rowLabel, level: 0, keys })
  }
  const columns = Array.from({ length: width }, (_, i) => ({ id: `c${i}`, headers: [''] }))
  return { table: 'active', title: TABLE_TITLES.active, template, labelHeader: '信息内容', columns, rows, headerless: true }
}

/** Table 三: the 7 applicant columns; row labels nested 三、 → （三） → 1. */
export function requestsLayout(template: TemplateId): TableLayout {
  const specs = specsOf('requests', template)
  const columnPaths = uniqueInOrder(specs.map((s) => s.column))
  const columns = columnPaths.map((path, i) => ({ id: `c${i}`, headers: ['申请人情况', ...path.split('/')] }))
  const rows: LayoutRow[] = []
  const openGroups: string[] = []
  for (const rowPath of uniqueInOrder(specs.map((s) => s.row))) {
    const segments = rowPath.split('/')
    for (const group of segments.slice(0, -1)) {
      const level = labelLevel(group)
      if (openGroups[level] === group) continue
      openGroups.length = level
      openGroups[level] = group
      rows.push({ id: `group-${group}`, kind: 'group', label: group, level, keys: [] })
    }
    const label = segments[segments.length - 1]
    const level = labelLevel(label)
    openGroups.length = level
    const cells = specs.filter((s) => s.row === rowPath)
    const keys = columnPaths.map((col) => cells.find((c) => c.column === col)?.key ?? null)
    rows.push({ id: `row-${rowPath}`, kind: 'leaf', label, level, keys })
  }
  return { table: 'requests', title: TABLE_TITLES.requests, template, labelHeader: '', columns, rows, headerless: false }
}

/** Table 四: one row of 15 columns under 行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉. */
export function appealsLayout(template: TemplateId): TableLayout {
  const specs = specsOf('appeals', template)
  const columns = specs.map((s, i) => ({ id: `c${i}`, headers: [...s.row.split('/'), s.column] }))
  const rows: LayoutRow[] = [{ id: 'row-appeals', kind: 'leaf', label: '', level: 0, keys: specs.map((s) => s.key) }]
  return { table: 'appeals', title: TABLE_TITLES.appeals, template, labelHeader: '', columns, rows, headerless: false }
}

export function tableLayout(table: TableName, template: TemplateId): TableLayout {
  if (table === 'active') return activeLayout(template)
  if (table === 'requests') return requestsLayout(template)
  return appealsLayout(template)
}

/** The cell keys of a layout in reading order (row by row, left to right), for paste and navigation. */
export function editableGrid(layout: TableLayout): (string | null)[][] {
  return layout.rows.filter((r) => r.kind === 'leaf').map((r) => r.keys)
}

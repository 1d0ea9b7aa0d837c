// The three tables of a working paper laid out as in the official forms (〔2021〕30号 and the 2019
// trial format): a grid of positioned cells with their spans, built from the cell specs, which both
// the XLSX sheet and the HTML print view draw. Pure: no values here, only where each key sits.

import { CELL_SPECS, TABLE_NAMES, TABLE_TITLES, tableOf, type CellSpec, type TableName, type TemplateId } from '../../../core/template'

export type GridKind = 'head' | 'label' | 'value'

export interface GridCell {
  row: number
  col: number
  rowSpan: number
  colSpan: number
  kind: GridKind
  /** Header or label text; empty for a value cell. */
  text: string
  /** The cell key a value cell shows. */
  key?: string
}

export interface TableGrid {
  table: TableName
  title: string
  rows: number
  columns: number
  /** Rows at the top that are header (repeated on each printed page). */
  headRows: number
  cells: GridCell[]
  /** Relative column widths (Excel character units). */
  widths: number[]
}

const RESULTS_GROUP = '三、本年度办理结果'

function specsOf(table: TableName, template: TemplateId): CellSpec[] {
  return CELL_SPECS.filter((s) => tableOf(s.key) === table && (s.template === template || s.template === 'both'))
}

/** Distinct values in first-seen order. */
function distinct<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/**
 * Header rows for columns named by label paths ("法人或其他组织/商业企业"): equal prefixes merge
 * across, a path shorter than the header spans down to its bottom row.
 */
function columnHeads(paths: string[][], firstRow: number, firstCol: number): { cells: GridCell[]; depth: number } {
  const depth = Math.max(...paths.map((p) => p.length))
  const cells: GridCell[] = []
  for (let level = 0; level < depth; level++) {
    let c = 0
    while (c < paths.length) {
      const path = paths[c]
      if (path.length <= level) {
        c++
        continue
      }
      const prefix = path.slice(0, level + 1).join('/')
      let span = 1
      while (c + span < paths.length && paths[c + span].length > level && paths[c + span].slice(0, level + 1).join('/') === prefix) span++
      const last = level === path.length - 1
      cells.push({
        row: firstRow + level,
        col: firstCol + c,
        rowSpan: last && span === 1 ? depth - level : 1,
        colSpan: span,
        kind: 'head',
        text: path[level]
      })
      c += span
    }
  }
  return { cells, depth }
}

/** 表三: three label columns (group, item, sub-item) and the seven applicant columns. */
function requestsGrid(template: TemplateId): TableGrid {
  const specs = specsOf('requests', template)
  const columns = distinct(specs.map((s) => s.column))
  const rowPaths = distinct(specs.map((s) => s.row))
  const labelCols = 3
  const heads = columnHeads(
    columns.map((c) => ['申请人情况', ...c.split('/')]),
    0,
    labelCols
  )
  const cells: GridCell[] = [{ row: 0, col: 0, rowSpan: heads.depth, colSpan: labelCols, kind: 'head', text: '' }, ...heads.cells]
  // Each row's label path with the result group made explicit: "（三）不予公开/1.…" sits under 三、.
  const paths = rowPaths.map((p) => {
    const parts = p.split('/')
    return parts[0].startsWith('（') ? [RESULTS_GROUP, ...parts] : parts
  })
  const top = heads.depth
  for (let level = 0; level < labelCols; level++) {
    let r = 0
    while (r < paths.length) {
      const path = paths[r]
      if (path.length <= level) {
        r++
        continue
      }
      const last = level === path.length - 1
      let span = 1
      if (!last) {
        const prefix = path.slice(0, level + 1).join('/')
        while (r + span < paths.length && paths[r + span].slice(0, level + 1).join('/') === prefix && paths[r + span].length > level + 1) span++
      }
      cells.push({ row: top + r, col: level, rowSpan: span, colSpan: last ? labelCols - level : 1, kind: 'label', text: path[level] })
      r += span
    }
  }
  rowPaths.forEach((rowPath, r) => {
    columns.forEach((column, c) => {
      const spec = specs.find((s) => s.row === rowPath && s.column === column)
      if (spec) cells.push({ row: top + r, col: labelCols + c, rowSpan: 1, colSpan: 1, kind: 'value', text: '', key: spec.key })
    })
  })
  return {
    table: 'requests',
    title: TABLE_TITLES.requests,
    rows: top + rowPaths.length,
    columns: labelCols + columns.length,
    headRows: top,
    cells,
    widths: [6, 10, 30, ...columns.map(() => 9)]
  }
}

/** 表二: blocks of rows sharing their columns, each under its own 信息内容 header row. */
function activeGrid(template: TemplateId): TableGrid {
  const specs = specsOf('active', template)
  const rows = distinct(specs.map((s) => s.row))
  const columnsOf = (row: string) => specs.filter((s) => s.row === row)
  const width = Math.max(...rows.map((r) => columnsOf(r).length))
  const cells: GridCell[] = []
  let r = 0
  let previous = ''
  for (const row of rows) {
    const own = columnsOf(row)
    const signature = own.map((s) => s.column).join('|')
    if (signature !== previous) {
      cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, kind: 'head', text: '信息内容' })
      own.forEach((s, i) => {
        cells.push({ row: r, col: 1 + i, rowSpan: 1, colSpan: i === own.length - 1 ? width - i : 1, kind: 'head', text: s.column })
      })
      previous = signature
      r++
    }
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, kind: 'label', text: row })
    own.forEach((s, i) => {
      cells.push({ row: r, col: 1 + i, rowSpan: 1, colSpan: i === own.length - 1 ? width - i : 1, kind: 'value', text: '', key: s.key })
    })
    r++
  }
  return {
    table: 'active',
    title: TABLE_TITLES.active,
    rows: r,
    columns: 1 + width,
    headRows: 0,
    cells,
    widths: [24, ...Array.from({ length: width }, () => 18)]
  }
}

/** 表四: 行政复议 and 行政诉讼 (直接起诉 / 复议后起诉) as a two- and three-level header over one row. */
function appealsGrid(template: TemplateId): TableGrid {
  const specs = specsOf('appeals', template)
  const paths = specs.map((s) => [...s.row.split('/'), s.column])
  const heads = columnHeads(paths, 0, 0)
  const cells: GridCell[] = [...heads.cells]
  specs.forEach((s, c) => cells.push({ row: heads.depth, col: c, rowSpan: 1, colSpan: 1, kind: 'value', text: '', key: s.key }))
  return {
    table: 'appeals',
    title: TABLE_TITLES.appeals,
    rows: heads.depth + 1,
    columns: specs.length,
    headRows: heads.depth,
    cells,
    widths: specs.map(() => 7)
  }
}

const BUILDERS: Record<TableName, (template: TemplateId) => TableGrid> = {
  active: activeGrid,
  requests: requestsGrid,
  appeals: appealsGrid
}

const cache = new Map<string, TableGrid>()

/** The grid of one table under a template (cached: the layout never changes). */
export function tableGrid(table: TableName, template: TemplateId): TableGrid {
  const id = `${table}|${template}`
  let grid = cache.get(id)
  if (!grid) {
    grid = BUILDERS[table](template)
    cache.set(id, grid)
  }
  return grid
}

export function paperGrids(template: TemplateId): TableGrid[] {
  return TABLE_NAMES.map((t) => tableGrid(t, template))
}

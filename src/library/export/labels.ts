// The Chinese labels of the exports: tables, rows and columns as printed in the official forms.

import type { FindingStatus } from '../../core/report'
import { CELL_SPECS, cellSpec, TABLE_NAMES, TABLE_TITLES, tableOf, type CellSpec, type TemplateId } from '../../core/template'

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  pass: '通过',
  fail: '不一致',
  uncertain: '存疑',
  not_assessable: '无法判断'
}

export const FAULT_LABELS = { report: '报告本身', extraction: '提取可能有误' } as const

const META_LABELS: Record<string, string> = {
  'meta.agency': '机关',
  'meta.year': '年度',
  'meta.template': '模板',
  status: '状态',
  // 原文无此表 marks (the edit's new value says so)
  'table.active': '表二（整表）',
  'table.requests': '表三（整表）',
  'table.appeals': '表四（整表）',
  // 表格格式 set by the reviewer (table 三's （六） rows)
  'form.requests': '表三格式'
}

export interface SummaryColumn {
  key: string
  table: string
  row: string
  column: string
}

/**
 * Every cell of both templates, one column each, table by table in the order of the official form:
 * the 2021 cells, then the rows only the 2019 form has. A key both forms share is one column.
 */
export function summaryColumns(): SummaryColumn[] {
  const out: SummaryColumn[] = []
  const seen = new Set<string>()
  for (const table of TABLE_NAMES) {
    for (const template of ['2021', '2019'] as const) {
      for (const spec of CELL_SPECS) {
        if (tableOf(spec.key) !== table || seen.has(spec.key)) continue
        if (spec.template !== template && spec.template !== 'both') continue
        seen.add(spec.key)
        out.push({ key: spec.key, table: TABLE_TITLES[table], row: rowLabel(spec), column: spec.column.replace(/\//g, ' / ') })
      }
    }
  }
  return out
}

function rowLabel(spec: CellSpec): string {
  const label = spec.row.replace(/\//g, ' / ')
  return spec.template === '2019' ? `${label}（2019 版）` : label
}

/** The official form's order of every key (both templates), for sorting a report's cells. */
export const KEY_ORDER: ReadonlyMap<string, number> = new Map(summaryColumns().map((c, i) => [c.key, i]))

/** Row and column labels of a cell under the report's template. */
export function cellLabels(key: string, template: TemplateId | null): { row: string; column: string } {
  const spec = (template ? cellSpec(key, template) : undefined) ?? cellSpec(key, '2021') ?? cellSpec(key, '2019')
  if (!spec) return { row: key, column: '' }
  return { row: spec.row.replace(/\//g, ' / '), column: spec.column.replace(/\//g, ' / ') }
}

/** What an audit-trail target is, in words: a cell's table/row/column, or 机关/年度/模板/状态. */
export function targetLabel(target: string, template: TemplateId | null): string {
  if (META_LABELS[target]) return META_LABELS[target]
  const { row, column } = cellLabels(target, template)
  return column ? `${TABLE_TITLES[tableOf(target)]?.slice(0, 1) ?? ''}｜${row}｜${column}` : target
}

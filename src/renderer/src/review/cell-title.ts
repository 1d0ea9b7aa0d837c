// What a cell key (or an audit-trail target) is, in the words of the official form.

import { CELL_SPECS, type CellSpec } from '../../../core/template/cells'

const META_TITLES: Record<string, string> = {
  'meta.agency': '机关',
  'meta.year': '年度',
  'meta.template': '格式',
  'meta.published': '发布日期',
  status: '状态',
  // Recorded when two near-duplicates are judged the same report (near-duplicates.ts).
  duplicate: '同一报告',
  'table.active': '表二（整表）',
  'table.requests': '表三（整表）',
  'table.appeals': '表四（整表）',
  'form.requests': '表三格式'
}

let specs: Map<string, CellSpec> | null = null

/** 表三 · 一、本年新收… · 自然人; a key neither template knows is shown as it is. */
export function cellTitle(key: string): string {
  if (META_TITLES[key]) return META_TITLES[key]
  // A key both templates share takes its first (2021) wording.
  specs ??= new Map([...CELL_SPECS].reverse().map((c) => [c.key, c]))
  const spec = specs.get(key)
  if (!spec) return key
  return `表${spec.chapter} · ${spec.row.replace(/\//g, ' › ')} · ${spec.column.replace(/\//g, ' › ')}`
}

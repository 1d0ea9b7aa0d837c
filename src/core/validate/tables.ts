// The 勾稽关系 printed in (or implied by) tables 三 and 四, built once at module load.
// Table 三 has two shapes of （六）其他处理: three sub-rows (2021 format) or one row (2019 format,
// and some 2021 reports that kept the old row); a report is checked with the shape it actually has.

import type { ExtractedReport } from '../report'
import type { TemplateId } from '../template'
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPEAL_GROUPS,
  APPEAL_PARTS,
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_PART_COLUMNS,
  REQUEST_ROW_LABELS
} from './labels'
import type { Relation, Side, Term } from './relation'

export type OtherShape = 'split' | 'single'

const RESULT_ROWS_COMMON = [
  'granted',
  'partially_granted',
  'denied.state_secret',
  'denied.prohibited_by_law',
  'denied.security_stability',
  'denied.third_party_rights',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_files',
  'denied.administrative_query',
  'unable.not_held',
  'unable.needs_creation',
  'unable.still_unclear',
  'not_processed.petition_complaint',
  'not_processed.repeated',
  'not_processed.publication',
  'not_processed.mass_repeated',
  'not_processed.confirm_existing'
]
const OTHER_ROWS: Record<OtherShape, string[]> = {
  split: ['other.no_correction', 'other.unpaid_fee', 'other.misc'],
  single: ['other']
}

export function resultRows(shape: OtherShape): string[] {
  return [...RESULT_ROWS_COMMON, ...OTHER_ROWS[shape]]
}

export function requestRows(shape: OtherShape): string[] {
  return ['new_received', 'carried_over', ...resultRows(shape), 'total', 'carried_forward']
}

function requestTerm(row: string, column: string, label = REQUEST_ROW_LABELS[row]): Term {
  return { key: `requests.${row}.${column}`, label }
}

function side(label: string, terms: Term[], expand = true): Side {
  return { label, terms, expand }
}

function columnRelations(shape: OtherShape, column: string): Relation[] {
  const scope = `${REQUEST_COLUMN_LABELS[column as keyof typeof REQUEST_COLUMN_LABELS]}列`
  const received = side('本年新收 + 上年结转', [requestTerm('new_received', column), requestTerm('carried_over', column)])
  const handled = side('办理结果总计 + 结转下年度', [requestTerm('total', column), requestTerm('carried_forward', column)])
  const total = side('办理结果总计', [requestTerm('total', column)])
  const parts = side(
    '（一）至（六）各项之和',
    resultRows(shape).map((row) => requestTerm(row, column)),
    false
  )
  return [
    { rule: 'requests.balance', scope, left: received, op: '=', right: handled },
    { rule: 'requests.results_sum', scope, left: total, op: '=', right: parts },
    { rule: 'requests.results_bound', scope, left: total, op: '<=', right: received }
  ]
}

function rowRelation(row: string): Relation {
  const parts = REQUEST_PART_COLUMNS.map((column) => requestTerm(row, column, REQUEST_COLUMN_LABELS[column]))
  return {
    rule: 'requests.row_sum',
    scope: `${REQUEST_ROW_LABELS[row]}行`,
    left: side('总计', [requestTerm(row, 'total', '总计')]),
    op: '=',
    right: side('各类申请人之和', parts)
  }
}

function requestRelations(shape: OtherShape): Relation[] {
  return [...REQUEST_COLUMNS.flatMap((column) => columnRelations(shape, column)), ...requestRows(shape).map(rowRelation)]
}

function appealRelation(group: string): Relation {
  const term = (column: string): Term => ({ key: `appeals.${group}.${column}`, label: APPEAL_COLUMN_LABELS[column] })
  return {
    rule: 'appeals.group_sum',
    scope: APPEAL_GROUP_LABELS[group],
    left: side('总计', [term('total')]),
    op: '=',
    right: side('各结果之和', APPEAL_PARTS.map(term))
  }
}

const REQUEST_RELATIONS: Record<OtherShape, Relation[]> = {
  split: requestRelations('split'),
  single: requestRelations('single')
}
export const APPEAL_RELATIONS: Relation[] = APPEAL_GROUPS.map(appealRelation)

/** Which （六）其他处理 shape the report has: the keys it carries decide, then its template. */
/** The report's form; without one (no table found), the form in force for its year, as the review shows. */
export function templateOf(report: ExtractedReport): TemplateId {
  return report.meta.template ?? (report.meta.year !== null && report.meta.year <= 2020 ? '2019' : '2021')
}

export function otherShape(report: ExtractedReport): OtherShape {
  const chosen = report.meta.forms?.requests
  if (chosen) return chosen === '2019' ? 'single' : 'split'
  const cells = report.cells
  for (const row of OTHER_ROWS.split) for (const column of REQUEST_COLUMNS) if (`requests.${row}.${column}` in cells) return 'split'
  for (const column of REQUEST_COLUMNS) if (`requests.other.${column}` in cells) return 'single'
  return templateOf(report) === '2019' ? 'single' : 'split'
}

export function requestRelationsFor(report: ExtractedReport): Relation[] {
  return REQUEST_RELATIONS[otherShape(report)]
}

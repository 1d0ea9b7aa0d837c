// extractReport: SourceDocument → ExtractedReport. Tokenise every block into one stream, name the
// rows from their labels, choose one copy of each table, and read its cells with provenance.

import type { SourceDocument } from '../document'
import type { ExtractedCell, ExtractedReport, TableStatus } from '../report'
import type { Message } from '../messages'
import { warning } from '../messages'
import { TABLE_NAMES, TABLE_TITLES, type TableName, type TemplateId } from '../template'
import { cellsAsWritten, cellsOfTable, type TableCells } from './cells'
import { copiesOf, duplicateMessage, markDifferences } from './duplicates'
import { readMeta } from './meta'
import { settleOcrCells } from './ocr-certainty'
import { looksTraditional, normLabel } from './normalize'
import { recognise, type RowHit } from './recognise'
import { tokenise } from './tokens'
import { APPEALS_GROUP_ROWS, activeRowIds, requestRowIds } from './vocabulary'

/** The rows a table needs before a copy of it counts as found. */
const MIN_ROWS: Record<TableName, number> = { active: 2, requests: 3, appeals: 1 }

function expectedRows(table: TableName, template: TemplateId, hits: RowHit[]): string[] {
  if (table === 'active') return activeRowIds(template)
  if (table === 'appeals') return hits.some((h) => h.spec.id === 'appeals') || !hits.length ? ['appeals'] : APPEALS_GROUP_ROWS.map((r) => r.id)
  return requestRowIds(requestsVariant(template, hits))
}

/** Table 三 follows what the source has: the 2019 single （六）其他处理 row or the three 2021 sub-rows. */
function requestsVariant(template: TemplateId, hits: RowHit[]): TemplateId {
  if (hits.some((h) => h.spec.id === 'requests.other')) return '2019'
  if (hits.some((h) => h.spec.id.startsWith('requests.other.'))) return '2021'
  return template
}

function requestsTemplate(hits: RowHit[]): TemplateId | null {
  if (hits.length < MIN_ROWS.requests) return null
  if (hits.some((h) => h.spec.id === 'requests.other')) return '2019'
  return hits.some((h) => h.spec.id.startsWith('requests.other.')) ? '2021' : null
}

/** Of several copies of a table, the first complete one, else the fullest. */
function chooseCopy(table: TableName, copies: RowHit[][], template: TemplateId): RowHit[] {
  const complete = copies.find((c) => expectedRows(table, template, c).every((id) => c.some((h) => h.spec.id === id)))
  if (complete) return complete
  return copies.reduce((a, b) => (b.length > a.length ? b : a), copies[0] ?? [])
}

/** Marks the cells of the kept copy that another copy contradicts; the other copies' own oddities are not reported. */
function compareCopies(table: TableName, kept: Record<string, ExtractedCell>, others: RowHit[][], template: TemplateId): number {
  return markDifferences(
    kept,
    others.map((o) => cellsOfTable(table, o, template, []).cells)
  )
}

function activeTemplateOf(hits: RowHit[], evidence: TemplateId | null): TemplateId | null {
  if (evidence) return evidence
  if (!hits.length) return null
  const only2019 = hits.some((h) => h.spec.id === 'active.other_services' || h.spec.id === 'active.procurement')
  const wideLicensing = hits.some((h) => h.spec.id === 'active.licensing' && h.values.filter((v) => v.kind !== 'empty').length >= 3)
  return only2019 || wideLicensing ? '2019' : '2021'
}

const STANDARD_HEADING = normLabel('收到和处理政府信息公开申请情况')

function templateWithoutTables(doc: SourceDocument, year: number | null): TemplateId | null {
  if (!normLabel(doc.text.slice(0, 200000)).includes(STANDARD_HEADING) || year === null) return null
  return year >= 2021 ? '2021' : '2019'
}

export function extractReport(doc: SourceDocument): ExtractedReport {
  const messages: Message[] = []
  const traditional = looksTraditional(doc.text.slice(0, 5000))
  const tokens = tokenise(doc)
  const recognised = recognise(tokens, traditional)
  messages.push(...recognised.messages)
  const title = readMeta(doc, traditional)
  messages.push(...title.messages)

  const byTable: Record<TableName, RowHit[]> = { active: [], requests: [], appeals: [] }
  for (const h of recognised.hits) byTable[h.spec.table].push(h)

  const activeTemplate = byTable.active.length >= MIN_ROWS.active ? activeTemplateOf(byTable.active, recognised.activeTemplate) : null
  // the template follows table 二; without it, table 三's （六） rows; without tables, headings and year
  const template: TemplateId | null = activeTemplate ?? requestsTemplate(byTable.requests) ?? templateWithoutTables(doc, title.year)
  const cellTemplate: TemplateId = template ?? (title.year !== null && title.year < 2021 ? '2019' : '2021')

  const tables = {} as Record<TableName, TableStatus>
  const cells: Record<string, ExtractedCell> = {}
  for (const table of TABLE_NAMES) {
    const copies = copiesOf(byTable[table])
    const copy = chooseCopy(table, copies, cellTemplate)
    if (copy.length < MIN_ROWS[table]) {
      if (copies.length > 1) messages.push(duplicateMessage(table, copies, 0))
      tables[table] = 'missing'
      messages.push(warning('extract.table_missing', `未找到表格“${TABLE_TITLES[table]}”（可能是图片或已丢失）`))
      continue
    }
    tables[table] = 'found'
    const expected = expectedRows(table, cellTemplate, copy)
    // one odd table is that table's finding, never the whole file's failure
    let read: TableCells
    try {
      read = cellsOfTable(table, copy, cellTemplate, expected)
      if (copies.length > 1)
        read.messages.push(
          duplicateMessage(
            table,
            copies,
            compareCopies(
              table,
              read.cells,
              copies.filter((c) => c !== copy),
              cellTemplate
            )
          )
        )
    } catch (e) {
      read = cellsAsWritten(table, copy, cellTemplate, expected, e)
    }
    messages.push(...read.messages)
    Object.assign(cells, read.cells)
  }
  if (!title.agency) messages.push(warning('extract.agency_unknown', '未能从标题识别发布机关'))
  if (title.year === null) messages.push(warning('extract.year_unknown', '未能识别报告所属年度'))
  const report: ExtractedReport = {
    meta: { agency: title.agency, year: title.year, template: Object.values(tables).includes('found') ? cellTemplate : template },
    tables,
    cells,
    messages
  }
  // cells read by OCR: certain only when sure and their equations hold; the rest marked for review
  settleOcrCells(report)
  return report
}

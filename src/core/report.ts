// The extracted report: what the engine read, cell by cell, with provenance.

import type { SourceFormat, SourceLocation } from './document'
import type { Message } from './messages'
import type { TableName, TemplateId } from './template'
import type { TableForms } from './template/forms'

export type TableStatus = 'found' | 'missing'

export interface ExtractedCell {
  /** The number, or null for a blank cell or a non-number such as "/", "-", "—". */
  value: number | null
  /** Source text of the cell after whitespace trimming. */
  raw: string
  /** True whenever the engine guessed: inferred position, repaired character, out-of-domain number. */
  review: boolean
  /** Why the cell is marked for review, in Chinese. */
  reviewReason?: string
  source?: SourceLocation
  /**
   * Set when the cell was read by OCR: its confidence, the text read, other readings of the crop,
   * and whether solid ink (a blot, a stamp, a scribble) covers part of it.
   */
  ocr?: { confidence: number; read: string; alternatives?: string[]; obscured?: true }
}

export interface ReportMeta {
  /** The issuing body as written, in Simplified characters. */
  agency: string | null
  /** The year the report covers. */
  year: number | null
  /** Follows table 二; null when no standard table exists. */
  template: TemplateId | null
  /** A form a reviewer set for a table that differs from the report's (table 三's （六） rows); absent when none. */
  forms?: TableForms
}

export interface ExtractedReport {
  meta: ReportMeta
  tables: Record<TableName, TableStatus>
  cells: Record<string, ExtractedCell>
  messages: Message[]
}

export type FindingStatus = 'pass' | 'fail' | 'uncertain' | 'not_assessable'

export interface Finding {
  /** Stable rule id, e.g. 'requests.balance'. */
  rule: string
  status: FindingStatus
  /** Keys of the cells involved. */
  cells: string[]
  /** One line in Chinese a reviewer understands at a glance. */
  message: string
  /** The two sides of the equation with their numbers, where there is one. */
  left?: { label: string; value: number | null }
  right?: { label: string; value: number | null }
  /** Where the fault probably lies, for a failing finding. */
  fault?: 'report' | 'extraction'
  /** For not_assessable: the cell that blocked it. */
  blockedBy?: string[]
  /** Quoted text for text-vs-table findings. */
  quote?: string
  /** Set when a reviewer accepted this finding (e.g. 原文如此，已核对); an accepted fail counts as resolved. */
  accepted?: { by: string; at: string; comment: string }
}

/** The JSON of ../shared/spec/report-json.md (report-desk/report@1), plus extra fields. */
export interface ReportJson {
  schema: 'report-desk/report@1'
  source: { name: string; sha256: string; format: SourceFormat }
  meta: ReportMeta
  tables: Record<TableName, TableStatus>
  cells: Record<string, ExtractedCell>
  findings: Finding[]
  messages: Message[]
}

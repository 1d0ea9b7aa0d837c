// What an assessment says of one report: each indicator's points, state, reason and evidence.

import type { ExtractedReport, Finding } from '../report'
import type { TableName } from '../template'
import type { IndicatorId } from './rubric'

/** A quote of the report's text with its place (offsets into the document's text). */
export interface Quote {
  text: string
  start: number
  end: number
}

export interface Evidence {
  /** Cell keys of the report. */
  cells?: string[]
  quote?: Quote
  /** Ids of the findings it rests on (rule|sorted cells, as acceptances name them). */
  findings?: string[]
  /** The publication date a reviewer typed (及时性), with who and when. */
  typed?: TypedPublicationDate
}

export interface Deduction {
  /** The rubric's deduction id (late, cell_blank, …). */
  id: string
  points: number
  /** Plain Chinese: what is wrong, where. */
  reason: string
  evidence: Evidence
}

/** pass: full points; deducted: points taken off; unknown: cannot be judged from what the library holds. */
export type IndicatorState = 'pass' | 'deducted' | 'unknown'

export interface IndicatorResult {
  id: IndicatorId
  title: string
  /** The indicator's worth in the rubric. */
  max: number
  points: number
  state: IndicatorState
  /** One sentence in plain Chinese. */
  reason: string
  deductions: Deduction[]
  /** What was found right, or why it could not be judged (a date, a quote). */
  evidence: Evidence
}

export interface Assessment {
  rubric: { id: string; version: string; name: string }
  total: number
  max: number
  /** The cells were not verified by a person: the score may rest on misread numbers. */
  unverified: boolean
  indicators: IndicatorResult[]
}

export interface TypedPublicationDate {
  /** ISO date, YYYY-MM-DD. */
  date: string
  by: string
  /** ISO time of the act. */
  at: string
}

export interface AssessInput {
  /** The report as it stands (the reviewer's values win). */
  report: ExtractedReport
  /** Its stored findings (with the previous year's carry-over check when that report is in the library). */
  findings: Finding[]
  /** The document's text; undefined when the library holds none. */
  text?: string
  /** 原文无此表 recorded for these tables; 原文空白 for these cells. */
  marks?: { tables: TableName[]; cells: string[] }
  /** The publication date a reviewer typed (wins over the text's), with who and when. */
  typedDate?: TypedPublicationDate
  verified: boolean
}

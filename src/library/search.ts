// The library list's search box: each word typed must match the report somewhere — its agency (as
// typed, in Simplified characters, or by its agency key), its file name, its year ("2021", "2021年")
// or its status ("待核验"). The SQL is built from parameters only: one clause per word.

import { STATUS_LABELS, type ReportStatus } from '../shared/types'
import { agencyKey, searchForms } from './agency'

const MAX_TERMS = 8

export interface SearchClause {
  /** SQL to AND into the WHERE of a query over reports r JOIN files f. */
  where: string
  params: Record<string, string | number | null>
}

function statusOf(term: string): ReportStatus | null {
  const found = (Object.keys(STATUS_LABELS) as ReportStatus[]).find((s) => STATUS_LABELS[s] === term)
  return found ?? null
}

function yearOf(term: string): number | null {
  const m = /^(\d{4})(?:年度?)?$/.exec(term)
  return m ? Number(m[1]) : null
}

/** The words typed, each with the parameters naming it in the agency: as typed, in Simplified characters, by agency key. */
function agencyTerms(typed: string | undefined): { term: string; simplified: string; params: SearchClause['params'] }[] {
  const terms = (typed ?? '').normalize('NFKC').split(/\s+/).filter(Boolean).slice(0, MAX_TERMS)
  return terms.map((term, i) => {
    const forms = searchForms(term)
    const simplified = forms[forms.length - 1]
    return { term, simplified, params: { [`t${i}`]: forms[0], [`s${i}`]: simplified, [`k${i}`]: agencyKey(simplified) ?? forms[0] } }
  })
}

/** One clause per word, ANDed; no words at all match every report. */
function allOf(clauses: string[], params: SearchClause['params'][]): SearchClause {
  return { where: clauses.length ? clauses.join(' AND ') : '1', params: Object.assign({}, ...params) }
}

const IN_AGENCY = (i: number): string => `instr(r.agency, @t${i}) > 0 OR instr(r.agency, @s${i}) > 0 OR instr(r.agency_key, @k${i}) > 0`

/**
 * The 机关 filter of 统计 (`stats --agency`): every word must be in the agency's name (as written,
 * in Simplified characters, or in its matching form); unlike the list's search, never the file
 * name, the year or the status.
 */
export function agencyClause(agency: string | undefined): SearchClause {
  const terms = agencyTerms(agency)
  return allOf(
    terms.map((_, i) => `(${IN_AGENCY(i)})`),
    terms.map((t) => t.params)
  )
}

export function searchClause(search: string | undefined): SearchClause {
  const terms = agencyTerms(search)
  return allOf(
    terms.map((_, i) => `(${IN_AGENCY(i)} OR instr(f.name, @t${i}) > 0 OR r.year = @y${i} OR r.status = @st${i})`),
    terms.map(({ term, simplified, params }, i) => ({ ...params, [`y${i}`]: yearOf(term), [`st${i}`]: statusOf(simplified) }))
  )
}

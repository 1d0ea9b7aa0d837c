// The report_stats table (migration 12): each report's scores (compute.ts: every measure's value,
// decimals and blank keys) kept as JSON, so a whole-library figure never re-reads 300,000 cells.
// A row is good only for the template and the rule it was worked out with: a report whose form
// changed, or a build whose measures read other keys, works it out again (stats/read.ts).

import type { TemplateId } from '../../core/template'
import { sql, type Db } from '../db'
import type { Scores } from './compute'
import { MEASURES, keysOfTemplate } from './measures'

/** Bump when scoreCells (compute.ts) works a report out differently: every stored row is then stale. */
const SCORING_FORMAT = 1

/** The rule a row was worked out by: the measures' keys per form and the scoring format (FNV-1a, 31 bits). */
export const STATS_RULE: number = hash(JSON.stringify([SCORING_FORMAT, keysOfTemplate('2021'), keysOfTemplate('2019')]))

function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 1
}

/** As stored: values; decimals only when some are not 0; blank keys only for the measures that have some. */
interface StoredScores {
  v: (number | null)[]
  d?: number[]
  b?: Record<number, string[]>
}

const NO_KEYS: string[] = Object.freeze([]) as unknown as string[]
const NO_DECIMALS: number[] = Object.freeze(MEASURES.map(() => 0)) as number[]
const NO_BLANKS: string[][] = Object.freeze(MEASURES.map(() => NO_KEYS)) as string[][]

export function encodeScores(scores: Scores): string {
  const stored: StoredScores = { v: scores.values }
  if (scores.decimals.some((d) => d !== 0)) stored.d = scores.decimals
  scores.blankKeys.forEach((keys, i) => {
    if (keys.length) (stored.b ??= {})[i] = keys
  })
  return JSON.stringify(stored)
}

export function decodeScores(json: string, template: TemplateId | null): Scores {
  const { v, d, b } = JSON.parse(json) as StoredScores
  const blankKeys = b ? MEASURES.map((_, i) => (b[i] ? (Object.freeze(b[i]) as string[]) : NO_KEYS)) : NO_BLANKS
  return { values: v, decimals: d ?? NO_DECIMALS, blankKeys, keys: keysOfTemplate(template) }
}

/** Whether this library has the table (a read-only command may open one not yet migrated). */
const tableKnown = new WeakMap<Db, boolean>()
export function hasStatsTable(db: Db): boolean {
  let known = tableKnown.get(db)
  if (known === undefined) {
    known = sql(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_stats'").get() !== undefined
    tableKnown.set(db, known)
  }
  return known
}

export function writeScores(db: Db, reportId: number, template: TemplateId | null, scores: Scores): void {
  sql(db, 'INSERT OR REPLACE INTO report_stats (report_id, template, rule, scores) VALUES (?, ?, ?, ?)').run(
    reportId,
    template,
    STATS_RULE,
    encodeScores(scores)
  )
}

// Reading what 统计分析 needs: the chosen reports and, of their cells, only the keys the measures
// add up, each as it stands now (the reviewer's value over the engine's, as the exports read it).
// Prepared statements with parameters; the filter is applied in SQL.
//
// Speed: the cells come from the partial index cells_stats (migration 7), which holds exactly these
// keys in report order with every column the current value needs, so the table itself is never
// read. SQL groups them per report (one row per report: its key list, or just its form when it has
// every key, and its values as a JSON array): 10,000 rows reach JS instead of 330,000, and
// JSON.parse is far cheaper than a row per cell. Keys and values come in the same order (one scan).
//
// Most reports' cells are not read at all: their scores are kept in report_stats (stored.ts),
// written as their checks re-run. Only a report whose row is missing or stale has its cells read
// here, and its row is written back when the connection may write.

import { cellSpec, templateKeys, type TemplateId } from '../../core/template'
import { decimalsWritten } from '../../shared/decimal'
import { sql, type Db } from '../db'
import { STATS_INDEXED_KEYS, STATS_KEY_TERM } from '../migrations'
import { agencyClause } from '../search'
import type { StatsFilter } from '../../shared/stats'
import { scoreCells, type CellValues, type Scores, type StatReport } from './compute'
import { decodeScores, hasStatsTable, STATS_RULE, writeScores } from './stored'

export type { StatsFilter }

const WHERE = `(@all = 1 OR r.status = 'verified')
  AND (@years IS NULL OR r.year IN (SELECT value FROM json_each(@years)))`

/** A whole number as an INTEGER: SQLite writes a REAL into JSON 3× slower, and nearly every count is whole. Exact. */
const whole = (column: string): string => `iif(${column} = CAST(${column} AS INTEGER), CAST(${column} AS INTEGER), ${column})`

/** A cell's current number: null when blank, "/" or not a number (the raw text is never read as 0). */
const CURRENT_VALUE = `CASE WHEN c.human_raw IS NOT NULL THEN ${whole('c.human_value')} WHEN c.ext_raw IS NOT NULL THEN ${whole('c.ext_value')} END`

type ReportTuple = [
  id: number,
  agency: string | null,
  agencyKey: string | null,
  year: number | null,
  template: TemplateId | null,
  status: string,
  verifiedAt: string | null,
  updatedAt: string | null
]
type CellsTuple = [reportId: number, keys: string, values: string, written: string]
/** A report row and its stored scores (null: none, or stale). */
type ReportScoresTuple = [...ReportTuple, scores: string | null]

/**
 * The amount cells among the indexed keys (收费金额): their raw text is sent too when it has a decimal
 * point, so a sum is printed at the precision written ("1.50" has two decimals, its value 1.5 one).
 */
export const AMOUNT_KEYS: readonly string[] = STATS_INDEXED_KEYS.filter((k) => (cellSpec(k, '2021') ?? cellSpec(k, '2019'))?.type === 'amount')
const AMOUNT_TERM = `c.key IN (${AMOUNT_KEYS.map((k) => `'${k}'`).join(', ')})`

/**
 * The keys a report of each form holds among the indexed ones, comma-separated in index (binary)
 * order: what SQL's group_concat gives for a report that has every one of them. Such a report's
 * key list then need not be sent: SQL answers its form instead (keys hold no comma).
 */
export const FULL_KEY_LISTS: Record<TemplateId, string> = {
  '2021': fullKeyList('2021'),
  '2019': fullKeyList('2019')
}

function fullKeyList(template: TemplateId): string {
  const keys = new Set(templateKeys(template))
  return STATS_INDEXED_KEYS.filter((k) => keys.has(k))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(',')
}

/**
 * The SQL reading every chosen report's stats cells (null: every report, no test per cell);
 * exported so a test can check its plan uses the index.
 */
export function cellsQuery(where: string | null): string {
  // `+c.report_id`: scan the index in order and test each report against the chosen set, rather
  // than probe it once per report and key (30× slower). The key term must be the index's own.
  return cellsSelect(where === null ? '' : `AND +c.report_id IN (SELECT r.id FROM reports r JOIN files f ON f.id = r.file_id WHERE ${where})`)
}

/** The stats cells of a few reports (@ids, a JSON array): the index probed per report. */
const CELLS_OF_IDS = cellsSelect('AND c.report_id IN (SELECT value FROM json_each(@ids))')

function cellsSelect(chosen: string): string {
  // The two group_concat(c.key) are one aggregate to SQLite: the list is built once, and sent only
  // when it is not a form's full list.
  return `SELECT c.report_id,
      CASE group_concat(c.key, ',') WHEN @full2021 THEN '2021' WHEN @full2019 THEN '2019' ELSE group_concat(c.key, ',') END,
      json_group_array(${CURRENT_VALUE}),
      json_group_object(c.key, coalesce(c.human_raw, c.ext_raw)) FILTER (WHERE ${AMOUNT_TERM} AND instr(coalesce(c.human_raw, c.ext_raw), '.') > 0)
    FROM cells c
    WHERE c.${STATS_KEY_TERM} ${chosen}
    GROUP BY c.report_id`
}

/** A report's values in the order of a key list shared by the reports holding the same keys. */
class PositionedValues implements CellValues {
  readonly layout: { position: ReadonlyMap<string, number>; values: readonly (number | null)[] }
  /** Only on a report with an amount written with a point: the others skip the look-up. */
  readonly decimals?: (key: string) => number

  constructor(position: ReadonlyMap<string, number>, values: readonly (number | null)[], written: Readonly<Record<string, string>> | null) {
    this.layout = { position, values }
    if (written) {
      const decimals = new Map(Object.entries(written).map(([key, raw]) => [key, decimalsWritten(raw)]))
      this.decimals = (key) => decimals.get(key) ?? 0
    }
  }

  get(key: string): number | null | undefined {
    const i = this.layout.position.get(key)
    return i === undefined ? undefined : this.layout.values[i]
  }
}

const KEY_LISTS = { full2021: FULL_KEY_LISTS['2021'], full2019: FULL_KEY_LISTS['2019'] }

function cellsFrom(rows: CellsTuple[], chosen?: ReadonlySet<number>): Map<number, CellValues> {
  const cells = new Map<number, CellValues>()
  // Reports of one form almost always hold the same keys: each distinct list is split once.
  const positions = new Map<string, Map<string, number>>()
  for (const [reportId, keys, valuesJson, written] of rows) {
    if (chosen && !chosen.has(reportId)) continue
    let position = positions.get(keys)
    if (!position) {
      const list = keys === '2021' || keys === '2019' ? FULL_KEY_LISTS[keys] : keys
      positions.set(keys, (position = new Map(list.split(',').map((k, i) => [k, i]))))
    }
    const raws = written === '{}' ? null : (JSON.parse(written) as Record<string, string>)
    cells.set(reportId, new PositionedValues(position, JSON.parse(valuesJson) as (number | null)[], raws))
  }
  return cells
}

/** From this many reports on, their cells are read in one scan of the index rather than probed per report. */
const SCAN_FROM = 500

/** The stats cells of the reports `ids`. */
function cellsOf(db: Db, ids: readonly number[]): Map<number, CellValues> {
  if (ids.length >= SCAN_FROM) return cellsFrom(sql(db, cellsQuery(null)).raw().all(KEY_LISTS) as CellsTuple[], new Set(ids))
  return cellsFrom(
    sql(db, CELLS_OF_IDS)
      .raw()
      .all({ ids: JSON.stringify(ids), ...KEY_LISTS }) as CellsTuple[]
  )
}

const NO_CELLS: CellValues = new Map()

/** Works out the scores of these reports from their cells and stores them. Call inside a transaction. */
function storeScores(db: Db, reports: readonly { id: number; template: TemplateId | null }[]): Map<number, Scores> {
  const scores = scoresFromCells(db, reports)
  for (const { id, template } of reports) writeScores(db, id, template, scores.get(id)!)
  return scores
}

/** Keeps report_stats up to date after a write to a report (findings.ts refreshReport: every write path). */
export function refreshReportStats(db: Db, reportId: number): void {
  // Its own statement text: sql() shares prepared statements by text, and pluck() would change another caller's.
  if (!hasStatsTable(db)) return
  const template = sql(db, 'SELECT r.template FROM reports r WHERE r.id = ?').pluck().get(reportId) as TemplateId | null | undefined
  if (template !== undefined && !db.readonly) storeScores(db, [{ id: reportId, template }])
}

/**
 * The scores of reports with no good row in report_stats, written back when this connection may
 * write: read and written in one IMMEDIATE transaction, so no other writer changes a cell between.
 */
function missingScores(db: Db, reports: readonly { id: number; template: TemplateId | null }[]): Map<number, Scores> {
  if (!reports.length) return new Map()
  if (db.readonly || !hasStatsTable(db)) return scoresFromCells(db, reports)
  try {
    return db.transaction(() => storeScores(db, reports)).immediate()
  } catch (e) {
    // Another process holds the write lock: answer now, and leave the rows to the next reader.
    if ((e as { code?: unknown }).code !== 'SQLITE_BUSY') throw e
    return scoresFromCells(db, reports)
  }
}

/** Scores worked out from the reports' cells alone, whatever report_stats holds (tests compare the two). */
export function scoresFromCells(db: Db, reports: readonly { id: number; template: TemplateId | null }[]): Map<number, Scores> {
  const cells = cellsOf(
    db,
    reports.map((r) => r.id)
  )
  return new Map(reports.map(({ id, template }) => [id, scoreCells(template, cells.get(id) ?? NO_CELLS)]))
}

/** The condition choosing the reports of a filter, and its parameters. */
export function reportsWhere(filter: StatsFilter): { where: string; params: Record<string, unknown> } {
  const clause = agencyClause(filter.agency)
  return {
    where: `${WHERE} AND ${clause.where}`,
    params: { ...clause.params, all: filter.all ? 1 : 0, years: filter.years?.length ? JSON.stringify(filter.years) : null }
  }
}

/**
 * The SQL reading the chosen reports (`where`) and their stored scores; exported so a test can check
 * its plan reads the index of these columns (migration 13), not the reports' wide rows.
 */
export function reportsQuery(stored: boolean, where: string): string {
  return stored
    ? `SELECT r.id, r.agency, r.agency_key, r.year, r.template, r.status, r.verified_at, r.updated_at, s.scores FROM reports r
           LEFT JOIN report_stats s ON s.report_id = r.id AND s.template IS r.template AND s.rule = ${STATS_RULE}
         WHERE ${where} ORDER BY r.id`
    : `SELECT r.id, r.agency, r.agency_key, r.year, r.template, r.status, r.verified_at, r.updated_at, NULL FROM reports r WHERE ${where} ORDER BY r.id`
}

/** The chosen reports, with their scores (kept in report_stats, else worked out from their cells). */
export function readStatReports(db: Db, filter: StatsFilter = {}): StatReport[] {
  const { where, params } = reportsWhere(filter)
  const rows = sql(db, reportsQuery(hasStatsTable(db), where))
    .raw()
    .all(params) as ReportScoresTuple[]
  const worked = missingScores(
    db,
    rows.filter((r) => r[8] === null).map((r) => ({ id: r[0], template: r[4] }))
  )
  return rows.map(([id, agency, agencyKey, year, template, status, verifiedAt, updatedAt, json]) => ({
    id,
    agency,
    agencyKey,
    year,
    template,
    verified: status === 'verified',
    verifiedAt,
    updatedAt,
    cells: NO_CELLS,
    scores: json === null ? worked.get(id)! : decodeScores(json, template)
  }))
}

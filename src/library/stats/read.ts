// Reading what 统计分析 needs: the chosen reports and, of their cells, only the keys the measures
// add up, each as it stands now (the reviewer's value over the engine's, as the exports read it).
// Prepared statements with parameters; the filter is applied in SQL.

import type { TemplateId } from '../../core/template'
import { sql, type Db } from '../db'
import { searchClause } from '../search'
import type { StatsFilter } from '../../shared/stats'
import type { StatCell, StatReport } from './compute'
import { STAT_KEYS } from './measures'

export type { StatsFilter }

const WHERE = `(@all = 1 OR r.status = 'verified')
  AND (@years IS NULL OR r.year IN (SELECT value FROM json_each(@years)))`

type ReportTuple = [id: number, agency: string | null, agencyKey: string | null, year: number | null, template: TemplateId | null, status: string]
type CellTuple = [reportId: number, key: string, raw: string, value: number | null]

export function readStatReports(db: Db, filter: StatsFilter = {}): StatReport[] {
  const clause = searchClause(filter.agency)
  const where = `${WHERE} AND ${clause.where}`
  const params = {
    ...clause.params,
    all: filter.all ? 1 : 0,
    years: filter.years?.length ? JSON.stringify(filter.years) : null,
    keys: JSON.stringify(STAT_KEYS)
  }
  const reportRows = sql(
    db,
    `SELECT r.id, r.agency, r.agency_key, r.year, r.template, r.status FROM reports r JOIN files f ON f.id = r.file_id
     WHERE ${where} ORDER BY r.id`
  )
    .raw()
    .all(params) as ReportTuple[]
  const cells = new Map<number, Map<string, StatCell>>(reportRows.map(([id]) => [id, new Map()]))
  const cellRows = sql(
    db,
    `SELECT c.report_id, c.key, coalesce(c.human_raw, c.ext_raw),
       CASE WHEN c.human_raw IS NULL THEN c.ext_value ELSE c.human_value END
     FROM cells c WHERE c.key IN (SELECT value FROM json_each(@keys))
       AND coalesce(c.human_raw, c.ext_raw) IS NOT NULL
       AND c.report_id IN (SELECT r.id FROM reports r JOIN files f ON f.id = r.file_id WHERE ${where})`
  )
    .raw()
    .all(params) as CellTuple[]
  for (const [reportId, key, raw, value] of cellRows) cells.get(reportId)?.set(key, { raw, value })
  return reportRows.map(([id, agency, agencyKey, year, template, status]) => ({
    id,
    agency,
    agencyKey,
    year,
    template,
    verified: status === 'verified',
    cells: cells.get(id)!
  }))
}

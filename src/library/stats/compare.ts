// One agency over the years: its reports side by side, every cell's change, and the 上年结转 ↔
// 结转下年度 link between consecutive years. Two reads (the agency's reports, then their cells);
// each cell as it stands now, the reviewer's value over the engine's, as the exports read it.

import { CELL_SPECS, cellSpec, type CellSpec, type TemplateId } from '../../core/template'
import { UserFacingError } from '../../shared/contract'
import type { AgencyComparison, CarryLink, ComparedCell, ComparedRow } from '../../shared/stats'
import type { ReportStatus } from '../../shared/types'
import { sql, type Db } from '../db'
import { subtractDecimals } from '../../shared/decimal'
import { countOnce, yearUnknown } from './counted'

type ReportTuple = [
  id: number,
  agency: string | null,
  year: number | null,
  template: TemplateId | null,
  status: ReportStatus,
  fileName: string,
  agencyKey: string,
  verifiedAt: string | null,
  updatedAt: string | null
]
type CellTuple = [reportId: number, key: string, raw: string | null, value: number | null]

// Every report of the agency, whatever its status: tells an unknown agency from one with nothing verified.
const REPORTS = `SELECT r.id, r.agency, r.year, r.template, r.status, f.name, r.agency_key, r.verified_at, r.updated_at FROM reports r JOIN files f ON f.id = r.file_id
  WHERE r.agency_key = ? ORDER BY r.year IS NULL, r.year, r.id`

const CELLS = `SELECT c.report_id, c.key, coalesce(c.human_raw, c.ext_raw),
    CASE WHEN c.human_raw IS NULL THEN c.ext_value ELSE c.human_value END
  FROM cells c JOIN reports r ON r.id = c.report_id
  WHERE r.agency_key = @agencyKey AND (@all = 1 OR r.status = 'verified')`

/** The seven applicant columns of 表三, as the keys end. */
export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'] as const

interface Report {
  id: number
  year: number | null
  template: TemplateId | null
  cells: Map<string, { raw: string | null; value: number | null }>
}

export function compareAgency(db: Db, agencyKey: string, options: { all?: boolean } = {}): AgencyComparison {
  const everyReport = sql(db, REPORTS).raw().all(agencyKey) as ReportTuple[]
  if (!everyReport.length) throw new UserFacingError('stats.unknown_agency', `资料库中没有机关“${agencyKey}”的报告`)
  const wanted = everyReport.filter((r) => options.all || r[4] === 'verified')
  // As 统计 counts them: one report per year and template (the rest listed), and none of unknown
  // year, which would sit beside the last year as if it followed it.
  const { counted, leftOut } = countOnce(
    wanted.map((r) => ({
      id: r[0],
      agency: r[1],
      agencyKey: r[6],
      year: r[2],
      template: r[3],
      verified: r[4] === 'verified',
      verifiedAt: r[7],
      updatedAt: r[8],
      row: r
    }))
  )
  const inScope = counted.filter((r) => r.year !== null).map((r) => r.row)
  const reports: Report[] = inScope.map(([id, , year, template]) => ({ id, year, template, cells: new Map() }))
  const byId = new Map(reports.map((r) => [r.id, r]))
  if (reports.length) {
    for (const [reportId, key, raw, value] of sql(db, CELLS)
      .raw()
      .all({ agencyKey, all: options.all ? 1 : 0 }) as CellTuple[]) {
      byId.get(reportId)?.cells.set(key, { raw, value })
    }
  }
  const named = [...(wanted.length ? wanted : everyReport)].sort((a, b) => a[0] - b[0]).find((r) => r[1])
  return {
    agency: named?.[1] ?? null,
    agencyKey,
    reports: inScope.map(([id, , year, template, status, fileName]) => ({ id, year, template, status, fileName })),
    rows: comparedRows(reports),
    carry: reports.slice(1).map((to, i) => carryLink(reports[i], to)),
    unverifiedLeftOut: everyReport.length - wanted.length,
    leftOut: [...leftOut, ...yearUnknown(counted).map((r) => ({ ...r, why: '年度不详，不与其他年度并列比较' }))]
  }
}

/** Whether a report's form has the cell; a report of unknown template has the cells it holds. */
function hasKey(report: Report, key: string): boolean {
  return report.template ? cellSpec(key, report.template) !== undefined : report.cells.has(key)
}

/** The cell's spec under the newest report's form that has it (2019 and 2021 label some rows differently). */
function labelSpec(reports: Report[], key: string, fallback: CellSpec): CellSpec {
  for (let i = reports.length - 1; i >= 0; i--) {
    const spec = reports[i].template && cellSpec(key, reports[i].template!)
    if (spec) return spec
  }
  return fallback
}

const text = (raw: string | null): string => (raw ?? '').trim()

function comparedRows(reports: Report[]): ComparedRow[] {
  const rows: ComparedRow[] = []
  const seen = new Set<string>()
  for (const spec of CELL_SPECS) {
    if (seen.has(spec.key) || !reports.some((r) => hasKey(r, spec.key))) continue
    seen.add(spec.key)
    const label = labelSpec(reports, spec.key, spec)
    const cells = reports.map((r) => (hasKey(r, spec.key) ? (r.cells.get(spec.key) ?? { raw: null, value: null }) : null))
    const compared = cells.map((cell, i): ComparedCell | null => {
      if (!cell) return null
      const before = i > 0 ? cells[i - 1] : null
      const delta = before && before.value !== null && cell.value !== null ? subtractDecimals(cell.value, before.value) : null
      return { raw: cell.raw, value: cell.value, delta, changed: before !== null && text(before.raw) !== text(cell.raw) }
    })
    rows.push({ key: spec.key, table: label.chapter, row: label.row, column: label.column, cells: compared, changed: compared.some((c) => c?.changed) })
  }
  return rows
}

/** A column's name in a sentence: 商业企业, but 法人或其他组织/其他 in full (其他 alone says nothing). */
function shortColumn(column: string): string {
  const last = column.split('/').pop()!
  return last === '其他' ? column : last
}

function describe(cell: { raw: string | null; value: number | null } | undefined): string {
  const raw = text(cell?.raw ?? null)
  if (cell?.value !== null && cell?.value !== undefined) return ` ${cell.value} 件`
  if (!raw) return '空白'
  return `为“${raw}”`
}

function carryLink(from: Report, to: Report): CarryLink {
  const consecutive = from.year !== null && to.year !== null && to.year === from.year + 1
  const columns = APPLICANT_COLUMNS.map((suffix) => {
    const forwardKey = `requests.carried_forward.${suffix}`
    const overKey = `requests.carried_over.${suffix}`
    const forward = from.cells.get(forwardKey)?.value ?? null
    const over = to.cells.get(overKey)?.value ?? null
    const column = cellSpec(forwardKey, '2021')!.column
    return { column, forwardKey, overKey, forward, over, holds: consecutive && forward !== null && over !== null ? forward === over : null }
  })
  // CarryLink's years are numbers: 0 stands for a year not read, and the link then says so in why.
  const link = { fromReportId: from.id, toReportId: to.id, fromYear: from.year ?? 0, toYear: to.year ?? 0, columns }
  if (!consecutive) return { ...link, holds: null, why: notConsecutive(from.year, to.year) }
  const Y = from.year!
  const differ = columns.filter((c) => c.holds === false)
  const unchecked = columns.filter((c) => c.holds === null)
  const uncheckedWhy = unchecked
    .map(
      (c) => `${shortColumn(c.column)}（${Y} 年结转下年度${describe(from.cells.get(c.forwardKey))}，${Y + 1} 年上年结转${describe(to.cells.get(c.overKey))}）`
    )
    .join('；')
  if (differ.length) {
    const what = differ.map((c) => `${shortColumn(c.column)}：${Y} 年结转下年度 ${c.forward} 件，${Y + 1} 年上年结转 ${c.over} 件`).join('；')
    return { ...link, holds: false, why: `不一致——${what}${unchecked.length ? `。另有无法核对的栏：${uncheckedWhy}` : ''}` }
  }
  if (unchecked.length) {
    const rest = columns.length - unchecked.length
    return { ...link, holds: null, why: `无法核对：${uncheckedWhy}${rest ? `。其余 ${rest} 栏一致` : ''}` }
  }
  const total = columns[columns.length - 1]
  return { ...link, holds: true, why: `${Y} 年结转下年度 ${total.forward} 件，${Y + 1} 年上年结转 ${total.over} 件，一致（${columns.length} 栏均相符）` }
}

function notConsecutive(fromYear: number | null, toYear: number | null): string {
  if (fromYear === null || toYear === null) return '报告年度不明，无法核对上年结转'
  if (fromYear === toYear) return `两份报告同为 ${fromYear} 年，无法核对上年结转`
  const missing = toYear - fromYear === 2 ? `${fromYear + 1} 年` : `${fromYear + 1}–${toYear - 1} 年`
  return `${fromYear} 年与 ${toYear} 年不相邻（缺 ${missing}的报告），无法核对上年结转`
}

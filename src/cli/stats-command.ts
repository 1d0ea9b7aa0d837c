// report-desk stats: the aggregates of 统计分析 — by year, by agency, 值得关注 (outliers and
// year-on-year jumps) — over the verified reports (all with --all, unverified ones named), as
// tab-separated tables or JSON. --by year|agency prints just that table.

import { MEASURES, RATES, type Figure, type LibraryStats, type Rate } from '../library/stats'
import { formatDecimal } from '../shared/decimal'
import { leftOutNote } from '../shared/stats'
import type { MeasureId } from '../library/stats/measures'
import { withLibrary } from './library-commands'
import { flagValue } from './args'
import { tsvLine } from './tsv'
import { neutralise } from '../library/export/safe-text'

/** A line of the tables: text that a spreadsheet program could run as a formula (an agency named =…) is neutralised, as in the exports. */
const line = (fields: readonly unknown[]): string => tsvLine(fields.map((f) => (typeof f === 'string' ? neutralise(f) : f)))

const out = (line: string): void => void process.stdout.write(line + '\n')

type By = 'year' | 'agency'

/** The years after each --year (`--year 2021 2022` and `--year 2021 --year 2022` alike); NaN for one that is no year. */
export function yearsFrom(args: string[]): number[] {
  const years: number[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--year') continue
    while (i + 1 < args.length && !args[i + 1].startsWith('--')) years.push(/^\d{4}$/.test(args[++i]) ? Number(args[i]) : NaN)
  }
  return years
}

/** --by's table, null for both; 'bad' when --by is there without year or agency after it. */
export function byFrom(args: string[]): By | null | 'bad' {
  const value = flagValue(args, '--by')
  if (value === undefined) return args.includes('--by') ? 'bad' : null
  return value === 'year' || value === 'agency' ? value : 'bad'
}

export async function statsCommand(args: string[]): Promise<number> {
  const years = yearsFrom(args)
  if (years.some(Number.isNaN) || (args.includes('--year') && years.length === 0)) {
    process.stderr.write('--year 后应为四位年份，如 --year 2021 2022 / --year takes four-digit years\n')
    return 2
  }
  const by = byFrom(args)
  if (by === 'bad') {
    process.stderr.write('--by 后应为 year（按年度）或 agency（按机关） / --by takes year or agency\n')
    return 2
  }
  const all = args.includes('--all')
  const agency = flagValue(args, '--agency') ?? undefined
  return withLibrary(
    args,
    (library) => {
      const stats = library.stats({ years, agency, all })
      if (args.includes('--json')) out(JSON.stringify(only(stats, by), null, 2))
      else printTables(stats, by)
      return 0
    },
    { readOnly: true }
  )
}

/** The stats without the parts --by leaves out. */
function only(stats: LibraryStats, by: By | null): Partial<LibraryStats> {
  if (by === 'year') {
    const { byAgency: _a, outliers: _o, jumps: _j, ...rest } = stats
    return rest
  }
  if (by === 'agency') {
    const { byYear: _y, outliers: _o, jumps: _j, ...rest } = stats
    return rest
  }
  return stats
}

const percent = (r: Rate): string => (r.value === null ? '' : `${(r.value * 100).toFixed(1)}%`)
const ids = (list: readonly number[]): string => list.join(',')
/** A figure at the precision its amounts were written with (41331.766082, never 41331.76608200001). */
const value = (f: Figure): string => (f.value === null ? '' : formatDecimal(f.value, f.decimals))
const AGENCY_MEASURES: MeasureId[] = ['licensingDecisions', 'punishmentDecisions', 'feesAmount']

/** What a year's figures left out: blank or "/" by report, and reports whose form has no such cell. */
function leftOut(measures: Record<MeasureId, Figure>): string {
  const parts: string[] = []
  for (const m of MEASURES) {
    const f = measures[m.id]
    if (f.blank.length) parts.push(`${m.label}:${ids(f.blank.map((b) => b.reportId))}`)
    if (f.notInForm?.length) parts.push(`${m.label}:${ids(f.notInForm)}(表样无此项)`)
  }
  return parts.join('; ')
}

function printTables(stats: LibraryStats, by: By | null): void {
  const unverified = stats.unverifiedReportIds.length
  const scope = stats.filter.all ? `统计范围：全部报告 ${stats.reportCount} 份，其中未核验 ${unverified} 份` : `统计范围：已核验的报告 ${stats.reportCount} 份`
  out(scope + leftOutNote(stats.leftOut))
  if (stats.reportCount === 0) out(stats.filter.all ? '没有符合条件的报告。' : '没有符合条件的已核验报告（--all：统计全部报告，未核验的逐项标出）。')
  if (by !== 'agency') printByYear(stats)
  if (by !== 'year') printByAgency(stats)
  if (by === null) printWatchlist(stats)
  printLeftOut(stats)
}

/** Each report in scope that a figure does not count, and why (重复，未计入 / 年度不详). */
function printLeftOut(stats: LibraryStats): void {
  if (!stats.leftOut.length) return
  out('')
  out('未计入的报告')
  out(line(['报告编号', '机关', '年度', '原因']))
  for (const l of stats.leftOut) out(line([l.reportId, l.agency ?? '（未识别机关）', l.year ?? '年度不详', l.why]))
}

function printByYear(stats: LibraryStats): void {
  out('')
  out('按年度')
  out(line(['年度', '报告数', '未核验报告', ...MEASURES.map((m) => m.label), '未计入（报告编号）']))
  for (const y of stats.byYear) {
    out(line([y.year ?? '年度未识别', y.reportIds.length, ids(y.unverifiedReportIds), ...MEASURES.map((m) => value(y.measures[m.id])), leftOut(y.measures)]))
  }
}

function printByAgency(stats: LibraryStats): void {
  const agencyMeasures = AGENCY_MEASURES.map((id) => MEASURES.find((m) => m.id === id)!)
  out('')
  out('按机关')
  out(
    line([
      '机关',
      '年度',
      '报告数',
      '未核验报告',
      '新收申请',
      ...RATES.map((r) => r.label),
      ...agencyMeasures.map((m) => m.label),
      '比率为空的原因',
      '报告编号'
    ])
  )
  for (const a of stats.byAgency) {
    const reasons = RATES.filter((d) => a.rates[d.id].reason).map((d) => `${d.label}:${a.rates[d.id].reason}`)
    out(
      line([
        a.agency ?? '（未识别机关）',
        a.years.join(','),
        a.reportIds.length,
        ids(a.unverifiedReportIds),
        value(a.measures.newReceived),
        ...RATES.map((d) => percent(a.rates[d.id])),
        ...agencyMeasures.map((m) => value(a.measures[m.id])),
        reasons.join('; '),
        ids(a.reportIds)
      ])
    )
  }
}

function printWatchlist(stats: LibraryStats): void {
  out('')
  out('值得关注')
  for (const o of stats.outliers) {
    const label = RATES.find((d) => d.id === o.rate)!.label
    if (o.note) out(line([label, o.note]))
    for (const f of o.flagged) out(line([label, f.agency ?? '（未识别机关）', f.why, ids(f.reportIds)]))
    if (!o.note && !o.flagged.length) out(line([label, `${o.n} 个机关中无离群值`]))
  }
  out('')
  out('年度间大幅变化')
  if (!stats.jumps.length) out('未发现年度间的大幅变化')
  for (const j of stats.jumps) out(line([j.agency ?? '（未识别机关）', j.label, `${j.fromYear}→${j.toYear}`, j.why, ids(j.reportIds)]))
}

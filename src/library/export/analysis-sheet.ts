// The XLSX export's 分析 sheet: the aggregates of 统计分析 (stats/) as numbers — by year, by
// agency, 值得关注 (outliers and year-on-year jumps) — over the same reports as the export, then the
// definition of every measure and rate. Blank figures stay blank and say why; rates are percentages
// holding the share itself.

import { DEFINITIONS, MEASURES, RATES, type Figure, type LibraryStats, type Rate } from '../stats'
import { measureKeys, type MeasureId } from '../stats/measures'
import { leftOutNote } from '../../shared/stats'
import { neutralise } from './safe-text'
import { Percent, type CellValue, type WorkbookWriter } from './workbook'

const ids = (list: readonly number[]): string => list.join('、')
const text = (s: string | null): string | null => (s ? neutralise(s) : null)
const rateCell = (r: Rate): CellValue => (r.value === null ? null : new Percent(r.value))

/** The by-agency columns besides the rates: the ranked table. */
const AGENCY_MEASURES: MeasureId[] = ['licensingDecisions', 'punishmentDecisions', 'feesAmount']

/** What a row's figures left out: blanks and "/" by report, and reports whose form has no such cell. */
function leftOut(measures: Record<MeasureId, Figure>): string | null {
  const parts: string[] = []
  for (const m of MEASURES) {
    const f = measures[m.id]
    if (f.blank.length) parts.push(`${m.label}：${ids(f.blank.map((b) => b.reportId))}`)
    if (f.notInForm?.length) parts.push(`${m.label}：${ids(f.notInForm)}（表样无此项）`)
  }
  return parts.join('；') || null
}

export function writeAnalysisSheet(workbook: WorkbookWriter, stats: LibraryStats): void {
  const ws = workbook.addSheet('分析', { widths: [28, 12, 10, 12, ...MEASURES.map(() => 11), 60] })
  const unverified = stats.unverifiedReportIds.length
  ws.row([
    (stats.filter.all
      ? `统计范围：全部报告 ${stats.reportCount} 份，其中未核验 ${unverified} 份（已计入，见“未核验报告”列）`
      : `统计范围：已核验的报告 ${stats.reportCount} 份`) + leftOutNote(stats.leftOut)
  ])
  ws.row([])

  ws.row(['按年度'], 'header')
  ws.row(['年度', '报告数', '未核验报告', ...MEASURES.map((m) => m.label), '未计入（报告编号）：空白或“/”，表样无此项'], 'header')
  for (const y of stats.byYear) {
    ws.row([
      y.year ?? '年度未识别',
      y.reportIds.length,
      ids(y.unverifiedReportIds) || null,
      ...MEASURES.map((m) => y.measures[m.id].value),
      leftOut(y.measures)
    ])
  }
  ws.row([])

  const agencyMeasures = AGENCY_MEASURES.map((id) => MEASURES.find((m) => m.id === id)!)
  ws.row(['按机关'], 'header')
  ws.row(
    ['机关', '年度', '报告数', '未核验报告', '新收申请', ...RATES.map((r) => r.label), ...agencyMeasures.map((m) => m.label), '比率为空的原因', '报告编号'],
    'header'
  )
  for (const a of stats.byAgency) {
    const reasons = RATES.filter((d) => a.rates[d.id].reason).map((d) => `${d.label}：${a.rates[d.id].reason}`)
    ws.row([
      text(a.agency) ?? '（未识别机关）',
      a.years.join('、') || null,
      a.reportIds.length,
      ids(a.unverifiedReportIds) || null,
      a.measures.newReceived.value,
      ...RATES.map((d) => rateCell(a.rates[d.id])),
      ...agencyMeasures.map((m) => a.measures[m.id].value),
      reasons.join('；') || null,
      ids(a.reportIds)
    ])
  }
  ws.row([])

  ws.row(['值得关注'], 'header')
  ws.row(['机关', '比率', '数值', '稳健 z', '说明', '报告编号'], 'header')
  for (const o of stats.outliers) {
    const label = RATES.find((d) => d.id === o.rate)!.label
    if (o.note) ws.row([null, label, null, null, o.note])
    for (const f of o.flagged) ws.row([text(f.agency) ?? '（未识别机关）', label, new Percent(f.value), Number(f.z.toFixed(2)), f.why, ids(f.reportIds)])
    if (!o.note && !o.flagged.length) ws.row([null, label, null, null, `${o.n} 个机关中无离群值`])
  }
  ws.row([])

  ws.row(['年度间大幅变化'], 'header')
  ws.row(['机关', '项目', '年度', '上一年', '下一年', '说明', '报告编号'], 'header')
  for (const j of stats.jumps) {
    const value = (v: number): CellValue => (j.what === 'disclosure' ? new Percent(v) : v)
    ws.row([text(j.agency) ?? '（未识别机关）', j.label, `${j.fromYear}→${j.toYear}`, value(j.from), value(j.to), j.why, ids(j.reportIds)])
  }
  if (!stats.jumps.length) ws.row([null, null, null, null, null, '未发现年度间的大幅变化'])
  ws.row([])

  // Near-duplicates counted once, and reports of unknown year kept out of the agency rows: each named.
  if (stats.leftOut.length) {
    ws.row(['未计入的报告'], 'header')
    ws.row(['机关', '年度', '报告编号', '计入的报告', '原因'], 'header')
    for (const l of stats.leftOut) ws.row([text(l.agency) ?? '（未识别机关）', l.year ?? '年度不详', l.reportId, l.keptReportId ?? null, l.why])
    ws.row([])
  }

  ws.row(['定义'], 'header')
  for (const d of DEFINITIONS.rates) ws.row([d.label, d.definition])
  for (const m of DEFINITIONS.measures) ws.row([m.label, m.definition, `单元格：${measureCells(m.id)}`])
  for (const n of DEFINITIONS.notes) ws.row(['说明', n])
}

/** The keys a measure adds up; they differ between the forms for 其他处理 and 收费. */
function measureCells(id: MeasureId): string {
  const k2021 = measureKeys(id, '2021').join(' + ')
  const k2019 = measureKeys(id, '2019').join(' + ') || '（无此项）'
  return k2021 === k2019 ? k2021 : `2021 表样 ${k2021}；2019 表样 ${k2019}`
}

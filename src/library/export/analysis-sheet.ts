// The XLSX export's 分析 sheet: the aggregates of 统计分析 (stats/) as numbers — by year, by
// agency, 值得关注 — over the same reports as the export, then the definition of every rate. Blank
// figures stay blank and say why; rates are percentages holding the share itself.

import { GENERAL_NOTES, MEASURES, RATES, type LibraryStats, type Rate } from '../stats'
import { measureKeys, type MeasureId } from '../stats/measures'
import { neutralise } from './safe-text'
import { Percent, type CellValue, type WorkbookWriter } from './workbook'

const ids = (list: readonly number[]): string => list.join('、')
const text = (s: string | null): string | null => (s ? neutralise(s) : null)
const rateCell = (r: Rate): CellValue => (r.value === null ? null : new Percent(r.value))

export function writeAnalysisSheet(workbook: WorkbookWriter, stats: LibraryStats): void {
  const ws = workbook.addSheet('分析', { widths: [28, 12, 10, 12, ...MEASURES.map(() => 11), 60] })
  const unverified = stats.unverifiedReportIds.length
  ws.row([
    stats.filter.all
      ? `统计范围：全部报告 ${stats.reportCount} 份，其中未核验 ${unverified} 份（已计入，见“未核验报告”列）`
      : `统计范围：已核验的报告 ${stats.reportCount} 份`
  ])
  ws.row([])

  ws.row(['按年度'], 'header')
  ws.row(['年度', '报告数', '未核验报告', ...MEASURES.map((m) => m.label), '空白或“/”未计入（报告编号）'], 'header')
  for (const y of stats.byYear) {
    const blanks = MEASURES.map((m) => ({ m, blank: y.measures[m.id].blank }))
      .filter((b) => b.blank.length)
      .map((b) => `${b.m.label}：${ids(b.blank.map((x) => x.reportId))}`)
    ws.row([
      y.year ?? '年度未识别',
      y.reportIds.length,
      ids(y.unverifiedReportIds) || null,
      ...MEASURES.map((m) => y.measures[m.id].value),
      blanks.join('；') || null
    ])
  }
  ws.row([])

  ws.row(['按机关'], 'header')
  ws.row(['机关', '年度', '报告数', '未核验报告', '新收申请', ...RATES.map((r) => r.label), '比率为空的原因', '报告编号'], 'header')
  for (const a of stats.byAgency) {
    const reasons = RATES.filter((d) => a.rates[d.id].reason).map((d) => `${d.label}：${a.rates[d.id].reason}`)
    ws.row([
      text(a.agency) ?? '（未识别机关）',
      a.years.join('、') || null,
      a.reportIds.length,
      ids(a.unverifiedReportIds) || null,
      a.measures.newReceived.value,
      ...RATES.map((d) => rateCell(a.rates[d.id])),
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

  ws.row(['定义'], 'header')
  for (const d of RATES) ws.row([d.label, d.definition])
  for (const m of MEASURES) ws.row([m.label, `单元格：${measureCells(m.id)}`])
  for (const n of GENERAL_NOTES) ws.row(['说明', n])
}

/** The keys a measure adds up; they differ between the forms only for 其他处理. */
function measureCells(id: MeasureId): string {
  const k2021 = measureKeys(id, '2021').join(' + ')
  const k2019 = measureKeys(id, '2019').join(' + ')
  return k2021 === k2019 ? k2021 : `2021 表样 ${k2021}；2019 表样 ${k2019}`
}

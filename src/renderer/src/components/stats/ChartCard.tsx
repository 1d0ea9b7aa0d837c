import { useCallback, useRef, useState } from 'react'
import { EChart, type ChartInstance } from './EChart'
import { exportChart } from './chart-export'
import { ChartTable } from './ChartTable'
import { barSelection, blankSummary, type YearChart } from '../../stats/year-charts'

interface Props {
  chart: YearChart
  /** Notes under the chart (仅 1 个年度, 含未核验报告 N 份). */
  notes: string[]
  /** What the figures count (仅已核验 / 含未核验 N 份, the filter): written into an exported chart. */
  scope: string
  onShowReports: (ids: number[], label: string) => void
}

/** One 按年度 chart: title, export buttons, the chart (each bar clickable), and what it leaves out. */
export function ChartCard({ chart, notes, scope, onShowReports }: Props): React.JSX.Element {
  const instance = useRef<ChartInstance | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [asTable, setAsTable] = useState(false)
  const chartRef = useRef(chart)
  chartRef.current = chart
  const onBarClick = useCallback(
    (series: number, index: number) => {
      const picked = barSelection(chartRef.current, series, index)
      if (picked) onShowReports(picked.ids, picked.label)
    },
    [onShowReports]
  )

  const save = async (format: 'png' | 'svg'): Promise<void> => {
    if (!instance.current) return
    setBusy(true)
    setOutcome(null)
    try {
      const path = await exportChart(instance.current, chart.fileName, format, { title: chart.title, scope })
      if (path) setOutcome({ ok: true, text: `已保存：${path}` })
    } catch (e) {
      setOutcome({ ok: false, text: `导出失败：${(e as Error).message}` })
    } finally {
      setBusy(false)
    }
  }

  const blanks = blankSummary(chart)
  return (
    <figure className="chart-card" data-testid={`chart-${chart.id}`}>
      <figcaption className="chart-card__head">
        <h4>{chart.title}</h4>
        <span className="chart-card__spacer" />
        <button type="button" className="button button--small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} title="以表格显示数值">
          数据表
        </button>
        <button type="button" className="button button--small" disabled={busy || chart.empty} onClick={() => save('png')}>
          导出 PNG
        </button>
        <button type="button" className="button button--small" disabled={busy || chart.empty} onClick={() => save('svg')}>
          导出 SVG
        </button>
      </figcaption>
      {chart.empty ? (
        <p className="chart-card__empty">所选报告此项均为空白，没有可画的数值</p>
      ) : (
        <div className="chart-card__body">
          <EChart option={chart.option} onBarClick={onBarClick} instanceRef={instance} label={chart.title} />
          {asTable && <ChartTable chart={chart} onShowReports={onShowReports} />}
        </div>
      )}
      <div className="chart-card__notes">
        {[...notes, ...(blanks ? [blanks] : [])].map((n) => (
          <span key={n}>{n}</span>
        ))}
        {!chart.empty && <span className="muted">点击柱形可查看对应的报告</span>}
      </div>
      {outcome && (
        <p className={outcome.ok ? 'chart-card__saved' : 'chart-card__error'} role="status" data-testid="chart-export-outcome">
          {outcome.text}
        </p>
      )}
    </figure>
  )
}

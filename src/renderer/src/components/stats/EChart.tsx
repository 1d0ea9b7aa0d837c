// The one ECharts wrapper: only the bar chart and the components the 统计 screen uses are
// registered, drawn as SVG (crisp when exported). Made once per mount; a new option is set on the
// same instance, never a new chart per render.

import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartInstance = echarts.EChartsType

interface Props {
  option: echarts.EChartsCoreOption
  /** A bar was clicked. */
  onBarClick?: (seriesIndex: number, dataIndex: number) => void
  /** Filled with the live instance (for export). */
  instanceRef?: React.RefObject<ChartInstance | null>
  label: string
}

export function EChart({ option, onBarClick, instanceRef, label }: Props): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ChartInstance | null>(null)
  const click = useRef(onBarClick)
  click.current = onBarClick

  useEffect(() => {
    const c = echarts.init(box.current!, null, { renderer: 'svg' })
    chart.current = c
    if (instanceRef) instanceRef.current = c
    c.on('click', (p) => {
      if (p.componentType === 'series' && typeof p.seriesIndex === 'number') click.current?.(p.seriesIndex, p.dataIndex)
    })
    // Resized on the next frame: resizing inside the observer's callback would loop.
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => c.resize())
    })
    observer.observe(box.current!)
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      c.dispose()
      chart.current = null
      if (instanceRef) instanceRef.current = null
    }
  }, [instanceRef])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div className="echart" ref={box} role="img" aria-label={label} />
}

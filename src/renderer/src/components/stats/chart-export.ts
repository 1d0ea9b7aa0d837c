// A chart as a file: SVG straight from the SVG renderer; PNG by drawing that SVG onto a canvas at
// 2× on white (an <img> from a blob: URL, which the page's CSP allows), all inside the renderer.

import type { ChartInstance } from './EChart'
import { titledChartSvg } from '../../stats/chart-file'

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = new Image()
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('图表无法转换为 PNG 图片'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('无法创建画布，图表未转换为 PNG')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/png')
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * Asks where to save, then writes the chart under its title and scope (a file leaves the screen
 * that says them); the saved path, or null when the dialog was cancelled.
 */
export async function exportChart(
  chart: ChartInstance,
  name: string,
  format: 'png' | 'svg',
  heading: { title: string; scope: string }
): Promise<string | null> {
  const titled = titledChartSvg(chart.renderToSVGString(), chart.getWidth(), chart.getHeight(), heading.title, heading.scope)
  const content = format === 'svg' ? titled.svg : await svgToPng(titled.svg, titled.width, titled.height)
  const saved = await window.api.saveChart({ name, format, content })
  return saved?.path ?? null
}

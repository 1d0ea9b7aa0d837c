// A chart as a file: SVG straight from the SVG renderer; PNG by drawing that SVG onto a canvas at
// 2× on white (an <img> from a blob: URL, which the page's CSP allows), all inside the renderer.

import type { ChartInstance } from './EChart'

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

/** Asks where to save, then writes; the saved path, or null when the dialog was cancelled. */
export async function exportChart(chart: ChartInstance, name: string, format: 'png' | 'svg'): Promise<string | null> {
  const svg = chart.renderToSVGString()
  const content = format === 'svg' ? svg : await svgToPng(svg, chart.getWidth(), chart.getHeight())
  const saved = await window.api.saveChart({ name, format, content })
  return saved?.path ?? null
}

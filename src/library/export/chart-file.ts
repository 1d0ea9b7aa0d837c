// 导出图表: one chart of the 统计 screen as an SVG (text) or PNG (base64) file. Written whole
// (write-whole.ts), so a failed write never leaves half a picture under the chosen name, and never onto the library.

import { writeFileSync } from 'node:fs'
import { UserFacingError } from '../../shared/contract'
import { refuseLibraryFile } from '../paths'
import { writeWhole } from '../write-whole'

export type ChartFormat = 'png' | 'svg'

/** A chart larger than this is not a chart (a PNG of a 4K screen at 2× is about 3 MB). */
const MAX_CHART_BYTES = 32 * 1024 * 1024

export function chartBytes(format: ChartFormat, content: string): Buffer {
  // The IPC handler checks this too; a format from anywhere else must not fall through to PNG.
  if (format !== 'svg' && format !== 'png') throw new UserFacingError('chart.bad_format', '图表只能导出为 PNG 或 SVG')
  if (format === 'svg') {
    if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(content)) throw new UserFacingError('chart.bad_svg', '图表内容不是 SVG，未保存')
    return Buffer.from(content, 'utf8')
  }
  const bytes = Buffer.from(content.replace(/^data:image\/png;base64,/, ''), 'base64')
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new UserFacingError('chart.bad_png', '图表内容不是 PNG 图片，未保存')
  return bytes
}

export function writeChartFile(libraryPath: string, path: string, format: ChartFormat, content: string): void {
  if (content.length > MAX_CHART_BYTES * 1.4) throw new UserFacingError('chart.too_large', '图表过大，未保存')
  refuseLibraryFile(libraryPath, path, 'export')
  const bytes = chartBytes(format, content)
  writeWhole(path, (temp) => writeFileSync(temp, bytes))
}

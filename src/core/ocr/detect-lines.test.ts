// Prose lines are looked for only where a page has print once its tables are whitened
// (inkedPart), at the scale the whole page would be looked at: the detector's cost is its input's
// area, and the same lines are found.
import { createCanvas } from '@napi-rs/canvas'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectionModelPath, detectLines, FUSED_DET_MODEL, modelDirectory, type LineBox } from './engine'
import { inkedPart } from './page'
import { resize, type Raster } from './raster'

type Ort = typeof import('onnxruntime-node')
const ort = createRequire(__filename)('onnxruntime-node') as Ort

/** An A4 page at 150 dpi with `lines` of 10.5 pt text from `top` px down. */
function prosePage(lines: string[], top: number): Raster {
  const canvas = createCanvas(1240, 1754)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 1240, 1754)
  ctx.fillStyle = '#000'
  ctx.font = '22px sans-serif'
  lines.forEach((line, i) => ctx.fillText(line, 150, top + i * 40))
  const rgba = ctx.getImageData(0, 0, 1240, 1754).data
  const data = new Uint8Array(1240 * 1754)
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]
  return { width: 1240, height: 1754, data }
}

const blank = (width: number, height: number): Raster => ({ width, height, data: new Uint8Array(width * height).fill(255) })

describe('inkedPart', () => {
  it('a blank page has none', () => {
    expect(inkedPart(blank(200, 300), 20)).toBeNull()
  })

  it('a speck of dust spreads no part', () => {
    const page = blank(200, 300)
    page.data[150 * 200 + 100] = 0
    expect(inkedPart(page, 20)).toBeNull()
  })

  it('print, a text height around it, within the page', () => {
    const page = blank(200, 300)
    for (let y = 100; y < 120; y++) for (let x = 10; x < 150; x++) page.data[y * 200 + x] = 30
    expect(inkedPart(page, 20)).toEqual({ x0: 0, y0: 80, x1: 170, y1: 140 })
  })
})

describe('detectLines within the inked part', () => {
  const overlap = (a: LineBox, b: LineBox): number => {
    const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
    const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
    const area = (r: LineBox): number => (r.x1 - r.x0) * (r.y1 - r.y0)
    return w > 0 && h > 0 ? (w * h) / (area(a) + area(b) - w * h) : 0
  }

  it('finds the lines the whole page shows, where the page shows them', async () => {
    const page = prosePage(['二〇二二年政府信息公开工作年度报告', '本报告由本机关编制，全文包括总体情况。', '本年度共收到申请 37 件，办结 35 件。'], 1300)
    const part = inkedPart(page, 22)!
    expect((part.y1 - part.y0) * (part.x1 - part.x0)).toBeLessThan(0.2 * page.width * page.height)
    const whole = await detectLines(page)
    const within = await detectLines(page, part)
    expect(whole.length).toBeGreaterThanOrEqual(3)
    expect(within).toHaveLength(whole.length)
    // the same lines, boxed to within a few pixels (the model sees less around them)
    for (const box of whole) expect(Math.max(...within.map((b) => overlap(box, b)))).toBeGreaterThan(0.7)
  }, 60_000)
})

// The fused detection model (scripts/models/fuse-ocr-model.py) must see exactly what the model it
// was rewritten from sees: the same probability map, to float rounding.
describe('the fused detection model', () => {
  it('is found in resources/ocr from the source folder, else the package model', () => {
    expect(detectionModelPath(__dirname, {}).endsWith(join('resources', 'ocr', FUSED_DET_MODEL))).toBe(true)
    expect(detectionModelPath('/nowhere/at/all', {})).toBe(join(modelDirectory(), 'ch_PP-OCRv4_det_infer.onnx'))
  })

  it('maps a page of prose as the package model does', async () => {
    const small = resize(prosePage(['二〇二二年政府信息公开工作年度报告', '本年度共收到申请 37 件，办结 35 件。'], 200), 640, 896)
    const plane = small.width * small.height
    const data = new Float32Array(3 * plane)
    for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) data[c * plane + i] = (small.data[i] / 255 - 0.45) / 0.225
    const input = new ort.Tensor('float32', data, [1, 3, small.height, small.width])
    const options = { intraOpNumThreads: 1, graphOptimizationLevel: 'all' as const }
    const mapOf = async (file: string): Promise<Float32Array> => {
      const session = await ort.InferenceSession.create(file, options)
      return (await session.run({ [session.inputNames[0]]: input }))[session.outputNames[0]].data as Float32Array
    }
    const original = await mapOf(join(modelDirectory(), 'ch_PP-OCRv4_det_infer.onnx'))
    const fused = await mapOf(detectionModelPath())
    expect(fused).toHaveLength(original.length)
    let worst = 0
    let differentSide = 0
    let text = 0
    for (let i = 0; i < original.length; i++) {
      worst = Math.max(worst, Math.abs(original[i] - fused[i]))
      if (original[i] >= 0.3 !== fused[i] >= 0.3) differentSide++
      if (original[i] >= 0.3) text++
    }
    expect(text).toBeGreaterThan(1000)
    expect(worst).toBeLessThan(1e-4)
    expect(differentSide).toBe(0)
  }, 60_000)
})

// The fused recognition model (scripts/models/fuse-ocr-model.py) must read exactly as the model it
// was rewritten from: same scores on the same crops, to float rounding.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compactScores, FUSED_REC_MODEL, modelDirectory, recInput, recognitionModelPath, recogniseCrops, REC_HEIGHT } from './engine'
import { cellInk } from './cell-crop'
import { crop } from './raster'
import { drawCell } from './test-cells'

type Ort = typeof import('onnxruntime-node')
const ort = createRequire(__filename)('onnxruntime-node') as Ort

describe('recognitionModelPath', () => {
  it('finds the fused model in resources/ocr from the source folder', () => {
    expect(recognitionModelPath(__dirname, {})).toMatch(new RegExp(`resources[/\\\\]ocr[/\\\\]${FUSED_REC_MODEL.replace(/\./g, '\\.')}$`))
  })

  it.each([
    {
      from: '/nowhere/at/all',
      env: {},
      file: join(modelDirectory(), 'ch_PP-OCRv4_rec_infer.onnx'),
      why: 'the package model when no resources folder is found'
    },
    {
      from: __dirname,
      env: { REPORT_DESK_OCR_MODELS: '/models' },
      file: join('/models', 'ch_PP-OCRv4_rec_infer.onnx'),
      why: 'an override folder without the fused model'
    }
  ])('$why', ({ from, env, file }) => {
    expect(recognitionModelPath(from, env)).toBe(file)
  })
})

describe('the fused recognition model', () => {
  it('scores drawn labels and numbers as the package model does', async () => {
    const texts = ['本年新收政府信息公开申请数量', '0', '1,234', '（三）不予公开', '其他', '37']
    const crops = texts.map((text, i) => {
      const cell = drawCell({ dpi: i % 2 ? 300 : 150, text, serif: i % 3 === 0 })
      const [x0, y0, x1, y1] = cell.box
      return crop(cell.page, x0, y0, x1, y1)
    })
    const { data, width } = recInput(crops)
    const input = new ort.Tensor('float32', data, [crops.length, 3, REC_HEIGHT, width])
    const options = { intraOpNumThreads: 1, graphOptimizationLevel: 'all' as const }
    const original = await ort.InferenceSession.create(join(modelDirectory(), 'ch_PP-OCRv4_rec_infer.onnx'), options)
    const fused = await ort.InferenceSession.create(recognitionModelPath(), options)
    const a = (await original.run({ [original.inputNames[0]]: input }))[original.outputNames[0]]
    // the full scores stay the fused model's first output, for this comparison
    const candidates = [0, 11, 12, 13]
    const classes = new ort.Tensor('int64', BigInt64Array.from(candidates, BigInt), [candidates.length])
    const fetched = await fused.run({ [fused.inputNames[0]]: input, classes }, [fused.outputNames[0], 'top_scores', 'top_classes', 'class_scores'])
    const b = fetched[fused.outputNames[0]]
    expect(b.dims).toEqual(a.dims)
    const pa = a.data as Float32Array
    const pb = b.data as Float32Array
    let worst = 0
    for (let i = 0; i < pa.length; i++) worst = Math.max(worst, Math.abs(pa[i] - pb[i]))
    expect(worst).toBeLessThan(1e-4)
    // its compact outputs are the best classes of its full scores, and the scores of the classes asked for
    const compact = compactScores(pb, (b.dims[0] as number) * (b.dims[1] as number), b.dims[2] as number, candidates)
    expect([...(fetched.top_classes.data as Int32Array)]).toEqual([...compact.topClasses])
    expect([...(fetched.top_scores.data as Float32Array)]).toEqual([...compact.topScores])
    expect([...(fetched.class_scores.data as Float32Array)]).toEqual([...compact.candidateScores])
    // and the best class at every step is the same
    const classCount = a.dims[2] as number
    for (let step = 0; step < pa.length / classCount; step++) {
      const best = (p: Float32Array): number => {
        let k = 0
        for (let c = 1; c < classCount; c++) if (p[step * classCount + c] > p[step * classCount + k]) k = c
        return k
      }
      expect(best(pb)).toBe(best(pa))
    }
  }, 60_000)
})

describe('short crops sharing a line', () => {
  // Numbers are read several to a line (recLines): each must read as it does alone, its
  // neighbours' digits 32 px of grey away notwithstanding.
  it('read as each reads alone', async () => {
    const texts = ['0', '7', '12', '305', '1,234', '44.75', '1', '0', '96', '4', '11', '0']
    const crops = texts.flatMap((text, i) => {
      const c = drawCell({ dpi: i % 3 ? 150 : 300, pt: [7.5, 9, 10.5][i % 3], text, serif: i % 2 === 0 })
      return cellInk(c.page, c.box, c.inset, c.unit).bands.map((b) => b.crop)
    })
    expect(crops).toHaveLength(texts.length)
    const together = await recogniseCrops(crops)
    const alone = await Promise.all(crops.map(async (c) => (await recogniseCrops([c]))[0]))
    expect(together.map((r) => r.text)).toEqual(texts)
    expect(together.map((r) => r.text)).toEqual(alone.map((r) => r.text))
    // a number cell's certainty is its reading among digits: about as sure either way (the widest
    // gap measured: 1,234 at 7.5 pt read 0.995 alone, 0.886 beside 305 and 44.75)
    together.forEach((r, i) => expect(Math.abs(r.numeric!.confidence - alone[i].numeric!.confidence)).toBeLessThan(0.15))
  }, 60_000)
})

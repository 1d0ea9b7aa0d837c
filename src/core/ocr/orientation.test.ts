// Quarter turns of a page: pixels moved exactly, boxes turned back onto the page image as given,
// and the direction text runs in told apart from ruling lines (issue #23).

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canvasLib, decodePicture, greyFromRgba } from '../ingest/images/raster'
import { boxBeforeTurn, formShare, halfTurned, linesAcross, turnClockwise, uprightQuarters, type Quarters } from './orientation'
import { unitOf } from './page'
import type { Raster } from './raster'
import { drawGrid, EMPTY_TABLE } from './test-pages'

const QUARTERS: Quarters[] = [0, 1, 2, 3]
const spread = (r: Raster, unit: number): number => linesAcross(r, unit).reduce((s, l) => s + l.x1 - l.x0 + 1, 0)

describe('quarter turns', () => {
  const w = 7
  const h = 4
  const r: Raster = { width: w, height: h, data: Uint8Array.from({ length: w * h }, (_, i) => i) }

  it.each(QUARTERS)('turning by %i quarters moves every pixel and four turns give the page back', (q) => {
    const t = turnClockwise(r, q)
    expect([t.width, t.height]).toEqual(q % 2 ? [h, w] : [w, h])
    expect([...t.data].sort((a, b) => a - b)).toEqual([...r.data])
    let back = t
    for (let k = q; k % 4 !== 0; k++) back = turnClockwise(back, 1)
    expect([...back.data]).toEqual([...r.data])
  })

  it.each(QUARTERS)('a pixel box on the page turned %i quarters maps back onto the pixel it came from', (q) => {
    const t = turnClockwise(r, q)
    for (let y = 0; y < t.height; y++) {
      for (let x = 0; x < t.width; x++) {
        const [x0, y0, x1, y1] = boxBeforeTurn([x, y, x + 1, y + 1], q, w, h)
        expect([x1 - x0, y1 - y0]).toEqual([1, 1])
        expect(r.data[y0 * w + x0]).toBe(t.data[y * t.width + x])
      }
    }
  })
})

const PHOTO = resolve(__dirname, '../../../test/fixtures/scan/files/dongfeng_2021_photos/表三.jpg')

describe('which way the text runs', () => {
  it('a table page: its lines run across upright and down when turned a quarter, its rulings not counted', async () => {
    const page = await decodePicture(readFileSync(PHOTO))
    const unit = unitOf(page)
    const upright = spread(page, unit)
    const turned = spread(turnClockwise(page, 1), unit)
    expect(upright).toBeGreaterThan(3 * turned)
  })

  it.each([0, 1] as Quarters[])('turned %i quarters and then half round, its lines are the same lines turned half round', async (q) => {
    // uprightQuarters finds a page's lines once for each pair of opposite turns
    const page = turnClockwise(await decodePicture(readFileSync(PHOTO)), q)
    const key = (r: { x0: number; y0: number; x1: number; y1: number }): string => [r.x0, r.y0, r.x1, r.y1].join(',')
    const unit = unitOf(page)
    const direct = linesAcross(turnClockwise(page, 2), unit).map(key).sort()
    expect(direct.length).toBeGreaterThan(q ? 0 : 10)
    expect(
      linesAcross(page, unit)
        .map((r) => key(halfTurned(r, page.width, page.height)))
        .sort()
    ).toEqual(direct)
  })

  it.each([1, 2, 3] as Quarters[])(
    'a page photo turned %i quarters is set upright by the opposite turn',
    async (q) => {
      const page = await decodePicture(readFileSync(PHOTO))
      const turned = turnClockwise(page, q)
      expect(await uprightQuarters(turned, unitOf(turned))).toEqual({ quarters: (4 - q) % 4, sure: true })
    },
    60_000
  )

  it('an upright page stays as it is, whichever way its document went', async () => {
    const page = await decodePicture(readFileSync(join(PHOTO)))
    expect(await uprightQuarters(page, unitOf(page))).toEqual({ quarters: 0, sure: true })
    expect(await uprightQuarters(page, unitOf(page), 2)).toEqual({ quarters: 0, sure: true })
  }, 60_000)

  it.each([
    { likely: undefined, quarters: 0, why: 'stays as given when nothing else is known' },
    { likely: 2 as Quarters, quarters: 2, why: 'goes upside down with a document fed upside down' },
    { likely: 1 as Quarters, quarters: 0, why: 'is not turned a quarter for a document whose pages ran down' }
  ])('a page with no print to read either way up $why', async ({ likely, quarters }) => {
    const grid = drawGrid(1200, 900, EMPTY_TABLE)
    expect(await uprightQuarters(grid, 30, likely)).toEqual({ quarters, sure: false })
  })
})

/**
 * A 150 dpi page like a report's last: table 四's narrow columns with their labels a character to a
 * line (结果维持 stacked), and below it prose lines running the width of the page.
 */
function stackedLabelsPage(): Raster {
  const width = 1240
  const height = 1000
  const { createCanvas } = canvasLib()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#000'
  ctx.font = '22px "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Droid Sans Fallback", sans-serif'
  const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const left = 100
  const column = 110
  for (let c = 0; c <= labels.length; c++) ctx.fillRect(left + c * column, 100, 2, 200)
  for (const y of [100, 230, 300]) ctx.fillRect(left, y, labels.length * column, 2)
  labels.forEach((label, c) => {
    ;[...label].forEach((ch, k) => ctx.fillText(ch, left + c * column + 44, 130 + k * 26))
    ctx.fillText(String(c), left + c * column + 48, 275)
  })
  const prose = [
    '五、存在的主要问题及改进情况',
    '一是公开内容的全面性和及时性有待提高，二是政策解读形式较为单一。',
    '下一步将加强培训，丰富解读形式，提升公开质量。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。'
  ]
  prose.forEach((line, k) => ctx.fillText(line, 100, 420 + k * 60))
  return greyFromRgba(ctx.getImageData(0, 0, width, height).data, width, height)
}

describe('a page whose prose runs down it and whose table labels run across it', () => {
  // turned a quarter, the stacked labels lie across the page as lines of the form's words, each
  // character read surely on its side: the page's long prose lines tell its way up
  it.each([1, 3] as Quarters[])(
    'turned %i quarters, it is set upright by the opposite turn',
    async (q) => {
      const turned = turnClockwise(stackedLabelsPage(), q)
      expect((await uprightQuarters(turned, 22)).quarters).toBe((4 - q) % 4)
    },
    60_000
  )

  it('upright, it stays', async () => {
    expect((await uprightQuarters(stackedLabelsPage(), 22)).quarters).toBe(0)
  }, 60_000)
})

describe('formShare', () => {
  it.each([
    { texts: ['行政复议', '结果维持'], share: 1, why: 'the form’s words the right way up' },
    { texts: ['议复政行', '持维果结'], share: 0, why: 'the same characters back to front' },
    { texts: ['行政复议', '持维果结'], share: 0.5, why: 'half and half' },
    { texts: ['0', '12'], share: 0, why: 'no characters of the form: nothing to tell by' }
  ])('$why', ({ texts, share }) => {
    expect(formShare(texts)).toBe(share)
  })
})

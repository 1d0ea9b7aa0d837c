// The generated scans (scripts/generate-scans.ts, issue #23): the same seed draws the same reports, the
// pictures' own encoders round-trip, and a few reports drawn under random conditions go through the
// command line without a crash. The full ≥ 40 report
// run with figures per condition is `npm run score:generated`.

import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import UTIF from 'utif2'
import { afterAll, describe, expect, it } from 'vitest'
import { generateScans, pagesOf, planReports, randomCells } from '../../scripts/generate-scans'
import { prng } from '../../scripts/official-tables'
import { encodeJpeg, g4Tiff, type Picture } from '../../scripts/scan-pictures'
import { homography } from '../../src/core/ocr/rectify'
import { scoreSet, untimed } from '../../scripts/score-generated'
import { requireShared } from '../e2e/shared-files'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'generated-scans-test-'))
  dirs.push(dir)
  return dir
}

/** Every file under `dir` with the sha256 of its bytes. */
function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`)
      else out[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir, '')
  return out
}

describe('generated scans', () => {
  it('plans the same reports for the same seed and other reports for another', () => {
    requireShared()
    expect(planReports(12, 5)).toEqual(planReports(12, 5))
    expect(planReports(12, 5).map(pagesOf)).toEqual(planReports(12, 5).map(pagesOf))
    expect(JSON.stringify(planReports(12, 6))).not.toEqual(JSON.stringify(planReports(12, 5)))
  })

  it('draws no fax blurred or unevenly lit (a fax scans paper flat on glass under its lamp), and other pictures so', () => {
    requireShared()
    const plans = planReports(200, 3)
    const faxes = plans.filter((p) => p.conditions.container === 'tif')
    expect(faxes.length).toBeGreaterThan(0)
    for (const p of faxes) expect(p.conditions.blur, p.name).toBeLessThanOrEqual(0.4)
    for (const p of faxes) expect(p.conditions.light, p.name).toBe(1)
    expect(plans.some((p) => p.conditions.container !== 'tif' && p.conditions.blur > 0.6)).toBe(true)
    expect(plans.some((p) => p.conditions.container !== 'tif' && p.conditions.light < 0.8)).toBe(true)
  })

  it('draws random numbers that keep the 勾稽关系', () => {
    for (const [template, form] of [
      ['2021', '2021'],
      ['2019', '2019'],
      ['2021', '2019']
    ] as const) {
      const cells = randomCells(prng(9), template, form)
      for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']) {
        const v = (row: string): number => cells[`requests.${row}.${col}`] as number
        expect(v('new_received') + v('carried_over')).toBe(v('total') + v('carried_forward'))
        const results = Object.keys(cells).filter(
          (k) => k.startsWith('requests.') && k.endsWith(`.${col}`) && !/\.(new_received|carried_over|total|carried_forward)\./.test(k)
        )
        expect(results.reduce((s, k) => s + (cells[k] as number), 0)).toBe(v('total'))
      }
      expect('requests.other.total' in cells).toBe(form === '2019')
      expect(cells['appeals.review.total']).toBe(['upheld', 'corrected', 'other', 'pending'].reduce((s, p) => s + (cells[`appeals.review.${p}`] as number), 0))
    }
  })

  it('writes a G4 TIFF that decodes to the same black and white pixels, at the declared dpi', () => {
    const rnd = prng(3)
    const width = 203
    const height = 31
    const data = new Uint8ClampedArray(width * height * 4).fill(255)
    for (let i = 0; i < width * height; i++) if (rnd() < 0.3 || i % width === width - 1) data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = 0
    const picture: Picture = { width, height, data }
    const tif = g4Tiff([
      { picture, threshold: 128, dpi: 300 },
      { picture, threshold: 128, dpi: 300 }
    ])
    const ifds = UTIF.decode(tif.buffer as ArrayBuffer)
    expect(ifds).toHaveLength(2)
    UTIF.decodeImage(tif.buffer as ArrayBuffer, ifds[1])
    const rgba = UTIF.toRGBA8(ifds[1])
    let differ = 0
    for (let i = 0; i < width * height; i++) if (rgba[i * 4] < 128 !== data[i * 4] < 128) differ++
    expect(differ).toBe(0)
    expect(ifds[1].t259).toEqual([4])
    expect(ifds[1].t282).toEqual([[300, 1]])
  })

  it('declares the dpi in the JPEG header and maps corners by the homography', () => {
    const jpeg = encodeJpeg({ width: 4, height: 4, data: new Uint8ClampedArray(64).fill(200) }, 80, 300)
    expect([jpeg[13], (jpeg[14] << 8) | jpeg[15]]).toEqual([1, 300])
    const h = homography(
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10]
      ],
      [
        [1, 2],
        [9, 1],
        [11, 12],
        [0, 9]
      ]
    )
    const map = (x: number, y: number): number[] => {
      const z = h[6] * x + h[7] * y + h[8]
      return [(h[0] * x + h[1] * y + h[2]) / z, (h[3] * x + h[4] * y + h[5]) / z].map((v) => Math.round(v * 1e6) / 1e6)
    }
    expect([map(0, 0), map(10, 0), map(10, 10), map(0, 10)]).toEqual([
      [1, 2],
      [9, 1],
      [11, 12],
      [0, 9]
    ])
  })

  it('draws the same files for the same seed', async () => {
    const a = tempDir()
    const b = tempDir()
    await generateScans(2, 11, a)
    await generateScans(2, 11, b)
    const da = digests(a)
    expect(Object.keys(da).filter((f) => f.startsWith('files/')).length).toBeGreaterThanOrEqual(2)
    expect(digests(b)).toEqual(da)
  }, 300_000)

  // Pages turned by quarter turns are left out here until orientation detection is in (issue #23 item 3,
  // another change); `npm run score:generated` draws them. The command line runs without its time
  // limits per page: this is about what is read, and speed is measured by `npm run bench`.
  // Not asserted yet: no number shown wrong without a mark. On this seed g002_003_mht (133 ppi, JPEG
  // q < 60) reads 费用 44.75 as 4475 at full confidence — a cell in no equation, the decimal point too
  // small for the recogniser — and tables the engine cannot read count as silent for the scorer. The
  // figures are printed by `npm run score:generated` (column "shown wrong").
  it('reads a few randomly drawn reports without a crash', async () => {
    requireShared()
    const dir = tempDir()
    await generateScans(4, 2, dir, () => {}, { quarterTurns: false })
    const scores = scoreSet(dir, untimed(join(__dirname, '../../bin/report-desk.mjs'), tempDir()))
    expect(scores).toHaveLength(4)
    expect(scores.filter((s) => s.crashed).map((s) => s.name)).toEqual([])
    expect(scores.every((s) => s.cells > 150)).toBe(true)
  }, 900_000)
})

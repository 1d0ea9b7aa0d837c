import { describe, expect, it } from 'vitest'
import { batchesByWidth, compactScores, memberSteps, ocrThreads, recLines } from './engine'
import { seeded } from '../test-random'

describe('ocrThreads', () => {
  it.each([
    { env: {}, cores: 2, lanes: 2, threads: 1, why: 'half of 2 cores' },
    { env: {}, cores: 8, lanes: 2, threads: 4, why: 'half of 8 cores' },
    { env: {}, cores: 32, lanes: 2, threads: 4, why: 'never more than 4 by default' },
    { env: {}, cores: 8, lanes: 4, threads: 2, why: 'the cores shared among 4 lanes' },
    { env: {}, cores: 1, lanes: 2, threads: 1, why: 'at least one' },
    { env: { REPORT_DESK_OCR_THREADS: '3' }, cores: 8, lanes: 2, threads: 3, why: 'as asked' },
    { env: { REPORT_DESK_OCR_THREADS: '16' }, cores: 8, lanes: 2, threads: 8, why: 'no more than the cores' },
    { env: { REPORT_DESK_OCR_THREADS: '0' }, cores: 8, lanes: 2, threads: 4, why: 'a nonsense value is ignored' },
    { env: { REPORT_DESK_OCR_THREADS: 'two' }, cores: 8, lanes: 2, threads: 4, why: 'a word is ignored' }
  ])('$why: $threads', ({ env, cores, lanes, threads }) => {
    expect(ocrThreads(env, cores, lanes)).toBe(threads)
  })
})

describe('batchesByWidth', () => {
  const padded = (widths: number[], batches: number[][]): number => batches.reduce((sum, b) => sum + b.length * Math.max(...b.map((i) => widths[i])), 0)

  it.each([
    { widths: [], batch: 16, slack: 1.15, batches: [], why: 'no crops, no batches' },
    { widths: [160, 160, 160], batch: 16, slack: 1.15, batches: [[0, 1, 2]], why: 'equal widths go together' },
    { widths: [160, 160, 160], batch: 2, slack: 1.15, batches: [[0, 1], [2]], why: 'no batch over its size' },
    { widths: [800, 160, 176, 1600], batch: 16, slack: 1.15, batches: [[1, 2], [0], [3]], why: 'a line of prose never pads a number cell' },
    { widths: [200, 229, 231], batch: 16, slack: 1.15, batches: [[0, 1], [2]], why: 'the widest at most slack × the first' },
    { widths: [1600, 1600, 1600], batch: 16, slack: 1.15, batches: [[0, 1], [2]], why: 'wide lines of prose two at a time (4096 px)' }
  ])('$why', ({ widths, batch, slack, batches }) => {
    expect(batchesByWidth(widths, batch, slack)).toEqual(batches)
  })

  it('covers every crop once, and pads each by at most the slack', () => {
    const random = seeded(7)
    for (let run = 0; run < 50; run++) {
      const widths = Array.from({ length: random.int(0, 300) }, () => 160 + random.int(0, 180) * 8)
      const batches = batchesByWidth(widths)
      expect(batches.flat().sort((a, b) => a - b)).toEqual(widths.map((_, i) => i))
      for (const b of batches) for (const i of b) expect(Math.max(...b.map((j) => widths[j]))).toBeLessThanOrEqual(widths[i] * 1.15)
      for (const b of batches) if (b.length > 1) expect(b.length * Math.max(...b.map((j) => widths[j]))).toBeLessThanOrEqual(4096)
      expect(padded(widths, batches)).toBeLessThanOrEqual(widths.reduce((s, w) => s + w, 0) * 1.15)
    }
  })
})

describe('recLines', () => {
  it.each([
    { scaled: [], lines: [], why: 'no crops, no lines' },
    { scaled: [40], lines: [{ members: [0], at: [0], width: 160 }], why: 'a short crop alone is padded to 160 px' },
    { scaled: [200], lines: [{ members: [0], at: [0], width: 232 }], why: 'a long crop alone, with 32 px of grey after it' },
    {
      scaled: [40, 30, 60],
      lines: [{ members: [0, 1, 2], at: [0, 72, 136], width: 232 }],
      why: 'short crops share a line, 32 px of grey between, each at a whole step'
    },
    {
      scaled: [40, 300, 30],
      lines: [
        { members: [0, 2], at: [0, 72], width: 160 },
        { members: [1], at: [0], width: 336 }
      ],
      why: 'a long crop between them is read alone'
    },
    {
      scaled: [100, 100, 100],
      lines: [
        { members: [0, 1], at: [0, 136], width: 272 },
        { members: [2], at: [0], width: 160 }
      ],
      why: 'a shared line is at most 320 px'
    }
  ])('$why', ({ scaled, lines }) => {
    expect(recLines(scaled)).toEqual(lines)
  })

  it('places every crop once, apart from the others, inside its line', () => {
    const random = seeded(11)
    for (let run = 0; run < 50; run++) {
      const scaled = Array.from({ length: random.int(0, 60) }, () => random.int(8, 400))
      const lines = recLines(scaled)
      expect(lines.flatMap((l) => l.members).sort((a, b) => a - b)).toEqual(scaled.map((_, i) => i))
      for (const l of lines) {
        expect(l.width % 8).toBe(0)
        l.members.forEach((i, j) => {
          expect(l.at[j] % 8).toBe(0)
          expect(l.at[j] + scaled[i] + 32).toBeLessThanOrEqual(l.width)
          if (j) expect(l.at[j] - (l.at[j - 1] + scaled[l.members[j - 1]])).toBeGreaterThanOrEqual(32)
        })
        if (l.members.length > 1) expect(l.width).toBeLessThanOrEqual(320)
      }
    }
  })
})

describe('memberSteps', () => {
  it('gives each crop the steps from the middle of the grey before it to the middle of the grey after it', () => {
    const scaled = [40, 30, 60]
    const [line] = recLines(scaled)
    // crops at 0–40, 72–102, 136–196 px; the line 232 px = 29 steps
    expect(memberSteps(line, scaled, 29)).toEqual([
      [0, 7],
      [7, 15],
      [15, 29]
    ])
  })
})

describe('compactScores', () => {
  it("keeps each row's four best classes, best first, and the candidates' scores", () => {
    const scores = Float32Array.from([0.1, 0.5, 0.05, 0.2, 0.15, 0, 0.7, 0.1, 0, 0.2, 0, 0])
    const { topScores, topClasses, candidateScores } = compactScores(scores, 2, 6, [0, 3])
    expect([...topClasses]).toEqual([1, 3, 4, 0, 0, 3, 1, 2])
    expect([...topScores].map((p) => Math.round(p * 100))).toEqual([50, 20, 15, 10, 70, 20, 10, 0])
    expect([...candidateScores].map((p) => Math.round(p * 100))).toEqual([10, 20, 70, 20])
  })
})

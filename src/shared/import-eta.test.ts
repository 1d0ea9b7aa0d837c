import { describe, expect, it } from 'vitest'
import { etaText, remainingSeconds, type EtaFile } from './import-eta'

const text = (finished: boolean): EtaFile => ({ cost: 0.2, finished })
const scan = (pagesDone?: number, pagesTotal?: number, finished = false): EtaFile => ({ cost: 24.5, finished, pagesDone, pagesTotal })

describe('the time an import still needs', () => {
  it.each([
    ['nothing done yet', [text(false), scan()], 10_000, null],
    ['too early to say', [text(true), scan()], 1_000, null],
    // 0.2 of 24.7 done in 4 s: 24.5 left at that pace
    ['text done, scan waiting', [text(true), scan()], 4_000, 490],
    // the scan announced 2 pages and read 1: 6.2 of 12.7 done in 10 s
    ['half the scan read', [text(true), scan(1, 2)], 10_000, 10.48],
    ['all finished', [text(true), scan(2, 2, true)], 10_000, 0]
  ])('%s', (_what, files, elapsed, expected) => {
    const seconds = remainingSeconds(files as EtaFile[], elapsed as number)
    if (expected === null) expect(seconds).toBeNull()
    else expect(seconds).toBeCloseTo(expected as number, 1)
  })

  it('holds steady as quick files give way to scans at a constant pace of work', () => {
    // 90 text files and 10 four-page scans, done in cost order at one unit of work per second.
    const files: EtaFile[] = [...Array.from({ length: 90 }, () => text(false)), ...Array.from({ length: 10 }, () => scan())]
    const total = 90 * 0.2 + 10 * 24.5
    let t = 0
    const estimates: number[] = []
    for (const f of files) {
      t += f.cost
      f.finished = true
      const left = remainingSeconds(files, t * 1000)
      if (left !== null) estimates.push(t + left)
    }
    for (const e of estimates) expect(e).toBeCloseTo(total, 5)
  })

  it.each([
    [4, '不到 10 秒'],
    [42, '约 40 秒'],
    [125, '约 2 分 10 秒'],
    [179, '约 3 分钟'],
    [3 * 3600 + 125, '约 3 小时 2 分']
  ])('%i s reads %s', (seconds, words) => {
    expect(etaText(seconds)).toBe(words)
  })
})

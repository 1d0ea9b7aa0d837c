import { describe, expect, it } from 'vitest'
import { refusedReportUnread, refusedUnread } from './import-limits'

const MB = 1024 * 1024

describe('refusedUnread (files are refused by size before they are read)', () => {
  it.each([
    [0, null],
    [100 * MB, null],
    [100 * MB + 1, /文件超过 100 MB.*（100 MB）/],
    [200 * MB, /文件超过 100 MB.*（200 MB）/]
  ])('%d bytes → %s', (size, expected) => {
    const reason = refusedUnread({ size })
    if (expected === null) expect(reason).toBeNull()
    else expect(reason).toMatch(expected)
  })
})

describe('refusedReportUnread (a report with the files beside it, by their sizes together)', () => {
  it.each([
    [[1 * MB], null],
    [[1 * MB, 99 * MB, 99 * MB], null],
    [[1 * MB, ...Array(5).fill(99 * MB)], /合计超过一份报告的上限 200 MB.*（496 MB）/],
    [[1 * MB, ...Array(20).fill(99 * MB)], /合计超过一份报告的上限 200 MB.*（1981 MB）/],
    [[1 * MB, 101 * MB], /文件超过 100 MB.*（101 MB）/]
  ])('%j → %s', (sizes, expected) => {
    const reason = refusedReportUnread(sizes.map((size) => ({ size })))
    if (expected === null) expect(reason).toBeNull()
    else expect(reason).toMatch(expected)
  })
})

import { describe, expect, it } from 'vitest'
import { refusedUnread } from './import-limits'

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

import { describe, expect, it } from 'vitest'
import { duplicateBadge } from './duplicate-badge'

describe('duplicateBadge', () => {
  it.each([
    ['no near-duplicate', { nearDuplicates: [] }, null, undefined],
    ['a list row without the field', {}, null, undefined],
    ['one unsettled near-duplicate', { nearDuplicates: [4], sameReports: [] }, 'suspect', '另有 1 份'],
    ['the pair recorded as the same report', { nearDuplicates: [4], sameReports: [4] }, 'same', '#4'],
    ['one of two settled: still a question about the other', { nearDuplicates: [4, 7], sameReports: [4] }, 'suspect', '另有 1 份'],
    ['a recorded pair no longer alike (agency corrected since)', { nearDuplicates: [], sameReports: [4] }, null, undefined]
  ])('%s', (_, row, kind, titlePart) => {
    const badge = duplicateBadge(row)
    expect(badge?.kind ?? null).toBe(kind)
    if (titlePart) expect(badge?.title).toContain(titlePart)
  })
})

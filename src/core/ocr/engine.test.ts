import { describe, expect, it } from 'vitest'
import { ocrThreads } from './engine'

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

import { describe, expect, it } from 'vitest'
import type { ReportStatus } from '../../../shared/types'
import { stepFrom, type Step } from './browse'

const statuses = (entries: [number, ReportStatus][]): Map<number, ReportStatus> => new Map(entries)
const ALL = statuses([
  [5, 'pending'],
  [3, 'verified'],
  [8, 'problem'],
  [1, 'pending'],
  [2, 'verified']
])
const ORDER = [5, 3, 8, 1, 2]

describe('stepFrom', () => {
  const cases: [string, number[], number, Step, Map<number, ReportStatus>, number | null][] = [
    ['next is the adjacent row, whatever its status', ORDER, 5, 'next', ALL, 3],
    ['previous is the row above', ORDER, 8, 'previous', ALL, 3],
    ['no previous before the first row', ORDER, 5, 'previous', ALL, null],
    ['no next after the last row', ORDER, 2, 'next', ALL, null],
    ['the queue skips verified reports', ORDER, 5, 'queue', ALL, 8],
    ['the queue goes on from the top once past the end', ORDER, 1, 'queue', ALL, 5],
    [
      'the queue ends when nothing else needs work',
      ORDER,
      5,
      'queue',
      statuses([
        [5, 'verified'],
        [3, 'verified']
      ]),
      null
    ],
    [
      'a report verified meanwhile is passed over',
      ORDER,
      5,
      'queue',
      statuses([
        [5, 'verified'],
        [3, 'verified'],
        [8, 'verified'],
        [1, 'problem']
      ]),
      1
    ],
    [
      'a report no longer listed is passed over by next',
      ORDER,
      5,
      'next',
      statuses([
        [5, 'pending'],
        [8, 'pending']
      ]),
      8
    ],
    ['a report opened from outside the list starts at the top', ORDER, 99, 'next', ALL, 5],
    ['…and its queue is the first needing work', ORDER, 99, 'queue', ALL, 5]
  ]
  it.each(cases)('%s', (_name, order, current, step, now, expected) => {
    expect(stepFrom(order, current, step, now)).toBe(expected)
  })
})

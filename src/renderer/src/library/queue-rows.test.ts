import { describe, expect, it } from 'vitest'
import { QUEUE_ROWS_SHOWN, queueRows } from './queue-rows'
import type { QueueItem, QueueStatus } from './queue-item'

const item = (id: number, status: QueueStatus): QueueItem => ({ id, name: `r${id}.txt`, fileName: `r${id}.txt`, status, cost: 0.2 })

/** A province's drop under way: 1,000 files, two being read, three failed, the rest waiting or in. */
function drop(): QueueItem[] {
  return Array.from({ length: 1000 }, (_, i) => item(i + 1, i === 500 || i === 900 ? 'importing' : i % 300 === 7 ? 'failed' : i < 400 ? 'imported' : 'waiting'))
}

describe('the rows the import queue renders', () => {
  it.each([
    // [limit, only failed, rows rendered, left out, first rows' ids]
    [QUEUE_ROWS_SHOWN, false, 100, 900, [501, 901, 8, 308, 608, 908]],
    [200, false, 200, 800, [501, 901, 8]],
    [QUEUE_ROWS_SHOWN, true, 4, 0, [8, 308, 608, 908]],
    [5000, false, 1000, 0, [501, 901]]
  ])('limit %i, only failed %s: %i rows, %i left out', (limit, onlyFailed, rendered, hidden, first) => {
    const { rows, hidden: left } = queueRows(drop(), { limit, onlyFailed })
    expect(rows).toHaveLength(rendered)
    expect(left).toBe(hidden)
    expect(rows.slice(0, first.length).map((r) => r.id)).toEqual(first)
  })

  it('renders the files being read and the failures before those waiting or done, each kind in drop order', () => {
    const { rows } = queueRows([item(1, 'imported'), item(2, 'waiting'), item(3, 'failed'), item(4, 'importing'), item(5, 'duplicate'), item(6, 'failed')])
    expect(rows.map((r) => r.id)).toEqual([4, 3, 6, 5, 2, 1])
  })
})

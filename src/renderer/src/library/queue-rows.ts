// Which rows the import queue renders. A province's drop is a thousand rows, rewritten each time main
// says how far the files got (every 0.7 s) and each second for the time left: rendering every one of
// them each time would keep the window busy for nothing, since the box shows about seven. The rows
// that need a person come first (being read, failed), and a bounded number of them is rendered; the
// rest are counted and shown on request.

import type { QueueItem, QueueStatus } from './queue-item'

/** Rows rendered at first, and added by each 再显示 click. */
export const QUEUE_ROWS_SHOWN = 100

/** What the list shows first: the files being read now, then the failures; those done well last. */
const ORDER: Record<QueueStatus, number> = { importing: 0, failed: 1, duplicate: 2, waiting: 3, imported: 4, cancelled: 5 }

/** The rows to render (at most `limit`, in ORDER, equal ones in drop order) and how many are left out. */
export function queueRows(
  items: QueueItem[],
  { onlyFailed = false, limit = QUEUE_ROWS_SHOWN }: { onlyFailed?: boolean; limit?: number } = {}
): {
  rows: QueueItem[]
  hidden: number
} {
  const chosen = (onlyFailed ? items.filter((i) => i.status === 'failed') : items)
    .map((item, at) => ({ item, at }))
    .sort((a, b) => ORDER[a.item.status] - ORDER[b.item.status] || a.at - b.at)
    .map(({ item }) => item)
  return { rows: chosen.slice(0, Math.max(0, limit)), hidden: Math.max(0, chosen.length - Math.max(0, limit)) }
}

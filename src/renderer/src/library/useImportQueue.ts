// The import queue: files go to main a few at a time, so progress moves and the window
// stays responsive even for hundreds of files. Files added while it runs join the queue.

import { useCallback, useRef, useState } from 'react'
import { readFiles } from '../files'
import { refusedUnread } from '../import-limits'

export type QueueStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed'

export interface QueueItem {
  id: number
  name: string
  status: QueueStatus
  error?: string
  warnings?: string[]
}

const BATCH = 5

export type ImportQueueState = ReturnType<typeof useImportQueue>

/** Lives in App, above the screens: an import carries on, and stays visible, while a report is open. */
export function useImportQueue(onBatchDone: () => void) {
  const [items, setItems] = useState<QueueItem[]>([])
  const [skipped, setSkipped] = useState(0)
  const pending = useRef<{ id: number; file: File }[]>([])
  const running = useRef(false)
  const nextId = useRef(1)

  const patch = (ids: number[], change: (item: QueueItem, i: number) => Partial<QueueItem>): void =>
    setItems((all) => all.map((it) => (ids.includes(it.id) ? { ...it, ...change(it, ids.indexOf(it.id)) } : it)))

  const run = useCallback(async () => {
    if (running.current) return
    running.current = true
    while (pending.current.length > 0) {
      const taken = pending.current.splice(0, BATCH)
      for (const t of taken) {
        const refused = refusedUnread(t.file)
        if (refused) patch([t.id], () => ({ status: 'failed', error: refused }))
      }
      const batch = taken.filter((t) => refusedUnread(t.file) === null)
      if (batch.length === 0) continue
      const ids = batch.map((b) => b.id)
      patch(ids, () => ({ status: 'importing' }))
      try {
        const outcomes = await window.api.importFiles({ files: await readFiles(batch.map((b) => b.file)) })
        patch(ids, (_it, i) => {
          const o = outcomes[i]
          if (!o) return { status: 'failed', error: '没有收到导入结果' }
          if (o.status === 'failed') return { status: 'failed', error: o.error }
          return { status: o.status, warnings: o.status === 'imported' ? o.warnings : undefined }
        })
      } catch (e) {
        patch(ids, () => ({ status: 'failed', error: (e as Error).message }))
      }
      onBatchDone()
    }
    running.current = false
  }, [onBatchDone])

  const add = useCallback(
    (files: File[], skippedCount = 0) => {
      const added = files.map((file) => ({ id: nextId.current++, file }))
      const fresh = added.map((a) => ({ id: a.id, name: a.file.name, status: 'waiting' as const }))
      // A drop after the last import finished starts a new list; during an import it joins the queue.
      const idle = !running.current && pending.current.length === 0
      setSkipped((n) => (idle ? skippedCount : n + skippedCount))
      setItems((all) => (idle ? fresh : [...all, ...fresh]))
      pending.current.push(...added)
      void run()
    },
    [run]
  )

  const clear = useCallback(() => {
    setItems((all) => all.filter((i) => i.status === 'waiting' || i.status === 'importing'))
    setSkipped(0)
  }, [])

  return { items, skipped, add, clear, busy: items.some((i) => i.status === 'waiting' || i.status === 'importing') }
}

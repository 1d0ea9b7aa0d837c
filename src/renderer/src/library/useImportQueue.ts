// The import queue: files go to main a few at a time, so progress moves and the window
// stays responsive even for hundreds of files. Files added while it runs join the queue.

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportProgress } from '../../../shared/types'
import { diskCheck, leftOutWarning, readReport, reportsOf, type DroppedFile } from '../files'
import type { DroppedReport } from '../../../core/ingest/images/group'
import { refusedReportUnread } from '../import-limits'

export type QueueStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed'

export interface QueueItem {
  id: number
  name: string
  /** The main file's name (OCR progress names it). */
  fileName: string
  status: QueueStatus
  error?: string
  warnings?: string[]
  /** Imported, but the library already held reports of the same agency, year and template. */
  reportId?: number
  nearDuplicates?: number[]
}

const BATCH = 5
/** How often the queue asks how far OCR got while a file is being read. */
const OCR_POLL_MS = 700

export type ImportQueueState = ReturnType<typeof useImportQueue>

/** Lives in App, above the screens: an import carries on, and stays visible, while a report is open. */
export function useImportQueue(onBatchDone: () => void) {
  const [items, setItems] = useState<QueueItem[]>([])
  const [skipped, setSkipped] = useState(0)
  const pending = useRef<{ id: number; report: DroppedReport<DroppedFile> }[]>([])
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
        const refused = refusedReport(t.report)
        if (refused) patch([t.id], () => ({ status: 'failed', error: refused }))
      }
      const batch = taken.filter((t) => refusedReport(t.report) === null)
      if (batch.length === 0) continue
      const ids = batch.map((b) => b.id)
      patch(ids, () => ({ status: 'importing' }))
      try {
        const files = []
        const leftOut: (string | null)[] = []
        const check = diskCheck()
        for (const b of batch) {
          const read = await readReport(b.report, check)
          files.push(read.payload)
          leftOut.push(leftOutWarning(read.leftOut))
        }
        const outcomes = await window.api.importFiles({ files })
        patch(ids, (_it, i) => {
          const o = outcomes[i]
          if (!o) return { status: 'failed', error: '没有收到导入结果' }
          if (o.status === 'failed') return { status: 'failed', error: o.error }
          if (o.status === 'duplicate') return { status: o.status, reportId: o.reportId }
          const warnings = leftOut[i] ? [leftOut[i]!, ...(o.warnings ?? [])] : o.warnings
          return { status: o.status, reportId: o.reportId, warnings, nearDuplicates: o.nearDuplicates }
        })
      } catch (e) {
        patch(ids, () => ({ status: 'failed', error: (e as Error).message }))
      }
      onBatchDone()
    }
    running.current = false
  }, [onBatchDone])

  const add = useCallback(
    (files: DroppedFile[], skippedCount = 0) => {
      const added = reportsOf(files).map((report) => ({ id: nextId.current++, report }))
      const fresh = added.map((a) => ({ id: a.id, name: queueName(a.report), fileName: a.report.main.name, status: 'waiting' as const }))
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

  const busy = items.some((i) => i.status === 'waiting' || i.status === 'importing')
  const ocr = useOcrProgress(busy)
  return { items, skipped, add, clear, busy, ocr }
}

/** Why a report is refused before any of its files is read (one of them is too large), or null. */
function refusedReport(report: DroppedReport<DroppedFile>): string | null {
  return refusedReportUnread([report.main, ...report.attachments].map((d) => d.file))
}

/** A report's line in the queue: its main file, and how many files came with it. */
function queueName(report: DroppedReport<DroppedFile>): string {
  const n = report.attachments.length
  return n === 0 ? report.main.name : `${report.main.name}（连同 ${n} 个附带文件）`
}

/** While an import runs: which file OCR is reading and how many of its page images are done. */
function useOcrProgress(busy: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  useEffect(() => {
    if (!busy) {
      setProgress(null)
      return
    }
    let alive = true
    const timer = window.setInterval(() => {
      window.api.importProgress({}).then(
        (p) => alive && setProgress(p),
        () => {} // a failed poll only skips one tick
      )
    }, OCR_POLL_MS)
    return () => {
      alive = false
      window.clearInterval(timer)
    }
  }, [busy])
  return progress
}

// The import queue: every dropped report is a row at once (排队中), and goes to main on its own, the
// quick ones first (ordered by name and size before any byte is read; main refines the order from the
// bytes and runs several files at once). A report lands in the library the moment it is read, so the
// list fills from the first second while scans are still being read. A few reports travel at a time,
// enough to keep main's lanes busy without holding a whole province's bytes in memory. Files added
// while it runs join the queue; 取消 drops what has not landed.

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportOutcome, ImportProgress } from '../../../shared/types'
import { diskCheck, leftOutWarning, readReport, reportsOf, type DroppedFile } from '../files'
import { isPictureName, type DroppedReport } from '../../../core/ingest/images/group'
import { costByName } from '../../../core/ingest/cost-by-name'
import { remainingSeconds } from '../../../shared/import-eta'
import { refusedReportUnread } from '../import-limits'

export type { QueueItem, QueueStatus } from './queue-item'
import type { QueueItem, QueueStatus } from './queue-item'

/** Reports in main at once (queued there or being read): several per lane, bounded in bytes too. */
const IN_FLIGHT = 12
const IN_FLIGHT_BYTES = 256 * 1024 * 1024
/** How often the queue asks main how far each file got. */
const POLL_MS = 700
/** The list is reloaded at most this often while reports land. */
const LANDED_THROTTLE_MS = 500

export type ImportQueueState = ReturnType<typeof useImportQueue>

interface Pending {
  id: number
  report: DroppedReport<DroppedFile>
  cost: number
  bytes: number
}

export const finished = (s: QueueStatus): boolean => s !== 'waiting' && s !== 'importing'

/** Lives in App, above the screens: an import carries on, and stays visible, while a report is open. */
export function useImportQueue(onLanded: () => void) {
  const [items, setItems] = useState<QueueItem[]>([])
  const [skipped, setSkipped] = useState(0)
  const [startedAt, setStartedAt] = useState<number | null>(null)
  const pending = useRef<Pending[]>([])
  const inFlight = useRef(new Map<number, number>())
  const nextId = useRef(1)
  const landedTimer = useRef<number | null>(null)

  const patch = (ids: number[], change: (item: QueueItem) => Partial<QueueItem>): void =>
    setItems((all) => all.map((it) => (ids.includes(it.id) ? { ...it, ...change(it) } : it)))

  /** The list reloads once for reports landing close together. */
  const landed = useCallback(() => {
    if (landedTimer.current !== null) return
    landedTimer.current = window.setTimeout(() => {
      landedTimer.current = null
      onLanded()
    }, LANDED_THROTTLE_MS)
  }, [onLanded])

  const send = useCallback(
    async (p: Pending): Promise<void> => {
      try {
        const read = await readReport(p.report, diskCheck())
        const [o] = await window.api.importFiles({ files: [read.payload], tickets: [String(p.id)] })
        const leftOut = leftOutWarning(read.leftOut)
        patch([p.id], () => outcomeChange(o, leftOut))
        if (o?.status === 'imported') landed()
      } catch (e) {
        patch([p.id], () => ({ status: 'failed', error: (e as Error).message }))
      }
    },
    [landed]
  )

  const pump = useCallback((): void => {
    let bytes = [...inFlight.current.values()].reduce((n, b) => n + b, 0)
    while (pending.current.length > 0 && inFlight.current.size < IN_FLIGHT) {
      const next = pending.current[0]
      // One report larger than the byte budget still goes, alone.
      if (inFlight.current.size > 0 && bytes + next.bytes > IN_FLIGHT_BYTES) break
      pending.current.shift()
      inFlight.current.set(next.id, next.bytes)
      bytes += next.bytes
      void send(next).finally(() => {
        inFlight.current.delete(next.id)
        pump()
      })
    }
  }, [send])

  const add = useCallback(
    (files: DroppedFile[], skippedCount = 0) => {
      const idle = pending.current.length === 0 && inFlight.current.size === 0
      const added: Pending[] = []
      const rows: QueueItem[] = []
      for (const report of reportsOf(files)) {
        const all = [report.main, ...report.attachments]
        const pictures = report.attachments.filter((a) => isPictureName(a.name)).length
        const id = nextId.current++
        const cost = costByName(report.main.name, report.main.file.size, pictures).cost
        // Refused before any of its files is read (one of them is too large).
        const why = refusedReportUnread(all.map((d) => d.file))
        rows.push({ id, name: queueName(report), fileName: report.main.name, cost, ...(why ? { status: 'failed', error: why } : { status: 'waiting' }) })
        if (!why) added.push({ id, report, cost, bytes: all.reduce((n, d) => n + d.file.size, 0) })
      }
      // A drop after the last import finished starts a new list; during an import it joins the queue.
      setSkipped((n) => (idle ? skippedCount : n + skippedCount))
      setItems((all) => (idle ? rows : [...all, ...rows]))
      if (idle) setStartedAt(Date.now())
      // Quick reports first, whenever they were dropped; equal costs keep the drop's order.
      pending.current = [...pending.current, ...added].sort((a, b) => a.cost - b.cost || a.id - b.id)
      pump()
    },
    [pump]
  )

  /** 取消: reports not yet sent are dropped here, those in main are withdrawn there; what landed stays. */
  const cancel = useCallback(async () => {
    const dropped = pending.current.map((p) => p.id)
    pending.current = []
    patch(dropped, () => ({ status: 'cancelled' }))
    const tickets = [...inFlight.current.keys()].map(String)
    if (tickets.length) await window.api.cancelImport({ tickets })
  }, [])

  const clear = useCallback(() => {
    setItems((all) => all.filter((i) => !finished(i.status)))
    setSkipped(0)
  }, [])

  const busy = items.some((i) => !finished(i.status))
  useProgress(busy, setItems)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!busy) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [busy])
  const eta =
    busy && startedAt !== null
      ? remainingSeconds(
          items.map((i) => ({ cost: i.cost, finished: finished(i.status), pagesDone: i.pages?.done, pagesTotal: i.pages?.total })),
          now - startedAt
        )
      : null
  return { items, skipped, add, clear, cancel, busy, eta }
}

function outcomeChange(o: ImportOutcome | undefined, leftOut: string | null): Partial<QueueItem> {
  if (!o) return { status: 'failed', error: '没有收到导入结果' }
  if (o.status === 'failed') return { status: 'failed', error: o.error }
  if (o.status === 'cancelled') return { status: 'cancelled' }
  if (o.status === 'duplicate') return { status: o.status, reportId: o.reportId }
  const warnings = leftOut ? [leftOut, ...(o.warnings ?? [])] : o.warnings
  return { status: o.status, reportId: o.reportId, warnings, nearDuplicates: o.nearDuplicates }
}

/** A report's line in the queue: its main file, and how many files came with it. */
function queueName(report: DroppedReport<DroppedFile>): string {
  const n = report.attachments.length
  return n === 0 ? report.main.name : `${report.main.name}（连同 ${n} 个附带文件）`
}

/** While an import runs: which files main is reading (and how far OCR got in each), which still wait. */
function useProgress(busy: boolean, setItems: (change: (all: QueueItem[]) => QueueItem[]) => void): void {
  useEffect(() => {
    if (!busy) return
    let alive = true
    const timer = window.setInterval(() => {
      window.api.importProgress({}).then(
        (files) => alive && setItems((all) => withProgress(all, files)),
        () => {} // a failed poll only skips one tick
      )
    }, POLL_MS)
    return () => {
      alive = false
      window.clearInterval(timer)
    }
  }, [busy, setItems])
}

function withProgress(items: QueueItem[], files: ImportProgress[]): QueueItem[] {
  const byTicket = new Map(files.map((f) => [f.ticket, f]))
  return items.map((it) => {
    const p = byTicket.get(String(it.id))
    if (!p || finished(it.status)) return it
    const status: QueueStatus = p.state === 'reading' ? 'importing' : 'waiting'
    const pages = p.total > 0 ? { done: p.done, total: p.total } : undefined
    if (status === it.status && pages?.done === it.pages?.done && pages?.total === it.pages?.total) return it
    return { ...it, status, pages }
  })
}

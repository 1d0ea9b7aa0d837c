// The review screen's state: the report, its source, and every change sent to main one after another
// (edits are shown at once, then replaced by main's answer with the re-run findings).

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReportDetail, ReviewCell, SourceView } from '../../../shared/types'
import { dropChanges, EMPTY_STACKS, recordStep, takeRedo, takeUndo, type UndoStacks } from './history'
import type { CellChange } from './paste'

/** A value the library refused (not a number, negative…): shown at its cell until the next action. */
export interface Refusal {
  key: string
  text: string
  message: string
}

export interface ReviewState {
  detail: ReportDetail | null
  refused: Refusal[]
  source: SourceView | null
  error: string | null
  saving: boolean
  canUndo: boolean
  canRedo: boolean
  clearError: () => void
  edit: (edits: { key: string; value: string }[], reason?: string) => void
  undo: () => void
  redo: () => void
  /** Runs a call that returns the new report (accept, verify, meta); errors show in the banner. */
  update: (call: () => Promise<ReportDetail>) => Promise<boolean>
  reload: () => Promise<void>
}

/** A first guess at the number, shown until main's answer (which parses it for real) arrives. */
function looksNumeric(raw: string): number | null {
  const t = raw
    .normalize('NFKC')
    .replace(/[,\s]/g, '')
    .replace(/[件个次条份项人家起篇元万]+$/, '')
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null
}

/** The library's refusals of a typed value carry an edit.* code; anything else is a failure to save. */
function refusalOf(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('edit.') ? (e as Error).message : null
}

function withCell(detail: ReportDetail, key: string, raw: string): ReportDetail {
  const old: ReviewCell = detail.cells[key] ?? { key, value: null, raw: '', review: false, corrected: false, edits: 0 }
  const cell: ReviewCell = { ...old, raw, value: looksNumeric(raw), corrected: true }
  return { ...detail, cells: { ...detail.cells, [key]: cell } }
}

export function useReview(reportId: number): ReviewState {
  const [detail, setDetail] = useState<ReportDetail | null>(null)
  const [source, setSource] = useState<SourceView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [refused, setRefused] = useState<Refusal[]>([])
  const [pending, setPending] = useState(0)
  const [stacks, setStacks] = useState<UndoStacks>(EMPTY_STACKS)
  const stacksRef = useRef(stacks)
  stacksRef.current = stacks
  const detailRef = useRef(detail)
  detailRef.current = detail
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  const reload = useCallback(async () => {
    try {
      const [d, s] = await Promise.all([window.api.getReport({ reportId }), window.api.getSource({ reportId })])
      setDetail(d)
      setSource(s)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [reportId])

  useEffect(() => {
    setStacks(EMPTY_STACKS)
    void reload()
  }, [reload])

  /** Queues work so main sees changes in the order they were made. */
  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    setPending((n) => n + 1)
    const run = queue.current.then(work, work)
    queue.current = run.catch(() => undefined)
    return run.finally(() => setPending((n) => n - 1))
  }, [])

  /** Saves changes one by one; a value the library refuses is reported at its cell and the others still saved. Resolves to the refused keys. */
  const apply = useCallback(
    (changes: CellChange[], reason?: string): Promise<string[]> => {
      setRefused([])
      setDetail((d) => changes.reduce((acc, c) => (acc ? withCell(acc, c.key, c.after) : acc), d))
      return enqueue(async () => {
        const refusals: Refusal[] = []
        for (const [i, c] of changes.entries()) {
          try {
            const saved = await window.api.editCell({ reportId, key: c.key, raw: c.after, ...(reason ? { reason } : {}) })
            // Main's answer, with the changes not saved yet still shown (no flicker while a paste is saved).
            setDetail(changes.slice(i + 1).reduce((acc, rest) => withCell(acc, rest.key, rest.after), saved))
          } catch (e) {
            const message = refusalOf(e)
            if (message === null) throw e
            refusals.push({ key: c.key, text: c.after, message })
          }
        }
        if (refusals.length) {
          setRefused(refusals)
          await reload()
        }
        return refusals.map((r) => r.key)
      }).catch(async (e) => {
        // Reloaded to show what is saved; the failure to save is what the banner says, even if the reload fails too.
        await reload()
        setError(`保存失败：${(e as Error).message}`)
        return []
      })
    },
    [enqueue, reload, reportId]
  )

  const edit = useCallback(
    (edits: { key: string; value: string }[], reason?: string) => {
      const current = detailRef.current
      if (!current) return
      const changes = edits.map((e) => ({ key: e.key, before: current.cells[e.key]?.raw ?? '', after: e.value })).filter((c) => c.before !== c.after)
      if (changes.length === 0) return
      setStacks((s) => recordStep(s, changes))
      // A refused value changed nothing: it must not be a step Ctrl+Z "undoes" (it would seem to do nothing).
      void apply(changes, reason).then((refusedKeys) => {
        if (refusedKeys.length) setStacks((s) => dropChanges(s, changes, refusedKeys))
      })
    },
    [apply]
  )

  const undo = useCallback(() => {
    const step = takeUndo(stacksRef.current)
    if (!step) return
    setStacks(step.stacks)
    void apply(step.apply, '撤销')
  }, [apply])

  const redo = useCallback(() => {
    const step = takeRedo(stacksRef.current)
    if (!step) return
    setStacks(step.stacks)
    void apply(step.apply, '重做')
  }, [apply])

  const update = useCallback(
    async (call: () => Promise<ReportDetail>) => {
      setRefused([])
      try {
        setDetail(await enqueue(call))
        // The act went through: a refusal shown before (还不能标记为已核验…) no longer holds.
        setError(null)
        return true
      } catch (e) {
        setError((e as Error).message)
        return false
      }
    },
    [enqueue]
  )

  return {
    detail,
    refused,
    source,
    error,
    saving: pending > 0,
    canUndo: stacks.undo.length > 0,
    canRedo: stacks.redo.length > 0,
    clearError: () => {
      setError(null)
      setRefused([])
    },
    edit,
    undo,
    redo,
    update,
    reload
  }
}

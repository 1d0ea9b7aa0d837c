// Runs extraction in a worker thread with a time and a memory limit per file. A file that takes
// too long or too much memory is abandoned (the worker is terminated and replaced); it fails alone
// with a clear message, and the app carries on.

import { Worker } from 'node:worker_threads'
import type { ExtractedFile, Extractor } from '../library/library'
import type { ReportJson } from '../core/report'
import type { Result } from '../core/messages'
import type { FilePayload } from '../shared/contract'

export const EXTRACTION_TIMEOUT_MS = 60_000
/** The worker's heap: several times what the largest real report needs, far below the machine's. */
export const EXTRACTION_HEAP_MB = 1536

type Extracted = Result<ReportJson | ExtractedFile | null>

interface Pending {
  id: number
  file: FilePayload
  resolve: (r: Extracted) => void
}

export interface WorkerExtractor {
  extract: Extractor
  close(): Promise<void>
  /** The OCR progress of the file being extracted; null when none is being read by OCR. */
  progress(): ExtractionProgress | null
}

export interface WorkerOptions {
  timeoutMs?: number
  heapMb?: number
}

/** The file being read by OCR and how far it got, for the import queue. */
export interface ExtractionProgress {
  name: string
  done: number
  total: number
  origin: string
}

export function createWorkerExtractor(workerPath: string, { timeoutMs = EXTRACTION_TIMEOUT_MS, heapMb = EXTRACTION_HEAP_MB }: WorkerOptions = {}): WorkerExtractor {
  let worker: Worker | null = null
  let nextId = 1
  const queue: Pending[] = []
  let current: Pending | null = null
  let timer: NodeJS.Timeout | null = null
  let latest: ExtractionProgress | null = null

  function spawn(): Worker {
    const w = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
    w.on('message', (msg: { id: number; result?: Extracted; progress?: unknown }) => {
      if (!current || msg.id !== current.id) return
      // a page of a scan read by OCR: the limit starts again for the next page
      if (msg.progress) {
        startTimer(current)
        const p = msg.progress as Omit<ExtractionProgress, 'name'>
        latest = { name: current.file.name, done: p.done, total: p.total, origin: p.origin }
      } else if (msg.result) finish(msg.result)
    })
    w.on('error', (e: Error & { code?: string }) => {
      worker = null
      if (!current) return
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(failure('extract.memory', '文件过大或结构异常，解析所需内存超出上限，已放弃该文件', 'Extraction ran out of memory'))
      } else finish(failure('extract.crash', `解析进程出错：${e.message}`, `Extraction worker failed: ${e.message}`))
    })
    w.on('exit', () => {
      if (worker === w) worker = null
    })
    return w
  }

  function finish(result: Extracted): void {
    if (timer) clearTimeout(timer)
    timer = null
    latest = null
    const done = current
    current = null
    done?.resolve(result)
    pump()
  }

  function pump(): void {
    if (current || queue.length === 0) return
    current = queue.shift()!
    worker ??= spawn()
    const job = current
    startTimer(job)
    worker.postMessage({ id: job.id, file: job.file })
  }

  function startTimer(job: Pending): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      const w = worker
      worker = null
      void w?.terminate()
      if (current === job) {
        finish(
          failure(
            'extract.timeout',
            `解析超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已放弃该文件`,
            `Extraction timed out after ${Math.round(timeoutMs / 1000)} s`
          )
        )
      }
    }, timeoutMs)
  }

  return {
    extract: (file) =>
      new Promise((resolve) => {
        queue.push({ id: nextId++, file, resolve })
        pump()
      }),
    progress: () => latest,
    close: async () => {
      if (timer) clearTimeout(timer)
      await worker?.terminate()
      worker = null
    }
  }
}

function failure(code: string, zh: string, en: string): Extracted {
  return { value: null, messages: [{ type: 'error', code, message: zh, messageEn: en }] }
}

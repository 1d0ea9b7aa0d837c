// Runs extraction in a worker thread with a time limit per file. A file that takes too long is
// abandoned (the worker is terminated and replaced); it fails alone with a clear message.

import { Worker } from 'node:worker_threads'
import type { Extractor } from '../library/library'
import type { ReportJson } from '../core/report'
import type { Result } from '../core/messages'
import type { FilePayload } from '../shared/contract'

export const EXTRACTION_TIMEOUT_MS = 60_000

interface Pending {
  id: number
  file: FilePayload
  resolve: (r: Result<ReportJson | null>) => void
}

export interface WorkerExtractor {
  extract: Extractor
  close(): Promise<void>
}

export function createWorkerExtractor(workerPath: string, timeoutMs = EXTRACTION_TIMEOUT_MS): WorkerExtractor {
  let worker: Worker | null = null
  let nextId = 1
  const queue: Pending[] = []
  let current: Pending | null = null
  let timer: NodeJS.Timeout | null = null

  function spawn(): Worker {
    const w = new Worker(workerPath)
    w.on('message', (msg: { id: number; result: Result<ReportJson | null> }) => {
      if (current && msg.id === current.id) finish(msg.result)
    })
    w.on('error', (e) => {
      worker = null
      if (current) finish(failure('extract.crash', `解析进程出错：${e.message}`, `Extraction worker failed: ${e.message}`))
    })
    w.on('exit', () => {
      if (worker === w) worker = null
    })
    return w
  }

  function finish(result: Result<ReportJson | null>): void {
    if (timer) clearTimeout(timer)
    timer = null
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
    worker.postMessage({ id: job.id, file: job.file })
  }

  return {
    extract: (file) =>
      new Promise((resolve) => {
        queue.push({ id: nextId++, file, resolve })
        pump()
      }),
    close: async () => {
      if (timer) clearTimeout(timer)
      await worker?.terminate()
      worker = null
    }
  }
}

function failure(code: string, zh: string, en: string): Result<ReportJson | null> {
  return { value: null, messages: [{ type: 'error', code, message: zh, messageEn: en }] }
}

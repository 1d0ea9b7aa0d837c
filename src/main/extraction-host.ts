// The extraction host: runs requests (extract a file; later OCR a page) in a child process, one
// at a time, with a time limit per request and a heap limit per process. A child that dies —
// a fatal V8 error, out of memory, killed on timeout — fails the request in flight alone; the
// next request starts a fresh child. The process that owns the window or the command never runs
// the engine, so no input can take it down. Electron-free: the app passes a utility-process
// spawner (utility-spawner.ts), the command line and the tests a child_process.fork one.

import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { HostReply, HostRequest } from './host-protocol'
import type { ImportProgress } from '../shared/types'
import type { Extractor } from '../library/extractor'
import type { Message } from '../core/messages'

const execFileAsync = promisify(execFile)

export const EXTRACTION_TIMEOUT_MS = 60_000
/**
 * A file's whole budget grows by this for each page image OCR reads (on top of EXTRACTION_TIMEOUT_MS):
 * each page's clock restarts, so without it forty slow pages took minutes. As much as one page's own
 * limit (DEFAULT_PAGE_TIMEOUT_MS): a true 300 dpi page on a busy 2-core machine takes 30–40 s, and at
 * 20 s a page the budget ended a 4-page scan (shared s009) that every page's own limit allowed. Blank
 * pages are skipped before they count.
 */
export const EXTRACTION_BUDGET_PER_PAGE_MS = 45_000
/** The child's heap: several times what the largest real report needs, far below the machine's. */
export const EXTRACTION_HEAP_MB = 1536
/**
 * The child's whole resident memory (V8 heap, native buffers, decoded pictures, pdf.js and canvas
 * memory, the OCR engine): the heap limit bounds only the first, and a picture bomb lives in the
 * others. Sampled every EXTRACTION_RSS_SAMPLE_MS while a request runs; past it the child is ended.
 */
export const EXTRACTION_RSS_MB = 3072
export const EXTRACTION_RSS_SAMPLE_MS = 250

export interface ChildExit {
  code: number | null
  signal: string | null
}

/** One child process, as the host sees it. */
export interface HostChild {
  send(request: HostRequest): void
  onMessage(listener: (reply: HostReply) => void): void
  /** Called once when the process has ended (or could not start). */
  onExit(listener: (exit: ChildExit) => void): void
  kill(): void
  /** The end of what the child wrote to stderr: V8 says there why it aborted. */
  stderrTail(): string
  /** The process id, once started: its memory is sampled. */
  pid(): number | undefined
}

export type Spawner = () => HostChild

export type HostFailure =
  /** `limit`: which clock ended it — one step (an OCR page) or the file's whole budget (absent: the request's only clock). */
  | { kind: 'timeout'; seconds: number; limit?: 'step' | 'file'; steps?: number }
  /** The child's resident memory passed the ceiling and it was ended. */
  | { kind: 'rss'; megabytes: number; ceilingMb: number }
  | { kind: 'memory' | 'crash'; detail: string }
  /** The handler threw; the child lives on. */
  | { kind: 'error'; detail: string }
  | { kind: 'closed' }

export type HostOutcome = { ok: true; result: unknown } | { ok: false; failure: HostFailure }

export interface RequestOptions {
  timeoutMs?: number
  onProgress?: (progress: unknown) => void
  /** Each progress message restarts the clock: `timeoutMs` then bounds each step (an OCR page), not the whole. */
  timeoutPerStep?: boolean
  /**
   * With timeoutPerStep, the whole request's budget too: `baseMs` plus `perStepMs` for each step the
   * progress says there are (`{ total }`), so it grows with a file's real page count yet bounds it.
   */
  budget?: { baseMs: number; perStepMs: number }
}

export interface ExtractionHost {
  request(kind: string, payload: unknown, options?: RequestOptions): Promise<HostOutcome>
  /** Ends the child; requests still queued fail as closed. */
  close(): Promise<void>
}

interface Job {
  request: HostRequest
  options: RequestOptions
  resolve: (outcome: HostOutcome) => void
}

export interface HostLimits {
  timeoutMs?: number
  /** Resident memory of the child past which it is ended (MB). */
  rssCeilingMb?: number
  sampleMs?: number
  /** A process's resident memory in bytes, or null where it cannot be read. */
  rssOf?: (pid: number) => Promise<number | null>
}

export function createExtractionHost(spawn: Spawner, defaults: HostLimits = {}): ExtractionHost {
  let child: HostChild | null = null
  let nextId = 1
  const queue: Job[] = []
  let current: Job | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let sampler: ReturnType<typeof setInterval> | null = null
  let budgetTimer: ReturnType<typeof setTimeout> | null = null
  let started = 0
  let closed = false
  const ceilingMb = defaults.rssCeilingMb ?? EXTRACTION_RSS_MB
  const rssOf = defaults.rssOf ?? processRss

  /** Samples the child's resident memory while `job` runs; past the ceiling the child is ended and the job fails alone. */
  function watchMemory(job: Job): void {
    if (sampler) clearInterval(sampler)
    let sampling = false
    sampler = setInterval(() => {
      const c = child
      const pid = c?.pid()
      if (sampling || current !== job || !c || pid === undefined) return
      sampling = true
      void rssOf(pid)
        .then((bytes) => {
          if (bytes === null || current !== job || child !== c) return
          const megabytes = Math.round(bytes / 1024 / 1024)
          if (megabytes <= ceilingMb) return
          child = null
          c.kill()
          finish({ ok: false, failure: { kind: 'rss', megabytes, ceilingMb } })
        })
        .catch(() => undefined) // a sample that could not be read only skips a tick
        .finally(() => (sampling = false))
    }, defaults.sampleMs ?? EXTRACTION_RSS_SAMPLE_MS)
  }

  function start(): HostChild {
    const c = spawn()
    c.onMessage((reply) => {
      if (c !== child || !current || reply.id !== current.request.id) return
      if (reply.type === 'progress') {
        current.options.onProgress?.(reply.progress)
        if (current.options.timeoutPerStep) arm(current, 'step')
        armBudget(current, stepsOf(reply.progress))
      } else if (reply.type === 'result') finish({ ok: true, result: reply.result })
      else finish({ ok: false, failure: { kind: 'error', detail: reply.message } })
    })
    c.onExit((exit) => {
      if (c !== child) return
      child = null
      if (!current) return
      const detail = `${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}${lastLine(c.stderrTail())}`
      finish({ ok: false, failure: { kind: outOfMemory(c.stderrTail()) ? 'memory' : 'crash', detail } })
    })
    return c
  }

  function arm(job: Job, limit?: 'step'): void {
    if (timer) clearTimeout(timer)
    const ms = job.options.timeoutMs ?? defaults.timeoutMs ?? EXTRACTION_TIMEOUT_MS
    timer = setTimeout(() => end(job, { kind: 'timeout', seconds: Math.round(ms / 1000), ...(limit ? { limit } : {}) }), ms)
  }

  /** The file's whole budget, from the request's start: base plus a share for each of the `steps` the child announced. */
  function armBudget(job: Job, steps: number | null): void {
    const budget = job.options.budget
    if (!budget || steps === null) return
    if (budgetTimer) clearTimeout(budgetTimer)
    const ms = budget.baseMs + budget.perStepMs * steps
    budgetTimer = setTimeout(() => end(job, { kind: 'timeout', seconds: Math.round(ms / 1000), limit: 'file', steps }), Math.max(0, started + ms - Date.now()))
  }

  /** Ends the child and fails `job` (if still current): the child may be stuck in code that never yields. */
  function end(job: Job, failure: HostFailure): void {
    if (current !== job) return
    const c = child
    child = null
    c?.kill()
    finish({ ok: false, failure })
  }

  function finish(outcome: HostOutcome): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (budgetTimer) clearTimeout(budgetTimer)
    budgetTimer = null
    if (sampler) clearInterval(sampler)
    sampler = null
    const done = current
    current = null
    done?.resolve(outcome)
    pump()
  }

  function pump(): void {
    if (current || queue.length === 0 || closed) return
    const job = queue.shift()!
    current = job
    child ??= start()
    started = Date.now()
    arm(job, job.options.timeoutPerStep && job.options.budget ? 'step' : undefined)
    watchMemory(job)
    child.send(job.request)
  }

  return {
    request: (kind, payload, options = {}) =>
      new Promise((resolve) => {
        if (closed) return resolve({ ok: false, failure: { kind: 'closed' } })
        queue.push({ request: { id: nextId++, kind, payload }, options, resolve })
        pump()
      }),
    close: async () => {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      if (budgetTimer) clearTimeout(budgetTimer)
      budgetTimer = null
      if (sampler) clearInterval(sampler)
      sampler = null
      const c = child
      child = null
      c?.kill()
      for (const job of [current, ...queue.splice(0)]) job?.resolve({ ok: false, failure: { kind: 'closed' } })
      current = null
    }
  }
}

/**
 * A process's resident memory in bytes: /proc on Linux (the forked child and Electron's utility
 * process alike), `ps` on macOS; null elsewhere (the heap limit and the time limit still hold).
 */
export async function processRss(pid: number): Promise<number | null> {
  if (process.platform === 'linux') {
    const status = await readFile(`/proc/${pid}/status`, 'latin1')
    const kb = /VmRSS:\s+(\d+)\s*kB/.exec(status)?.[1]
    return kb === undefined ? null : Number(kb) * 1024
  }
  if (process.platform === 'darwin') {
    const { stdout } = await execFileAsync('ps', ['-o', 'rss=', '-p', String(pid)])
    const kb = Number(stdout.trim())
    return Number.isFinite(kb) && kb > 0 ? kb * 1024 : null
  }
  return null
}

/** How many steps a progress message announces (`{ total }`), or null. */
function stepsOf(progress: unknown): number | null {
  const total = (progress as { total?: unknown } | null)?.total
  return typeof total === 'number' && Number.isFinite(total) && total >= 0 ? total : null
}

function outOfMemory(stderr: string): boolean {
  return /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)
}

function lastLine(stderr: string): string {
  const line = stderr
    .trim()
    .split('\n')
    .filter((l) => /\S/.test(l) && !/^\s*(#|\d+:)/.test(l))
    .pop()
  return line ? `: ${line.trim().slice(0, 200)}` : ''
}

/** The file being read by OCR and how far it got, for the import queue. */
export type ExtractionProgress = ImportProgress

/**
 * The host as the library's Extractor: a failed request becomes that file's Chinese error. Each OCR
 * page the child reports restarts the clock, so `timeoutMs` bounds a page of a scan, not the whole
 * file; `progress()` tells the import queue how far the current file got.
 */
export function hostExtraction(host: ExtractionHost, timeoutMs = EXTRACTION_TIMEOUT_MS): { extract: Extractor; progress(): ExtractionProgress | null } {
  let latest: ExtractionProgress | null = null
  const extract: Extractor = async (file) => {
    const onProgress = (p: unknown): void => {
      const page = p as Omit<ExtractionProgress, 'name'>
      latest = { name: file.name, done: page.done, total: page.total, origin: page.origin }
    }
    try {
      const outcome = await host.request('extract', file, {
        timeoutMs,
        timeoutPerStep: true,
        budget: { baseMs: timeoutMs, perStepMs: EXTRACTION_BUDGET_PER_PAGE_MS },
        onProgress
      })
      if (outcome.ok) return outcome.result as Awaited<ReturnType<Extractor>>
      return { value: null, messages: [failureMessage(outcome.failure)] }
    } finally {
      latest = null
    }
  }
  return { extract, progress: () => latest }
}

export function hostExtractor(host: ExtractionHost, timeoutMs = EXTRACTION_TIMEOUT_MS): Extractor {
  return hostExtraction(host, timeoutMs).extract
}

export function failureMessage(failure: HostFailure): Message {
  switch (failure.kind) {
    case 'timeout':
      if (failure.limit === 'file') {
        return {
          type: 'error',
          code: 'extract.timeout',
          message: `解析超时：文件共 ${failure.steps} 页图片需识别，总用时超过该文件的上限 ${failure.seconds} 秒，已放弃该文件`,
          messageEn: `Extraction exceeded the file's budget of ${failure.seconds} s for ${failure.steps} page images`
        }
      }
      return {
        type: 'error',
        code: 'extract.timeout',
        message:
          failure.limit === 'step'
            ? `解析超时：读取文件或识别其中一页超过 ${failure.seconds} 秒，已放弃该文件`
            : `解析超时（超过 ${failure.seconds} 秒），已放弃该文件`,
        messageEn: `Extraction timed out after ${failure.seconds} s${failure.limit === 'step' ? ' on one step' : ''}`
      }
    case 'rss':
      return {
        type: 'error',
        code: 'extract.memory',
        message: `文件过大或结构异常，解析进程占用内存超过上限（${failure.ceilingMb} MB），已终止并放弃该文件；其他文件不受影响`,
        messageEn: `The extraction process used ${failure.megabytes} MB, past its ${failure.ceilingMb} MB ceiling, and was ended`
      }
    case 'memory':
      return {
        type: 'error',
        code: 'extract.memory',
        message: '文件过大或结构异常，解析所需内存超出上限，已放弃该文件',
        messageEn: `Extraction ran out of memory (${failure.detail})`
      }
    case 'crash':
      return {
        type: 'error',
        code: 'extract.crash',
        message: '解析该文件时解析进程意外终止（文件可能已损坏或结构异常），已放弃该文件；其他文件不受影响',
        messageEn: `The extraction process died while reading this file (${failure.detail}); other files are not affected`
      }
    case 'error':
      return { type: 'error', code: 'extract.crash', message: `解析失败：${failure.detail}`, messageEn: `Extraction failed: ${failure.detail}` }
    case 'closed':
      return { type: 'error', code: 'extract.closed', message: '解析已停止（程序正在退出）', messageEn: 'Extraction stopped: the program is closing' }
  }
}

// The extraction host: runs requests (extract a file; later OCR a page) in a child process, one
// at a time, with a time limit per request and a heap limit per process. A child that dies —
// a fatal V8 error, out of memory, killed on timeout — fails the request in flight alone; the
// next request starts a fresh child. The process that owns the window or the command never runs
// the engine, so no input can take it down. Electron-free: the app passes a utility-process
// spawner (utility-spawner.ts), the command line and the tests a child_process.fork one.

import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { availableParallelism, freemem } from 'node:os'
import { promisify } from 'node:util'
import type { HostReply, HostRequest } from './host-protocol'
import type { FilePayload } from '../shared/contract'
import type { Extractor } from '../library/extractor'
import type { Message } from '../core/messages'
import { WALL_STRETCH } from '../core/ingest/limits'

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
 * The Node flags an extraction child starts with: its heap bound, and garbage collection on the
 * child's own thread. Lanes already keep every core busy; V8's parallel collector threads then only
 * contend with them (OCR of a 4-page scan used 1.2 cores alone, and 11 % more CPU a page than with
 * one collector thread, at the same wall time).
 */
export function extractionExecArgv(heapMb: number = EXTRACTION_HEAP_MB): string[] {
  return [`--max-old-space-size=${heapMb}`, '--single-threaded-gc']
}

/**
 * glibc's allocator settings for an extraction child (other C libraries ignore them; a value the
 * user set is kept). OCR allocates and frees page-sized buffers all the time — a page's grey, its
 * levelled copy, masks, the models' inputs — and by default each is a fresh mapping of the kernel's,
 * zeroed page by page and unmapped when freed: a 10-page scan spent 1.4–1.7 s of system time on it.
 * Kept in the heap and reused, 1.2 s, and 0.02–0.08 s less CPU a page in all (three pairs of runs),
 * for 50–80 MB more resident memory.
 */
const EXTRACTION_MALLOC: Record<string, string> = {
  MALLOC_MMAP_THRESHOLD_: String(256 << 20),
  MALLOC_TRIM_THRESHOLD_: String(512 << 20),
  MALLOC_TOP_PAD_: String(64 << 20)
}

/** The environment an extraction child starts with: the parent's, and EXTRACTION_MALLOC where unset. */
export function extractionEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...EXTRACTION_MALLOC, ...env }
}
/**
 * The child's whole resident memory (V8 heap, native buffers, decoded pictures, pdf.js and canvas
 * memory, the OCR engine): the heap limit bounds only the first, and a picture bomb lives in the
 * others. Sampled every EXTRACTION_RSS_SAMPLE_MS while a request runs; past it the child is ended.
 */
export const EXTRACTION_RSS_MB = 3072
export const EXTRACTION_RSS_SAMPLE_MS = 250
/**
 * Children start one at a time: the next waits until the last says its modules are loaded (about
 * 0.3 s of a core each), so the first child, which reads the first quick file, has the machine to
 * itself. A child that never says so holds the others back this long at most.
 */
export const CHILD_READY_WAIT_MS = 2_000

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
  /** The caller withdrew the request (cancel): queued, it never ran; running, its child was ended. */
  | { kind: 'cancelled' }

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
  /** Estimated cost: the cheapest waiting request starts first (equal costs in arrival order). */
  cost?: number
  /**
   * Cheap work (no OCR expected): it may start while every lane holds costly work, in the one
   * express child, so a scan never holds back a text report.
   */
  cheap?: boolean
  /** Withdraws the request: dropped if still queued, its child ended if running. */
  signal?: AbortSignal
  /** Called when the request leaves the queue for a child. */
  onStart?: () => void
}

export interface ExtractionHost {
  request(kind: string, payload: unknown, options?: RequestOptions): Promise<HostOutcome>
  /** How many children may work at once from now on (running requests finish where they are). */
  setLanes(lanes: number): void
  lanes(): number
  /** The largest resident memory of all children together seen so far (bytes; 0 where it cannot be read). */
  peakTreeRss(): number
  /**
   * Starts the first child now, before any request: its modules load while the caller reads the
   * files and opens the library, so the first file does not wait for them.
   */
  warm(): void
  /** Ends every child; requests still queued fail as closed. */
  close(): Promise<void>
}

interface Job {
  request: HostRequest
  options: RequestOptions
  resolve: (outcome: HostOutcome) => void
  seq: number
  /** Costly (OCR) work: estimated so, or announced pages to read. */
  costly: boolean
  /** Runs alone: it passed the tree's memory ceiling beside other children, so it gets the whole of it. */
  alone?: boolean
}

/** One child and the request it runs. */
interface Lane {
  child: HostChild | null
  job: Job | null
  /** Cancels the step (or whole-request) clock. */
  timer: (() => void) | null
  /** Cancels the file's budget clock. */
  budgetTimer: (() => void) | null
  idleTimer: ReturnType<typeof setTimeout> | null
  /** When the job started: wall time, and the child's CPU time then (null where it cannot be read). */
  started: number
  startedCpu: Promise<number | null>
  /** The child has said it is ready (or answered); until then, and CHILD_READY_WAIT_MS at most, no other child starts. */
  ready: boolean
  spawnedAt: number
  /** The express lane runs only cheap work, and only while every lane holds costly work. */
  express: boolean
}

export interface HostLimits {
  timeoutMs?: number
  /**
   * Resident memory past which a child is ended (MB), and the ceiling of all children together: past
   * it the largest child is ended and its request runs again alone (with the whole ceiling to itself).
   */
  rssCeilingMb?: number
  sampleMs?: number
  /** A process's resident memory in bytes, or null where it cannot be read. */
  rssOf?: (pid: number) => Promise<number | null>
  /** Children working at once (default 1). */
  lanes?: number
  /** How many of them may run costly (OCR) work at once: default the ceiling over OCR_CHILD_MB. */
  costlyLanes?: number
  /** An idle child beyond the first is ended after this long (its memory goes back to the machine). */
  idleMs?: number
}

/** What a child reading a scan by OCR holds at its peak (the engine, a decoded 300 dpi page, pdf.js). */
export const OCR_CHILD_MB = 1200

/**
 * Lanes by default: one core left to the window (or the shell), at least one, and no more OCR children
 * than the free memory holds.
 */
export function defaultLanes(cores = availableParallelism(), freeBytes = freemem()): number {
  return Math.max(1, Math.min(cores - 1, Math.floor(freeBytes / 1024 / 1024 / OCR_CHILD_MB)))
}

/** The most lanes a person may ask for: the machine's cores. */
export function maxLanes(cores = availableParallelism()): number {
  return Math.max(1, cores)
}

export function createExtractionHost(spawn: Spawner, defaults: HostLimits = {}): ExtractionHost {
  let nextId = 1
  let seq = 0
  let laneCount = Math.max(1, Math.floor(defaults.lanes ?? 1))
  const queue: Job[] = []
  const lanes: Lane[] = []
  const express: Lane = newLane(true)
  let sampler: ReturnType<typeof setInterval> | null = null
  let peak = 0
  let closed = false
  const ceilingMb = defaults.rssCeilingMb ?? EXTRACTION_RSS_MB
  const costlyLanes = Math.max(1, defaults.costlyLanes ?? Math.floor(ceilingMb / OCR_CHILD_MB))
  const rssOf = defaults.rssOf ?? processRss
  const idleMs = defaults.idleMs ?? 30_000

  function newLane(isExpress = false): Lane {
    return {
      child: null,
      job: null,
      timer: null,
      budgetTimer: null,
      idleTimer: null,
      started: 0,
      startedCpu: Promise.resolve(null),
      ready: false,
      spawnedAt: 0,
      express: isExpress
    }
  }

  const allLanes = (): Lane[] => [...lanes, express]
  const busyLanes = (): Lane[] => allLanes().filter((l) => l.job)

  /**
   * Samples every child's resident memory while any request runs. One child past the ceiling is
   * ended and its request fails alone; all together past it, the largest is ended and its request
   * runs again alone, or fails if it already ran alone.
   */
  function watchMemory(): void {
    if (sampler) return
    let sampling = false
    sampler = setInterval(() => {
      if (sampling) return
      if (busyLanes().length === 0) {
        clearInterval(sampler!)
        sampler = null
        return
      }
      const live = allLanes().filter((l) => l.child?.pid() !== undefined)
      sampling = true
      void Promise.all(live.map(async (l) => ({ lane: l, child: l.child!, bytes: await rssOf(l.child!.pid()!).catch(() => null) })))
        .then((samples) => {
          const read = samples.filter((s) => s.bytes !== null && s.lane.child === s.child)
          const total = read.reduce((n, s) => n + s.bytes!, 0)
          peak = Math.max(peak, total)
          if (total / 1024 / 1024 <= ceilingMb) return
          // Idle children give their memory back first.
          for (const s of read.filter((x) => !x.lane.job)) retire(s.lane)
          const working = read.filter((s) => s.lane.job).sort((a, b) => b.bytes! - a.bytes!)
          if (working.reduce((n, s) => n + s.bytes!, 0) / 1024 / 1024 <= ceilingMb) return
          const largest = working[0]
          const megabytes = Math.round(largest.bytes! / 1024 / 1024)
          const job = largest.lane.job!
          if (megabytes > ceilingMb || working.length === 1 || job.alone) {
            end(largest.lane, job, { kind: 'rss', megabytes, ceilingMb })
            return
          }
          // Beside others it did not fit: it waits for the others to finish and runs alone.
          requeue(largest.lane, job)
        })
        .catch(() => undefined) // a sample that could not be read only skips a tick
        .finally(() => (sampling = false))
    }, defaults.sampleMs ?? EXTRACTION_RSS_SAMPLE_MS)
  }

  function start(lane: Lane): HostChild {
    const c = spawn()
    lane.ready = false
    lane.spawnedAt = Date.now()
    c.onMessage((reply) => {
      if (c !== lane.child) return
      if (!lane.ready) {
        lane.ready = true
        pump()
      }
      const job = lane.job
      if (reply.type === 'ready' || !job || reply.id !== job.request.id) return
      if (reply.type === 'progress') {
        const steps = stepsOf(reply.progress)
        if (steps) job.costly = true
        job.options.onProgress?.(reply.progress)
        if (job.options.timeoutPerStep) arm(lane, job, 'step')
        armBudget(lane, job, steps)
      } else if (reply.type === 'result') finish(lane, { ok: true, result: reply.result })
      else finish(lane, { ok: false, failure: { kind: 'error', detail: reply.message } })
    })
    c.onExit((exit) => {
      if (c !== lane.child) return
      lane.child = null
      if (!lane.job) return pump()
      const detail = `${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}${lastLine(c.stderrTail())}`
      finish(lane, { ok: false, failure: { kind: outOfMemory(c.stderrTail()) ? 'memory' : 'crash', detail } })
    })
    return c
  }

  function arm(lane: Lane, job: Job, limit?: 'step'): void {
    lane.timer?.()
    const ms = job.options.timeoutMs ?? defaults.timeoutMs ?? EXTRACTION_TIMEOUT_MS
    const pid = lane.child?.pid()
    lane.timer = childClock(pid, { wall: Date.now(), cpu: cpuOf(pid) }, ms, () =>
      end(lane, job, { kind: 'timeout', seconds: Math.round(ms / 1000), ...(limit ? { limit } : {}) })
    )
  }

  /** The file's whole budget, from the request's start: base plus a share for each of the `steps` the child announced. */
  function armBudget(lane: Lane, job: Job, steps: number | null): void {
    const budget = job.options.budget
    if (!budget || steps === null) return
    lane.budgetTimer?.()
    const ms = budget.baseMs + budget.perStepMs * steps
    lane.budgetTimer = childClock(lane.child?.pid(), { wall: lane.started, cpu: lane.startedCpu }, ms, () =>
      end(lane, job, { kind: 'timeout', seconds: Math.round(ms / 1000), limit: 'file', steps })
    )
  }

  function clearTimers(lane: Lane): void {
    lane.timer?.()
    lane.budgetTimer?.()
    lane.timer = lane.budgetTimer = null
  }

  /** Ends the lane's child and fails `job` (if still its job): the child may be stuck in code that never yields. */
  function end(lane: Lane, job: Job, failure: HostFailure): void {
    if (lane.job !== job) return
    retire(lane)
    finish(lane, { ok: false, failure })
  }

  /** Ends the lane's child, whatever it was doing (the caller settles its job). */
  function retire(lane: Lane): void {
    const c = lane.child
    lane.child = null
    if (lane.idleTimer) clearTimeout(lane.idleTimer)
    lane.idleTimer = null
    c?.kill()
  }

  /** The job goes back to the queue, to run alone; its child is ended. */
  function requeue(lane: Lane, job: Job): void {
    if (lane.job !== job) return
    retire(lane)
    clearTimers(lane)
    lane.job = null
    queue.push({ ...job, alone: true })
    pump()
  }

  function finish(lane: Lane, outcome: HostOutcome): void {
    clearTimers(lane)
    const done = lane.job
    lane.job = null
    done?.options.signal?.removeEventListener('abort', abortOf(done))
    done?.resolve(outcome)
    const index = lanes.indexOf(lane)
    // A lane beyond the count (lanes were lowered) gives its child back; others rest, then do too.
    if (index >= laneCount) retire(lane)
    else if (index > 0 || lane.express) idle(lane)
    pump()
  }

  function idle(lane: Lane): void {
    if (lane.idleTimer) clearTimeout(lane.idleTimer)
    lane.idleTimer = setTimeout(() => {
      lane.idleTimer = null
      if (!lane.job) retire(lane)
    }, idleMs)
    lane.idleTimer.unref?.()
  }

  const aborts = new WeakMap<Job, () => void>()
  function abortOf(job: Job): () => void {
    let listener = aborts.get(job)
    if (!listener) {
      listener = () => cancel(job)
      aborts.set(job, listener)
    }
    return listener
  }

  function cancel(job: Job): void {
    const at = queue.indexOf(job)
    if (at !== -1) {
      queue.splice(at, 1)
      job.resolve({ ok: false, failure: { kind: 'cancelled' } })
      return
    }
    const lane = allLanes().find((l) => l.job === job)
    if (lane) end(lane, job, { kind: 'cancelled' })
  }

  /** The queue's next job for a lane: the cheapest (costly ones only while costly lanes are free); null for none. */
  function nextFor(lane: Lane): Job | null {
    const busy = busyLanes()
    if (busy.some((l) => l.job!.alone)) return null
    const order = [...queue].sort((a, b) => Number(!!b.alone) - Number(!!a.alone) || (a.options.cost ?? 0) - (b.options.cost ?? 0) || a.seq - b.seq)
    const head = order[0]
    if (!head) return null
    // A job that must run alone waits for every lane to finish; nothing new starts meanwhile.
    if (head.alone) return busy.length === 0 && !lane.express ? head : null
    const costlyRunning = busy.filter((l) => l.job!.costly).length
    if (lane.express) {
      if (lanes.slice(0, laneCount).some((l) => !l.job || !l.job.costly)) return null
      return order.find((j) => j.options.cheap && !j.costly) ?? null
    }
    return order.find((j) => !j.costly || costlyRunning < costlyLanes) ?? null
  }

  let readyTimer: ReturnType<typeof setTimeout> | null = null
  /** Whether `lane` may start a child now: no other child is still loading (see CHILD_READY_WAIT_MS). */
  function mayStartChild(lane: Lane): boolean {
    const loading = allLanes().filter((l) => l !== lane && l.child && !l.ready)
    const wait = Math.max(0, ...loading.map((l) => l.spawnedAt + CHILD_READY_WAIT_MS - Date.now()))
    if (wait === 0) return true
    readyTimer ??= setTimeout(() => {
      readyTimer = null
      pump()
    }, wait)
    readyTimer.unref?.()
    return false
  }

  function run(lane: Lane, job: Job): void {
    queue.splice(queue.indexOf(job), 1)
    if (lane.idleTimer) clearTimeout(lane.idleTimer)
    lane.idleTimer = null
    lane.job = job
    lane.child ??= start(lane)
    lane.started = Date.now()
    lane.startedCpu = cpuOf(lane.child.pid())
    arm(lane, job, job.options.timeoutPerStep && job.options.budget ? 'step' : undefined)
    watchMemory()
    job.options.onStart?.()
    lane.child.send(job.request)
  }

  function pump(): void {
    if (closed) return
    while (lanes.length < laneCount) lanes.push(newLane())
    for (;;) {
      let started = false
      for (const lane of [...lanes.slice(0, laneCount), express]) {
        if (lane.job || queue.length === 0) continue
        if (!lane.child && !mayStartChild(lane)) continue
        const job = nextFor(lane)
        if (!job) continue
        run(lane, job)
        started = true
      }
      if (!started) return
    }
  }

  return {
    request: (kind, payload, options = {}) =>
      new Promise((resolve) => {
        if (closed) return resolve({ ok: false, failure: { kind: 'closed' } })
        if (options.signal?.aborted) return resolve({ ok: false, failure: { kind: 'cancelled' } })
        const job: Job = { request: { id: nextId++, kind, payload }, options, resolve, seq: seq++, costly: options.cheap === false }
        options.signal?.addEventListener('abort', abortOf(job), { once: true })
        queue.push(job)
        pump()
      }),
    setLanes: (n) => {
      laneCount = Math.max(1, Math.floor(n))
      for (const lane of lanes.slice(laneCount)) if (!lane.job) retire(lane)
      pump()
    },
    lanes: () => laneCount,
    peakTreeRss: () => peak,
    warm: () => {
      if (closed) return
      while (lanes.length < laneCount) lanes.push(newLane())
      if (!lanes[0].child && mayStartChild(lanes[0])) lanes[0].child = start(lanes[0])
    },
    close: async () => {
      closed = true
      if (readyTimer) clearTimeout(readyTimer)
      if (sampler) clearInterval(sampler)
      sampler = null
      const jobs = [...allLanes().map((l) => l.job), ...queue.splice(0)]
      for (const lane of allLanes()) {
        clearTimers(lane)
        retire(lane)
        lane.job = null
      }
      for (const job of jobs) job?.resolve({ ok: false, failure: { kind: 'closed' } })
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

/**
 * A process's CPU time so far in ms, its threads included (the OCR engine's): /proc on Linux, `ps`
 * on macOS; null elsewhere (the clocks then count wall time).
 */
export async function processCpuMs(pid: number): Promise<number | null> {
  if (process.platform === 'linux') {
    const stat = await readFile(`/proc/${pid}/stat`, 'latin1')
    // utime and stime are the 14th and 15th fields; the name before them, in parentheses, may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS) : null
  }
  if (process.platform === 'darwin') {
    const { stdout } = await execFileAsync('ps', ['-o', 'time=', '-p', String(pid)])
    // [[dd-]hh:]mm:ss.cc
    const parts = stdout.trim().replace('-', ':').split(':').map(Number)
    if (!parts.length || parts.some((n) => !Number.isFinite(n))) return null
    return parts.reduce((sum, n, i) => sum + n * [86400, 3600, 60, 1].slice(-parts.length)[i], 0) * 1000
  }
  return null
}

/** Linux's clock ticks per second (USER_HZ): 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100

function cpuOf(pid: number | undefined): Promise<number | null> {
  return pid === undefined ? Promise.resolve(null) : processCpuMs(pid).catch(() => null)
}

/** A clock is looked at again no sooner than this after it found time left. */
const RECHECK_MS = 200

/**
 * Calls `expire` once the child has used `ms` of CPU time since `since` (wall time where its CPU
 * cannot be read), and in any case once WALL_STRETCH × `ms` of wall time has passed. Returns the
 * clock's cancel. Counted in wall time alone, a 4-page scan on a machine at load 8 lost tables to
 * limits it kept well within on a quiet one: its work was the same, its share of a core was not.
 */
export function childClock(
  pid: number | undefined,
  since: { wall: number; cpu: Promise<number | null> },
  ms: number,
  expire: () => void,
  readCpu: (pid: number | undefined) => Promise<number | null> = cpuOf
): () => void {
  let cancelled = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const look = async (): Promise<void> => {
    const [from, now] = await Promise.all([since.cpu, readCpu(pid)])
    if (cancelled) return
    const wall = Date.now() - since.wall
    const used = from === null || now === null ? wall : now - from
    if (used >= ms || wall >= ms * WALL_STRETCH) return expire()
    timer = setTimeout(() => void look(), Math.max(RECHECK_MS, Math.min(ms - used, ms * WALL_STRETCH - wall)))
  }
  timer = setTimeout(() => void look(), Math.max(0, since.wall + ms - Date.now()))
  return () => {
    cancelled = true
    clearTimeout(timer)
  }
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

/** How far OCR got in one file: page images read, of `total`; the last page read (e.g. 第 3 页). */
export interface PageProgress {
  done: number
  total: number
  origin: string
}

/** What an import asks of one file's extraction: its place in the queue, how far it got, a way to withdraw it. */
export interface ExtractOptions {
  /** Estimated cost (cheapest first) and whether OCR is expected (see core/ingest/cost). */
  cost?: number
  cheap?: boolean
  signal?: AbortSignal
  /** The file left the queue for a child. */
  onStart?: () => void
  onPages?: (progress: PageProgress) => void
}

export type HostExtractor = (file: FilePayload, options?: ExtractOptions) => ReturnType<Extractor>

/**
 * The host as the library's Extractor: a failed request becomes that file's Chinese error. Each OCR
 * page the child reports restarts the clock, so `timeoutMs` bounds a page of a scan, not the whole
 * file, and the file's budget grows with its pages.
 */
export function hostExtractor(host: ExtractionHost, timeoutMs = EXTRACTION_TIMEOUT_MS): HostExtractor {
  return async (file, options = {}) => {
    const outcome = await host.request('extract', file, {
      timeoutMs,
      timeoutPerStep: true,
      budget: { baseMs: timeoutMs, perStepMs: EXTRACTION_BUDGET_PER_PAGE_MS },
      cost: options.cost,
      cheap: options.cheap,
      signal: options.signal,
      onStart: options.onStart,
      onProgress: (p) => {
        const page = p as Partial<PageProgress> | null
        if (typeof page?.done === 'number' && typeof page.total === 'number')
          options.onPages?.({ done: page.done, total: page.total, origin: String(page.origin ?? '') })
      }
    })
    if (outcome.ok) return outcome.result as Awaited<ReturnType<Extractor>>
    return { value: null, messages: [failureMessage(outcome.failure)] }
  }
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
    case 'cancelled':
      return { type: 'error', code: 'extract.cancelled', message: '已取消导入该文件', messageEn: 'The import of this file was cancelled' }
  }
}

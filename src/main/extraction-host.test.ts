import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cyclicFatDoc, DOC_FIXTURE } from '../../scripts/hostile-files'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'
import {
  childClock,
  createExtractionHost,
  failureMessage,
  hostExtractor,
  processCpuMs,
  processRss,
  type ExtractionHost,
  type HostLimits
} from './extraction-host'
import { WALL_STRETCH } from '../core/ingest/limits'
import { forkSpawner } from './fork-spawner'

// A stand-in child, in plain JS, that speaks the host protocol and misbehaves on demand by the file's name.
const CHILD = `
process.on('disconnect', () => process.exit(0))
// Work, not waiting: the host's clocks count the child's CPU time.
const busy = (ms) => { const from = process.cpuUsage(); for (;;) { const u = process.cpuUsage(from); if (u.user + u.system >= ms * 1000) return } }
process.send({ id: 0, type: 'ready' })
process.on('message', ({ id, payload }) => {
  const name = payload.name
  const reply = () => process.send({ id, type: 'result', result: { value: null, messages: [{ type: 'info', code: 'ok', message: name + ' ' + process.pid }] } })
  if (name === 'hang') return
  if (name === 'hog') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())) }
  if (name === 'abort') process.abort()
  if (name === 'native') {
    // Memory outside V8's heap (as a decoded picture or a canvas is), grown without yielding: 16 MB every 10 ms up to 1.5 GB.
    const keep = []
    for (let i = 0; i < 96; i++) {
      keep.push(Buffer.alloc(16 << 20, 1))
      const until = Date.now() + 10
      while (Date.now() < until);
    }
    return setInterval(() => keep.length, 1000)
  }
  if (name === 'throw') throw new Error('boom')
  if (name === 'flags') return process.send({ id, type: 'result', result: { value: null, messages: [{ type: 'info', code: 'ok', message: process.execArgv.join(' ') }] } })
  if (name === 'env') return process.send({ id, type: 'result', result: { value: null, messages: [{ type: 'info', code: 'ok', message: [process.env.MALLOC_MMAP_THRESHOLD_, process.env.MALLOC_TRIM_THRESHOLD_, process.env.MALLOC_TOP_PAD_, process.env.REPORT_DESK_PARENT_SAYS].join(' ') }] } })
  // Dies a moment after it started (a crash in the middle of a batch).
  if (name === 'die') return setTimeout(() => process.exit(7), 100)
  if (name.startsWith('slow')) return setTimeout(reply, 400)
  if (name === 'victim') return process.send({ id, type: 'progress', progress: { pid: process.pid } })
  if (name === 'scan' || name === 'long-scan') {
    // A long scan outlasts the start of a second child even on a loaded machine.
    const total = name === 'scan' ? 3 : 12
    let done = 0
    const next = () => (done < total ? (process.send({ id, type: 'progress', progress: { done: ++done, total, origin: '第 ' + done + ' 页' } }), setTimeout(next, 300)) : reply())
    return next()
  }
  if (name === 'pages') {
    // Forty page images of 100 ms of work each: each step quick, all together 4 s.
    let done = 0
    const next = () => (done < 40 ? (process.send({ id, type: 'progress', progress: { done: ++done, total: 40, origin: '第 ' + done + ' 页' } }), busy(100), setImmediate(next)) : reply())
    return next()
  }
  if (name === 'steps') {
    let step = 0
    const next = () => (step++ < 6 ? (process.send({ id, type: 'progress', progress: step }), busy(250), setImmediate(next)) : reply())
    return next()
  }
  if (name === 'idle-steps') {
    // Six steps that wait 250 ms each on nothing, as a page does on a machine busy with other work.
    let step = 0
    const next = () => (step++ < 6 ? (process.send({ id, type: 'progress', progress: step }), setTimeout(next, 250)) : reply())
    return next()
  }
  reply()
})
`

let host: ExtractionHost | null = null
afterEach(async () => {
  await host?.close()
  host = null
  removeTempDirs()
})

function start(timeoutMs: number, heapMb = 64, limits: Omit<HostLimits, 'timeoutMs'> = {}): ExtractionHost {
  const path = join(tempDir(), 'child.cjs')
  writeFileSync(path, CHILD)
  host = createExtractionHost(forkSpawner(path, { heapMb }), { timeoutMs, ...limits })
  return host
}

const file = (name: string) => ({ name, bytes: new Uint8Array([1]) })
const codes = (r: { messages: { code: string }[] }): string[] => r.messages.map((m) => m.code)
const pidOf = (r: { messages: { message: string }[] }): string => r.messages[0].message.split(' ')[1]

describe('the extraction host', () => {
  it('abandons a file that takes too long, and the next file goes through in a fresh child', async () => {
    const h = start(30_000)
    // Only the hung file is on a short clock: the next one's clock includes starting a new child.
    const [hung, next] = await Promise.all([hostExtractor(h, 500)(file('hang')), hostExtractor(h, 30_000)(file('after'))])
    expect(codes(hung)).toEqual(['extract.timeout'])
    expect(hung.messages[0].message).toMatch(/解析超时/)
    expect(hung.value).toBeNull()
    expect(next.messages).toMatchObject([{ code: 'ok' }])
  })

  it('abandons a file that needs more than the child heap, in Chinese, and carries on', async () => {
    const extract = hostExtractor(start(30_000, 32))
    const hog = await extract(file('hog'))
    expect(codes(hog)).toEqual(['extract.memory'])
    expect(hog.messages[0].message).toMatch(/内存超出上限/)
    expect(codes(await extract(file('after')))).toEqual(['ok'])
  })

  it.runIf(process.platform === 'linux' || process.platform === 'darwin')(
    'ends a child whose resident memory outside the heap passes the ceiling, in Chinese, and carries on',
    async () => {
      const peaks: number[] = []
      const rssOf = async (pid: number): Promise<number | null> => {
        const bytes = await processRss(pid)
        if (bytes !== null) peaks.push(bytes)
        return bytes
      }
      const extract = hostExtractor(start(30_000, 64, { rssCeilingMb: 256, sampleMs: 50, rssOf }), 20_000)
      const native = await extract(file('native'))
      expect(codes(native)).toEqual(['extract.memory'])
      expect(native.messages[0].message).toMatch(/解析进程占用内存超过上限（256 MB），已终止并放弃该文件/)
      // Ended near the ceiling, long before the child's 1.5 GB.
      expect(Math.max(...peaks) / 1024 / 1024).toBeLessThan(700)
      expect(codes(await extract(file('after')))).toEqual(['ok'])
    }
  )

  it('survives a child that aborts (as V8 does on a fatal error): that file fails alone, the next gets a new child', async () => {
    const extract = hostExtractor(start(30_000))
    const before = await extract(file('before'))
    const aborted = await extract(file('abort'))
    expect(codes(aborted)).toEqual(['extract.crash'])
    expect(aborted.messages[0].message).toMatch(/解析进程意外终止/)
    expect(aborted.messages[0].messageEn).toMatch(/SIGABRT/)
    const after = await extract(file('after'))
    expect(codes(after)).toEqual(['ok'])
    expect(pidOf(after)).not.toBe(pidOf(before))
  })

  it('reports an uncaught error in the child for that file alone', async () => {
    const extract = hostExtractor(start(30_000))
    expect(codes(await extract(file('throw')))).toEqual(['extract.crash'])
    expect(codes(await extract(file('after')))).toEqual(['ok'])
  })

  it('passes progress on, and with timeoutPerStep bounds each step rather than the whole request', async () => {
    const h = start(30_000)
    // A first request starts the child, so its start-up is not on the clock below.
    expect((await h.request('extract', file('warm'))).ok).toBe(true)
    const seen: unknown[] = []
    // Six steps 250 ms apart: each well within 1 s, all together not.
    const perStep = await h.request('extract', file('steps'), { timeoutMs: 1000, timeoutPerStep: true, onProgress: (p) => seen.push(p) })
    expect(perStep.ok).toBe(true)
    expect(seen).toEqual([1, 2, 3, 4, 5, 6])
    const whole = await h.request('extract', file('steps'), { timeoutMs: 1000 })
    expect(whole).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 1 } })
  })

  it('counts the child CPU time, not the wait: a file slowed by a busy machine is not cut short', async () => {
    const h = start(30_000)
    expect((await h.request('extract', file('warm'))).ok).toBe(true)
    // 1.5 s of waiting and almost no work, against a 1 s limit (on a wall clock it ended at 1 s)
    expect((await h.request('extract', file('idle-steps'), { timeoutMs: 1000 })).ok).toBe(true)
    // …but a child that waits on nothing for ever is still ended, at WALL_STRETCH times the limit
    const began = Date.now()
    const hung = await h.request('extract', file('hang'), { timeoutMs: 600 })
    expect(hung).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 1 } })
    expect(Date.now() - began).toBeGreaterThanOrEqual(600 * WALL_STRETCH - 50)
  })

  it('bounds a file by a budget that grows with the pages it announces, and says that this limit ended it', async () => {
    const h = start(30_000)
    expect((await h.request('extract', file('warm'))).ok).toBe(true)
    const budget = { baseMs: 500, perStepMs: 25 } // 0.5 s + 40 × 25 ms = 1.5 s, far below the 4 s the pages take
    let pages = 0
    const ended = await h.request('extract', file('pages'), { timeoutMs: 1000, timeoutPerStep: true, budget, onProgress: () => pages++ })
    expect(ended).toEqual({ ok: false, failure: { kind: 'timeout', seconds: 2, limit: 'file', steps: 40 } })
    // ended by the budget's 1.5 s of work, well before the 40th page's 4 s
    expect(pages).toBeLessThan(30)
    const roomy = await h.request('extract', file('pages'), { timeoutMs: 1000, timeoutPerStep: true, budget: { baseMs: 2000, perStepMs: 200 } })
    expect(roomy.ok).toBe(true)
  })

  it.each([
    [{ kind: 'timeout', seconds: 860, limit: 'file', steps: 40 } as const, /文件共 40 页图片需识别，总用时超过该文件的上限 860 秒/],
    [{ kind: 'timeout', seconds: 60, limit: 'step' } as const, /读取文件或识别其中一页超过 60 秒/],
    [{ kind: 'timeout', seconds: 60 } as const, /解析超时（超过 60 秒）/]
  ])('says which time limit ended a file: %j', (failure, message) => {
    expect(failureMessage(failure).message).toMatch(message)
  })

  it('fails requests still queued when closed, and refuses new ones', async () => {
    const h = start(30_000)
    const pending = [h.request('extract', file('hang')), h.request('extract', file('after'))]
    await new Promise((r) => setTimeout(r, 100))
    await h.close()
    expect(await Promise.all(pending)).toEqual([
      { ok: false, failure: { kind: 'closed' } },
      { ok: false, failure: { kind: 'closed' } }
    ])
    expect(await h.request('extract', file('late'))).toEqual({ ok: false, failure: { kind: 'closed' } })
  })
})

const nameOf = (r: { messages: { message: string }[] }): string => r.messages[0].message.split(' ')[0]

describe('the extraction host in lanes', () => {
  it('runs files in as many children at once as it has lanes', async () => {
    const h = start(30_000, 64, { lanes: 2 })
    const extract = hostExtractor(h)
    await Promise.all([extract(file('warm1')), extract(file('warm2'))]) // both children started
    const began = Date.now()
    const results = await Promise.all(['slow1', 'slow2', 'slow3', 'slow4'].map((n) => extract(file(n))))
    const took = Date.now() - began
    expect(results.map(nameOf)).toEqual(['slow1', 'slow2', 'slow3', 'slow4'])
    expect(new Set(results.map(pidOf)).size).toBe(2)
    // Four 400 ms files in two lanes: about 800 ms, where one lane takes 1600 ms.
    expect(took).toBeLessThan(1400)
  })

  it('kills one child mid-batch: its file fails alone, the rest of the batch lands', async () => {
    const h = start(30_000, 64, { lanes: 2 })
    const extract = hostExtractor(h)
    const names = ['slow1', 'slow2', 'die', 'slow3', 'slow4', 'slow5']
    const results = await Promise.all(names.map((n) => extract(file(n))))
    expect(results.map((r) => r.messages[0].code)).toEqual(['ok', 'ok', 'extract.crash', 'ok', 'ok', 'ok'])
    expect(results[2].messages[0].message).toMatch(/其他文件不受影响/)
    expect(results.filter((r) => r.messages[0].code === 'ok').map(nameOf)).toEqual(['slow1', 'slow2', 'slow3', 'slow4', 'slow5'])
  })

  it('a child killed from outside mid-batch (as the OOM killer does) fails its file alone; the rest lands', async () => {
    const h = start(30_000, 64, { lanes: 2 })
    const requests = ['slow1', 'victim', 'slow2', 'slow3', 'slow4'].map((n) =>
      h.request('extract', file(n), {
        // The victim says who it is, then hangs: it is killed there.
        onProgress: (p) => process.kill((p as { pid: number }).pid, 'SIGKILL')
      })
    )
    const outcomes = await Promise.all(requests)
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true, true])
    expect(outcomes[1]).toMatchObject({ ok: false, failure: { kind: 'crash', detail: expect.stringMatching(/SIGKILL/) } })
  })

  it('starts the cheapest waiting file first (equal costs in arrival order)', async () => {
    const h = start(30_000, 64, { lanes: 1 })
    const extract = hostExtractor(h)
    const finished: string[] = []
    const track = (name: string, cost: number) => extract(file(name), { cost }).then((r) => finished.push(nameOf(r)))
    await Promise.all([track('slow0', 9), track('slow-c', 3), track('slow-a', 1), track('slow-b', 2), track('slow-a2', 1)])
    expect(finished).toEqual(['slow0', 'slow-a', 'slow-a2', 'slow-b', 'slow-c'])
  })

  it('a scan in the only lane never holds back a quick file: it runs in the express child', async () => {
    const h = start(30_000, 64, { lanes: 1 })
    const extract = hostExtractor(h)
    await extract(file('warm'))
    const finished: string[] = []
    const scan = extract(file('long-scan'), { cost: 20, cheap: false }).then((r) => finished.push(nameOf(r)))
    await new Promise((r) => setTimeout(r, 50))
    const quick = extract(file('slow-a'), { cost: 1, cheap: true }).then((r) => finished.push(nameOf(r)))
    await Promise.all([scan, quick])
    expect(finished).toEqual(['slow-a', 'long-scan'])
  })

  it('keeps OCR work to the lanes the memory allows, filling the others with quick files', async () => {
    const h = start(30_000, 64, { lanes: 3, costlyLanes: 1 })
    const extract = hostExtractor(h)
    const finished: string[] = []
    const track = (name: string, cheap: boolean, cost: number) => extract(file(name), { cheap, cost }).then((r) => finished.push(nameOf(r)))
    // The first scan is long: it outlasts the start of the two other children (one after the other) on a loaded machine.
    await Promise.all([track('long-scan', false, 1), track('scan', false, 1), track('slow1', true, 5), track('slow2', true, 5)])
    // One scan at a time: the quick files ran beside the first, the second scan after it.
    expect(finished.slice(0, 2).sort()).toEqual(['slow1', 'slow2'])
    expect(finished.slice(2)).toEqual(['long-scan', 'scan'])
  })

  it('cancels: a queued file never starts, the running one has its child ended; the next file goes through', async () => {
    const h = start(30_000, 64, { lanes: 1 })
    const extract = hostExtractor(h)
    const controller = new AbortController()
    const running = extract(file('hang'), { signal: controller.signal })
    const queued = extract(file('slow1'), { signal: controller.signal })
    await new Promise((r) => setTimeout(r, 300))
    controller.abort()
    expect(codes(await running)).toEqual(['extract.cancelled'])
    expect(codes(await queued)).toEqual(['extract.cancelled'])
    expect(codes(await extract(file('after')))).toEqual(['ok'])
  })

  it.each([
    // [tree ceiling (MB), children started]: each child "weighs" 200 MB
    [300, 3], // two at once are too many: the largest is ended and its file runs again alone, in a new child
    [500, 2] //  two fit: nothing is ended
  ])('shares a %i MB memory ceiling among children (%i started)', async (ceiling, spawned) => {
    const path = join(tempDir(), 'child.cjs')
    writeFileSync(path, CHILD)
    let spawns = 0
    const fork = forkSpawner(path, { heapMb: 64 })
    const rssOf = async (): Promise<number> => 200 * 1024 * 1024
    host = createExtractionHost(() => (spawns++, fork()), { timeoutMs: 30_000, lanes: 2, rssCeilingMb: ceiling, sampleMs: 50, rssOf })
    const extract = hostExtractor(host)
    const results = await Promise.all([extract(file('slow1')), extract(file('slow2'))])
    expect(results.map((r) => r.messages[0].code)).toEqual(['ok', 'ok'])
    expect(spawns).toBe(spawned)
    expect(host.peakTreeRss()).toBe(400 * 1024 * 1024)
  })
})

describe('the extraction host starting its children', () => {
  // A child whose modules take 600 ms to load before it says it is ready (the engine's take ~0.3 s of a core).
  const SLOW_START = CHILD.replace(
    "process.send({ id: 0, type: 'ready' })",
    "const until = Date.now() + 600; while (Date.now() < until); process.send({ id: 0, type: 'ready' })"
  )

  function counted(source: string, limits: Omit<HostLimits, 'timeoutMs'> = {}): { host: ExtractionHost; spawnedAt: number[] } {
    const path = join(tempDir(), 'child.cjs')
    writeFileSync(path, source)
    const fork = forkSpawner(path, { heapMb: 64 })
    const spawnedAt: number[] = []
    host = createExtractionHost(() => (spawnedAt.push(Date.now()), fork()), { timeoutMs: 30_000, ...limits })
    return { host, spawnedAt }
  }

  it('starts each child with its heap bound and the collector on its own thread (lanes keep the cores busy)', async () => {
    const { host: h } = counted(CHILD)
    const result = await hostExtractor(h)(file('flags'))
    expect(result.messages.map((m) => m.message)).toEqual(['--max-old-space-size=64 --single-threaded-gc'])
  })

  it("starts each child with glibc keeping freed buffers for reuse, and the parent's environment", async () => {
    process.env.REPORT_DESK_PARENT_SAYS = 'hello'
    try {
      const { host: h } = counted(CHILD)
      const result = await hostExtractor(h)(file('env'))
      expect(result.messages.map((m) => m.message)).toEqual([`${256 << 20} ${512 << 20} ${64 << 20} hello`])
    } finally {
      delete process.env.REPORT_DESK_PARENT_SAYS
    }
  })

  it('warms its first child before any request, and the first file is read by it', async () => {
    const { host: h, spawnedAt } = counted(CHILD, { lanes: 2 })
    h.warm()
    expect(spawnedAt).toHaveLength(1)
    expect(codes(await hostExtractor(h)(file('first')))).toEqual(['ok'])
    expect(spawnedAt).toHaveLength(1)
  })

  it('starts the next child only once the last one is ready, so the first file has the machine to itself', async () => {
    const { host: h, spawnedAt } = counted(SLOW_START, { lanes: 2 })
    const extract = hostExtractor(h)
    const results = await Promise.all([extract(file('slow1')), extract(file('slow2'))])
    expect(results.map(codes)).toEqual([['ok'], ['ok']])
    expect(spawnedAt).toHaveLength(2)
    expect(spawnedAt[1] - spawnedAt[0]).toBeGreaterThanOrEqual(500)
    // Both lanes still worked: the second file was read by the second child.
    expect(pidOf(results[0])).not.toBe(pidOf(results[1]))
  })
})

// word-extractor itself, without the OLE check in front of it: what the app ran before issue 12.
const UNCHECKED_DOC_CHILD = `
const WordExtractor = require(${JSON.stringify(require.resolve('word-extractor'))})
process.on('disconnect', () => process.exit(0))
process.on('message', async ({ id, payload }) => {
  const doc = await new WordExtractor().extract(Buffer.from(payload.bytes))
  process.send({ id, type: 'result', result: { value: null, messages: [{ type: 'info', code: 'ok', message: String(doc.getBody().length) }] } })
})
`

describe('the extraction host and the killer .doc (a two-sector FAT cycle)', () => {
  it('outlives word-extractor aborting V8 on it: that file fails in Chinese, the next is read by a new child', async () => {
    const path = join(tempDir(), 'unchecked.cjs')
    writeFileSync(path, UNCHECKED_DOC_CHILD)
    // A small heap makes the child die in about two seconds instead of fifteen; either way it dies.
    host = createExtractionHost(forkSpawner(path, { heapMb: 256 }), { timeoutMs: 50_000 })
    const extract = hostExtractor(host, 50_000)
    const killed = await extract({ name: 'killer.doc', bytes: cyclicFatDoc() })
    expect(killed.value).toBeNull()
    expect(['extract.crash', 'extract.memory']).toContain(killed.messages[0].code)
    expect(killed.messages[0].message).toMatch(/已放弃该文件/)
    const next = await extract({ name: 'good.doc', bytes: new Uint8Array(readFileSync(DOC_FIXTURE)) })
    expect(next.messages).toMatchObject([{ code: 'ok' }])
    expect(Number(next.messages[0].message)).toBeGreaterThan(1000)
  })
})

describe('the extraction host without a child to run', () => {
  it('fails the file at once, with the reason, when the child cannot start', async () => {
    host = createExtractionHost(forkSpawner(join(tempDir(), 'missing.cjs')), { timeoutMs: 30_000 })
    const started = Date.now()
    const result = await hostExtractor(host)(file('x'))
    expect(codes(result)).toEqual(['extract.crash'])
    expect(Date.now() - started).toBeLessThan(20_000)
  })
})

describe('the child clock', () => {
  /** A CPU reader that says the child used `share` of the wall time since the clock started (null: unreadable). */
  const cpuAt = (share: number | null, began: number) => async (): Promise<number | null> => (share === null ? null : (Date.now() - began) * share)

  it.each([
    { share: 1, ends: [100, 300], why: 'a child working all the time ends at the limit' },
    { share: 0.4, ends: [250, 500], why: 'a child given 40 % of a core ends when its work reaches the limit' },
    { share: 0, ends: [100 * WALL_STRETCH, 100 * WALL_STRETCH + 300], why: 'a child waiting on nothing ends at WALL_STRETCH × the limit' },
    { share: null, ends: [100, 300], why: 'where CPU time cannot be read, wall time counts' }
  ])('$why', async ({ share, ends }) => {
    const began = Date.now()
    const read = cpuAt(share, began)
    const ended = await new Promise<number>((resolve) => childClock(1, { wall: began, cpu: read() }, 100, () => resolve(Date.now() - began), read))
    expect(ended).toBeGreaterThanOrEqual(ends[0] - 5)
    expect(ended).toBeLessThan(ends[1] + 400)
  })

  it('is cancelled: expire is never called', async () => {
    const began = Date.now()
    let expired = false
    const cancel = childClock(undefined, { wall: began, cpu: Promise.resolve(null) }, 50, () => (expired = true))
    cancel()
    await new Promise((r) => setTimeout(r, 150))
    expect(expired).toBe(false)
  })

  it.runIf(process.platform === 'linux')("reads a process's CPU time from /proc, growing with its work", async () => {
    const before = await processCpuMs(process.pid)
    const from = process.cpuUsage()
    while (process.cpuUsage(from).user < 300_000);
    const after = await processCpuMs(process.pid)
    expect(before).not.toBeNull()
    expect(after! - before!).toBeGreaterThanOrEqual(250)
  })
})

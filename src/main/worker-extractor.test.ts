import { afterEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'
import { createWorkerExtractor, type WorkerExtractor } from './worker-extractor'

afterEach(removeTempDirs)

// A stand-in worker, in plain JS, that misbehaves on demand by the file's name.
const WORKER = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, file }) => {
  if (file.name === 'hang') return
  if (file.name === 'hog') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())) }
  if (file.name === 'throw') throw new Error('boom')
  parentPort.postMessage({ id, result: { value: null, messages: [{ type: 'info', code: 'ok', message: file.name }] } })
})
`

let extractor: WorkerExtractor | null = null
afterEach(async () => {
  await extractor?.close()
  extractor = null
})

function start(timeoutMs: number, heapMb = 64): WorkerExtractor {
  const path = join(tempDir(), 'worker.cjs')
  writeFileSync(path, WORKER)
  extractor = createWorkerExtractor(path, { timeoutMs, heapMb })
  return extractor
}

const file = (name: string) => ({ name, bytes: new Uint8Array([1]) })
const codes = (r: { messages: { code: string }[] }): string[] => r.messages.map((m) => m.code)

describe('the extraction worker', () => {
  it('abandons a file that takes too long, and the next file still goes through', async () => {
    const { extract } = start(300)
    const [hung, next] = await Promise.all([extract(file('hang')), extract(file('after'))])
    expect(codes(hung)).toEqual(['extract.timeout'])
    expect(hung.messages[0].message).toMatch(/解析超时/)
    expect(hung.value).toBeNull()
    expect(next.messages).toMatchObject([{ code: 'ok', message: 'after' }])
  })

  it('abandons a file that needs too much memory, in Chinese, and carries on', async () => {
    const { extract } = start(30_000, 32)
    const hog = await extract(file('hog'))
    expect(codes(hog)).toEqual(['extract.memory'])
    expect(hog.messages[0].message).toMatch(/内存超出上限/)
    expect(codes(await extract(file('after')))).toEqual(['ok'])
  })

  it('reports a crashed worker for that file alone', async () => {
    const { extract } = start(30_000)
    expect(codes(await extract(file('throw')))).toEqual(['extract.crash'])
    expect(codes(await extract(file('after')))).toEqual(['ok'])
  })
})

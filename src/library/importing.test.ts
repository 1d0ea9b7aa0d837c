// Importing from two processes at once (issue 12, item 3), and a failure that never stops a batch.

import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Library } from './library'
import type { Extractor } from './extractor'
import type { FilePayload } from '../shared/contract'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

const RACE_CHILD = resolve(__dirname, 'testing/import-race-child.ts')
const ROOT = resolve(__dirname, '../..')

/** Starts the other process; resolves once it holds the write lock with the file stored, and gives its exit. */
function otherProcessImporting(library: string, file: string, holdMs: number): Promise<{ exited: Promise<{ code: number | null; output: string }> }> {
  return new Promise((locked, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RACE_CHILD, library, file, String(holdMs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const exited = new Promise<{ code: number | null; output: string }>((done) => child.on('exit', (code) => done({ code, output })))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('locked')) locked({ exited })
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    void exited.then(({ code }) => (output.includes('locked') ? null : fail(new Error(`race child ended (${code}): ${output}`))))
  })
}

describe('importing', () => {
  it('a file another process is importing at the same moment is a duplicate, and the rest of the batch imports', async () => {
    const dir = tempDir()
    const path = join(dir, 'library.sqlite')
    const library = new Library(path)
    try {
      const [shared, other] = seedFiles()
      writeFileSync(join(dir, shared.name), shared.bytes)
      // The other process stores the file and holds its transaction open for a while: our first
      // check (outside any transaction) cannot see it yet, and our write has to wait for its lock.
      const { exited } = await otherProcessImporting(path, join(dir, shared.name), 1500)
      const outcomes = await library.importFiles([shared, other], memoExtract)
      expect(outcomes.map((o) => o.status)).toEqual(['duplicate', 'imported'])
      expect((await exited).code).toBe(0)
      expect(
        library
          .listReports()
          .map((r) => r.fileName)
          .sort()
      ).toEqual([shared.name, other.name].sort())
    } finally {
      library.close()
    }
  })

  it('two handles on one library importing overlapping sets store each file once and fail none', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const a = new Library(path)
    const b = new Library(path)
    try {
      const files = seedFiles()
      const slow: Extractor = async (file) => {
        await new Promise((r) => setTimeout(r, 5))
        return memoExtract(file)
      }
      const [fromA, fromB] = await Promise.all([a.importFiles(files.slice(0, 4), slow), b.importFiles(files.slice(1), slow)])
      expect([...fromA, ...fromB].filter((o) => o.status === 'failed')).toEqual([])
      expect(a.listReports()).toHaveLength(files.length)
    } finally {
      a.close()
      b.close()
    }
  })

  it('a file whose extraction throws fails alone, in Chinese, and the batch goes on', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    try {
      const [bad, good] = seedFiles()
      const throwing: Extractor = async (file) => {
        if (file.name === bad.name) throw new Error('boom')
        return memoExtract(file)
      }
      const outcomes = await library.importFiles([bad, good], throwing)
      expect(outcomes[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^写入资料库失败：boom/) })
      expect(outcomes[1].status).toBe('imported')
    } finally {
      library.close()
    }
  })

  it('refuses a file above the input limit without hashing or extracting it', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    try {
      let extracted = 0
      const counting: Extractor = async (file) => (extracted++, memoExtract(file))
      const huge = { name: 'huge.txt', bytes: new Uint8Array(100 * 1024 * 1024 + 1) }
      const [outcome] = await library.importFiles([huge], counting)
      expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/文件超过 100 MB/) })
      expect(extracted).toBe(0)
    } finally {
      library.close()
    }
  })

  it('refuses a report whose files beside it add up past the total, without extracting or storing them', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    try {
      let extracted = 0
      const counting: Extractor = async (file) => (extracted++, memoExtract(file))
      const beside = Array.from({ length: 3 }, (_, i) => ({ name: `junk-${i}.bin`, path: `page_files/junk-${i}.bin`, bytes: new Uint8Array(99 * 1024 * 1024) }))
      const page = { name: 'page.html', path: 'page.html', bytes: new TextEncoder().encode('<p>年度报告</p>'), attachments: beside }
      const [outcome] = await library.importFiles([page], counting)
      expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/合计超过一份报告的上限 200 MB.*（297 MB）/) })
      expect(extracted).toBe(0)
      expect(library.listReports({})).toHaveLength(0)
    } finally {
      library.close()
    }
  })

  it('keeps only the pictures of the files beside a page, not its style sheets or junk', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    try {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
      const beside = [
        { name: 'style.css', path: 'page_files/style.css', bytes: new TextEncoder().encode('body { color: red }') },
        { name: 'table.png', path: 'page_files/table.png', bytes: png },
        { name: 'junk.bin', path: 'page_files/junk.bin', bytes: new Uint8Array(4096) }
      ]
      const page = {
        name: 'page.html',
        path: 'page.html',
        bytes: new TextEncoder().encode('<p>年度报告</p><img src="page_files/table.png">'),
        attachments: beside
      }
      const [outcome] = await library.importFiles([page], memoExtract)
      if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`)
      expect((library.fileOf(outcome.reportId) as FilePayload).attachments?.map((a) => a.path)).toEqual(['page_files/table.png'])
    } finally {
      library.close()
    }
  })
})

describe('the same bytes twice in one drop', () => {
  const failed =
    (code: string, message: string): Extractor =>
    async () => ({ value: null, messages: [{ type: 'error', code, message }] })

  it.each([
    // [what the first copy's extraction comes to, the two outcomes, extractions run]
    ['read', null, ['imported', 'duplicate'], 1],
    ['a file the engine cannot read', failed('extract.crash', '解析该文件时解析进程意外终止'), ['failed', 'failed'], 1],
    ['cancelled (nothing said of the bytes)', failed('extract.cancelled', '已取消导入该文件'), ['failed', 'imported'], 2]
  ] as const)('%s: read once unless the first copy was withdrawn', async (_, firstOutcome, statuses, runs) => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    try {
      const [report] = seedFiles()
      const copy: FilePayload = { name: `副本-${report.name}`, bytes: report.bytes.slice() }
      let extractions = 0
      const extract: Extractor = async (file) => {
        const run = ++extractions
        // The first copy is slow (a child's start, a busy machine): the second arrives while it is read.
        await new Promise((r) => setTimeout(r, 50))
        return run === 1 && firstOutcome ? firstOutcome(file) : memoExtract(file)
      }
      const [first, second] = await Promise.all([library.importFile(report, extract), library.importFile(copy, extract)])
      expect([first.status, second.status]).toEqual(statuses)
      expect(extractions).toBe(runs)
      if (first.status === 'imported') expect(second).toEqual({ name: copy.name, status: 'duplicate', reportId: first.reportId })
      if (first.status === 'failed' && second.status === 'failed') expect(second.error).toBe(first.error)
      expect(library.listReports()).toHaveLength((statuses as readonly string[]).includes('imported') ? 1 : 0)
    } finally {
      library.close()
    }
  })
})

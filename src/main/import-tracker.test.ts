import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Library } from '../library/library'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from '../library/testing/fixtures'
import { failureMessage, type ExtractOptions, type HostExtractor } from './extraction-host'
import { createImportTracker } from './import-tracker'

afterEach(removeTempDirs)

/** An extractor whose files wait until released by name (or withdrawn), as a host's queue does. */
function gatedExtractor(): { extract: HostExtractor; release(name: string): void; seen: Map<string, ExtractOptions> } {
  const gates = new Map<string, () => void>()
  const seen = new Map<string, ExtractOptions>()
  const extract: HostExtractor = (file, options = {}) =>
    new Promise((resolve) => {
      seen.set(file.name, options)
      const cancelled = () => resolve({ value: null, messages: [failureMessage({ kind: 'cancelled' })] })
      if (options.signal?.aborted) return cancelled()
      options.signal?.addEventListener('abort', cancelled)
      gates.set(file.name, () => void memoExtract(file).then(resolve))
    })
  return { extract, release: (name) => gates.get(name)?.(), seen }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10))

describe('the import tracker', () => {
  it('hands every file over at once with its cost, shows each one queued then read, and lands each as it ends', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    const gated = gatedExtractor()
    const tracker = createImportTracker(gated.extract)
    const files = seedFiles().slice(0, 3)
    const all = tracker.importFiles(library, files, ['a', 'b', 'c'])
    await tick()
    expect(tracker.progress().map((p) => [p.ticket, p.state])).toEqual([
      ['a', 'queued'],
      ['b', 'queued'],
      ['c', 'queued']
    ])
    // Each file carries its estimate: a text report is quick work.
    expect(gated.seen.get(files[0].name)).toMatchObject({ cheap: true, cost: expect.any(Number) })
    gated.seen.get(files[1].name)!.onStart!()
    gated.seen.get(files[1].name)!.onPages!({ done: 1, total: 4, origin: '第 1 页' })
    expect(tracker.progress().find((p) => p.ticket === 'b')).toMatchObject({ state: 'reading', done: 1, total: 4, origin: '第 1 页' })
    // The last file lands first: it is in the library before the others end.
    gated.release(files[2].name)
    await tick()
    await tick()
    expect(library.listReports().map((r) => r.fileName)).toEqual([files[2].name])
    gated.release(files[0].name)
    gated.release(files[1].name)
    const outcomes = await all
    expect(outcomes.map((o) => [o.name, o.status])).toEqual(files.map((f) => [f.name, 'imported']))
    expect(tracker.progress()).toEqual([])
    library.close()
  })

  it('cancels what has not landed: withdrawn files are said cancelled and leave nothing; landed ones stay', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    const gated = gatedExtractor()
    const tracker = createImportTracker(gated.extract)
    const files = seedFiles().slice(0, 3)
    const all = tracker.importFiles(library, files, ['a', 'b', 'c'])
    await tick()
    gated.release(files[0].name)
    await tick()
    await tick()
    expect(tracker.cancel()).toBe(2)
    const outcomes = await all
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'cancelled', 'cancelled'])
    expect(library.listReports().map((r) => r.fileName)).toEqual([files[0].name])
    // Cancelled files can be imported again later: nothing of them was kept.
    const again = createImportTracker(memoExtract).importFiles(library, files.slice(1))
    expect((await again).map((o) => o.status)).toEqual(['imported', 'imported'])
    library.close()
  })

  it('cancels only the files named', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    const gated = gatedExtractor()
    const tracker = createImportTracker(gated.extract)
    const files = seedFiles().slice(0, 2)
    const all = tracker.importFiles(library, files, ['a', 'b'])
    await tick()
    expect(tracker.cancel(['b', 'zzz'])).toBe(1)
    gated.release(files[0].name)
    expect((await all).map((o) => o.status)).toEqual(['imported', 'cancelled'])
    library.close()
  })
})

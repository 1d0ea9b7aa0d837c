import { afterEach, describe, expect, it } from 'vitest'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Library } from '../library/library'
import { memoExtract, removeTempDirs, tempDir } from '../library/testing/fixtures'
import { invokeHandler } from '../shared/contract'
import { defaultLanes, OCR_CHILD_MB, type ExtractionHost } from './extraction-host'
import { createHandlers } from './handlers'
import { fileJobsStore, importJobsSetting, memoryJobsStore } from './import-jobs'

afterEach(removeTempDirs)

const GB = 1024 * 1024 * 1024

describe('lanes by default', () => {
  it.each([
    // [cores, free memory (GB), lanes]
    [1, 8, 1], //   one core: still one lane
    [2, 8, 1], //   one core left to the window
    [8, 16, 7],
    [8, 2, 1], //   memory for one OCR child only
    [16, 6, 5], //  memory for five children at ~1.2 GB each
    [4, 0.5, 1] //  never fewer than one
  ])('%i cores, %f GB free: %i', (cores, freeGb, lanes) => {
    expect(defaultLanes(cores, freeGb * GB)).toBe(lanes)
    expect(OCR_CHILD_MB).toBe(1200)
  })
})

function fakeHost(): ExtractionHost & { set: number[] } {
  const set: number[] = []
  return {
    set,
    request: async () => ({ ok: false, failure: { kind: 'closed' } }),
    setLanes: (n) => void set.push(n),
    lanes: () => set.at(-1) ?? 1,
    peakTreeRss: () => 0,
    warm: () => undefined,
    close: async () => undefined
  }
}

describe('the 同时解析 setting', () => {
  it('applies the default at once, a chosen number when set, the default again when cleared; kept on file', () => {
    const host = fakeHost()
    const dir = tempDir()
    const setting = importJobsSetting(host, fileJobsStore(dir))
    const auto = defaultLanes()
    expect(setting.get()).toMatchObject({ jobs: auto, chosen: null, auto, max: availableParallelism() })
    expect(setting.set(1)).toMatchObject({ jobs: 1, chosen: 1 })
    // Another start reads it back.
    expect(importJobsSetting(fakeHost(), fileJobsStore(dir)).get()).toMatchObject({ jobs: 1, chosen: 1 })
    expect(setting.set(null)).toMatchObject({ jobs: auto, chosen: null })
    expect(host.set).toEqual([auto, 1, auto])
  })

  it.each([[0], [1.5], [availableParallelism() + 1], [-2]])('refuses %s through the handler table, in Chinese', async (jobs) => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const handlers = createHandlers({
      library,
      extract: memoExtract,
      dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => null },
      openLibrary: () => library,
      jobs: importJobsSetting(fakeHost(), memoryJobsStore())
    })
    expect(await invokeHandler(handlers, 'setImportJobs', { jobs })).toMatchObject({
      ok: false,
      error: { code: 'jobs.bad_value', message: expect.stringMatching(/同时解析的文件数须为 1 至/) }
    })
    expect(await invokeHandler(handlers, 'setImportJobs', { jobs: 1 })).toMatchObject({ ok: true, value: { jobs: 1 } })
    library.close()
  })
})

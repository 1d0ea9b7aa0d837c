// The 同时解析 setting: how many files are extracted at once. A property of the computer (its cores
// and memory), not of a library, so the app keeps it beside its other per-computer notes; the
// extraction host takes a new value at once (files being read finish where they are).

import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ImportJobs } from '../shared/types'
import { defaultLanes, maxLanes, type ExtractionHost } from './extraction-host'

export interface JobsStore {
  load(): number | null
  save(jobs: number | null): void
}

const JOBS_FILE = 'import-jobs.json'

/** Kept as a small JSON file in the app's user-data folder; unreadable or absent: the default. */
export function fileJobsStore(userDataDir: string): JobsStore {
  const path = join(userDataDir, JOBS_FILE)
  return {
    load: () => {
      try {
        const { jobs } = JSON.parse(readFileSync(path, 'utf8')) as { jobs?: unknown }
        return typeof jobs === 'number' && Number.isInteger(jobs) && jobs >= 1 ? jobs : null
      } catch {
        return null
      }
    },
    save: (jobs) => writeFileSync(path, JSON.stringify({ jobs }))
  }
}

export function memoryJobsStore(initial: number | null = null): JobsStore {
  let value = initial
  return { load: () => value, save: (jobs) => void (value = jobs) }
}

/** The setting over a host: what it is, and setting it (the host's lanes follow). */
export function importJobsSetting(host: ExtractionHost, store: JobsStore): { get(): ImportJobs; set(jobs: number | null): ImportJobs } {
  const get = (): ImportJobs => {
    const max = maxLanes()
    const chosen = store.load()
    const auto = defaultLanes()
    return { jobs: Math.min(chosen ?? auto, max), chosen, auto, max }
  }
  host.setLanes(get().jobs)
  return {
    get,
    set: (jobs) => {
      store.save(jobs)
      const now = get()
      host.setLanes(now.jobs)
      return now
    }
  }
}

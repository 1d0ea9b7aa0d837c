// What a killed export, backup, chart or 底稿 leaves behind: `<output>.partial-<pid>` files (with
// SQLite's `-journal` beside a backup's), the one name write-whole.ts writes under, and XLSX staging
// folders and Chromium profiles (a PDF 底稿) in the temp folder. They are removed the next time a library is opened (from its folder
// and the temp folder) and whenever anything is written into a folder — ours only: by their name,
// and only once nothing can be writing them any more (their process is gone, or they are a day old)
// and they have sat unchanged for a while.

import { readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** An output being written: the pid of the process writing it is in its name. */
const PARTIAL = /\.partial-(\d+)(?:-journal|-wal|-shm)?$/
/** What SQLite may add beside a database being written (a backup's copy). */
export const SQLITE_SIDE_FILES = ['-journal', '-wal', '-shm'] as const

/** The name an output is written under until it is whole (write-whole.ts); the sweep knows it. */
export function partialPath(path: string, pid = process.pid): string {
  return `${path}.partial-${pid}`
}
/** XLSX staging folders (xlsx.ts): `report-desk-xlsx-<pid>-XXXXXX`. */
export const STAGING_PREFIX = 'report-desk-xlsx-'
const STAGING = /^report-desk-xlsx-(?:(\d+)-)?/
/** Chromium's profile folders of a PDF 底稿 (export/paper/chromium.ts): `report-desk-chromium-<pid>-XXXXXX`. */
export const CHROMIUM_PROFILE_PREFIX = 'report-desk-chromium-'
const CHROMIUM_PROFILE = /^report-desk-chromium-(\d+)-/

const MINUTE_MS = 60 * 1000
/** Unchanged this long: no export or backup is still writing it (they write continuously). */
export const QUIET_MS = 10 * MINUTE_MS
/** Older than this it goes even if a process of that pid runs (the pid was reused). */
const DAY_MS = 24 * 60 * MINUTE_MS

function running(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isLeftover(path: string, pid: number | null, now: number): boolean {
  try {
    const age = now - statSync(path).mtimeMs
    return age >= QUIET_MS && (age >= DAY_MS || (pid !== null && !running(pid)))
  } catch {
    return false // gone already
  }
}

/** Removes our leftovers in `folder` matching `pattern`; returns the paths removed. */
function sweep(folder: string, pattern: RegExp, now: number): string[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return [] // no folder, or not ours to read
  }
  const removed: string[] = []
  for (const name of names) {
    const m = pattern.exec(name)
    if (!m) continue
    const path = join(folder, name)
    if (!isLeftover(path, m[1] ? Number(m[1]) : null, now)) continue
    try {
      rmSync(path, { recursive: true, force: true })
      removed.push(path)
    } catch {
      // not ours to remove after all (permissions): left as it is
    }
  }
  return removed
}

/** Partial outputs in a folder an export or backup is about to write into. */
export function removePartialOutputs(folder: string, now = Date.now()): string[] {
  return sweep(folder, PARTIAL, now)
}

/** XLSX staging folders of exports killed half-way, and Chromium profiles of a killed PDF 底稿. */
export function removeStagingFolders(now = Date.now()): string[] {
  return [...sweep(tmpdir(), STAGING, now), ...sweep(tmpdir(), CHROMIUM_PROFILE, now)]
}

/** At a library's opening: partial outputs beside it, and staging folders in the temp folder. */
export function removeLeftovers(libraryPath: string, now = Date.now()): string[] {
  return [...removePartialOutputs(dirname(libraryPath), now), ...removeStagingFolders(now)]
}

// Every file the app writes for the user (exports, backups, charts, 底稿) is written whole or not at
// all: under a temporary name beside the target, renamed onto it once complete. A failure removes
// the temporary file at once; a killed process leaves it for the sweep (leftovers.ts), which knows
// the name because it is made here and nowhere else.

import { renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { partialPath, removePartialOutputs, SQLITE_SIDE_FILES } from './leftovers'

export interface WriteWholeOptions {
  /**
   * Sweep the target's folder of our leftovers first (default). A writer putting many files into
   * one folder sweeps it once itself and turns this off.
   */
  sweep?: boolean
}

/** `write` fills the temporary path it is given; the target appears only when it has succeeded. */
export function writeWhole(path: string, write: (temp: string) => Promise<unknown>, options?: WriteWholeOptions): Promise<void>
export function writeWhole(path: string, write: (temp: string) => void, options?: WriteWholeOptions): void
export function writeWhole(path: string, write: (temp: string) => unknown, options: WriteWholeOptions = {}): Promise<void> | void {
  if (options.sweep !== false) removePartialOutputs(dirname(path))
  const temp = partialPath(path)
  let written: unknown
  try {
    written = write(temp)
  } catch (error) {
    discard(temp)
    throw error
  }
  if (written instanceof Promise) {
    return written.then(
      () => settle(temp, path),
      (error: unknown) => {
        discard(temp)
        throw error
      }
    )
  }
  settle(temp, path)
}

function settle(temp: string, path: string): void {
  try {
    renameSync(temp, path)
  } catch (error) {
    discard(temp)
    throw error
  }
}

function discard(temp: string): void {
  for (const file of [temp, ...SQLITE_SIDE_FILES.map((side) => temp + side)]) rmSync(file, { force: true })
}

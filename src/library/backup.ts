// 备份资料库: SQLite's online backup writes a consistent copy while the app keeps working.
// The copy is written beside the destination first and renamed, so a crash never leaves half a backup
// (what a killed one leaves, `<destination>.partial-<pid>`, goes at the next start: leftovers.ts).

import { renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { UserFacingError } from '../shared/contract'
import type { Db } from './db'
import { refuseLibraryFile } from './paths'
import { removePartialOutputs } from './leftovers'

export async function backupTo(db: Db, libraryPath: string, destination: string): Promise<{ path: string }> {
  const target = resolve(destination)
  refuseLibraryFile(libraryPath, target, 'backup')
  removePartialOutputs(dirname(target))
  const temp = `${target}.partial-${process.pid}`
  try {
    await db.backup(temp)
    renameSync(temp, target)
  } catch (e) {
    for (const file of [temp, `${temp}-journal`, `${temp}-wal`]) rmSync(file, { force: true })
    throw new UserFacingError('backup.failed', `备份失败：${(e as Error).message}`)
  }
  return { path: target }
}

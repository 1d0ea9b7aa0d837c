// 备份资料库: SQLite's online backup writes a consistent copy while the app keeps working.
// The copy is written whole (write-whole.ts), so a crash never leaves half a backup.

import { resolve } from 'node:path'
import { UserFacingError } from '../shared/contract'
import type { Db } from './db'
import { refuseLibraryFile } from './paths'
import { writeWhole } from './write-whole'

export async function backupTo(db: Db, libraryPath: string, destination: string): Promise<{ path: string }> {
  const target = resolve(destination)
  refuseLibraryFile(libraryPath, target, 'backup')
  try {
    await writeWhole(target, (temp) => db.backup(temp))
  } catch (e) {
    throw new UserFacingError('backup.failed', `备份失败：${(e as Error).message}`)
  }
  return { path: target }
}

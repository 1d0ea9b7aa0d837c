// 备份资料库: SQLite's online backup writes a consistent copy while the app keeps working.
// The copy is written whole (write-whole.ts), so a crash never leaves half a backup.

import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { UserFacingError } from '../shared/contract'
import type { Db } from './db'
import { refuseLibraryFile } from './paths'
import { writeWhole } from './write-whole'

export async function backupTo(db: Db, libraryPath: string, destination: string): Promise<{ path: string }> {
  const target = resolve(destination)
  refuseLibraryFile(libraryPath, target, 'backup')
  // SQLite would say so in English ("Cannot save backup because the directory does not exist").
  const folder = dirname(target)
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserFacingError('backup.no_folder', `备份失败：文件夹“${folder}”不存在，请先建好该文件夹或另选备份位置`)
  }
  try {
    await writeWhole(target, (temp) => db.backup(temp))
  } catch (e) {
    throw new UserFacingError('backup.failed', `备份失败：${(e as Error).message}`)
  }
  return { path: target }
}

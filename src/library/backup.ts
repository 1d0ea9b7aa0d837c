// 备份资料库: SQLite's online backup writes a consistent copy while the app keeps working.
// The copy is written beside the destination first and renamed, so a crash never leaves half a backup.

import { renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { UserFacingError } from '../shared/contract'
import type { Db } from './db'

export async function backupTo(db: Db, libraryPath: string, destination: string): Promise<{ path: string }> {
  const target = resolve(destination)
  if (libraryPath !== ':memory:' && target === resolve(libraryPath)) {
    throw new UserFacingError('backup.same_file', '备份不能覆盖正在使用的资料库，请选择其他位置')
  }
  const temp = `${target}.partial-${process.pid}`
  try {
    await db.backup(temp)
    renameSync(temp, target)
  } catch (e) {
    rmSync(temp, { force: true })
    throw new UserFacingError('backup.failed', `备份失败：${(e as Error).message}`)
  }
  return { path: target }
}

// 备份资料库 into a folder that is not there (issue 22, item 11): SQLite's English reached the user.

import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Library } from './library'
import { removeTempDirs, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

describe('a backup into a folder that is not there', () => {
  it.each([
    ['a missing folder', (dir: string) => join(dir, 'missing', 'backup.sqlite')],
    ['a file where the folder should be', (dir: string) => (writeFileSync(join(dir, 'file'), 'x'), join(dir, 'file', 'backup.sqlite'))]
  ])('%s: refused in Chinese, naming the folder, nothing written', async (_, target) => {
    const dir = tempDir()
    const library = new Library(join(dir, 'library.sqlite'))
    const path = target(dir)
    const refusal = await library.backup(path).then(
      () => '',
      (e: Error) => e.message
    )
    library.close()
    expect(refusal).toMatch(/^备份失败：文件夹“.+”不存在，请先建好该文件夹或另选备份位置$/)
    expect(refusal).not.toMatch(/[A-Za-z]{4,}(?![^“]*”)/)
    expect(existsSync(path)).toBe(false)
  })
})

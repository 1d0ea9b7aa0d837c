// report-desk backup into a folder that is not there (issue 22, item 11): SQLite's English reached the user.

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { run } from './testing'
import { Library } from '../library/library'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'

afterEach(removeTempDirs)

describe('report-desk backup into a missing folder', () => {
  it('says so at the command line too', async () => {
    const dir = tempDir()
    new Library(join(dir, 'library.sqlite')).close()
    const { code, err } = await run(['backup', '--library', join(dir, 'library.sqlite'), '--out', join(dir, 'missing', 'b.sqlite')])
    expect(code).not.toBe(0)
    expect(err).toContain('备份失败：文件夹')
    expect(err).not.toContain('Cannot save backup')
  })
})

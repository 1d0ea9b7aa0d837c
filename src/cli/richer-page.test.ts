// Issue 22, item 8, at the command line: a saved page imported without its `_files` folder, then
// again with it, is re-extracted with its pictures instead of "已在资料库中".

import { afterEach, describe, expect, it } from 'vitest'
import { cpSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { Library } from '../library/library'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'

afterEach(removeTempDirs)

const SCAN = join(__dirname, '..', '..', 'test', 'fixtures', 'scan', 'files')

describe('report-desk import of a saved page, then of the page with its pictures', () => {
  it('says it took the pictures, and the report reads its tables', async () => {
    const dir = tempDir()
    const library = join(dir, 'library.sqlite')
    const page = join(dir, 'shuyang_2023_page.html')
    copyFileSync(join(SCAN, 'shuyang_2023_page.html'), page)
    const alone = await run(['import', page, '--library', library])
    expect(alone.out).toContain('已导入')
    const tables = (): Record<string, string> => {
      const opened = new Library(library)
      const { tables } = opened.getReport(1)
      opened.close()
      return tables
    }
    expect(tables()).toEqual({ active: 'missing', requests: 'missing', appeals: 'missing' })
    cpSync(join(SCAN, 'shuyang_2023_page_files'), join(dir, 'shuyang_2023_page_files'), { recursive: true })
    const again = await run(['import', page, '--library', library])
    expect(again.code).toBe(0)
    expect(again.out).toContain('已在资料库中（报告 #1），这次多带来 3 张图片：已用它们重新提取')
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(1)
    expect(tables()).toEqual({ active: 'found', requests: 'found', appeals: 'found' })
    expect((await run(['import', page, '--library', library])).out).toContain('已在资料库中')
  }, 240_000)
})

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readInput } from './args'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'

afterEach(removeTempDirs)

const SCAN = join(__dirname, '..', '..', 'test', 'fixtures', 'scan', 'files')
const shape = (p: Awaited<ReturnType<typeof readInput>>): [string, string[]] => [p.path ?? p.name, (p.attachments ?? []).map((a) => a.path ?? a.name)]

describe('readInput: a report as the app receives a drop', () => {
  it('a saved page takes its _files folder from beside it', async () => {
    expect(shape(await readInput(join(SCAN, 'shuyang_2023_page.html')))).toEqual([
      'shuyang_2023_page.html',
      ['shuyang_2023_page_files/image001.jpg', 'shuyang_2023_page_files/image002.jpg', 'shuyang_2023_page_files/image003.jpg']
    ])
  })

  it('a folder holding one report: the narrative, with the photos of its tables', async () => {
    expect(shape(await readInput(join(SCAN, 'dongfeng_2021_photos'), { folder: true }))).toEqual(['正文.txt', ['表二.png', '表三.jpg', '表四.bmp']])
  })

  it('a folder holding several reports is refused, saying so', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'two'))
    writeFileSync(join(dir, 'two', 'a.txt'), '甲')
    copyFileSync(join(SCAN, 'huaian_2024_scan.pdf'), join(dir, 'two', 'b.pdf'))
    await expect(readInput(join(dir, 'two'), { folder: true })).rejects.toThrow('中有 2 份报告')
    // Importing takes files: a folder is refused, as before.
    await expect(readInput(join(dir, 'two'))).rejects.toThrow('这是文件夹，不是文件')
  })
})

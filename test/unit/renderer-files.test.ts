// The window's reading of a dropped report: a file beside it that leads out of its folder (a linked
// `_files`) is left out before it is read, as the app's folder picker hands over such files.

import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { symlinkedPages } from '../../scripts/hostile-files'
import { removeTempDirs, tempDir } from '../../src/library/testing/fixtures'
import { filesOutsideFolder } from '../../src/main/page-files'
import { leftOutWarning, readReport, reportsOf, type DiskCheck, type DroppedFile } from '../../src/renderer/src/files'

afterEach(removeTempDirs)

/** Files as Chromium gives them for a picked folder: the disk path known to the preload, the bytes read only on demand. */
function picked(root: string, paths: string[]): { files: DroppedFile[]; check: DiskCheck; read: string[] } {
  const where = new Map<File, string>()
  const read: string[] = []
  const files = paths.map((path) => {
    const file = new File([], basename(path))
    Object.defineProperty(file, 'arrayBuffer', { value: async () => (read.push(path), new Uint8Array(readFileSync(path)).buffer) })
    where.set(file, path)
    return { name: basename(path), path: relative(root, path), file }
  })
  return { files, check: { pathOf: (f) => where.get(f) ?? '', outside: filesOutsideFolder }, read }
}

describe.runIf(process.platform !== 'win32')('readReport with the disk check', () => {
  it('leaves out, unread, the files reached through a linked _files and a link inside it, and says so', async () => {
    const { pages, outside } = symlinkedPages(tempDir('report-desk-links-'))
    const folder = join(pages.linkedFile, '..')
    const { files, check, read } = picked(folder, [
      pages.linkedFolder,
      join(folder, 'linked-folder_files', 'secret.png'),
      pages.linkedFile,
      join(folder, 'linked-file_files', 'own.png'),
      join(folder, 'linked-file_files', 'secret.txt')
    ])
    const results = await Promise.all(reportsOf(files).map((r) => readReport(r, check)))
    const byName = Object.fromEntries(results.map((r) => [r.payload.name, r]))
    expect(byName['linked-folder.html'].payload.attachments).toBeUndefined()
    expect(byName['linked-folder.html'].leftOut).toEqual(['linked-folder_files/secret.png'])
    expect(byName['linked-file.html'].payload.attachments?.map((a) => a.path)).toEqual(['linked-file_files/own.png'])
    expect(read.filter((p) => p.includes('secret'))).toEqual([])
    expect(leftOutWarning(byName['linked-folder.html'].leftOut)).toMatch(/linked-folder_files\/secret\.png 经符号链接指向报告所在文件夹之外，未读取/)
    expect(outside).toBeTruthy()
  })

  it('without a disk path (the browser bridge) reads every file as before', async () => {
    const { pages } = symlinkedPages(tempDir('report-desk-links-'))
    const folder = join(pages.linkedFile, '..')
    const { files } = picked(folder, [pages.linkedFile, join(folder, 'linked-file_files', 'own.png')])
    const [report] = reportsOf(files)
    const { payload, leftOut } = await readReport(report, null)
    expect(payload.attachments).toHaveLength(1)
    expect(leftOut).toEqual([])
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { symlinkedPages } from '../../scripts/hostile-files'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'
import { filesOutsideFolder, isInside } from './page-files'

afterEach(removeTempDirs)

describe.runIf(process.platform !== 'win32')('filesOutsideFolder (a dropped report’s files, links resolved)', () => {
  it.each([
    ['through a _files that is a link to another folder', 'linked-folder_files/secret.png', true],
    ['a link inside _files to a file outside', 'linked-file_files/secret.txt', true],
    ['a folder inside _files that is a link out', 'linked-subfolder_files/sub/secret.png', true],
    ['a file of the page’s own _files', 'linked-file_files/own.png', false],
    ['a loop back into _files itself stays inside', 'looped_files/self/self/own.png', false],
    ['a link to the parent folder stays inside the page’s folder', 'looped_files/parent/linked-file_files/own.png', false],
    ['a file that does not exist', 'looped_files/missing.png', true]
  ])('%s → outside: %s', async (_what, file, outside) => {
    const { pages } = symlinkedPages(tempDir('report-desk-links-'))
    const folder = join(pages.linkedFile, '..')
    const path = join(folder, file)
    expect(await filesOutsideFolder(pages.linkedFile, [path])).toEqual(outside ? [path] : [])
  })

  it('a relative path is never taken as inside', async () => {
    expect(await filesOutsideFolder('page.html', ['page_files/a.png'])).toEqual(['page_files/a.png'])
  })

  it.each([
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/bc/d', false],
    ['/a/b', '/a/b', false],
    ['/', '/x', true]
  ])('isInside(%s, %s) = %s', (root, real, expected) => {
    expect(isInside(root, real)).toBe(expected)
  })
})

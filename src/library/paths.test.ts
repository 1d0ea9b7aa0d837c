import { afterEach, describe, expect, it } from 'vitest'
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isLibraryFile, refuseLibraryFile } from './paths'
import { removeTempDirs, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

/** A library file with a folder beside it, a symlink to it, a hard link and a symlinked folder. */
function layout(): { dir: string; library: string } {
  const dir = tempDir()
  const library = join(dir, 'lib', 'library.sqlite')
  mkdirSync(join(dir, 'lib'))
  mkdirSync(join(dir, 'elsewhere'))
  writeFileSync(library, 'SQLite format 3\0')
  writeFileSync(`${library}-wal`, '')
  symlinkSync(library, join(dir, 'elsewhere', 'shortcut.xlsx'))
  linkSync(library, join(dir, 'elsewhere', 'hard-link.csv'))
  symlinkSync(join(dir, 'lib'), join(dir, 'lib-link'))
  return { dir, library }
}

const CASES: [string, (dir: string, library: string) => string, boolean][] = [
  ['the library itself', (_, l) => l, true],
  ['the library by a relative path', (_, l) => relative(process.cwd(), l), true],
  ['the library with another case', (d) => join(d, 'lib', 'LIBRARY.SQLITE'), true],
  ['the library with a trailing dot (Windows drops it)', (d) => join(d, 'lib', 'library.sqlite.'), true],
  ['its -wal (present)', (_, l) => `${l}-wal`, true],
  ['its -shm (not there yet)', (_, l) => `${l}-shm`, true],
  ['its -journal (not there yet)', (_, l) => `${l}-journal`, true],
  ['its -WAL with another case', (d) => join(d, 'lib', 'Library.sqlite-WAL'), true],
  ['a symlink to the library', (d) => join(d, 'elsewhere', 'shortcut.xlsx'), true],
  ['a hard link to the library', (d) => join(d, 'elsewhere', 'hard-link.csv'), true],
  ['its -shm through a symlinked folder', (d) => join(d, 'lib-link', 'library.sqlite-shm'), true],
  ['through .. segments', (d) => join(d, 'elsewhere', '..', 'lib', 'library.sqlite'), true],
  ['another file in its folder', (d) => join(d, 'lib', 'export.xlsx'), false],
  ['a name that only starts like it', (d) => join(d, 'lib', 'library.sqlite-wal.csv'), false],
  ['the same name in another folder', (d) => join(d, 'elsewhere', 'library.sqlite'), false],
  ['a new file in a folder not there yet', (d) => join(d, 'new', 'library.sqlite-wal'), false]
]

describe('files nothing may write over', () => {
  it.each(CASES)('%s', (_, target, refused) => {
    const { dir, library } = layout()
    expect(isLibraryFile(library, target(dir, library))).toBe(refused)
  })

  it('refuses each operation in Chinese, and nothing for an in-memory library', () => {
    const { library } = layout()
    expect(() => refuseLibraryFile(library, library, 'export')).toThrow(/不能导出到资料库文件本身/)
    expect(() => refuseLibraryFile(library, `${library}-wal`, 'backup')).toThrow(/备份不能覆盖/)
    expect(() => refuseLibraryFile(library, library, 'merge')).toThrow(/自身合并/)
    expect(isLibraryFile(':memory:', library)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { writeFileSync } from 'node:fs'
import { rememberLibrary, resolveLibraryPath } from './library-path'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'

describe('resolveLibraryPath', () => {
  const cases: { name: string; argv: string[]; env: Record<string, string>; expected: string }[] = [
    { name: 'defaults to the user-data folder', argv: [], env: {}, expected: join('/data', 'library.sqlite') },
    { name: 'the environment variable overrides the default', argv: [], env: { REPORT_DESK_LIBRARY: '/tmp/a.sqlite' }, expected: '/tmp/a.sqlite' },
    {
      name: '--library PATH wins over the environment',
      argv: ['--library', '/tmp/b.sqlite'],
      env: { REPORT_DESK_LIBRARY: '/tmp/a.sqlite' },
      expected: '/tmp/b.sqlite'
    },
    { name: '--library=PATH form', argv: ['app', '--library=rel/c.sqlite'], env: {}, expected: resolve('rel/c.sqlite') }
  ]
  for (const c of cases) {
    it(c.name, () => expect(resolveLibraryPath(c.argv, c.env, '/data')).toBe(c.expected))
  }
})

describe('the library last opened', () => {
  it('is where the next start goes, while it exists; flag and environment still win', () => {
    const data = tempDir()
    const chosen = join(tempDir(), 'copy.sqlite')
    writeFileSync(chosen, '')
    rememberLibrary(data, chosen)
    expect(resolveLibraryPath([], {}, data)).toBe(chosen)
    expect(resolveLibraryPath(['--library', '/tmp/b.sqlite'], {}, data)).toBe('/tmp/b.sqlite')
    expect(resolveLibraryPath([], { REPORT_DESK_LIBRARY: '/tmp/a.sqlite' }, data)).toBe('/tmp/a.sqlite')
    removeTempDirs()
  })

  it('falls back to the default when it is gone or the note is unreadable', () => {
    const data = tempDir()
    rememberLibrary(data, join(data, 'gone.sqlite'))
    expect(resolveLibraryPath([], {}, data)).toBe(join(data, 'library.sqlite'))
    writeFileSync(join(data, 'last-library.json'), '{not json')
    expect(resolveLibraryPath([], {}, data)).toBe(join(data, 'library.sqlite'))
    removeTempDirs()
  })
})

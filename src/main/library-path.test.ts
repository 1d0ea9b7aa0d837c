import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { resolveLibraryPath } from './library-path'

describe('resolveLibraryPath', () => {
  const cases: { name: string; argv: string[]; env: Record<string, string>; expected: string }[] = [
    { name: 'defaults to the user-data folder', argv: [], env: {}, expected: join('/data', 'library.sqlite') },
    { name: 'the environment variable overrides the default', argv: [], env: { REPORT_DESK_LIBRARY: '/tmp/a.sqlite' }, expected: '/tmp/a.sqlite' },
    { name: '--library PATH wins over the environment', argv: ['--library', '/tmp/b.sqlite'], env: { REPORT_DESK_LIBRARY: '/tmp/a.sqlite' }, expected: '/tmp/b.sqlite' },
    { name: '--library=PATH form', argv: ['app', '--library=rel/c.sqlite'], env: {}, expected: resolve('rel/c.sqlite') }
  ]
  for (const c of cases) {
    it(c.name, () => expect(resolveLibraryPath(c.argv, c.env, '/data')).toBe(c.expected))
  }
})

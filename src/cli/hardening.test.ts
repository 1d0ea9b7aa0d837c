// The command line against attacks on the library itself: an output path that is the library,
// a library nobody may write to, a file that is not a library, a zero-byte file.

import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { foreignDatabase } from '../library/testing/hostile'
import { removeTempDirs, SEEDS_DIR, tempDir } from '../library/testing/fixtures'

const chmodded: string[] = []
afterEach(() => {
  for (const path of chmodded.splice(0)) chmodSync(path, 0o644)
  removeTempDirs()
})

const seeds = (): string[] =>
  readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS_DIR, f))

let imported: Buffer | null = null
/** A library holding the five seeds (imported once, copied for each test). */
async function importedLibrary(): Promise<{ dir: string; library: string }> {
  const dir = tempDir()
  const library = join(dir, 'l.sqlite')
  if (!imported) {
    expect((await run(['import', ...seeds(), '--library', library])).code).toBe(0)
    imported = readFileSync(library)
  } else writeFileSync(library, imported)
  return { dir, library }
}

describe('command line: the library is never an output', () => {
  it.each([
    ['xlsx', ''],
    ['csv', ''],
    ['csv', '-wal'],
    ['xlsx', '-shm'],
    ['csv', '-journal']
  ])('export --format %s --out <library>%s is refused and the library survives', async (format, suffix) => {
    const { library } = await importedLibrary()
    const target = library + suffix
    const result = await run(['export', '--library', library, '--format', format, '--out', target, '--all'])
    expect(result.code).toBe(1)
    expect(result.err).toContain('不能导出到资料库文件本身')
    // SQLite may have made the -wal/-shm itself while the library was open; never an export.
    const written = existsSync(target) ? readFileSync(target) : Buffer.alloc(0)
    if (suffix === '') expect(written.subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    else expect(written.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || written.subarray(0, 2).toString('latin1') === 'PK').toBe(false)
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(5)
  })

  it('export --format json --out <library’s folder>: no report file may take the library’s name', async () => {
    const dir = tempDir()
    const library = join(dir, 'a.json') // a library under a name a report's JSON file would get
    const seed = join(dir, 'a.txt')
    writeFileSync(seed, readFileSync(seeds()[0]))
    expect((await run(['import', seed, '--library', library])).code).toBe(0)
    const result = await run(['export', '--library', library, '--format', 'json', '--out', dir, '--all'])
    expect(result.code).toBe(0)
    expect(readdirSync(dir)).toContain('a-1.json')
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(1)
  })

  it('backup --out <library> or its -wal, and merge --from <library>, are refused', async () => {
    const { library } = await importedLibrary()
    for (const target of [library, `${library}-wal`, library.toUpperCase() === library ? library : join(library, '..', 'L.SQLITE')]) {
      const backup = await run(['backup', '--library', library, '--out', target])
      expect(backup.code).toBe(1)
      expect(backup.err).toContain('备份不能覆盖正在使用的资料库')
    }
    const merge = await run(['merge', '--library', library, '--from', library])
    expect(merge.code).toBe(1)
    expect(merge.err).toContain('不能与正在使用的资料库自身合并')
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(5)
  })
})

describe('command line: libraries that are not ours to change', () => {
  it('lists and exports a read-only library; import is refused in Chinese; the file is unchanged', async () => {
    const { dir, library } = await importedLibrary()
    chmodSync(library, 0o444)
    chmodded.push(library)
    const before = readFileSync(library)
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(5)
    const csv = join(dir, 'all.csv')
    expect((await run(['export', '--library', library, '--format', 'csv', '--out', csv, '--all'])).out).toContain('已导出 5 份')
    const refused = await run(['import', seeds()[0], '--library', library])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('只读方式打开（文件为只读），不能修改')
    expect(readFileSync(library).equals(before)).toBe(true)
  })

  it('list on a path with no library says so and creates nothing', async () => {
    const missing = join(tempDir(), 'typo.sqlite')
    const listed = await run(['list', '--library', missing])
    expect(listed.code).toBe(1)
    expect(listed.err).toContain('找不到资料库')
    expect(existsSync(missing)).toBe(false)
  })

  it('another program’s database given as --library is refused, byte for byte unchanged', async () => {
    const path = join(tempDir(), 'contacts.db')
    const before = foreignDatabase(path)
    const refused = await run(['import', seeds()[0], '--library', path])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('不是年报核验台的资料库')
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('a zero-byte --library becomes a new library and says so; a new path says it was created', async () => {
    const dir = tempDir()
    const empty = join(dir, 'zero.sqlite')
    writeFileSync(empty, '')
    const first = await run(['import', seeds()[0], '--library', empty])
    expect(first.code).toBe(0)
    expect(first.err).toContain(`提示：资料库文件原为空文件（0 字节），已作为新资料库使用：${empty}`)
    const again = await run(['list', '--library', empty])
    expect(again.err).toBe('')
    const fresh = join(dir, 'new.sqlite')
    const merged = await run(['merge', '--library', fresh, '--from', empty])
    expect(merged.err).toContain(`已新建资料库：${fresh}`)
    expect(merged.out).toContain('新增 1')
  })
})

/** Runs the command from `dir`, so a relative file name reaches it as typed. */
async function runIn(dir: string, args: string[]): ReturnType<typeof run> {
  const before = process.cwd()
  process.chdir(dir)
  try {
    return await run(args)
  } finally {
    process.chdir(before)
  }
}

describe('command line: options it does not know, and files named like options (issue 22, item 11)', () => {
  it('refuses an unknown option (a typo) with exit code 2, naming the options it takes', async () => {
    const dir = tempDir()
    const r = await run(['list', '--library', join(dir, 'l.sqlite'), '--jsn'])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/未知选项 --jsn：list 可用的选项为 --library、--json/)
    expect(existsSync(join(dir, 'l.sqlite'))).toBe(false)
  })

  it('a file named --x.txt is refused as an option, not skipped silently; after -- it is imported', async () => {
    const dir = tempDir()
    const library = join(dir, 'l.sqlite')
    writeFileSync(join(dir, '--x.txt'), readFileSync(seeds()[0]))
    const refused = await runIn(dir, ['import', '--x.txt', '--library', library])
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/未知选项 --x\.txt.*请写在 -- 之后/)
    const imported = await runIn(dir, ['import', '--library', library, '--', '--x.txt'])
    expect(imported.code).toBe(0)
    expect(imported.out).toContain('--x.txt\t已导入')
  })
})

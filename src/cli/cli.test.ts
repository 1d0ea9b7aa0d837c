import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { removeTempDirs, SEEDS_DIR, tempDir } from '../library/testing/fixtures'

afterEach(removeTempDirs)

describe('command line', () => {
  it('imports, lists as JSON, exports xlsx/csv/json and merges', async () => {
    const dir = tempDir()
    const library = join(dir, 'l.sqlite')
    const seeds = readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SEEDS_DIR, f))
    const imported = await run(['import', ...seeds, '--library', library])
    expect(imported.code).toBe(0)
    expect(imported.out.match(/已导入/g)).toHaveLength(5)
    expect((await run(['import', seeds[0], '--library', library])).out).toContain('已在资料库中')

    const listed = await run(['list', '--library', library, '--json'])
    const reports = JSON.parse(listed.out)
    expect(Array.isArray(reports)).toBe(true)
    expect(reports).toHaveLength(5)
    expect(reports[0]).toHaveProperty('agency')
    expect(JSON.parse((await run(['list', '--library', library, '益阳', '--json'])).out)).toHaveLength(1)

    const xlsx = join(dir, 'all.xlsx')
    expect((await run(['export', '--library', library, '--format', 'xlsx', '--out', xlsx, '--all'])).out).toContain('已导出 5 份')
    expect(existsSync(xlsx)).toBe(true)
    expect((await run(['export', '--library', library, '--format', 'csv', '--out', join(dir, 'v.csv')])).out).toContain('已导出 0 份已核验的报告')
    expect((await run(['export', '--library', library, '--format', 'json', '--out', join(dir, 'json'), '--all'])).code).toBe(0)
    expect(readdirSync(join(dir, 'json'))).toHaveLength(5)
    expect((await run(['export', '--library', library, '--format', 'pdf', '--out', join(dir, 'x')])).code).toBe(2)

    const backup = join(dir, 'copy.sqlite')
    expect((await run(['backup', '--library', library, '--out', backup])).code).toBe(0)
    const merged = await run(['merge', '--library', library, '--from', backup, '--json'])
    expect(merged.code).toBe(0)
    expect(JSON.parse(merged.out)).toEqual({ added: 0, updated: 0, unchanged: 5, conflicts: [], updates: [], refused: [] })
    const other = join(dir, 'other.sqlite')
    await run(['import', seeds[1], '--library', other])
    expect((await run(['merge', '--library', other, '--from', library])).out).toContain('新增 4')
  })

  it('says what is missing', async () => {
    expect((await run(['export', '--library', join(tempDir(), 'l.sqlite'), '--format', 'xlsx'])).err).toMatch(/--out/)
    expect((await run(['nope'])).code).toBe(2)
  })

  it('says in Chinese why a file cannot be read, and imports the others', async () => {
    const dir = tempDir()
    const library = join(dir, 'l.sqlite')
    const seed = join(
      SEEDS_DIR,
      readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt'))!
    )
    const missing = join(dir, 'nope.txt')
    const imported = await run(['import', missing, dir, seed, '--library', library])
    expect(imported.code).toBe(1)
    expect(imported.out).toContain(`${missing}\t导入失败：无法读取 ${missing}：找不到文件或文件夹`)
    expect(imported.out).toContain('这是文件夹，不是文件')
    expect(imported.out.match(/已导入/g)).toHaveLength(1)
    const extracted = await run(['extract', missing])
    expect(extracted.code).toBe(1)
    expect(extracted.err).toContain('找不到文件或文件夹')
  })
})

describe('import --jobs', () => {
  it('imports with two lanes: every file once, one line each, a second run finds them all; nothing extra when piped', async () => {
    const library = join(tempDir(), 'l.sqlite')
    const seeds = readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SEEDS_DIR, f))
    const first = await run(['import', ...seeds, '--library', library, '--jobs', '2', '--json'])
    expect(first.code).toBe(0)
    const lines = first.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; status: string; reportId: number })
    expect(lines.map((l) => l.path).sort()).toEqual([...seeds].sort())
    expect(lines.every((l) => l.status === 'imported')).toBe(true)
    expect(new Set(lines.map((l) => l.reportId)).size).toBe(seeds.length)
    expect(first.err).not.toMatch(/正在导入/)
    const again = await run(['import', ...seeds, '--library', library, '--jobs', '2'])
    expect(
      again.out
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[1])
    ).toEqual(seeds.map(() => '已在资料库中'))
    expect(JSON.parse((await run(['list', '--library', library, '--json'])).out)).toHaveLength(seeds.length)
  })

  it.each([['0'], ['1.5'], ['many'], ['100000']])('refuses --jobs %s in Chinese', async (jobs) => {
    const r = await run(['import', join(SEEDS_DIR, readdirSync(SEEDS_DIR)[0]), '--library', join(tempDir(), 'l.sqlite'), '--jobs', jobs])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/--jobs 须为 1 至 \d+ 之间的整数/)
  })

  it('is documented in --help', async () => {
    expect((await run(['--help'])).out).toMatch(/import FILE… --library PATH \[--jobs N\]/)
  })
})

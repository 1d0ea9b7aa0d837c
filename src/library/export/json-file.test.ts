import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { removeTempDirs, seededLibrary, tempDir } from '../testing/fixtures'
import { isJsonFilePath } from './json-file'

afterEach(removeTempDirs)

describe('JSON export: a folder or one file, as chosen', () => {
  it('a .json file name gets one file holding every report', async () => {
    const library = await seededLibrary()
    library.verifyReport(1)
    const path = join(tempDir(), '全部报告.json')
    expect(await library.export('json', path, { all: true })).toBe(5)
    expect(statSync(path).isFile()).toBe(true)
    const file = JSON.parse(readFileSync(path, 'utf8'))
    expect(file.schema).toBe('report-desk/reports@1')
    expect(file.reports).toHaveLength(5)
    expect(file.reports.map((r: { schema: string }) => r.schema)).toEqual(Array(5).fill('report-desk/report@1'))
    const verified = file.reports.find((r: { source: { name: string } }) => r.source.name.startsWith('000_'))
    expect(verified.review).toMatchObject({ status: 'verified', verifiedBy: '张三' })
    expect(verified.cells['requests.new_received.natural'].value).toBe(library.getReport(1).cells['requests.new_received.natural'].value)
    // Only verified reports unless all are asked for.
    expect(await library.export('json', path)).toBe(1)
    expect(JSON.parse(readFileSync(path, 'utf8')).reports).toHaveLength(1)
    expect(readdirSync(join(path, '..')).filter((n) => n.includes('.partial-'))).toEqual([])
    library.close()
  })

  it('a folder (even one named like x.json) gets one file per report', async () => {
    const library = await seededLibrary()
    const folder = join(tempDir(), 'out.json')
    mkdirSync(folder)
    expect(await library.export('json', folder, { all: true })).toBe(5)
    expect(readdirSync(folder)).toHaveLength(5)
    const plain = join(tempDir(), 'plain-folder')
    expect(await library.export('json', plain, { all: true })).toBe(5)
    expect(readdirSync(plain)).toHaveLength(5)
    library.close()
  })

  it.each([
    ['a.json', true],
    ['A.JSON', true],
    ['a.json.txt', false],
    ['folder', false]
  ])('%s → one file: %s', (name, one) => {
    const dir = tempDir()
    expect(isJsonFilePath(join(dir, name))).toBe(one)
    expect(existsSync(join(dir, name))).toBe(false)
  })
})

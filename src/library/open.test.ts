// Opening a library file: nothing is written into a file that is not a library (or an empty
// database), a library nobody may write to opens read-only, and a zero-byte file is said to become one.

import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_FILE_NOTICE, Library } from './library'
import { readCopy } from './db'
import { damageLibrary, emptyDatabase, foreignDatabase, tamper } from './testing/hostile'
import { MAX_FINDINGS_BYTES } from './store'
import { deflateRawSync } from 'node:zlib'
import { handReport, removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'

const chmodded: string[] = []
afterEach(() => {
  for (const path of chmodded.splice(0)) chmodSync(path, 0o755)
  removeTempDirs()
})

function readOnly(path: string, mode: number): void {
  chmodSync(path, mode)
  chmodded.push(path)
}

const A = 'requests.new_received.natural'

describe('a file that is not a library', () => {
  it('another program’s SQLite database is refused, byte for byte unchanged, no -wal made', () => {
    const path = join(tempDir(), 'contacts.db')
    const before = foreignDatabase(path)
    expect(() => new Library(path)).toThrow(/不是年报核验台的资料库/)
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(false)
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete')
    db.close()
  })

  it('a damaged library is refused unchanged (the open used to switch it to WAL first)', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    const db = new Database(path)
    db.pragma('journal_mode = DELETE') // as a library copied from elsewhere may be
    db.close()
    const before = damageLibrary(path)
    expect(() => new Library(path)).toThrow(/资料库/)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('an empty database becomes a library', () => {
    const path = join(tempDir(), 'empty.sqlite')
    emptyDatabase(path)
    const library = new Library(path)
    expect(library.info()).toMatchObject({ reportCount: 0 })
    expect(library.created).toBeNull()
    library.close()
  })

  it('a zero-byte file becomes a new library, and says so; a new path is created', () => {
    const dir = tempDir()
    const empty = join(dir, 'zero.sqlite')
    writeFileSync(empty, '')
    const library = new Library(empty)
    expect(library.created).toBe('empty_file')
    expect(library.info().notice).toBe(EMPTY_FILE_NOTICE)
    library.close()
    const reopened = new Library(empty)
    expect(reopened.created).toBeNull()
    expect(reopened.info().notice).toBeUndefined()
    reopened.close()
    const fresh = new Library(join(dir, 'sub', 'new.sqlite'))
    expect(fresh.created).toBe('new_file')
    expect(fresh.info().notice).toBeUndefined()
    fresh.close()
  })
})

describe('a library nobody may write to', () => {
  it('opens read-only when its file is read-only: lists, reads, exports; refuses every change in Chinese', async () => {
    const library = await seededLibrary()
    library.setReviewer('张三')
    const path = library.path
    library.close()
    readOnly(path, 0o444)
    const before = readFileSync(path)

    const ro = new Library(path)
    expect(ro.readOnly).toBe('文件为只读')
    expect(ro.info()).toMatchObject({ reportCount: 5, readOnly: '文件为只读' })
    expect(ro.listReports()).toHaveLength(5)
    expect(ro.getReport(1).cells[A]).toBeDefined()
    const out = join(tempDir(), 'all.csv')
    expect(await ro.export('csv', out, { all: true })).toBe(5)
    expect(readFileSync(out, 'utf8')).toContain('益阳市应急管理局')
    const refusals: [string, () => unknown][] = [
      ['editCell', () => ro.editCell(1, A, '3')],
      ['verifyReport', () => ro.verifyReport(1)],
      ['setReviewer', () => ro.setReviewer('李四')],
      [
        'importFiles',
        () => ro.importFiles([{ name: 'x.txt', bytes: new Uint8Array([1]) }], async () => ({ value: handReport('x.txt', '甲', 2022, {}), messages: [] }))
      ],
      ['merge', () => ro.merge(join(tempDir(), 'other.sqlite'))]
    ]
    for (const [name, change] of refusals) {
      await expect(async () => change(), name).rejects.toThrow(/只读方式打开（文件为只读），不能修改/)
    }
    const backup = join(tempDir(), 'backup.sqlite')
    await ro.backup(backup)
    ro.close()
    expect(readFileSync(path).equals(before)).toBe(true)
    const restored = new Library(backup)
    expect(restored.listReports()).toHaveLength(5)
    restored.close()
  })

  it('opens read-only when its folder is read-only', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    readOnly(join(path, '..'), 0o555)
    const ro = new Library(path)
    expect(ro.readOnly).toBe('所在文件夹为只读')
    expect(ro.listReports()).toHaveLength(5)
    ro.close()
  })

  it('opens read-only when asked, and then never creates a library at a path that is not one', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    const ro = new Library(path, { readOnly: true })
    expect(ro.readOnly).toBe('只读命令')
    expect(ro.listReports()).toHaveLength(5)
    ro.close()
    const missing = join(tempDir(), 'typo.sqlite')
    expect(() => new Library(missing, { readOnly: true })).toThrow(/找不到资料库/)
    expect(existsSync(missing)).toBe(false)
  })

  it('a WAL library that cannot be read in place is read from a copy in memory', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    expect(readFileSync(path)[18]).toBe(2) // WAL
    const copy = readCopy(path, {})
    expect((copy.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n).toBe(5)
    expect(() => copy.exec('DELETE FROM reports')).toThrow()
    // What a read-only library offers works from the copy too: a backup.
    const backup = join(tempDir(), 'from-copy.sqlite')
    await copy.backup(backup)
    copy.close()
    const restored = new Library(backup)
    expect(restored.listReports()).toHaveLength(5)
    restored.close()
  })
})

describe('rows of a crafted library', () => {
  it('a findings blob that inflates past any real report is a clear error about that report, not a crash', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    const bomb = deflateRawSync(Buffer.alloc(MAX_FINDINGS_BYTES + 1024 * 1024, 0x20))
    expect(bomb.length).toBeLessThan(100_000)
    tamper(path, [['UPDATE reports SET findings = ? WHERE id = 2', bomb]])
    const opened = new Library(path)
    expect(() => opened.getReport(2)).toThrow(/检查结果已损坏或异常庞大/)
    expect(opened.getReport(1).summary.id).toBe(1)
    expect(opened.listReports()).toHaveLength(5)
    opened.close()
  })
})

describe('a library SQLite cannot read says why in Chinese (issue 22, item 11)', () => {
  it.each([
    ['its schema page scrambled', (b: Buffer) => b.fill(0xa5, 100, 4096), /无法打开资料库 .*：资料库文件已损坏（database disk image is malformed）/],
    ['its header gone', (b: Buffer) => b.fill(0, 0, 16), /无法打开资料库 .*：该文件不是 SQLite 数据库/]
  ])('%s', async (_what, damage, message) => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    const db = new Database(path)
    db.pragma('journal_mode = DELETE')
    db.close()
    const bytes = readFileSync(path)
    damage(bytes)
    writeFileSync(path, bytes)
    expect(() => new Library(path)).toThrow(message)
  })
})

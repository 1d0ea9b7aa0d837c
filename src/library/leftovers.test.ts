import { afterEach, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from './library'
import { removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'

const staging: string[] = []
afterEach(() => {
  for (const path of staging.splice(0)) rmSync(path, { recursive: true, force: true })
  removeTempDirs()
})

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

const MINUTE = 60 * 1000

function leave(path: string, ageMs: number, folder = false): string {
  if (folder) {
    mkdirSync(path)
    writeFileSync(join(path, 'sheet1.xml'), '<x/>')
  } else writeFileSync(path, 'half')
  const at = (Date.now() - ageMs) / 1000
  utimesSync(path, at, at)
  return path
}

describe('leftovers of killed exports and backups', () => {
  it('go when the library is next opened: ours only, by name, once no process writes them', () => {
    const dir = tempDir()
    const dead = deadPid()
    const gone = [
      leave(join(dir, `结果.xlsx.partial-${dead}`), 60 * MINUTE),
      leave(join(dir, `备份.sqlite.partial-${dead}`), 60 * MINUTE),
      leave(join(dir, `备份.sqlite.partial-${dead}-journal`), 60 * MINUTE),
      leave(join(dir, `old.csv.partial-${process.pid}`), 2 * 24 * 60 * MINUTE), // a day old: the pid was reused
      leave(join(tmpdir(), `report-desk-xlsx-${dead}-leftover`), 60 * MINUTE, true),
      // Chromium's profile of a killed PDF 底稿 (issue 22, item 11)
      leave(join(tmpdir(), `report-desk-chromium-${dead}-leftover`), 60 * MINUTE, true)
    ]
    const kept = [
      leave(join(dir, `fresh.csv.partial-${dead}`), 1 * MINUTE), // may be a process on another machine, still writing
      leave(join(dir, `running.csv.partial-${process.pid}`), 60 * MINUTE), // this process may still write it
      leave(join(dir, 'notes.partial'), 2 * 24 * 60 * MINUTE), // not a name we give
      leave(join(dir, `report.partial-${dead}.txt`), 2 * 24 * 60 * MINUTE),
      leave(join(tmpdir(), `report-desk-xlsx-${process.pid}-running`), 60 * MINUTE, true),
      leave(join(tmpdir(), `report-desk-chromium-${process.pid}-printing`), 60 * MINUTE, true)
    ]
    staging.push(gone[4], kept[4], gone[5], kept[5])
    new Library(join(dir, 'library.sqlite')).close()
    for (const path of gone) expect(existsSync(path), path).toBe(false)
    for (const path of kept) expect(existsSync(path), path).toBe(true)
  })

  it('go from the folder an export or a backup writes into', async () => {
    const library = await seededLibrary()
    const out = tempDir()
    const csv = leave(join(out, `年报.csv.partial-${deadPid()}`), 60 * MINUTE)
    await library.export('csv', join(out, '年报.csv'), { all: true })
    expect(existsSync(csv)).toBe(false)
    const backup = leave(join(out, `备份.sqlite.partial-${deadPid()}-journal`), 60 * MINUTE)
    await library.backup(join(out, 'b.sqlite'))
    expect(existsSync(backup)).toBe(false)
    library.close()
  })
})

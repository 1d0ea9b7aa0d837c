import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, watch, writeFileSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import type { Library } from './library'
import { writeChartFile } from './export/chart-file'
import { exportPapers } from './export/paper'
import { partialPath, removePartialOutputs } from './leftovers'
import { removeTempDirs, seededLibrary, seedFiles, tempDir } from './testing/fixtures'
import { writeWhole } from './write-whole'

afterEach(removeTempDirs)

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
const fakePdf = async (): Promise<Uint8Array> => new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

/** Every file the app writes for the user, by the path it is asked to write. */
const WRITERS: { name: string; file: string; write: (library: Library, path: string) => Promise<unknown> }[] = [
  { name: 'XLSX export', file: 'out.xlsx', write: (l, path) => l.export('xlsx', path, { all: true }) },
  { name: 'CSV export', file: 'out.csv', write: (l, path) => l.export('csv', path, { all: true }) },
  { name: 'JSON export, one file', file: 'out.json', write: (l, path) => l.export('json', path, { all: true }) },
  { name: 'backup', file: 'copy.sqlite', write: (l, path) => l.backup(path) },
  { name: 'chart', file: 'chart.svg', write: async (l, path) => writeChartFile(l.path, path, 'svg', SVG) },
  { name: '底稿 XLSX', file: 'paper.xlsx', write: (l, path) => exportPapers(l, { ids: [1, 2], format: 'xlsx', outPath: path }) },
  { name: '底稿 PDF', file: 'paper.pdf', write: (l, path) => exportPapers(l, { ids: [1], format: 'pdf', outPath: path, renderPdf: fakePdf }) }
]

/** The names that appeared in `folder` while `act` ran (inotify reports each creation). */
async function namesCreatedDuring(folder: string, act: () => Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>()
  const watcher = watch(folder, (_event, name) => {
    if (name) seen.add(String(name))
  })
  try {
    await act()
    await new Promise((r) => setTimeout(r, 100)) // the last events are delivered on a later turn
  } finally {
    watcher.close()
  }
  return seen
}

/** Leaves a file of that name as a killed process would, two days ago (so any pid in it counts as gone). */
function leaveStale(path: string): void {
  writeFileSync(path, 'half')
  const at = (Date.now() - 2 * 24 * 3600 * 1000) / 1000
  utimesSync(path, at, at)
}

describe('writeWhole', () => {
  it('writes under the partial name and renames; a failing write leaves nothing', async () => {
    const dir = tempDir()
    const path = join(dir, 'a.txt')
    writeWhole(path, (temp) => {
      expect(temp).toBe(partialPath(path))
      writeFileSync(temp, 'whole')
    })
    expect(readFileSync(path, 'utf8')).toBe('whole')
    expect(() =>
      writeWhole(join(dir, 'b.txt'), (temp) => {
        writeFileSync(temp, 'half')
        throw new Error('disk full')
      })
    ).toThrow('disk full')
    await expect(
      writeWhole(join(dir, 'c.txt'), async (temp) => {
        writeFileSync(temp, 'half')
        writeFileSync(`${temp}-journal`, 'journal')
        throw new Error('disk full')
      })
    ).rejects.toThrow('disk full')
    expect(readdirSync(dir)).toEqual(['a.txt'])
  })

  it('a killed write leaves its partial file, which the next write into that folder removes', async () => {
    const dir = tempDir()
    const target = join(dir, 'chart.svg')
    const script = join(dir, 'killed.mts')
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs'
import { writeWhole } from ${JSON.stringify(resolve(__dirname, 'write-whole.ts'))}
void writeWhole(process.argv[2], async (temp) => {
  writeFileSync(temp, 'half')
  process.stdout.write('writing\\n')
  await new Promise(() => setInterval(() => {}, 1000))
})
`
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script, target], { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] })
    await once(child.stdout!, 'data')
    child.kill('SIGKILL')
    await once(child, 'exit')
    const left = partialPath(target, child.pid)
    expect(readdirSync(dir).sort()).toEqual([basename(left), 'killed.mts'].sort())
    const at = (Date.now() - 60 * 60 * 1000) / 1000 // an hour unchanged: its writer is gone
    utimesSync(left, at, at)
    writeWhole(join(dir, 'next.svg'), (temp) => writeFileSync(temp, SVG))
    expect(readdirSync(dir).sort()).toEqual(['killed.mts', 'next.svg'])
  }, 30_000)
})

describe('every writer writes whole', () => {
  // A .json path that is a folder is a folder export (below), not a failure.
  it.each(WRITERS.filter((w) => w.file !== 'out.json'))(
    '$name: a failed write leaves nothing beside the target',
    async ({ file, write }) => {
      const library = await seededLibrary()
      const dir = tempDir()
      // A folder (not empty) where the file should go: the rename onto it fails after the bytes were written.
      const taken = join(dir, file)
      mkdirSync(taken)
      writeFileSync(join(taken, 'inside.txt'), 'x')
      await expect(write(library, taken)).rejects.toThrow()
      expect(readdirSync(dir)).toEqual([file])
      expect(readdirSync(taken)).toEqual(['inside.txt'])
      library.close()
    },
    60_000
  )

  it.each(WRITERS)(
    '$name: what a killed write would leave is removed by the sweep',
    async ({ file, write }) => {
      const library = await seededLibrary()
      const dir = tempDir()
      const created = await namesCreatedDuring(dir, () => write(library, join(dir, file)))
      created.delete(file)
      expect(created.size).toBeGreaterThan(0) // it wrote under another name first
      for (const name of created) leaveStale(join(dir, name))
      removePartialOutputs(dir)
      expect(readdirSync(dir)).toEqual([file])
      library.close()
    },
    60_000
  )

  it('JSON export, a folder: a failed file leaves nothing, and the sweep knows its partial names', async () => {
    const library = await seededLibrary()
    const folder = tempDir()
    const first = `${basename(seedFiles()[0].name, extname(seedFiles()[0].name))}.json`
    mkdirSync(join(folder, first))
    writeFileSync(join(folder, first, 'inside.txt'), 'x')
    await expect(library.export('json', folder, { all: true })).rejects.toThrow()
    expect(readdirSync(folder).filter((n) => !n.endsWith('.json'))).toEqual([])
    expect(readdirSync(join(folder, first))).toEqual(['inside.txt'])

    const out = join(tempDir(), 'json')
    mkdirSync(out)
    const created = await namesCreatedDuring(out, () => library.export('json', out, { all: true }))
    const written = new Set(readdirSync(out))
    const temporary = [...created].filter((n) => !written.has(n))
    expect(temporary.length).toBe(written.size)
    for (const name of temporary) leaveStale(join(out, name))
    removePartialOutputs(out)
    expect(new Set(readdirSync(out))).toEqual(written)
    expect(existsSync(join(out, first))).toBe(true)
    library.close()
  }, 60_000)
})

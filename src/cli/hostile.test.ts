// The hostile-input suite (issue 12) through the built command line, as a separate process: the
// files of scripts/hostile-files.ts in one import batch with two real reports. The command must
// survive, import the real reports, say in Chinese what is wrong with each hostile file, keep its
// tab-separated output one line per file, and leave no process behind.

import { afterEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  cyclicFatDoc,
  longRowspansHtml,
  manyEntriesZip,
  pageWithSparseFiles,
  pictureBombPdf,
  rowspanZeroHtml,
  symlinkedPages,
  writeSparseFile
} from '../../scripts/hostile-files'
import { removeTempDirs, SEEDS_DIR, tempDir } from '../library/testing/fixtures'
import { readInput } from './args'

afterEach(removeTempDirs)

const BIN = resolve(__dirname, '../../bin/report-desk.mjs')
const TAB_NAME = 'name\twith\ttabs\nand a newline.txt'

interface Run {
  code: number | null
  signal: string | null
  out: string
  err: string
  mark: string
}

/** Runs the built command; `mark` is put in its environment so its processes can be found after. */
function run(args: string[]): Promise<Run> {
  const mark = `hostile-${process.pid}-${Math.random().toString(36).slice(2)}`
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, REPORT_DESK_TEST_MARK: mark }, maxBuffer: 16 << 20 }, (e, out, err) => {
      const failure = e as (Error & { code?: number; signal?: string }) | null
      done({ code: failure ? (failure.code ?? null) : 0, signal: failure?.signal ?? null, out, err, mark })
    })
  })
}

/** Processes still running with this mark in their environment (the command's extraction child would carry it). */
function survivors(mark: string): number[] {
  const found: number[] = []
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`REPORT_DESK_TEST_MARK=${mark}`)) found.push(Number(pid))
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found
}

function hostileBatch(): { dir: string; files: string[]; seeds: string[] } {
  const dir = tempDir('report-desk-hostile-')
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, 2)
    .map((f) => join(SEEDS_DIR, f))
  writeFileSync(join(dir, 'killer.doc'), cyclicFatDoc())
  writeFileSync(join(dir, 'many-entries.docx'), manyEntriesZip())
  writeFileSync(join(dir, TAB_NAME), '这不是一份年度报告')
  writeSparseFile(join(dir, 'huge.txt'), 200 * 1024 * 1024)
  const files = [seeds[0], join(dir, 'killer.doc'), join(dir, 'many-entries.docx'), join(dir, TAB_NAME), join(dir, 'huge.txt'), seeds[1]]
  return { dir, files, seeds }
}

describe.runIf(process.platform === 'linux')('the built command line on hostile files', () => {
  it('imports the real reports of a batch with the killer .doc, says what is wrong with each bad file, and survives', async () => {
    const { dir, files } = hostileBatch()
    const r = await run(['import', ...files, '--library', join(dir, 'library.sqlite')])
    expect(r.signal).toBeNull()
    expect(r.code).toBe(1) // some files failed; not 133 (V8 aborted), not a crash
    const lines = r.out.trimEnd().split('\n')
    expect(lines).toHaveLength(files.length) // one line per file, whatever the names hold
    // Lines come as files land (quick ones first, several at once): found by name.
    const byName = new Map(lines.map((l) => [l.split('\t')[0], l.split('\t')]))
    const named = (path: string): string => (path.endsWith('huge.txt') ? path : path.split('/').pop()!.replace(/\t/g, '\\t').replace(/\n/g, '\\n'))
    const [first, killer, zip, tabName, huge, last] = files.map((f) => byName.get(named(f))!)
    expect(first[1]).toBe('已导入')
    expect(last[1]).toBe('已导入')
    expect(killer).toEqual(['killer.doc', expect.stringMatching(/^导入失败：Word 97–2003（\.doc）文件结构已损坏（数据流的扇区链存在循环）/)])
    expect(zip).toEqual(['many-entries.docx', expect.stringMatching(/^导入失败：.*压缩炸弹/)])
    expect(tabName).toEqual(['name\\twith\\ttabs\\nand a newline.txt', '已导入'])
    expect(huge).toEqual([join(dir, 'huge.txt'), expect.stringMatching(/^导入失败：.*文件超过 100 MB.*（200 MB）/)])
    expect(survivors(r.mark)).toEqual([])

    const listed = await run(['list', '--library', join(dir, 'library.sqlite'), '--json'])
    const reports = JSON.parse(listed.out) as { fileName: string }[]
    expect(reports.map((x) => x.fileName)).toContain(TAB_NAME)
    expect(reports).toHaveLength(3)
    const table = await run(['list', '--library', join(dir, 'library.sqlite')])
    expect(table.out.trimEnd().split('\n')).toHaveLength(3)
    expect(table.out).toContain('\tname\\twith\\ttabs\\nand a newline.txt\n')
  })

  it('answers import --json with one JSON line per file, names unescaped', async () => {
    const { dir, files } = hostileBatch()
    const r = await run(['import', ...files, '--library', join(dir, 'library.sqlite'), '--json'])
    expect(r.code).toBe(1)
    // One JSON object per line, as each file lands; every file once.
    const landed = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; name: string; status: string; error?: string })
    expect(landed.map((o) => o.path).sort()).toEqual([...files].sort())
    const outcomes = files.map((f) => landed.find((o) => o.path === f)!)
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'failed', 'imported', 'failed', 'imported'])
    expect(outcomes[3].name).toBe(TAB_NAME)
    expect(outcomes[1].error).toMatch(/文件结构已损坏/)
  })

  it('extract of a small PDF painting one 20000² picture says the picture is too large, without decoding it', async () => {
    const dir = tempDir('report-desk-hostile-')
    writeFileSync(join(dir, 'bomb.pdf'), pictureBombPdf(20_000, 20_000, 1))
    const r = await run(['extract', join(dir, 'bomb.pdf')])
    expect(r.signal).toBeNull()
    expect(r.out).toMatch(/PDF 中有一张图片尺寸过大（20000 × 20000 像素，超过 6000 万像素的上限），未解码/)
    expect(r.out).not.toMatch(/解析超时|内存/)
    expect(survivors(r.mark)).toEqual([])
  })

  // Issue 22, item 11: rowspan pages once cost rows × rows in reading (spans each ending on a row of
  // their own) or in extraction (label + blank rows); 60 000 blank rows outlasted the 60 s limit.
  it.each([
    ['rowspan="0" with blank cells', () => rowspanZeroHtml(20_000, 8, ''), /^此处起连续 200 个以上的标签之后只有空白单元格/],
    ['spans of half the table in every row', () => longRowspansHtml(20_000), /^网页第 1 个表格同时跨行的单元格超过 100 个.*其后 9,900 个跨行单元格按不跨行读取/]
  ])('extract of a 20 000-row page (%s) finishes with a report and says what it let go', async (_, page, warned) => {
    const dir = tempDir('report-desk-hostile-')
    writeFileSync(join(dir, 'rows.html'), page())
    const r = await run(['extract', join(dir, 'rows.html'), '--json'])
    expect(r.signal).toBeNull()
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out) as { tables: Record<string, string>; messages: Array<{ type: string; message: string }> }
    expect(report.tables).toEqual({ active: 'missing', requests: 'missing', appeals: 'missing' })
    expect(report.messages).toContainEqual(expect.objectContaining({ type: 'warning', message: expect.stringMatching(warned) }))
    expect(survivors(r.mark)).toEqual([])
  })

  it('extract of the killer .doc fails in Chinese with exit code 1', async () => {
    const { dir } = hostileBatch()
    const r = await run(['extract', join(dir, 'killer.doc')])
    expect(r.signal).toBeNull()
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/文件结构已损坏/)
    expect(survivors(r.mark)).toEqual([])
  })
})

describe('reading an input file', () => {
  it('refuses a file above 100 MB from its size, without reading it', async () => {
    const path = join(tempDir(), 'huge.txt')
    writeSparseFile(path, 200 * 1024 * 1024)
    let reads = 0
    const read = async (): Promise<Uint8Array> => (reads++, new Uint8Array(0))
    await expect(readInput(path, { read })).rejects.toThrow(/文件超过 100 MB.*（200 MB）/)
    expect(reads).toBe(0)
  })
})

describe.runIf(process.platform !== 'win32')('a saved page whose files lead out of its folder (symbolic links)', () => {
  /** readInput with a reader that records every path it is asked to read. */
  async function readRecorded(path: string, options: { folder?: boolean } = {}) {
    const reads: string[] = []
    const warnings: string[] = []
    const payload = await readInput(path, {
      ...options,
      read: async (p) => (reads.push(p), new Uint8Array(readFileSync(p))),
      warn: (m) => warnings.push(m)
    })
    return { payload, reads, warnings }
  }

  it.each([
    ['linkedFolder', 'its _files folder is a link to another folder', []],
    ['linkedFile', 'a file inside _files is a link out of it', ['linked-file_files/own.png']],
    ['looped', 'links inside _files to itself and its parent (a loop)', ['looped_files/own.png']],
    ['linkedSubfolder', 'a folder inside _files is a link out of it', []]
  ] as const)('%s: %s — nothing outside is read, the link is named', async (which, _what, kept) => {
    const { pages, outside } = symlinkedPages(tempDir('report-desk-links-'))
    const { payload, reads, warnings } = await readRecorded(pages[which])
    expect((payload.attachments ?? []).map((a) => a.path)).toEqual(kept)
    expect(reads.filter((p) => !relative(outside, p).startsWith('..'))).toEqual([])
    expect(payload.attachments?.some((a) => new TextDecoder().decode(a.bytes).includes('SECRET'))).not.toBe(true)
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.join('\n')).toMatch(/符号链接.*未读取/)
  })

  it('a folder given as one report does not follow a link out of it either', async () => {
    const dir = tempDir('report-desk-links-')
    const { outside } = symlinkedPages(dir)
    const one = join(dir, 'one')
    mkdirSync(join(one, 'page_files'), { recursive: true })
    writeFileSync(join(one, 'page.html'), '<p>年度报告</p>')
    writeFileSync(join(one, 'page_files', 'own.png'), 'OWN')
    symlinkSync(outside, join(one, 'page_files', 'linked'))
    symlinkSync(join(outside, 'secret.png'), join(one, 'page_files', 'secret.png'))
    const { payload, reads, warnings } = await readRecorded(one, { folder: true })
    expect(payload.attachments?.map((a) => a.path)).toEqual(['page_files/own.png'])
    expect(reads.filter((p) => !relative(outside, p).startsWith('..'))).toEqual([])
    expect(warnings).toHaveLength(2)
  })

  it('the built command line extracts the page without the linked folder and says so', async () => {
    const { pages } = symlinkedPages(tempDir('report-desk-links-'))
    const r = await run(['extract', pages.linkedFolder, '--json'])
    expect(r.err).toMatch(/linked-folder_files 是符号链接.*未读取/)
    expect(r.out).not.toContain('SECRET')
  })
})

describe('the files beside a report, together', () => {
  it.each([5, 20])('a page with %d sparse 99 MB files beside it is refused from their sizes, none read', async (count) => {
    const page = pageWithSparseFiles(tempDir('report-desk-sparse-'), count)
    let reads = 0
    const read = async (): Promise<Uint8Array> => (reads++, new Uint8Array(0))
    await expect(readInput(page, { read })).rejects.toThrow(new RegExp(`报告连同附带文件合计超过一份报告的上限 200 MB，未读取。（${count * 99} MB）`))
    expect(reads).toBe(0)
  })

  it('two small files beside a page stay under the total and are read', async () => {
    const page = pageWithSparseFiles(tempDir('report-desk-sparse-'), 2, 1024)
    const payload = await readInput(page)
    expect(payload.attachments).toHaveLength(2)
  })
})

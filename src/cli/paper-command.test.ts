import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { idsFrom } from './paper-command'
import { removeTempDirs, seededLibrary, tempDir } from '../library/testing/fixtures'
import { findChromium, NO_CHROMIUM } from '../library/export/paper/chromium'

afterEach(() => {
  delete process.env.REPORT_DESK_CHROMIUM
  removeTempDirs()
})

/** A library file with the five seeds, seed 1 corrected and verified. */
async function libraryFile(): Promise<string> {
  const library = await seededLibrary()
  library.editCell(1, 'requests.new_received.natural', '7', '原文为 7')
  for (const f of library.getReport(1).findings.filter((x) => x.status === 'fail')) library.acceptFinding(1, f.rule, f.cells, '原文如此，已核对')
  library.verifyReport(1)
  library.close()
  return library.path
}

describe('report-desk paper', () => {
  it.each([
    [
      ['--id', '3', '5'],
      [3, 5]
    ],
    [
      ['--id', '3', '--id', '5', '--format', 'pdf'],
      [3, 5]
    ],
    [['--library', 'x', '--id', 'x1'], [NaN]],
    [['--all-verified'], []]
  ])('%j → ids %j', (args, ids) => {
    expect(idsFrom(args)).toEqual(ids)
  })

  it('writes the papers of the chosen reports, or of every verified one, as XLSX', async () => {
    const library = await libraryFile()
    const dir = tempDir()
    const chosen = join(dir, 'chosen.xlsx')
    const two = await run(['paper', '--library', library, '--id', '1', '2', '--format', 'xlsx', '--out', chosen])
    expect(two.code).toBe(0)
    expect(two.out).toContain('已导出 2 份核验底稿')
    expect(two.err).toContain('报告 2 尚未核验')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(chosen)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['益阳市应急管理局2022', '东风区应急管理局2021'])

    const verified = join(dir, 'verified.xlsx')
    const all = await run(['paper', '--library', library, '--all-verified', '--format', 'xlsx', '--out', verified])
    expect(all.out).toContain('已导出 1 份核验底稿')
    await wb.xlsx.readFile(verified)
    expect(wb.worksheets).toHaveLength(1)
  }, 60_000)

  it('refuses, in Chinese, what it cannot do', async () => {
    const library = await libraryFile()
    const dir = tempDir()
    const out = join(dir, 'p.xlsx')
    const cases: [string[], number, RegExp][] = [
      [['--format', 'xlsx', '--out', out], 2, /--all-verified/],
      [['--id', '1', '--all-verified', '--format', 'xlsx', '--out', out], 2, /二者选一/],
      [['--id', 'one', '--format', 'xlsx', '--out', out], 2, /报告编号/],
      [['--id', '1', '--format', 'docx', '--out', out], 2, /xlsx 或 pdf/],
      [['--id', '99', '--format', 'xlsx', '--out', out], 1, /找不到编号为 99 的报告/],
      [['--id', '1', '--format', 'xlsx', '--out', library], 1, /不能导出到资料库文件/],
      [['--id', '1', '--format', 'xlsx', '--out', `${library}-shm`], 1, /不能导出到资料库文件/]
    ]
    for (const [args, code, message] of cases) {
      const result = await run(['paper', '--library', library, ...args])
      expect(result.code, args.join(' ')).toBe(code)
      expect(result.err, args.join(' ')).toMatch(message)
    }
    expect(existsSync(out)).toBe(false)
    process.env.REPORT_DESK_CHROMIUM = join(dir, 'no-such-chromium')
    const noPdf = await run(['paper', '--library', library, '--id', '1', '--format', 'pdf', '--out', join(dir, 'p.pdf')])
    expect(noPdf.code).toBe(1)
    expect(noPdf.err).toContain(NO_CHROMIUM)
    expect(existsSync(join(dir, 'p.pdf'))).toBe(false)
  }, 60_000)

  it.skipIf(!findChromium())(
    'writes a PDF with a system Chromium',
    async () => {
      const library = await libraryFile()
      const pdf = join(tempDir(), '底稿.pdf')
      const result = await run(['paper', '--library', library, '--id', '1', '--format', 'pdf', '--out', pdf])
      expect(result.code).toBe(0)
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      expect(text).toContain('益阳市应急管理局')
      expect(text).toContain('原文为 7')
    },
    60_000
  )
})

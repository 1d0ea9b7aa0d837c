import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { invokeHandler } from '../shared/contract'
import { Library } from '../library/library'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from '../library/testing/fixtures'
import { createHandlers, type Dialogs } from './handlers'

afterEach(removeTempDirs)

class Scripted implements Dialogs {
  save: (string | null)[] = []
  asked: { title: string; defaultName: string; extensions: string[] }[] = []
  async chooseSavePath(o: { title: string; defaultName: string; extensions: string[] }): Promise<string | null> {
    this.asked.push(o)
    return this.save.shift() ?? null
  }
  async chooseOpenPath(): Promise<string | null> {
    return null
  }
}

async function setup(withPdf: boolean) {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  const dialogs = new Scripted()
  const printed: string[] = []
  // A stand-in printer: records the HTML it was given and answers with PDF-looking bytes.
  const renderPdf = async (html: string) => (printed.push(html), new TextEncoder().encode('%PDF-1.4 stand-in'))
  const handlers = createHandlers({
    library,
    extract: memoExtract,
    dialogs,
    openLibrary: () => library,
    ...(withPdf ? { renderPdf } : {})
  })
  await handlers.importFiles({ files: seedFiles() })
  return { handlers, dialogs, library, printed }
}

describe('exportPaper handler', () => {
  it('asks where to save with the agency and year in the name, then writes the paper', async () => {
    const { handlers, dialogs, library, printed } = await setup(true)
    const dir = tempDir()
    dialogs.save.push(join(dir, 'one.xlsx'), join(dir, 'two.pdf'), null)
    expect(await handlers.exportPaper({ reportIds: [1], format: 'xlsx' })).toEqual({ path: join(dir, 'one.xlsx'), reports: 1 })
    expect(dialogs.asked[0]).toMatchObject({ title: '导出核验底稿', defaultName: '核验底稿-益阳市应急管理局-2022.xlsx', extensions: ['xlsx'] })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(dir, 'one.xlsx'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['益阳市应急管理局2022'])

    expect(await handlers.exportPaper({ reportIds: [1, 2], format: 'pdf' })).toEqual({ path: join(dir, 'two.pdf'), reports: 2 })
    expect(dialogs.asked[1].defaultName).toMatch(/^核验底稿-\d{8}\.pdf$/)
    expect(readFileSync(join(dir, 'two.pdf'), 'utf8')).toBe('%PDF-1.4 stand-in')
    expect(printed[0]).toContain('益阳市应急管理局')
    expect(printed[0]).toContain('东风区应急管理局')
    expect(printed[0]).toContain('未核验')

    expect(await handlers.exportPaper({ reportIds: [1], format: 'xlsx' })).toBeNull()
    library.close()
  })

  it('refuses in Chinese: bad format, no reports, an unknown report, PDF without a printer, the library itself', async () => {
    const { handlers, dialogs, library } = await setup(false)
    const message = async (args: unknown) => {
      const r = await invokeHandler(handlers, 'exportPaper', args as never)
      return r.ok ? '' : r.error.message
    }
    expect(await message({ reportIds: [1], format: 'docx' })).toBe('底稿格式只能是 xlsx 或 pdf')
    expect(await message({ reportIds: [], format: 'xlsx' })).toMatch(/请选择要导出底稿的报告/)
    expect(await message({ reportIds: ['1'], format: 'xlsx' })).toBe('报告编号无效')
    expect(await message({ reportIds: [99], format: 'xlsx' })).toMatch(/找不到该报告/)
    expect(await message({ reportIds: [1], format: 'pdf' })).toMatch(/无法生成 PDF/)
    expect(dialogs.asked).toHaveLength(0)
    dialogs.save.push(library.path)
    expect(await message({ reportIds: [1], format: 'xlsx' })).toMatch(/不能导出到资料库文件/)
    expect(existsSync(library.path)).toBe(true)
    expect(library.listReports()).toHaveLength(5)
    library.close()
  })
})

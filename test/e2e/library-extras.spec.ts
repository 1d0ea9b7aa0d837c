// The library list: search by year, status and file name with a count that is never stale; the
// import queue puts failures first; near-duplicates are flagged, compared, and one kept by a confirmed delete.

import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { requireShared, seed } from './shared-files'
import ExcelJS from 'exceljs'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { cleanReports } from './clean-reports'

test.beforeAll(requireShared)

async function withSeeds(app: AppHarness, prefixes: string[]): Promise<LibraryPage> {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(prefixes.map(seed)))
  await library.importDone(prefixes.length)
  await expect(library.rows).toHaveCount(prefixes.length)
  return library
}

test('search matches year, status and file name; the count always belongs to the rows shown', async ({ app }) => {
  const library = await withSeeds(app, ['000_', '001_', '002_', '003_'])
  app.library.verifyReport(app.library.listReports({ search: '东风区' })[0].id)
  await app.open()
  await expect(library.count).toHaveText('共 4 份报告')

  const cases: [string, number][] = [
    ['2021', 2],
    ['已核验', 1],
    ['003_3e45', 1],
    ['应急 2022', 1],
    ['米易 2019', 0]
  ]
  for (const [search, n] of cases) {
    await library.search.fill(search)
    await expect(library.rows).toHaveCount(n)
    await expect(library.count).toHaveText(`显示 ${n} / 4 份`)
  }

  // Typed key by key, as fast as the keyboard goes: the count settles on the last search, never on an earlier one.
  await library.search.fill('')
  await expect(library.count).toHaveText('共 4 份报告')
  await library.search.pressSequentially('2021 米易', { delay: 0 })
  await expect(library.count).toHaveText('显示 1 / 4 份')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('攀枝花市米易县')

  // An earlier keystroke's answer arriving after the latest one's: it is dropped, rows and count alike.
  const list = app.library.listReports.bind(app.library)
  const slow = app.library as unknown as { listReports: (f: { search?: string }) => unknown }
  slow.listReports = (f) => (f.search === '202' ? new Promise((resolve) => setTimeout(() => resolve(list(f)), 1500)) : list(f))
  await library.search.fill('202')
  await expect(library.count).toHaveText('正在搜索…')
  await library.search.fill('2021')
  await expect(library.count).toHaveText('显示 2 / 4 份')
  await app.page.waitForTimeout(2000)
  await expect(library.count).toHaveText('显示 2 / 4 份')
  await expect(library.rows).toHaveCount(2)
})

test('the import queue lists the failures first, not the first lines', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  const garbage = new Uint8Array(4096)
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256
  const broken = [
    { name: 'zz-empty.docx', bytes: new Uint8Array() },
    { name: 'zz-garbage.bin', bytes: garbage }
  ]
  await library.drop([...cleanReports(8), ...broken])
  await library.importDone(10)
  const lines = library.importResults.getByTestId('import-result')
  await expect(lines).toHaveCount(10)
  await expect(lines.nth(0)).toContainText('导入失败')
  await expect(lines.nth(1)).toContainText('导入失败')
  await expect(lines.nth(0)).toBeInViewport()
  await expect(lines.nth(2)).toContainText('已导入')
})

test('the 条提示 of an import are said: the count opens the messages (issue 21 item 7)', async ({ app }) => {
  const library = await withSeeds(app, ['000_'])
  await library.drop([{ name: 'notes.txt', bytes: Buffer.from('这是一份工作说明，没有表格。\n') }])
  await library.importDone(1)
  const warnings = library.importWarnings('notes.txt')
  await expect(warnings).toContainText(/\d+ 条提示/)
  const count = Number(/(\d+) 条提示/.exec((await warnings.locator('summary').textContent()) ?? '')![1])
  await expect(warnings.locator('summary')).toHaveAttribute('title', /未找到表格/)
  const items = await library.showImportWarnings('notes.txt')
  await expect(items).toHaveCount(count)
  await expect(items.filter({ hasText: '未找到表格“三、收到和处理政府信息公开申请情况”' })).toBeVisible()
  await expect(items.filter({ hasText: '未能识别报告所属年度' })).toBeVisible()
})

test('batch 底稿 for the reports the list shows: one sheet per report (issue 21 item 11)', async ({ app }) => {
  const library = await withSeeds(app, ['000_', '001_', '002_'])
  await library.search.fill('2021')
  await expect(library.rows).toHaveCount(2)
  const shown = app.library.listReports({ search: '2021' })
  const file = join(app.tempDir, 'papers.xlsx')
  app.dialogs.nextSavePath = file
  await expect(await library.exportPapersShown(2, 'Excel')).toContainText(`已导出核验底稿：${file}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  expect(book.worksheets).toHaveLength(2)
  const titles = book.worksheets.map((s) => s.name).join(' ')
  for (const r of shown) expect(titles).toContain(r.agency!.slice(0, 4))
})

test('batch 底稿 for rows picked in the list: the selection, not the filter (issue 21 item 11)', async ({ app }) => {
  const library = await withSeeds(app, ['000_', '001_', '002_'])
  await expect(library.rows).toHaveCount(3)
  await expect(library.paperButton()).toHaveText('导出底稿（显示的 3 份） ▾')
  const all = app.library.listReports()
  const [first, third] = [all[0], all[2]]
  await library.pickRow(first.fileName)
  await library.pickRow(third.fileName)
  await expect(library.paperButton()).toHaveText('导出底稿（选中的 2 份） ▾')
  const file = join(app.tempDir, 'picked.xlsx')
  app.dialogs.nextSavePath = file
  await expect(await library.exportPapersPicked(2, 'Excel')).toContainText(`已导出核验底稿：${file}`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  const titles = book.worksheets.map((s) => s.name)
  expect(titles).toHaveLength(2)
  expect(titles.join(' ')).toContain(first.agency!.slice(0, 4))
  expect(titles.join(' ')).toContain(third.agency!.slice(0, 4))
  expect(titles.join(' ')).not.toContain(all[1].agency!.slice(0, 4))
})

test('a near-duplicate is flagged at import and in the list, compared side by side, and one kept by a confirmed delete', async ({ app }) => {
  const library = await withSeeds(app, ['000_'])
  const bytes = readFileSync(seed('000_'))
  await library.drop([{ name: 'yiyang-resaved.txt', bytes: Buffer.concat([bytes, Buffer.from('\n')]) }])
  await library.importDone(1)
  await expect(library.resultFor('yiyang-resaved.txt').getByTestId('import-near-duplicate')).toBeVisible()
  await expect(library.summary).toContainText('1 份与资料库中已有的报告相近')
  await expect(library.rows).toHaveCount(2)
  await expect(app.page.getByTestId('near-duplicate-badge')).toHaveCount(2)

  const originalRow = app.library.listReports().find((r) => r.fileName !== 'yiyang-resaved.txt')!
  app.library.editCell(originalRow.id, 'requests.new_received.natural', '4')

  await library.resultFor('yiyang-resaved.txt').getByRole('button', { name: '对照…' }).click()
  const dialog = app.page.getByTestId('near-duplicates')
  await expect(dialog).toContainText('yiyang-resaved.txt')
  await expect(dialog).toContainText(originalRow.fileName)
  await expect(dialog.getByTestId('near-duplicate-summary')).toContainText('1 个单元格不同')
  await expect(dialog.getByTestId('near-duplicate-table')).toContainText('本年新收')

  // Keeping one only asks; nothing is deleted until the deletion is confirmed.
  await dialog.getByRole('button', { name: '保留右边这份…' }).click()
  const confirm = dialog.getByTestId('near-duplicate-confirm')
  await expect(confirm).toContainText('将删除 yiyang-resaved.txt')
  await confirm.getByRole('button', { name: '取消' }).click()
  await expect(confirm).toBeHidden()
  expect(app.library.listReports()).toHaveLength(2)

  await dialog.getByRole('button', { name: '保留右边这份…' }).click()
  await confirm.getByLabel('删除原因').fill('同一报告重新保存，保留原件')
  await confirm.getByRole('button', { name: '确认删除' }).click()
  await expect(dialog).toBeHidden()
  await expect(library.banner).toContainText('已删除 yiyang-resaved.txt')
  await expect(library.rows).toHaveCount(1)
  await expect(app.page.getByTestId('near-duplicate-badge')).toHaveCount(0)
  expect(app.library.deletedReports()).toMatchObject([{ fileName: 'yiyang-resaved.txt', deletedBy: '王核验', reason: '同一报告重新保存，保留原件' }])
})

test('JSON export writes what was chosen: one .json file, or a folder; the workbook names rules and cells in Chinese', async ({ app }) => {
  const library = await withSeeds(app, ['000_', '001_', '002_'])
  const [miyi] = app.library.listReports({ search: '米易' })
  app.library.editCell(miyi.id, 'requests.new_received.natural', '11')

  const file = join(app.tempDir, '全部报告.json')
  app.dialogs.nextSavePath = file
  await library.menuButton.click()
  await app.page.getByRole('checkbox', { name: '包括未核验的报告' }).check()
  await app.page.getByRole('menuitem', { name: 'JSON 数据：全部报告一个文件（.json）' }).click()
  await expect(library.banner).toContainText(`已导出 3 份报告：${file}`)
  expect(statSync(file).isFile()).toBe(true)
  expect(JSON.parse(readFileSync(file, 'utf8')).reports).toHaveLength(3)

  const folder = join(app.tempDir, 'json-folder')
  app.dialogs.nextSavePath = folder
  await library.menuButton.click()
  await app.page.getByRole('checkbox', { name: '包括未核验的报告' }).check()
  await app.page.getByRole('menuitem', { name: 'JSON 数据：每份报告一个文件（选择文件夹）' }).click()
  await expect(library.banner).toContainText(`已导出 3 份报告：${folder}`)
  expect(readdirSync(folder).filter((n) => n.endsWith('.json'))).toHaveLength(3)
  expect(app.dialogs.asked.slice(-2)).toEqual(['导出 JSON（全部报告一个文件）', '选择导出 JSON 的文件夹（每份报告一个文件）'])

  const xlsx = join(app.tempDir, 'out.xlsx')
  app.dialogs.nextSavePath = xlsx
  await library.menuButton.click()
  await app.page.getByRole('checkbox', { name: '包括未核验的报告' }).check()
  await app.page.getByRole('menuitem', { name: 'Excel 工作簿（.xlsx）' }).click()
  await expect(library.banner).toContainText(`已导出 3 份报告：${xlsx}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(xlsx)
  const issues = workbook.getWorksheet('问题清单')!
  const balance = issues.getRows(2, issues.rowCount - 1)!.find((r) => r.getCell(13).value === 'requests.balance')!
  expect(balance.getCell(4).value).toBe('收支平衡（每列）')
  expect(String(balance.getCell(6).value)).toContain('本年新收')
  expect(workbook.getWorksheet('核验记录')!.getRow(2).getCell(9).value).toBeInstanceOf(Date)
})

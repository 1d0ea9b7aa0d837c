import { test, expect, type AppHarness } from './bridge'
import Database from 'better-sqlite3'
import { NATURAL, theirLibrary, verifyWith } from './merge-fixture'
import { ReviewPage } from './pages/ReviewPage'
import { OPERATIONS } from '../../src/shared/contract'
import { LibraryPage } from './pages/LibraryPage'
import { requireShared, seed } from './shared-files'
import { cyclicFatDoc } from '../../scripts/hostile-files'

test.beforeAll(requireShared)

test('opens on the empty library screen, in Chinese, with no console error', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await expect(library.screen).toBeVisible()
  await expect(library.emptyTitle).toBeVisible()
  await expect(library.pickButton).toBeVisible()
  await expect(app.page).toHaveTitle('年报核验台')
  await expect(app.page.getByText('把年度报告文件或整个文件夹拖到这里')).toBeVisible()
})

test('the renderer has no node and no generic IPC, only the named operations', async ({ app }) => {
  await app.open()
  const globals = await app.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys(window.api).sort()
  }))
  expect(globals.require).toBe('undefined')
  expect(globals.process).toBe('undefined')
  expect(globals.api).toEqual([...OPERATIONS].sort())
})

test('a dropped seed report is imported and listed with its agency', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.resultFor('000_')).toContainText('已导入')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rowFor('益阳市应急管理局')).toContainText('2022')
  expect(app.library.info().reportCount).toBe(1)
})

test('importing the same file twice does not duplicate it', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  const files = LibraryPage.fromPaths([seed('001_')])
  await library.drop(files)
  await expect(library.resultFor('001_')).toContainText('已导入')
  await library.drop(files)
  await expect(library.resultFor('001_')).toContainText('已在资料库中')
  await expect(library.rows).toHaveCount(1)
  expect(app.library.info().reportCount).toBe(1)
})

test('the file picker imports several files', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.pick([seed('000_'), seed('002_')])
  await expect(library.importResults.getByTestId('import-result')).toHaveCount(2)
  await expect(library.rows).toHaveCount(2)
})

test('a .doc that used to abort the whole process fails alone, in Chinese, and the rest of the drop is imported', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop([...LibraryPage.fromPaths([seed('000_')]), { name: 'killer.doc', bytes: cyclicFatDoc() }, ...LibraryPage.fromPaths([seed('001_')])])
  await expect(library.importResults).toContainText('其中 1 个失败')
  await expect(library.resultFor('killer.doc').locator('.import-result__reason')).toContainText('文件结构已损坏')
  await expect(library.rows).toHaveCount(2)
  expect(app.library.info().reportCount).toBe(2)
})

test('an empty file and binary garbage fail with a clear message and change nothing', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.rows).toHaveCount(1)
  const garbage = new Uint8Array(4096)
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256
  await library.drop([
    { name: 'empty.docx', bytes: new Uint8Array(0) },
    { name: 'garbage.bin', bytes: garbage }
  ])
  await expect(library.importResults).toContainText('其中 2 个失败')
  await expect(library.resultFor('empty.docx')).toContainText('导入失败')
  await expect(library.resultFor('empty.docx').locator('.import-result__reason')).not.toBeEmpty()
  await expect(library.resultFor('garbage.bin').locator('.import-result__reason')).not.toBeEmpty()
  await expect(library.rows).toHaveCount(1)
  expect(app.library.info().reportCount).toBe(1)
})

test('many files import in small batches, each with its own line, and the list fills as they land', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  const text = (await import('node:fs')).readFileSync(seed('001_'))
  const files = Array.from({ length: 12 }, (_, i) => ({ name: `副本${i + 1}.txt`, bytes: Buffer.concat([text, Buffer.from(`\n附注${i}\n`)]) }))
  files.push({ name: 'empty.docx', bytes: Buffer.alloc(0) })
  await library.drop(files)
  await expect(library.importResults.locator('progress')).toBeVisible()
  await library.importDone(13)
  await expect(library.importResults.getByTestId('import-result')).toHaveCount(13)
  await expect(library.summary).toContainText('其中 1 个失败')
  await expect(library.resultFor('empty.docx').locator('.import-result__reason')).not.toBeEmpty()
  await expect(library.rows).toHaveCount(12)
})

test('a report opens with Enter from the list, and the back button returns to it', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.rows).toHaveCount(1)
  await library.rowFor('益阳市应急管理局').locator('.ag-cell').first().click()
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByTestId('review-screen')).toBeVisible()
  await app.page.getByTestId('reviewer-dialog').getByLabel('核验人姓名').fill('李四')
  await app.page.getByRole('button', { name: '开始核验' }).click()
  await app.page.getByRole('button', { name: '← 资料库' }).click()
  await expect(library.screen).toBeVisible()
  await expect(app.page.getByText('核验人：李四')).toBeVisible()
  // The name can be changed later from the header; what follows is recorded under the new one.
  await app.page.getByRole('button', { name: '核验人：李四' }).click()
  const dialog = app.page.getByTestId('reviewer-dialog')
  await expect(dialog).toContainText('更换核验人')
  await dialog.getByLabel('核验人姓名').fill('王五')
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(app.page.getByRole('button', { name: '核验人：王五' })).toBeVisible()
  expect(app.library.getSettings().reviewer).toBe('王五')
})

test('a report whose prose contradicts its tables is listed as 有问题 straight after import', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  const [original] = LibraryPage.fromPaths([seed('000_')])
  const text = Buffer.from(original.bytes).toString('utf8').replace('全年没有收到信息公开申请', '全年共收到政府信息公开申请15件')
  await library.drop([{ name: 'planted.txt', bytes: Buffer.from(text, 'utf8') }])
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('有问题')
  const [report] = app.library.listReports()
  expect(report).toMatchObject({ status: 'problem', openFindings: 1 })
})

/** The app open on a library holding seed 000 alone, with 张三 as its reviewer. */
async function withSeed000(app: AppHarness): Promise<{ library: LibraryPage; id: number }> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.rows).toHaveCount(1)
  const [{ id }] = app.library.listReports()
  app.library.setReviewer('张三')
  return { library, id }
}

test('a merge conflict is shown side by side and settled by taking their values', async ({ app }) => {
  const theirs = await theirLibrary(app.tempDir)
  const { library, id } = await withSeed000(app)
  verifyWith(app.library, id, '888')

  app.dialogs.nextOpenPath = theirs
  await library.menu('合并资料库…')
  await expect(library.banner).toContainText('1 份有冲突待裁定')
  const conflict = library.conflict('益阳市应急管理局')
  await expect(conflict).toContainText('双方都已核验')
  const row = conflict.getByRole('row', { name: /自然人/ })
  await expect(row).toContainText('888')
  await expect(row).toContainText('999')
  await expect(conflict.getByRole('columnheader', { name: /对方（已核验 · 李四）/ })).toBeVisible()

  // Closed and reopened from the banner: the conflict waits in the library.
  await library.conflicts.getByRole('button', { name: '关闭' }).click()
  await expect(library.conflictsBanner).toContainText('1 份报告的合并冲突待人工裁定')
  await app.open()
  await library.conflictsBanner.getByRole('button', { name: '逐一裁定…' }).click()
  await library.conflict('益阳市应急管理局').getByRole('button', { name: '采用对方的值' }).click()
  await expect(library.conflicts).toContainText('全部冲突已裁定')
  await library.conflicts.getByRole('button', { name: '关闭' }).click()
  await expect(library.conflictsBanner).toBeHidden()
  expect(app.library.getReport(id).cells[NATURAL]).toMatchObject({ raw: '999', corrected: true })
  expect(app.library.getReport(id).verifiedBy).toBe('李四')
})

test('the library is backed up and a backup merged back through the toolbar menu', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.rows).toHaveCount(1)
  const backup = `${app.tempDir}/backup.sqlite`
  app.dialogs.nextSavePath = backup
  await library.menu('备份资料库…')
  await expect(library.banner).toContainText('资料库已备份到')
  app.dialogs.nextOpenPath = backup
  await library.menu('合并资料库…')
  await expect(library.banner).toContainText('合并完成')
  app.dialogs.nextSavePath = null
  await library.menu('Excel 工作簿（.xlsx）')
  await expect(library.rows).toHaveCount(1)
})

test('a backup is restored by opening it: the list and the library name follow', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await expect(library.rows).toHaveCount(1)
  await expect(app.page.getByTestId('library-name')).toHaveText('资料库：library.sqlite')
  const backup = `${app.tempDir}/备份.sqlite`
  app.dialogs.nextSavePath = backup
  await library.menu('备份资料库…')
  await expect(library.banner).toContainText('资料库已备份到')
  await library.drop(LibraryPage.fromPaths([seed('001_')]))
  await expect(library.rows).toHaveCount(2)

  await library.openLibraryFile(app.dialogs, backup)
  await expect(library.banner).toContainText(`已打开资料库：${backup}（1 份报告）`)
  await expect(library.rows).toHaveCount(1)
  await expect(app.page.getByTestId('library-name')).toHaveText('资料库：备份.sqlite')
  expect(app.library.path).toBe(backup)
})

test('reports read by an older engine are re-extracted from the list; a disagreeing correction is kept and listed', async ({ app }) => {
  const { library, id } = await withSeed000(app)
  app.library.editCell(id, NATURAL, '5')
  // As if an older engine had read 1 in that cell: the new reading (the file's own) now differs from both.
  const db = new Database(app.library.path)
  db.prepare("UPDATE reports SET extractor_version = '0' WHERE id = ?").run(id)
  db.prepare("UPDATE cells SET ext_raw = '1', ext_value = 1 WHERE report_id = ? AND key = ?").run(id, NATURAL)
  db.close()

  await app.open()
  const stale = app.page.getByTestId('stale-banner')
  await expect(stale).toContainText('1 份报告由旧版解析程序提取')
  await stale.getByRole('button', { name: '重新提取' }).click()
  await expect(library.banner).toContainText('已重新提取 1 份报告')
  await expect(library.banner).toContainText('1 处与人工修改不一致')
  await expect(stale).toBeHidden()
  expect(app.library.getReport(id).cells[NATURAL]).toMatchObject({ raw: '5', corrected: true })

  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await expect(review.reextractionConflicts).toContainText('重新提取与人工修改不一致 1 处')
  await review.reextractionConflicts.getByRole('button', { name: /自然人/ }).click()
  await expect(review.inspector).toContainText('与人工修改“5”不同')
})

test('the import list, with its failure reasons, is still there after a report was opened', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop([...LibraryPage.fromPaths([seed('000_')]), { name: 'empty.txt', bytes: new Uint8Array() }])
  await library.importDone(2)
  await expect(library.importResults).toContainText('empty.txt')
  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('张三')
  await review.backButton.click()
  await expect(library.importResults).toContainText('empty.txt')
  await expect(library.importResults).toContainText('000_445a8fa4a95c6cf5.txt')
})

test('the list sorts by any column', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '001_', '002_', '004_'].map(seed)))
  await expect(library.rows).toHaveCount(4)
  // The years in the order shown (rows by their row-index, not their place in the DOM).
  const years = (): Promise<number[]> =>
    library.rows.evaluateAll((rows) =>
      rows
        .map((r) => ({ at: Number(r.getAttribute('row-index')), year: Number(r.querySelector('[col-id="year"]')?.textContent) }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.year)
    )
  const all = (await years()).slice().sort((a, b) => a - b)
  expect(new Set(all).size).toBeGreaterThan(2)
  const header = app.page.locator('[data-testid="report-grid"] .ag-header-cell[col-id="year"]')
  await header.click()
  await expect.poll(years).toEqual(all)
  await header.click()
  await expect.poll(years).toEqual([...all].reverse())
})

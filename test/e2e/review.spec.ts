import ExcelJS from 'exceljs'
import { join, resolve } from 'node:path'
import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const WORD_REPORT = resolve(__dirname, '../fixtures/docx/lo_2021_linchuan.docx')
const MIYI = '攀枝花市米易县'

/** Imports the five seeds and one Word report, then opens the Traditional-Chinese seed (002). */
async function openMiyi(app: AppHarness): Promise<ReviewPage> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '001_', '002_', '003_', '004_'].map(seed).concat(WORD_REPORT)))
  await library.importDone(6)
  await expect(library.rows).toHaveCount(6)
  await library.open(MIYI)
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await expect(review.header).toContainText(MIYI)
  return review
}

test('clicking a cell lights up its source; clicking the source selects the cell', async ({ app }) => {
  const review = await openMiyi(app)
  await review.select('requests.new_received.natural')
  await expect(review.sourceHighlight).toHaveText('10')
  await expect(review.sourceHighlight).toBeInViewport()
  await expect(review.inspector).toContainText('一、本年新收政府信息公开申请数量')

  await review.sourceCell('appeals.review.upheld').click()
  await expect(review.cell('appeals.review.upheld')).toHaveClass(/ag-cell-focus/)
  await expect(review.sourceHighlight).toHaveAttribute('data-key', 'appeals.review.upheld')
  // Back to a cell the grid had focused before: it follows again.
  await review.sourceCell('requests.new_received.natural').click()
  await expect(review.cell('requests.new_received.natural')).toHaveClass(/ag-cell-focus/)
  await review.sourceCell('appeals.review.upheld').click()
  await expect(review.cell('appeals.review.upheld')).toHaveClass(/ag-cell-focus/)
})

test('an edit re-runs the findings and persists with its history across a reload', async ({ app }) => {
  const review = await openMiyi(app)
  await expect(review.openFindings).toHaveText('全部核对完毕')
  await review.type('requests.new_received.natural', '11')
  await expect(review.cell('requests.new_received.natural')).toHaveText('11')
  await expect(review.cell('requests.new_received.natural')).toHaveClass(/rd-v--corrected/)
  await expect(review.openFindings).toContainText('项未解决')
  await expect(review.finding('requests.balance').locator('.badge--fail').first()).toBeVisible()
  await expect(review.status).toHaveText('有问题')

  await app.page.reload()
  await expect(review.screen).toBeVisible()
  await expect(review.cell('requests.new_received.natural')).toHaveText('11')
  await review.select('requests.new_received.natural')
  await review.historyToggle.click()
  await expect(review.history).toContainText('10 → 11')
  await expect(review.history).toContainText('王核验')
})

test('Enter, Tab and the arrows move; a reason typed beside is recorded; a finding selects its cells', async ({ app }) => {
  const review = await openMiyi(app)
  // toBeFocused, not the focus class: the grid marks a cell before it moves the keyboard focus there.
  await review.select('requests.new_received.natural')
  await app.page.keyboard.press('Tab')
  await expect(review.cell('requests.new_received.commercial')).toBeFocused()
  await app.page.keyboard.press('ArrowDown')
  await expect(review.cell('requests.carried_over.commercial')).toBeFocused()
  await app.page.keyboard.press('ArrowLeft')
  await expect(review.cell('requests.carried_over.natural')).toBeFocused()

  await review.inspector.getByPlaceholder('用于下一次修改').fill('原文第 3 页')
  await review.type('requests.new_received.natural', '11')
  // Enter confirms and moves down.
  await expect(review.cell('requests.carried_over.natural')).toBeFocused()
  await review.select('requests.new_received.natural')
  await review.historyToggle.click()
  await expect(review.history).toContainText('原文第 3 页')

  await review.finding('requests.balance').locator('.finding__main').first().click()
  await expect(review.inspector).not.toContainText('点击表格中的单元格')
  await expect(review.cell('requests.new_received.natural')).toHaveClass(/rd-v--finding/)
})

test('the split between the original and the tables is dragged, or moved with the arrow keys', async ({ app }) => {
  await openMiyi(app)
  const divider = app.page.getByRole('separator', { name: '拖动调整原文与表格的宽度' })
  const source = app.page.locator('.split__pane').first()
  const before = (await source.boundingBox())!.width
  const at = (await divider.boundingBox())!
  await app.page.mouse.move(at.x + at.width / 2, at.y + 50)
  await app.page.mouse.down()
  await app.page.mouse.move(at.x + 200, at.y + 50, { steps: 5 })
  await app.page.mouse.up()
  const dragged = (await source.boundingBox())!.width
  expect(dragged).toBeGreaterThan(before + 150)
  await divider.focus()
  await app.page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await source.boundingBox())!.width).toBeLessThan(dragged - 10)
})

test('Delete blanks a cell, distinct from 0', async ({ app }) => {
  const review = await openMiyi(app)
  await review.select('requests.carried_over.natural')
  await expect(review.cell('requests.carried_over.natural')).toHaveClass(/rd-v--zero/)
  await app.page.keyboard.press('Delete')
  await expect(review.cell('requests.carried_over.natural')).toHaveText('')
  await expect(review.cell('requests.carried_over.natural')).toHaveClass(/rd-v--blank/)
})

test('a 3×2 block pasted from Excel lands from the selected cell; Ctrl+Z undoes it, Ctrl+Y redoes it', async ({ app }) => {
  const review = await openMiyi(app)
  const keys = [
    'requests.denied.state_secret.natural',
    'requests.denied.state_secret.commercial',
    'requests.denied.prohibited_by_law.natural',
    'requests.denied.prohibited_by_law.commercial',
    'requests.denied.security_stability.natural',
    'requests.denied.security_stability.commercial'
  ]
  const before = await Promise.all(keys.map((k) => review.cell(k).textContent()))
  await review.paste(keys[0], '1\t2\r\n3\t4\r\n5\t6\r\n')
  for (const [i, k] of keys.entries()) await expect(review.cell(k)).toHaveText(String(i + 1))
  await expect(review.header).toContainText('已保存')

  await review.select(keys[0])
  await app.page.keyboard.press('Control+z')
  for (const [i, k] of keys.entries()) await expect(review.cell(k)).toHaveText(before[i] ?? '')
  await app.page.keyboard.press('Control+y')
  await expect(review.cell(keys[5])).toHaveText('6')
  await expect(review.header).toContainText('已保存')
  await app.page.reload()
  await expect(review.cell(keys[5])).toHaveText('6')
})

test('a failing finding is accepted with a comment, then the report is verified', async ({ app }) => {
  const review = await openMiyi(app)
  await review.type('appeals.review.upheld', '2')
  await expect(review.openFindings).toContainText('项未解决')
  await expect(review.verifyButton).toBeDisabled()

  while ((await review.findings.locator('.badge--fail').count()) > 0) {
    await review.acceptFirstFailing('原文如此，已核对')
    await expect(review.header).toContainText('已保存')
  }
  await expect(review.findings.locator('.badge--accepted').first()).toBeVisible()
  await expect(review.openFindings).toHaveText('全部核对完毕')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
  await expect(review.verifiedBy).toContainText('王核验')

  // Editing a verified report reopens it.
  await review.type('appeals.review.upheld', '1')
  await expect(review.status).not.toHaveText('已核验')
  await expect(review.verifyButton).toBeVisible()
  await review.type('appeals.review.upheld', '2')
  await expect(review.header).toContainText('已保存')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')

  await review.backButton.click()
  const library = new LibraryPage(app.page)
  await expect(library.rowFor(MIYI)).toContainText('已核验')
})

test('a Word report shows its HTML and highlights the table cell of a value', async ({ app }) => {
  await openMiyi(app)
  const review = new ReviewPage(app.page)
  await review.backButton.click()
  const library = new LibraryPage(app.page)
  await library.open('临川市市场监督管理局')
  await expect(review.sourcePane.locator('.source-pane__html table').first()).toBeVisible()
  await review.select('requests.new_received.natural')
  await expect(review.sourceHighlight).toHaveText('234')
  await expect(review.sourcePane.locator('script, iframe, form')).toHaveCount(0)
})

test('a table missing from the source can be typed into an empty official grid', async ({ app }) => {
  await openMiyi(app)
  const review = new ReviewPage(app.page)
  await review.backButton.click()
  await new LibraryPage(app.page).open('舟曲县应急管理局')
  await expect(app.page.getByTestId('missing-requests')).toBeVisible()
  await review.type('requests.new_received.natural', '7')
  await expect(review.cell('requests.new_received.natural')).toHaveText('7')
  await app.page.reload()
  await expect(review.cell('requests.new_received.natural')).toHaveText('7')
})

test('metadata is editable; the help panel lists the shortcuts', async ({ app }) => {
  const review = await openMiyi(app)
  await review.header.getByRole('button', { name: /^年度/ }).click()
  const year = review.header.getByLabel('年度')
  await year.fill('2020')
  await year.press('Enter')
  await expect(review.header.getByRole('button', { name: /^年度/ })).toContainText('2020')
  // The report's whole audit trail, metadata included, one click away.
  await review.header.getByRole('button', { name: '修改记录' }).click()
  const history = app.page.getByTestId('report-history')
  await expect(history.getByRole('row', { name: /年度/ })).toContainText('2021 → 2020')
  await history.getByRole('button', { name: '关闭' }).click()
  await expect(history).toBeHidden()
  await app.page.locator('body').press('?')
  await expect(review.helpPanel).toContainText('Ctrl+Z')
  await review.helpPanel.getByRole('button', { name: '知道了' }).click()
  await expect(review.helpPanel).toBeHidden()
})

test('library: filter by status and year, Traditional search, export through the menu', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '001_', '002_'].map(seed)))
  await library.importDone(3)
  await library.search.fill('米易縣')
  await expect(library.rows).toHaveCount(1)
  await library.search.fill('')
  await library.yearFilter.selectOption('2021')
  await expect(library.rows).toHaveCount(2)
  await library.yearFilter.selectOption('')
  await library.statusFilter.selectOption('verified')
  await expect(library.rows).toHaveCount(0)
  await library.statusFilter.selectOption('')

  app.dialogs.nextSavePath = join(app.tempDir, 'all.json')
  await library.menuButton.click()
  await app.page.getByText('包括未核验的报告').click()
  await app.page.getByRole('menuitem', { name: 'JSON 数据：全部报告一个文件（.json）' }).click()
  await expect(library.banner).toContainText('已导出 3 份报告')

  // The workbook the menu writes is one a spreadsheet reader opens: its six sheets, a row per report.
  const xlsx = join(app.tempDir, 'all.xlsx')
  app.dialogs.nextSavePath = xlsx
  await library.menuButton.click()
  await app.page.getByRole('checkbox', { name: '包括未核验的报告' }).check()
  await app.page.getByRole('menuitem', { name: 'Excel 工作簿（.xlsx）' }).click()
  await expect(library.banner).toContainText(`已导出 3 份报告：${xlsx}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(xlsx)
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '申请情况', '主动公开', '复议诉讼', '问题清单', '核验记录', '分析'])
  expect(workbook.getWorksheet('汇总')!.rowCount).toBe(3 + 3)
})

test('a picked folder is imported recursively, skipping files that are not reports', async ({ app }) => {
  const { mkdirSync, copyFileSync, writeFileSync } = await import('node:fs')
  const dir = join(app.tempDir, 'reports')
  mkdirSync(join(dir, 'sub'), { recursive: true })
  copyFileSync(seed('000_'), join(dir, 'a.txt'))
  copyFileSync(seed('001_'), join(dir, 'sub', 'b.txt'))
  // (pictures are taken now: they may be a report's page photos; a style sheet is not a report)
  writeFileSync(join(dir, 'sub', 'style.css'), 'p { color: red }')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.pickFolder(dir)
  await library.importDone(2)
  await expect(library.summary).toContainText('1 个非报告文件已跳过')
  await expect(library.rows).toHaveCount(2)
})

test('a PDF report shows its real pages, boxes the selected cell, and a click on a number selects it', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.pick([resolve(__dirname, '../fixtures/pdf/files/lo_2021_split.pdf')])
  await library.importDone(1)
  const [{ id }] = app.library.listReports()
  const cells = Object.values(app.library.getReport(id).cells)
  const onPage = (page: number) => cells.filter((c) => c.source?.page === page && c.source.bbox && c.value !== null)
  const lastPage = Math.max(...cells.map((c) => c.source?.page ?? 0))
  expect(lastPage, 'the fixture table runs over more than one page').toBeGreaterThan(1)

  await library.rows.first().dblclick()
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  // Page 1 of this fixture is blank as LibreOffice printed it; page 2 starts the text.
  await review.pdfPage(2).scrollIntoViewIfNeeded()
  await expect(review.pdfPage(2)).toHaveAttribute('data-rendered', 'true')
  const painted = await review
    .pdfPage(2)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++
      return dark
    })
  expect(painted, 'dark pixels drawn on page 2').toBeGreaterThan(1000)
  await expect(review.pdfPage(2).locator('.textLayer span').first()).toBeAttached()

  // A cell on a later page: its box is drawn on that page and scrolled into view.
  const late = onPage(lastPage)[0]
  await review.select(late.key)
  const box = review.pdfPage(lastPage).locator('.pdf-page__box')
  await expect(box).toHaveAttribute('data-key', late.key)
  await expect(box).toBeInViewport()

  // A click on a number of the page selects its cell in the grid.
  const other = onPage(lastPage).find((c) => c.key !== late.key)!
  const [x0, y0, x1, y1] = other.source!.bbox!
  await review.clickPdfPoint(lastPage, (x0 + x1) / 2, (y0 + y1) / 2)
  await expect(review.cell(other.key)).toHaveClass(/ag-cell-focus/)
  await expect(box).toHaveAttribute('data-key', other.key)

  // Zoom: the page grows and is drawn again at the new scale.
  const before = (await review.pdfPage(1).boundingBox())!.width
  await review.zoom('放大')
  await expect.poll(async () => (await review.pdfPage(1).boundingBox())!.width).toBeGreaterThan(before * 1.05)

  // The extracted text is one tab away, with the same highlight.
  await review.sourcePane.getByRole('tab', { name: '文字' }).click()
  await expect(review.sourceHighlight).toHaveText(other.raw)
})

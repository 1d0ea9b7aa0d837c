import { test, expect } from './bridge'
import { compareLibrary, COMPARE_AGENCY } from '../../src/library/testing/compare-fixture'
import { ComparePage } from './pages/ComparePage'
import { LibraryPage } from './pages/LibraryPage'

// The library of src/library/testing/compare-fixture.ts, opened as a reviewer opens a colleague's:
// 甲市教育局 2019 (2019 form), 2021, 2022 (新收 corrected to 7), 2023 verified, 2024 unverified;
// 乙县民政局 one report. The 统计 screen shows verified reports by default.

async function openCompareLibrary(app: {
  page: import('@playwright/test').Page
  tempDir: string
  dialogs: { nextOpenPath: string | null }
  open(): Promise<void>
}): Promise<void> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.openLibraryFile(app.dialogs, await compareLibrary(app.tempDir))
  await expect(library.banner).toContainText('已打开资料库')
}

test('an agency over the years: its years, the changed cells with their deltas, the 上年结转 links; a year opens its report', async ({ app }) => {
  await openCompareLibrary(app)
  const compare = new ComparePage(app.page)
  await compare.openFromStats(COMPARE_AGENCY)

  await expect(compare.view.getByRole('heading', { name: '甲市教育局 · 历年对比' })).toBeVisible()
  await expect(compare.years).toHaveText('4 份报告：2019、2021、2022、2023')
  await expect(compare.view.getByTestId('compare-left-out')).toContainText('另有 1 份未核验的报告未列入')
  for (const year of [2019, 2021, 2022, 2023]) await expect(compare.yearHeader(year)).toHaveText(`${year} 年`)

  // The links come first, one per pair of reports side by side.
  await expect(compare.carryLinks).toHaveCount(3)
  const gap = compare.carryLink(2019, 2021)
  await expect(gap).toHaveAttribute('data-holds', 'null')
  await expect(gap).toContainText('无法核对')
  await expect(gap).toContainText('缺 2020 年的报告')
  const holds = compare.carryLink(2021, 2022)
  await expect(holds).toHaveAttribute('data-holds', 'true')
  await expect(holds).toContainText('✓')
  await expect(holds).toContainText('2021 年结转下年度 4 件，2022 年上年结转 4 件，一致')
  const breaks = compare.carryLink(2022, 2023)
  await expect(breaks).toHaveAttribute('data-holds', 'false')
  await expect(breaks).toContainText('✗')
  await expect(breaks).toContainText('不一致')
  await expect(breaks).toContainText('总计：2022 年结转下年度 5 件，2023 年上年结转 3 件')

  // 226 cells of the two forms, 13 of them changed: the table opens on the changed ones.
  await expect(compare.view).toContainText('共 226 个单元格，其中 13 个在年度之间有变化')
  await expect(compare.onlyChanged).toBeChecked()
  await expect(compare.cells).toHaveCount(13 * 4)
  const corrected = compare.cell('requests.new_received.natural', 2022)
  await expect(corrected).toHaveAttribute('data-changed', 'true')
  await expect(corrected).toHaveClass(/compare-cell--changed/)
  await expect(corrected).toContainText('7') // the reviewer's value, not the 6 read
  await expect(corrected.getByTestId('compare-delta')).toHaveText('\u22121')
  await expect(compare.cell('requests.new_received.natural', 2021).getByTestId('compare-delta')).toHaveText('+3')
  // blank → 1: changed, no delta; a form without the cell says so.
  const fromBlank = compare.cell('appeals.review.total', 2022)
  await expect(fromBlank).toHaveClass(/compare-cell--changed/)
  await expect(fromBlank.getByTestId('compare-delta')).toHaveCount(0)
  await expect(compare.cell('appeals.review.total', 2021)).toHaveText('空白')
  await expect(compare.cell('active.fees.amount', 2019)).toHaveText('无此栏')
  await expect(compare.cell('active.fees.amount', 2022)).toHaveText('/')

  // Every cell, unchanged ones plain.
  await compare.onlyChanged.uncheck()
  await expect(compare.cells).toHaveCount(226 * 4)
  const unchanged = compare.cell('appeals.review.upheld', 2022)
  await expect(unchanged).toHaveAttribute('data-changed', 'false')
  await expect(unchanged).not.toHaveClass(/compare-cell--changed/)

  await compare.yearHeader(2022).click()
  await expect(app.page).toHaveURL(/#\/report\/3$/)
  await expect(app.page.getByTestId('review-header')).toBeVisible()
})

test('with unverified reports too, the compare view marks them 未核验 and checks their link', async ({ app }) => {
  await openCompareLibrary(app)
  const compare = new ComparePage(app.page)
  await compare.openFromStats(COMPARE_AGENCY)
  await expect(compare.years).toHaveText('4 份报告：2019、2021、2022、2023')
  await expect(compare.yearHeader(2023).locator('..')).not.toContainText('未核验')

  await compare.showUnverifiedToo()
  await expect(compare.years).toHaveText('5 份报告：2019、2021、2022、2023、2024（其中 1 份未核验）')
  await expect(compare.yearHeader(2024).locator('..')).toContainText('未核验')
  await expect(compare.view.getByTestId('compare-left-out')).toHaveCount(0)
  await expect(compare.carryLinks).toHaveCount(4)
  const blank = compare.carryLink(2023, 2024)
  await expect(blank).toHaveAttribute('data-holds', 'null')
  await expect(blank).toContainText('无法核对：总计（2023 年结转下年度 1 件，2024 年上年结转空白）。其余 6 栏一致')
  await expect(compare.cell('requests.carried_over.total', 2024)).toHaveText('空白')
})

test('an agency with one report says there is nothing to compare', async ({ app }) => {
  await openCompareLibrary(app)
  const compare = new ComparePage(app.page)
  await compare.openFromStats('乙县民政局')
  await expect(compare.tooFew).toContainText('该机关在当前范围内只有 1 份报告，无法对比')
  await expect(compare.carryLinks).toHaveCount(0)
  await compare.closeButton.click()
  await expect(compare.view).toBeHidden()
})

test('an agency gone from the library meanwhile: the compare view says so in Chinese', async ({ app }) => {
  await openCompareLibrary(app)
  const compare = new ComparePage(app.page)
  await app.page.getByTestId('nav-stats').click()
  await expect(app.page.getByTestId('agency-row').filter({ hasText: '乙县民政局' })).toBeVisible()
  // Deleted by another window of the app after the 统计 screen listed it.
  const id = app.library.listReports().find((r) => r.agency === '乙县民政局')!.id
  app.library.deleteReport(id, '重复导入')
  await app.page.getByTestId('agency-row').filter({ hasText: '乙县民政局' }).click()
  await expect(compare.error).toHaveText('无法对比该机关的报告：资料库中没有机关“乙县民政局”的报告')
})

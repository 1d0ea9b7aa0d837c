// The 统计 screen over the hand-computed stats library (src/library/testing/stats-fixture.ts):
// verified reports 1 甲市教育局 2021, 2 乙县民政局 2021, 3 丙区统计局 2020, 4 甲市教育局 2022 (新收 blank),
// and 5 戊市财政局 2021, unverified. Charts are real SVG; a bar leads to the library list.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { SERIES_COLOR, StatsPage } from './pages/StatsPage'
import { ReviewPage } from './pages/ReviewPage'
import { generatedStatsLibrary } from './stats-library'
import { statsLibrary } from '../../src/library/testing/stats-fixture'
import type { StatsFilter } from '../../src/shared/stats'

async function openStatsLibrary(app: AppHarness): Promise<{ library: LibraryPage; stats: StatsPage }> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.openLibraryFile(app.dialogs, await statsLibrary())
  await expect(library.rows).toHaveCount(5)
  const stats = new StatsPage(app.page)
  await stats.open()
  return { library, stats }
}

test('the charts draw the verified reports, and a bar shows exactly its reports in the library list', async ({ app }) => {
  const { library, stats } = await openStatsLibrary(app)
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 4 份')

  // 新收申请: 2020 → 8, 2021 → 10 + 20 = 30, 2022 blank (no bar).
  const received = await stats.bars('volume', SERIES_COLOR.新收申请)
  expect(received).toHaveLength(2)
  expect(received[1].height / received[0].height).toBeCloseTo(30 / 8, 1)
  for (const id of ['volume', 'outcomes', 'appeals'] as const) expect(await stats.shapeCount(id)).toBeGreaterThan(4)
  // 予以公开 2022 is 0, not blank: a bar of no height, where a blank draws none.
  expect((await stats.bars('outcomes', SERIES_COLOR.予以公开)).map((b) => b.height > 0)).toEqual([true, true, false])
  await expect(stats.chart('volume')).toContainText('空白或“/”未计入：新收申请 1 份')

  const tooltip = await stats.hoverBar('volume', received[1])
  await expect(tooltip).toContainText('2021 年')
  await expect(tooltip).toContainText('新收申请：30')

  await stats.clickBar(received[1])
  await expect(library.screen).toBeVisible()
  await expect(app.page.getByTestId('list-only')).toContainText('统计：2021 年 · 新收申请（2 份）')
  await expect(library.rows).toHaveCount(2)
  expect((await library.agencies()).sort()).toEqual(['乙县民政局', '甲市教育局'])

  await app.page.getByRole('button', { name: '取消统计筛选' }).click()
  await expect(app.page.getByTestId('list-only')).toHaveCount(0)
  await expect(library.rows).toHaveCount(5)

  // The same figures as a table, each number a button like its bar.
  await stats.open()
  await stats.chart('outcomes').getByRole('button', { name: '数据表' }).click()
  const table = stats.chart('outcomes').getByTestId('chart-table')
  await expect(table.getByRole('row', { name: /2022 年/ })).toContainText('0')
  await table
    .getByRole('row', { name: /2020 年/ })
    .getByRole('button', { name: '4', exact: true })
    .first()
    .click()
  await expect(app.page.getByTestId('list-only')).toContainText('统计：2020 年 · 予以公开（1 份）')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText('丙区统计局')
})

test('全部 counts the unverified report and says so; years and agency narrow the scope; late answers are dropped', async ({ app }) => {
  const { stats } = await openStatsLibrary(app)
  await expect(stats.agencyRows).toHaveCount(3)

  await stats.statusAll.check()
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 4 份，含未核验 1 份（共 5 份）')
  await expect(stats.chart('volume')).toContainText('含未核验报告 1 份')
  await expect(stats.agencyRows).toHaveCount(4)
  await expect(stats.row('戊市财政局')).toContainText('含未核验 1')
  const received = await stats.bars('volume', SERIES_COLOR.新收申请)
  await expect(await stats.hoverBar('volume', received[1])).toContainText('新收申请：130（含未核验 1 份）')

  await stats.yearChip(2020).click()
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 1 份，含未核验 0 份（共 1 份）')
  await expect(stats.agencyRows).toHaveCount(1)
  await expect(stats.chart('volume')).toContainText('仅 1 个年度')
  await stats.yearChip('全部年度').click()
  await expect(stats.agencyRows).toHaveCount(4)

  await stats.agencySearch.fill('教育')
  await expect(stats.agencyRows).toHaveCount(1)
  await expect(stats.agencyRows.first()).toContainText('甲市教育局')
  await stats.agencySearch.fill('')
  await expect(stats.agencyRows).toHaveCount(4)

  // The answer to an earlier change arriving after a later one's is dropped.
  const read = app.library.stats.bind(app.library)
  const slow = app.library as unknown as { stats: (f: StatsFilter) => unknown }
  slow.stats = (f) => (f.all === false ? new Promise((resolve) => setTimeout(() => resolve(read(f)), 1500)) : read(f))
  await stats.statusVerified.check()
  await stats.statusAll.check()
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 4 份，含未核验 1 份（共 5 份）')
  await app.page.waitForTimeout(2000)
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 4 份，含未核验 1 份（共 5 份）')
  await expect(stats.agencyRows).toHaveCount(4)

  // To the list and back: the filters are as they were left.
  await stats.yearChip(2021).click()
  await expect(stats.agencyRows).toHaveCount(3)
  await app.page.getByRole('button', { name: '资料库', exact: true }).click()
  await expect(stats.screen).toHaveCount(0)
  await stats.open()
  await expect(stats.statusAll).toBeChecked()
  await expect(stats.yearChip(2021)).toHaveAttribute('aria-pressed', 'true')
  await expect(stats.yearChip(2020)).toHaveAttribute('aria-pressed', 'false')
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 2 份，含未核验 1 份（共 3 份）')
})

test('the agency table ranks and sorts, explains its blanks, and a row opens the agency over the years', async ({ app }) => {
  const { stats } = await openStatsLibrary(app)
  expect(await stats.agencies()).toEqual(['乙县民政局', '甲市教育局', '丙区统计局'])
  await stats.sortBy('新收申请')
  expect(await stats.agencies()).toEqual(['丙区统计局', '甲市教育局', '乙县民政局'])
  await stats.sortBy('公开率')
  expect(await stats.agencies()).toEqual(['乙县民政局', '甲市教育局', '丙区统计局'])
  await expect(stats.row('乙县民政局')).toContainText('80.0%')

  // 乙县民政局's 复议 is "/": no rate, and the cell says why.
  const review = stats.row('乙县民政局').locator('td').nth(4)
  await expect(review).toHaveText('—')
  await expect(review).toHaveAttribute('title', /复议纠错率：无（.+）/)
  // 甲市教育局's 2022 新收 is blank: 10, marked, with the blank report named in the title.
  const received = stats.row('甲市教育局').locator('td').nth(2)
  await expect(received).toHaveText('10*')
  await expect(received).toHaveAttribute('title', /另有 1 份报告此项空白或为“\/”，未计入/)

  await stats.row('甲市教育局').click()
  await expect(stats.compare).toHaveCount(1)
  await expect(stats.agencyRows).toHaveCount(0)
  await expect(stats.compare).toHaveAttribute('aria-label', /甲市教育局/)
  await stats.closeCompare()
  await expect(stats.agencyRows).toHaveCount(3)

  // 值得关注: three agencies are too few to call any of them an outlier, and the screen says so.
  await expect(app.page.getByTestId('outliers-disclosure')).toContainText('样本不足')
})

test('the ? panel defines the rates; a chart exports as SVG and PNG', async ({ app }) => {
  const { stats } = await openStatsLibrary(app)
  await stats.helpButton.click()
  await expect(stats.help.getByTestId('definition-disclosure')).toContainText('公开率 =（予以公开 + 部分公开）÷ 办理结果（七）总计')
  await stats.help.getByRole('button', { name: '知道了' }).click()
  await expect(stats.help).toHaveCount(0)

  const svgPath = join(app.tempDir, 'volume.svg')
  app.dialogs.nextSavePath = svgPath
  await expect(await stats.exportChart('volume', 'SVG')).toHaveText(`已保存：${svgPath}`)
  const svg = readFileSync(svgPath, 'utf8')
  expect(svg.startsWith('<svg')).toBe(true)
  expect(svg).toContain(`fill="${SERIES_COLOR.新收申请}"`)
  expect(svg).toContain('2021 年')
  // The file says what it is and what it counts (issue 21 item 10).
  expect(svg).toContain('>新收、办结与结转</text>')
  expect(svg).toMatch(/>统计范围：仅已核验的报告（\d+ 份）[^<]*<\/text>/)

  const pngPath = join(app.tempDir, 'outcomes.png')
  app.dialogs.nextSavePath = pngPath
  await expect(await stats.exportChart('outcomes', 'PNG')).toHaveText(`已保存：${pngPath}`)
  const png = readFileSync(pngPath)
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  // 2× the chart's size, with its title and scope above it.
  const box = await stats.svg('outcomes').boundingBox()
  expect(png.readUInt32BE(16)).toBe(Math.round(box!.width) * 2)
  expect(png.readUInt32BE(20)).toBe((Math.round(box!.height) + 52) * 2)

  // Cancelled: nothing said, nothing written.
  app.dialogs.nextSavePath = null
  await stats.chart('appeals').getByRole('button', { name: '导出 SVG' }).click()
  await expect(stats.chart('appeals').getByTestId('chart-export-outcome')).toHaveCount(0)
})

test('an empty library and one with no verified report say so instead of drawing', async ({ app }) => {
  await app.open()
  const stats = new StatsPage(app.page)
  await stats.open()
  await expect(stats.empty).toHaveText('还没有已核验的报告。勾选“全部（含未核验）”可统计全部报告。')
  await expect(app.page.locator('.echart')).toHaveCount(0)
  await stats.statusAll.check()
  await expect(stats.empty).toHaveText('资料库中还没有报告。导入报告后即可统计。')
})

test('值得关注 names the agencies far from their peers, with links to the agency and its reports', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  // 20 agencies over 2021–2023; 舟曲县教育局 and 米易县民政局 disclose far less than the rest.
  await library.openLibraryFile(app.dialogs, await generatedStatsLibrary(app.tempDir, 20, 3))
  await expect(library.banner).toContainText('60 份报告')
  const stats = new StatsPage(app.page)
  await stats.open()
  const disclosure = app.page.getByTestId('outliers-disclosure')
  await expect(disclosure).toContainText('20 个机关有数值')
  await expect(disclosure.getByTestId('outlier')).toHaveCount(2)
  const first = disclosure.getByTestId('outlier').filter({ hasText: '舟曲县教育局' })
  await expect(first).toContainText('低于同范围中位数')

  await first.getByRole('button', { name: '舟曲县教育局' }).click()
  await expect(stats.compare).toHaveAttribute('aria-label', /舟曲县教育局/)
  await stats.closeCompare()

  await disclosure.getByTestId('outlier').filter({ hasText: '舟曲县教育局' }).getByRole('button', { name: '2022 年报告' }).click()
  const review = new ReviewPage(app.page)
  await expect(review.header).toContainText('舟曲县教育局')
  await expect(review.header).toContainText('2022')
})

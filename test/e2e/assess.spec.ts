import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { test, expect, type AppHarness } from './bridge'
import { AssessPage } from './pages/AssessPage'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { StatsPage } from './pages/StatsPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const SEEDS = ['000_', '001_', '002_', '003_', '004_']

async function seeded(app: AppHarness): Promise<{ library: LibraryPage; assess: AssessPage }> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(SEEDS.map(seed)))
  await library.importDone(5)
  await expect(library.rows).toHaveCount(5)
  return { library, assess: new AssessPage(app.page) }
}

test('the library list scores every report, sorts by score and filters by a failing indicator', async ({ app }) => {
  const { library, assess } = await seeded(app)
  await expect(assess.scoreCells.locator('.score-cell')).toHaveCount(5)
  // not one of them verified yet: each says so
  await expect(assess.scoreCells.locator('.score-cell__unverified')).toHaveCount(5)

  await assess.scoreHeader.click()
  await expect.poll(() => assess.scores()).toEqual([...(await assess.scores())].sort((a, b) => (a ?? 0) - (b ?? 0)))
  const expected = app.library.assessments().filter((r) => r.assessment.indicators.some((i) => i.id === 'fees' && i.deductions.some((d) => d.points > 0)))
  expect(expected.length).toBeGreaterThan(0)
  expect(expected.length).toBeLessThan(5)
  await assess.filterFailing('信息处理费')
  await expect(library.rows).toHaveCount(expected.length)
  // the count and the batch 底稿 follow the rows shown, not the search's answer before the 评估 filter
  await expect(library.count).toHaveText(`显示 ${expected.length} / 5 份`)
  await expect(library.paperButton()).toHaveText(`导出底稿（显示的 ${expected.length} 份） ▾`)
  for (const cell of await assess.scoreCells.locator('.score-cell').all()) await expect(cell).toHaveAttribute('title', /扣分：.*信息处理费/)
})

test('the scorecard’s deduction selects its cells, or highlights its words in the original', async ({ app }) => {
  const { library, assess } = await seeded(app)
  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await expect(assess.scorecard).toBeVisible()
  const before = Number((await assess.scorecardTotal.textContent())!.split('/')[0])

  // a count cell made "/": 完整性 loses a point, and the deduction leads back to the cell
  await review.type('requests.granted.commercial', '/')
  await expect(assess.deductionsOf('completeness')).toHaveCount(1)
  await expect(assess.scorecardTotal).toHaveText(`${before - 1} / 100 分`)
  await review.select('appeals.review.upheld')
  await assess.deductionsOf('completeness').click()
  await expect(review.cell('requests.granted.commercial')).toHaveClass(/ag-cell-focus/)

  // 六 says only 无: the deduction shows the words in the original
  await expect(assess.deductionsOf('fees')).toHaveCount(1)
  await assess.deductionsOf('fees').click()
  await expect(review.sourceHighlight).toHaveText(/^\s*无\s*$/)
  await expect(review.sourceHighlight).toBeInViewport()
})

test('the reviewer types the publication date on the 及时性 row; a bad one is refused in Chinese', async ({ app }) => {
  const { library, assess } = await seeded(app)
  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  const year = app.library.listReports({ search: '益阳市应急管理局' })[0].year!
  const timeliness = assess.indicator('timeliness')
  await expect(assess.publishedDateEdit).toHaveText('填写发布日期')

  await assess.typePublishedDate(`${year + 1}-02-30`)
  await expect(assess.publishedDateError).toHaveText(`没有 ${year + 1} 年 2 月 30 日这一天`)
  await expect(assess.publishedDateInput).toBeFocused()
  await assess.publishedDateInput.press('Escape')
  await expect(assess.publishedDateInput).toHaveCount(0)

  // late: the deduction says who typed the date
  await assess.typePublishedDate(`${year + 1}/2/15`)
  await expect(assess.deductionsOf('timeliness')).toHaveCount(1)
  await expect(assess.deductionsOf('timeliness')).toContainText(`由核验人王核验于`)
  await expect(assess.deductionsOf('timeliness')).toContainText(`${year + 1}-02-15，晚于规定的 ${year + 1}-01-31`)
  await expect(timeliness.locator('.scorecard__points')).toHaveText('0 / 15')

  // corrected to on time, in the Chinese spelling with full-width digits
  await expect(assess.publishedDateEdit).toHaveText('修改发布日期')
  const wide = (n: number): string => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  await assess.typePublishedDate(`${wide(year + 1)}年${wide(1)}月${wide(20)}日`)
  await expect(timeliness.locator('.scorecard__points')).toHaveText('15 / 15')
  await expect(timeliness).toContainText(`${year + 1}-01-20，在 ${year + 1}-01-31 之前`)
  expect(app.library.history(app.library.listReports({ search: '益阳市应急管理局' })[0].id, 'meta.published').map((e) => e.newRaw)).toEqual([
    `${year + 1}-02-15`,
    `${year + 1}-01-20`
  ])
})

test('统计 ranks the reports by score; a row opens its report; 整改意见 reads back from Word', async ({ app }) => {
  const { assess } = await seeded(app)
  const stats = new StatsPage(app.page)
  await stats.tab.click()
  await expect(assess.ranking).toBeVisible()
  await expect(assess.rankingRows).toHaveCount(5)
  await expect(assess.spread.locator('.assess-spread__row')).toHaveCount(6)
  const totals = await assess.rankingRows.locator('.assess-table__total').allTextContents()
  expect(totals.length).toBe(5)

  const folder = join(app.tempDir, '整改意见')
  app.dialogs.nextSavePath = folder
  await assess.ranking.getByRole('button', { name: '导出整改意见（Word）' }).click()
  await expect(assess.ranking.getByRole('status')).toContainText('份整改意见')
  const files = readdirSync(folder)
  const yiyang = files.find((f) => f.startsWith('益阳市应急管理局'))!
  const text = (await mammoth.extractRawText({ path: join(folder, yiyang) })).value
  expect(text).toContain('关于益阳市应急管理局政府信息公开工作年度报告的整改意见')
  expect(text).toContain('【信息处理费】')
  expect(text).toContain('原文：“无”')

  const first = assess.rankingRows.filter({ hasText: '益阳市应急管理局' })
  await first.click()
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await expect(review.header).toContainText('益阳市应急管理局')
  await expect(assess.scorecard).toBeVisible()
})

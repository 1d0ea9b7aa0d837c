// Takes docs/screenshots/assess-*.png: the 评估 column, the review scorecard and the 统计 ranking, over the seeds.

import { resolve } from 'node:path'
import { test, expect } from '../e2e/bridge'
import { AssessPage } from '../e2e/pages/AssessPage'
import { LibraryPage } from '../e2e/pages/LibraryPage'
import { ReviewPage } from '../e2e/pages/ReviewPage'
import { StatsPage } from '../e2e/pages/StatsPage'
import { requireShared, seed } from '../e2e/shared-files'

const OUT = resolve(__dirname, '../../docs/screenshots')

test.beforeAll(requireShared)

test('assessment screenshots', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '001_', '002_', '003_', '004_'].map(seed)))
  await library.importDone(5)
  const assess = new AssessPage(app.page)
  await expect(assess.scoreCells.locator('.score-cell')).toHaveCount(5)
  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
  await review.backButton.click()
  await assess.scoreHeader.click()
  await assess.scoreHeader.click()
  await app.page.getByRole('button', { name: '关闭' }).first().click()
  await app.page.mouse.move(0, 0)
  // the rows move to their sorted places
  await app.page.waitForTimeout(800)
  await app.page.screenshot({ path: `${OUT}/assess-library.png` })

  await library.open('攀枝花市米易县')
  await review.type('requests.granted.commercial', '/')
  await expect(assess.deductionsOf('completeness')).toHaveCount(1)
  await assess.deductionsOf('completeness').click()
  await expect(review.cell('requests.granted.commercial')).toHaveClass(/ag-cell-focus/)
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/assess-scorecard.png` })

  await review.backButton.click()
  const stats = new StatsPage(app.page)
  await stats.tab.click()
  await expect(assess.rankingRows).toHaveCount(5)
  await assess.ranking.scrollIntoViewIfNeeded()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/assess-ranking.png`, fullPage: true })
})

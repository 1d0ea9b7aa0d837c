// Takes docs/screenshots/library.png and review.png with real seeds imported over the real handlers.

import { resolve } from 'node:path'
import { test, expect } from '../e2e/bridge'
import { LibraryPage } from '../e2e/pages/LibraryPage'
import { ReviewPage } from '../e2e/pages/ReviewPage'
import { CORPUS, requireShared, seed } from '../e2e/shared-files'
import { theirLibrary, verifyWith } from '../e2e/merge-fixture'
import { StatsPage } from '../e2e/pages/StatsPage'
import { compareLibrary, COMPARE_AGENCY } from '../../src/library/testing/compare-fixture'
import { ComparePage } from '../e2e/pages/ComparePage'
import { generatedStatsLibrary } from '../e2e/stats-library'

const OUT = resolve(__dirname, '../../docs/screenshots')
const WORD = ['lo_2021_linchuan.docx', 'lo_2019_donghu.docx', 'lo_2021_beishan_hant.docx'].map((n) => resolve(__dirname, '../fixtures/docx', n))

test.beforeAll(requireShared)

test('library and review screenshots', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '001_', '002_', '003_', '004_'].map(seed).concat(WORD)))
  await library.importDone(8)
  await expect(library.rows).toHaveCount(8)

  // A little history, so the list shows every status.
  await library.open('攀枝花市米易县')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await review.type('requests.new_received.natural', '11')
  await expect(review.openFindings).toContainText('项未解决')
  await review.backButton.click()
  await library.open('益阳市应急管理局')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
  await review.backButton.click()
  await expect(library.rows).toHaveCount(8)
  await app.page.screenshot({ path: `${OUT}/library.png` })

  await library.open('攀枝花市米易县')
  await review.findings
    .filter({ has: app.page.locator('.badge--fail') })
    .first()
    .locator('.finding__main')
    .click()
  await review.select('requests.new_received.natural')
  await expect(review.sourceHighlight).toBeVisible()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review.png` })

  // A Word report: the original rendered from the document's own HTML.
  await review.backButton.click()
  await library.open('临川市市场监督管理局')
  await review.select('requests.denied.state_secret.natural')
  await expect(review.sourceHighlight).toBeVisible()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review-word.png` })
})

test('empty-table refusal screenshot', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('003_')]))
  await library.importDone(1)
  await library.open('四川省应急管理厅')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await expect(review.verifyBlocked).toContainText('缺少表二、表三、表四')
  await expect(review.verifyButton).toBeDisabled()
  // one table already recorded, so the picture shows both the refusal and how it is settled
  await review.recordTableAbsent('二、主动公开', '原文只有文字说明，没有表格')
  await expect(review.verifyBlocked).toContainText('缺少表三、表四')
  await review.missingTable('三、收到和处理').getByRole('button', { name: '记为原文无此表…' }).click()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review-no-tables.png` })
})

test('PDF review screenshot', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.pick([resolve(__dirname, '../../../shared/corpus/files/001_huaian_city_2024.pdf')])
  await library.importDone(1)
  await library.rows.first().dblclick()
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await review.select('requests.granted.total')
  const box = review.sourcePane.locator('.pdf-page__box')
  await expect(box).toBeInViewport()
  await expect(review.sourcePane.locator('.pdf-page[data-rendered]').first()).toBeVisible()
  await review.zoom('放大')
  await review.zoom('放大')
  await expect(box).toBeInViewport()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review-pdf.png` })
})

test('merge conflict screenshot', async ({ app }) => {
  const theirs = await theirLibrary(app.tempDir)
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_'), seed('001_')]))
  await expect(library.rows).toHaveCount(2)
  const id = app.library.listReports({ search: '益阳' })[0].id
  app.library.setReviewer('张三')
  verifyWith(app.library, id, '888')
  app.dialogs.nextOpenPath = theirs
  await library.menu('合并资料库…')
  await expect(library.conflict('益阳市应急管理局')).toContainText('999')
  await app.page.screenshot({ path: `${OUT}/merge-conflict.png` })
})

test.describe('a 1280×800 screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } })

  test('统计 screenshot: 20 agencies over three years', async ({ app }) => {
    await app.open()
    const library = new LibraryPage(app.page)
    await library.openLibraryFile(app.dialogs, await generatedStatsLibrary(app.tempDir, 20, 3))
    await expect(library.banner).toContainText('60 份报告')
    const stats = new StatsPage(app.page)
    await stats.open()
    await expect(stats.agencyRows).toHaveCount(20)
    await expect(stats.svg('outcomes')).toBeVisible()
    await expect(stats.watch.getByTestId('outlier').first()).toBeVisible()
    await app.page.mouse.move(0, 0)
    await app.page.screenshot({ path: `${OUT}/stats.png` })
  })

  test('统计 screenshot: one agency over the years, its 上年结转 links and changed cells', async ({ app }) => {
    await app.open()
    const library = new LibraryPage(app.page)
    await library.openLibraryFile(app.dialogs, await compareLibrary(app.tempDir))
    await expect(library.banner).toContainText('已打开资料库')
    const compare = new ComparePage(app.page)
    await compare.openFromStats(COMPARE_AGENCY)
    await expect(compare.carryLinks).toHaveCount(3)
    await expect(compare.changedCells.first()).toBeVisible()
    await app.page.mouse.move(0, 0)
    await app.page.screenshot({ path: `${OUT}/stats-compare.png` })
  })
})

test.describe('a 1024×700 screen', () => {
  test.use({ viewport: { width: 1024, height: 700 } })

  test('review at 1024×700: table 三 with all seven applicant columns', async ({ app }) => {
    app.library.setReviewer('王核验')
    await app.open()
    const library = new LibraryPage(app.page)
    await library.drop(LibraryPage.fromPaths([seed('002_')]))
    await library.importDone(1)
    await library.open('攀枝花市米易县')
    const review = new ReviewPage(app.page)
    await review.type('requests.new_received.natural', '11')
    await expect(review.openFindings).toContainText('项未解决')
    await review.select('requests.new_received.natural')
    await expect(review.cell('requests.new_received.total')).toBeInViewport()
    await expect(review.sourceHighlight).toBeVisible()
    await app.page.getByTestId('table-requests').evaluate((e) => e.scrollIntoView({ block: 'start' }))
    await app.page.mouse.move(0, 0)
    await app.page.screenshot({ path: `${OUT}/review-1024.png` })
  })
})

test('confirm flow screenshot: a 需核对 row confirmed, one doubt left, verifying refused with where', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([resolve(CORPUS, '008_pingtan_2021.txt')]))
  await library.importDone(1)
  await library.open('平潭')
  const review = new ReviewPage(app.page)
  await expect(review.cell('active.normative_documents.issued')).toBeFocused()
  await review.confirmSelected()
  await expect(review.doubtCount).toHaveText('需核对 1')
  await review.select('active.fees.amount')
  await expect(review.inspector.getByTestId('confirm-cell')).toBeVisible()
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review-confirm.png` })
})

test('per-table form switch screenshot', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([resolve(__dirname, '../fixtures/forms/yiyang_2022_blank_other_rows.txt')]))
  await library.importDone(1)
  await library.open('益阳市应急管理局')
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  // Table 三 set to the 2019 single （六） row the original prints; its cells worked out and marked, two confirmed.
  await review.setTableForm('requests', '2019')
  for (const key of ['requests.other.natural', 'requests.other.commercial']) {
    await review.select(key)
    await review.confirmSelected()
  }
  await review.select('requests.other.research')
  // Table 三 from its title (the form switch) down to its （六） row.
  await app.page.setViewportSize({ width: 1440, height: 1800 })
  await review.formSwitch('requests').evaluate((el) => el.closest('section')!.scrollIntoView({ block: 'start' }))
  await app.page.mouse.move(0, 0)
  await app.page.screenshot({ path: `${OUT}/review-form-switch.png` })
})

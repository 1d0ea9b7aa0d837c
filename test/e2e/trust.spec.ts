// "已核验" means every number was checked: a report without tables, or with cells nothing was read
// from, is refused until the reviewer types the values or records 原文无此表 / 原文空白 with a comment.

import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const SICHUAN = '四川省应急管理厅' // seed 003: prose only, no standard table
const ZHOUQU = '舟曲县应急管理局' // seed 004: 2021 format named, no table found

async function openSeed(app: AppHarness, prefix: string, agency: string): Promise<{ library: LibraryPage; review: ReviewPage }> {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed(prefix)]))
  await library.importDone(1)
  // never quietly 待核验 with 0: its three missing tables are open
  await expect(library.rowFor(agency)).toContainText('有问题')
  await expect(library.rowFor(agency)).toContainText('3')
  await library.open(agency)
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  return { library, review }
}

test('a report without tables is refused, then verified once each table is recorded 原文无此表', async ({ app }) => {
  const { library, review } = await openSeed(app, '003_', SICHUAN)
  await expect(review.openFindings).toHaveText('3 项未解决')
  await expect(review.verifyBlocked).toHaveText('还不能标记为已核验：缺少表二、表三、表四（请对照原文填入，或记为“原文无此表”）。')
  await expect(review.verifyButton).toBeDisabled()
  await expect(review.verifyButton).toHaveAttribute('title', /缺少表二、表三、表四/)
  await expect(review.finding('tables.missing')).toHaveCount(3)

  await review.recordTableAbsent('二、主动公开', '原文只有文字说明，没有表格')
  await expect(review.verifyBlocked).toContainText('缺少表三、表四')
  await review.recordTableAbsent('三、收到和处理', '原文只有文字说明，没有表格')
  await review.recordTableAbsent('四、政府信息公开行政复议', '原文只有文字说明，没有表格')
  await expect(review.openFindings).toHaveText('全部核对完毕')
  await expect(review.verifyBlocked).toBeHidden()
  await expect(app.page.getByTestId('count-accepted')).toHaveText('已接受 3')

  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
  // the marks are in the report's audit trail, with the comment
  await review.header.getByRole('button', { name: '修改记录' }).click()
  const history = app.page.getByTestId('report-history')
  await expect(history.locator('tr').filter({ hasText: '表三（整表）' })).toContainText('原文无此表')
  await expect(history.locator('tr').filter({ hasText: '表三（整表）' })).toContainText('原文只有文字说明，没有表格')
  await history.getByRole('button', { name: '关闭' }).click()
  await review.backButton.click()
  await expect(library.rowFor(SICHUAN)).toContainText('已核验')
})

test('a table typed in by hand: its blank cells block verifying until typed or recorded 原文空白', async ({ app }) => {
  const { review } = await openSeed(app, '004_', ZHOUQU)
  await review.recordTableAbsent('二、主动公开', '原文无此表')
  await review.recordTableAbsent('三、收到和处理', '原文无此表')
  // 表四 typed by hand: the review row only; the other ten cells stay blank
  await review.paste('appeals.review.upheld', '1\t0\t0\t0\t1')
  await expect(review.cell('appeals.review.total')).toHaveText('1')
  await expect(review.verifyBlocked).toContainText('10 个单元格空白未读出（请填入，或记为“原文空白”）')
  await expect(review.verifyButton).toBeDisabled()

  // one cell from the inspector, the rest by the one act, each with a comment
  await review.recordCellBlank('appeals.litigation_direct.total', '原文此格空白')
  await expect(review.inspector.getByTestId('blank-mark')).toContainText('已记为原文空白：原文此格空白')
  await expect(review.verifyBlocked).toContainText('9 个单元格空白未读出')
  await review.settleAllBlanks('已逐格核对原文，诉讼部分空白')
  // what the prose says of reviews is now compared with the typed 表四: a doubt to confirm
  await expect(review.verifyBlocked).toHaveText('还不能标记为已核验：1 项待确认（请核对后更正或接受）。')
  await expect(app.page.getByTestId('count-uncertain')).toHaveText('待确认 1')
  await review.acceptFirstUncertain('原文如此，已核对')
  await expect(review.verifyBlocked).toBeHidden()
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
})

test('a report without a year is refused, naming it, until the year is typed or recorded 原文未载明 with a comment', async ({ app }) => {
  const { review } = await openSeed(app, '003_', SICHUAN)
  for (const table of ['二、主动公开', '三、收到和处理', '四、政府信息公开行政复议']) await review.recordTableAbsent(table, '原文只有文字说明，没有表格')
  await expect(review.openFindings).toHaveText('全部核对完毕')
  // The year read from the report is removed, as when the engine could not find it.
  const [{ id }] = app.library.listReports()
  app.library.editMeta(id, 'year', '')
  await app.open()
  await new LibraryPage(app.page).open(SICHUAN)
  await expect(review.verifyBlocked).toHaveText('还不能标记为已核验：年度不明（请在标题栏填写，或记为“原文未载明”并说明）。')
  await expect(review.verifyButton).toBeDisabled()

  await review.recordUnstated('年度', '已通读原文，未载明报告年度')
  await expect(review.header).toContainText('（原文未载明）')
  await expect(review.openFindings).toHaveText('全部核对完毕')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')
  expect(app.library.history(id, 'meta.year').at(-1)).toMatchObject({ newRaw: '原文未载明', reason: '已通读原文，未载明报告年度', reviewer: '王核验' })
})

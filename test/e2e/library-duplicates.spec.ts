// The same report imported twice (issue 21 item 3): verifying the second copy beside a verified first
// asks which one stands, 统计 counts the report once and lists the copy, and the list's 疑似重复
// badge stays in sight at 1024 px. The corpus holds 米易 2021 as text only: its second copy here is
// the same text saved again (one more line), which the engine reads as the same report.

import { readFileSync } from 'node:fs'
import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { NearDuplicateDialog } from './pages/NearDuplicateDialog'
import { ReviewPage } from './pages/ReviewPage'
import { StatsPage } from './pages/StatsPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const COPY = '米易2021-另存.txt'

/** 米易 2021 twice, the first (the seed) verified; the list shown. */
async function twoCopies(app: AppHarness): Promise<{ library: LibraryPage; first: number; copy: number }> {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  const bytes = readFileSync(seed('002_'))
  await library.drop([...LibraryPage.fromPaths([seed('002_')]), { name: COPY, bytes: Buffer.concat([bytes, Buffer.from('\n')]) }])
  await library.importDone(2)
  const rows = app.library.listReports()
  const first = rows.find((r) => r.fileName !== COPY)!.id
  const copy = rows.find((r) => r.fileName === COPY)!.id
  app.library.verifyReport(first)
  return { library, first, copy }
}

async function verifyCopy(app: AppHarness, library: LibraryPage): Promise<{ review: ReviewPage; dialog: NearDuplicateDialog }> {
  await library.search.fill('另存')
  await expect(library.rows).toHaveCount(1)
  await library.open('攀枝花市米易县')
  const review = new ReviewPage(app.page)
  await expect(review.screen).toBeVisible()
  await review.verifyButton.click()
  const dialog = new NearDuplicateDialog(app.page)
  await expect(dialog.dialog).toContainText('同一报告已核验：保留哪一份？')
  await expect(dialog.dialog.getByTestId('near-duplicate-summary')).toContainText('所有单元格的值都相同')
  return { review, dialog }
}

test('verifying a copy of a verified report asks which one stands; 两份是同一报告 is recorded and 统计 counts it once', async ({ app }) => {
  const { library, first, copy } = await twoCopies(app)
  const { review, dialog } = await verifyCopy(app, library)
  await dialog.recordSameReport()
  await expect(dialog.dialog).toBeHidden()
  await expect(review.banner).toContainText(`已记为同一报告（#${first}），统计只计一份；本报告已标记为已核验`)
  await expect(review.status).toContainText('已核验')
  expect(app.library.sameReportPairs()).toMatchObject([{ reportIds: [first, copy], decidedBy: '王核验' }])

  const stats = new StatsPage(app.page)
  await stats.open()
  await expect(stats.scope).toHaveText('统计范围：已核验的报告 1 份；另有 1 份重复，未计入')
  // The report says 10 new requests; both copies added up made 20.
  await expect(stats.row('攀枝花市米易县').locator('td').nth(2)).toHaveText('10')
  await stats.leftOut.locator('summary').click()
  // The copy was verified last: it is the one counted (stats/counted.ts).
  await expect(stats.leftOut.getByTestId('stats-left-out-item')).toHaveText([
    `报告 #${first} 攀枝花市米易县 2021 年：重复，未计入：与报告 #${copy} 为同一机关、年度与表样，计入核验较晚的那份`
  ])
})

test('保留另一份 leaves the copy unverified; 保留这一份 deletes the other with a reason and verifies this one', async ({ app }) => {
  const { library, first } = await twoCopies(app)
  const { review, dialog } = await verifyCopy(app, library)
  await dialog.keepTheOther()
  await expect(dialog.dialog).toBeHidden()
  await expect(review.status).not.toContainText('已核验')

  await review.verifyButton.click()
  await dialog.keepThisOne('同一报告另存的副本，保留这一份')
  await expect(dialog.dialog).toBeHidden()
  await expect(review.status).toContainText('已核验')
  expect(app.library.listReports().map((r) => r.fileName)).toEqual([COPY])
  expect(app.library.deletedReports()).toMatchObject([{ deletedBy: '王核验', reason: '同一报告另存的副本，保留这一份' }])
  expect(() => app.library.getReport(first)).toThrow()
})

test.describe('at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } })

  test('the 疑似重复 badge stays inside its cell beside a long agency name', async ({ app }) => {
    const { library, first, copy } = await twoCopies(app)
    // A long name fills the agency column: before, the badge was pushed past the cell's ellipsis.
    const long = '四川省攀枝花市米易县人民政府办公室政府信息与政务公开科'
    for (const id of [first, copy]) app.library.editMeta(id, 'agency', long)
    await app.open()
    await expect(library.rows).toHaveCount(2)
    for (const row of [0, 1]) {
      const cell = library.agencyCell('米易县').nth(row)
      const badge = library.nearDuplicateBadge('米易县').nth(row)
      await expect(badge).toBeVisible()
      await expect(badge).toBeInViewport({ ratio: 1 })
      const [c, b] = [(await cell.boundingBox())!, (await badge.boundingBox())!]
      expect(b.x).toBeGreaterThanOrEqual(c.x)
      expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width)
      expect(b.width).toBeGreaterThan(30)
    }
  })
})

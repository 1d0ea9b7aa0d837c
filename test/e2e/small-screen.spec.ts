// A 1024×700 screen: table 三 shows its seven applicant columns beside the original; the side panel
// starts folded and both side panes fold and unfold; a PDF opens fitted to its pane's width.

import { resolve } from 'node:path'
import type { Locator } from '@playwright/test'
import { test, expect } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)
test.use({ viewport: { width: 1024, height: 700 } })

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']

async function expectAllApplicantColumns(review: ReviewPage): Promise<void> {
  for (const who of APPLICANTS) await expect(review.cell(`requests.new_received.${who}`)).toBeInViewport({ ratio: 0.95 })
}

test('table 三 shows all seven applicant columns at 1024×700, with its label column pinned', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('002_')]))
  await library.importDone(1)
  await library.open('攀枝花市米易县')
  const review = new ReviewPage(app.page)
  await expect(review.cell('requests.new_received.natural')).toBeFocused()
  await expect(review.sourcePane).toBeVisible()
  await expect(app.page.getByTestId('review-side')).toBeHidden()
  await expectAllApplicantColumns(review)
  // The row labels (a pinned column) stay in sight beside the numbers.
  const label = app.page.locator('[data-testid="grid-requests"] [col-id="label"]').filter({ hasText: '一、本年新收政府信息公开申请数量' })
  await expect(label).toBeInViewport()
  await expect(
    app.page.locator('[data-testid="grid-requests"] .ag-has-left-pinned-cols, [data-testid="grid-requests"].ag-has-left-pinned-cols').first()
  ).toBeAttached()

  // The side panel unfolds (its findings, the selected cell) and folds again.
  await app.page.getByRole('button', { name: '‹ 核验栏' }).click()
  await expect(app.page.getByTestId('review-side')).toBeVisible()
  await expect(review.inspector).toContainText('本年新收')
  // With it open, folding the original gives the columns their room back.
  await app.page.getByRole('button', { name: '‹ 收起原文' }).click()
  await expect(review.sourcePane).toBeHidden()
  await expectAllApplicantColumns(review)
  await app.page.getByRole('button', { name: '› 显示原文' }).click()
  await expect(review.sourcePane).toBeVisible()
  await app.page.getByRole('button', { name: '收起核验栏 ›' }).click()
  await expect(app.page.getByTestId('review-side')).toBeHidden()

  // Folded, the panel's button still says how many problems are open.
  await review.type('requests.new_received.natural', '11')
  await expect(app.page.getByRole('button', { name: /核验栏（2 项未解决）/ })).toBeVisible()
})

test('a PDF opens fitted to the width of its pane at 1024×700', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.pick([resolve(__dirname, '../fixtures/pdf/files/lo_2021_split.pdf')])
  await library.importDone(1)
  await library.rows.first().dblclick()
  const review = new ReviewPage(app.page)
  await expect(review.pdfPage(1)).toBeVisible({ timeout: 30_000 })
  const pane = (await review.sourcePane.locator('.pdf-source__pages-scroll').boundingBox())!
  const page = (await review.pdfPage(1).boundingBox())!
  expect(page.width).toBeLessThanOrEqual(pane.width)
  expect(page.width).toBeGreaterThan(pane.width * 0.85)
})

/** How many lines the text inside an element takes: the height of its text's box over its line height. */
async function linesOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const range = document.createRange()
    range.selectNodeContents(el)
    const style = getComputedStyle(el)
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4
    return Math.round(range.getBoundingClientRect().height / lineHeight)
  })
}

const LIST_HEADERS = ['机关', '年度', '格式', '文件类型', '状态', '未解决问题', '最后修改', '文件名']

test('the library list’s header labels each fit on one line at 1024×700 (issue 21 item 11)', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths(['000_', '002_'].map(seed)))
  await library.importDone(2)
  for (const name of LIST_HEADERS) {
    const label = library.headerLabel(name)
    await expect(label).toBeVisible()
    // Polled: the grid lays its header out again once the 评估 column's scores arrive.
    await expect.poll(() => linesOf(label), { message: name }).toBe(1)
  }
})

test('the review header keeps each label, the status and 已保存 on one line at 1024×700 (issue 21 item 11)', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('004_')]))
  await library.importDone(1)
  await library.rows.first().dblclick()
  const review = new ReviewPage(app.page)
  await expect(review.status).toHaveText('有问题')
  for (const name of ['机关', '年度', '格式']) expect(await linesOf(review.metaLabel(name)), name).toBe(1)
  expect(await linesOf(review.status)).toBe(1)
  expect(await linesOf(review.header.getByText('已保存', { exact: true }))).toBe(1)
  // Every button of the header stays on screen.
  await expect(review.header.getByRole('button', { name: '修改记录' })).toBeInViewport({ ratio: 1 })
  await expect(review.header.getByRole('button', { name: '快捷键帮助' })).toBeInViewport({ ratio: 1 })
})

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } })

  test('修改记录 gives the reviewer and the time one line each beside a long reason (issue 21 item 11)', async ({ app }) => {
    app.library.setReviewer('王核验')
    await app.open()
    const library = new LibraryPage(app.page)
    await library.drop(LibraryPage.fromPaths([seed('002_')]))
    await library.importDone(1)
    const id = app.library.listReports()[0].id
    app.library.editCell(
      id,
      'requests.new_received.natural',
      '11',
      '原文第 3 页表格与正文所述不一致，经电话向发布机关核实后按正文数字更正，核实记录见工作底稿附件二'.repeat(2)
    )
    await library.open('攀枝花市米易县')
    const history = await new ReviewPage(app.page).openReportHistory()
    const row = history.locator('tbody tr').first()
    await expect(row).toContainText('王核验')
    for (const column of [1, 2]) expect(await linesOf(row.locator(`td:nth-child(${column})`)), `column ${column}`).toBe(1)
  })
})

test('the review header at 1024×700 shows the agency’s name, undo and redo as icons (issue 21 item 11)', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('004_')]))
  await library.importDone(1)
  await library.rows.first().dblclick()
  const review = new ReviewPage(app.page)
  await expect(review.status).toHaveText('有问题')
  // 舟曲县应急管理局: all eight characters, not two and an ellipsis.
  const name = review.header.locator('.meta-field__value').first()
  await expect(name).toHaveText('舟曲县应急管理局')
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  for (const button of ['↶ 撤销', '↷ 重做']) {
    const b = review.header.getByRole('button', { name: button })
    await expect(b).toBeVisible()
    expect((await b.innerText()).trim()).toBe(button.slice(0, 1))
  }
  await expect(review.header.getByRole('button', { name: '快捷键帮助' })).toBeInViewport({ ratio: 1 })
})

// The review queue at the keyboard: counted keystrokes from the library, F8 through the cells that
// need review, Ctrl+Enter to verify and go on, Alt+→/← and Esc, Enter on a row reached by Tab.

import type { Page } from '@playwright/test'
import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CORPUS, requireShared } from './shared-files'
import { CLEAN_AGENCIES, cleanReports } from './clean-reports'
import { attentionKeys, nextAttention, readingOrder, reportLayouts } from '../../src/renderer/src/review/attention'

test.beforeAll(requireShared)

/** Every key the reviewer presses goes through here, so the test can say how many it took. */
class Keyboard {
  count = 0
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count++
    await this.page.keyboard.press(key)
  }
}

/** Imports clean reports and shows the library afresh, as after starting the app (reviewer already named). */
async function libraryOf(app: AppHarness, count: number): Promise<LibraryPage> {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(cleanReports(count))
  await library.importDone(count)
  await app.open()
  await expect(library.rows).toHaveCount(count)
  // The list takes the keyboard as it appears (on its first row).
  await expect(library.focusedRow).toHaveCount(1)
  return library
}

const statusOf = (app: AppHarness, agency: string): string | undefined => app.library.listReports({ search: agency })[0]?.status

test('from the library, a clean report is verified in 2 keys and ten in a row in 11', async ({ app }) => {
  const library = await libraryOf(app, 11)
  const review = new ReviewPage(app.page)
  const keys = new Keyboard(app.page)
  const order = await library.agencies()
  // The keyboard is on the first row as the list appears: Enter opens it.
  await expect(library.focusedRow).toContainText(order[0])

  await keys.press('Enter')
  await expect(review.header).toContainText(order[0])
  await keys.press('Control+Enter')
  await expect(review.header).toContainText(order[1])
  expect(statusOf(app, order[0])).toBe('verified')
  const first = keys.count

  for (let i = 1; i < 10; i++) {
    await expect(review.status).toHaveText('待核验')
    await keys.press('Control+Enter')
    await expect(review.header).toContainText(order[i + 1])
  }
  const ten = keys.count
  expect(order.slice(0, 10).map((a) => statusOf(app, a))).toEqual(Array(10).fill('verified'))
  expect(statusOf(app, order[10])).toBe('pending')
  console.log(`[keystrokes] open + verify the first clean report: ${first}; verify 10 clean reports in a row: ${ten}`)
  expect(first).toBeLessThanOrEqual(3)
  expect(ten).toBeLessThanOrEqual(20)

  // The last one: nothing needs work after it, and the screen says so instead of moving.
  await keys.press('Control+Enter')
  await expect(review.status).toHaveText('已核验')
  await expect(review.banner).toContainText('没有待核验或有问题的报告')
})

test('a report with problems opens on its first cell needing review; F8 / Shift+F8 walk them; Ctrl+Enter is refused', async ({ app }) => {
  const library = await libraryOf(app, 2)
  const [{ id }] = app.library.listReports({ search: CLEAN_AGENCIES[0] })
  app.library.editCell(id, 'requests.new_received.natural', '999')
  app.library.editCell(id, 'appeals.review.upheld', '77')
  const detail = app.library.getReport(id)
  const needing = attentionKeys(detail, reportLayouts(detail))
  expect(needing.length).toBeGreaterThan(2)

  await app.open()
  await library.open(CLEAN_AGENCIES[0])
  const review = new ReviewPage(app.page)
  await expect(review.cell(needing[0])).toBeFocused()
  await app.page.keyboard.press('F8')
  await expect(review.cell(needing[1])).toBeFocused()
  await app.page.keyboard.press('F8')
  await expect(review.cell(needing[2])).toBeFocused()
  await app.page.keyboard.press('Shift+F8')
  await expect(review.cell(needing[1])).toBeFocused()
  await app.page.keyboard.press('Shift+F8')
  await app.page.keyboard.press('Shift+F8')
  await expect(review.cell(needing[needing.length - 1])).toBeFocused()

  // Verification refused: the reason is shown and the report stays open.
  await app.page.keyboard.press('Control+Enter')
  await expect(review.banner).toContainText('不能标记为已核验')
  await expect(review.header).toContainText(CLEAN_AGENCIES[0])
  expect(statusOf(app, CLEAN_AGENCIES[0])).not.toBe('verified')
})

test('a clean report opens on the first cell of table 三, ready for typing', async ({ app }) => {
  const library = await libraryOf(app, 1)
  await app.page.keyboard.press('Enter')
  const review = new ReviewPage(app.page)
  await expect(review.cell('requests.new_received.natural')).toBeFocused()
  await app.page.keyboard.type('12')
  await app.page.keyboard.press('Enter')
  await expect(review.cell('requests.new_received.natural')).toHaveText('12')
  await expect(review.cell('requests.new_received.natural')).toHaveClass(/rd-v--corrected/)
  // Enter moved down; F8 goes on to the next cell of the failing balance the edit caused.
  await expect(review.cell('requests.carried_over.natural')).toBeFocused()
  await expect(review.openFindings).toContainText('项未解决')
  const [{ id }] = app.library.listReports()
  const detail = app.library.getReport(id)
  const layouts = reportLayouts(detail)
  const next = nextAttention(attentionKeys(detail, layouts), readingOrder(layouts), 'requests.carried_over.natural', false)
  expect(next).not.toBeNull()
  await app.page.keyboard.press('F8')
  await expect(review.cell(next!)).toBeFocused()
  await expect(library.screen).toBeHidden()
})

test('Ctrl+Enter while a value is being typed saves it first, then verifies (here refused, as the value breaks a check)', async ({ app }) => {
  await libraryOf(app, 2)
  await app.page.keyboard.press('Enter')
  const review = new ReviewPage(app.page)
  const cell = review.cell('requests.new_received.natural')
  await expect(cell).toBeFocused()
  await app.page.keyboard.type('12')
  await app.page.keyboard.press('Control+Enter')
  await expect(cell).toHaveText('12')
  await expect(review.banner).toContainText('不能标记为已核验')
  await expect(review.status).toHaveText('有问题')
  const [{ id }] = app.library.listReports({ status: 'problem' })
  expect(app.library.getReport(id).cells['requests.new_received.natural'].raw).toBe('12')
  // The keyboard is back on the grid, so the reviewer can correct on.
  await expect(cell).toBeFocused()
})

test('Alt+→ / Alt+← step through the sorted list without verifying; Esc returns with the same row selected', async ({ app }) => {
  const library = await libraryOf(app, 4)
  // Sorted by agency: the steps follow the list as shown, not the library's default order.
  await app.page.locator('[data-testid="report-grid"] .ag-header-cell[col-id="agency"]').click()
  await expect(app.page.locator('[data-testid="report-grid"] .ag-header-cell[col-id="agency"]')).toHaveAttribute('aria-sort', 'ascending')
  const order = await library.agencies()
  expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b)))

  await library.open(order[0])
  const review = new ReviewPage(app.page)
  await expect(review.header).toContainText(order[0])
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(review.header).toContainText(order[1])
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(review.header).toContainText(order[2])
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(review.header).toContainText(order[3])
  // Past the end of the list: it says so and stays.
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(review.banner).toContainText('已是列表中的最后一份报告')
  await expect(review.header).toContainText(order[3])
  await app.page.keyboard.press('Alt+ArrowLeft')
  await app.page.keyboard.press('Alt+ArrowLeft')
  await expect(review.header).toContainText(order[1])
  expect(order.map((a) => statusOf(app, a))).toEqual(Array(4).fill('pending'))

  await app.page.keyboard.press('Escape')
  await expect(library.screen).toBeVisible()
  await expect(app.page.locator('[data-testid="report-grid"] .ag-header-cell[col-id="agency"]')).toHaveAttribute('aria-sort', 'ascending')
  await expect(library.selectedRow).toContainText(order[1])
  await expect(library.focusedRow).toContainText(order[1])
  await app.page.keyboard.press('Enter')
  await expect(review.header).toContainText(order[1])
})

test('Enter opens a row reached by Tab (it never lands on a column header and sorts)', async ({ app }) => {
  const library = await libraryOf(app, 3)
  const order = await library.agencies()
  await app.page.getByRole('button', { name: '选择文件夹…' }).focus()
  await app.page.keyboard.press('Tab')
  await expect(library.focusedRow).toContainText(order[0])
  await app.page.keyboard.press('Enter')
  const review = new ReviewPage(app.page)
  await expect(review.header).toContainText(order[0])
  await app.page.keyboard.press('Escape')
  await expect.poll(() => library.agencies()).toEqual(order)
})

test('the ? panel lists the queue keys', async ({ app }) => {
  await libraryOf(app, 1)
  await app.page.keyboard.press('Enter')
  const review = new ReviewPage(app.page)
  await expect(review.cell('requests.new_received.natural')).toBeFocused()
  await app.page.keyboard.press('?')
  for (const key of ['F8 / Shift+F8', '空格', 'Ctrl+Enter', 'Alt+→ / Alt+←', 'Esc']) await expect(review.helpPanel).toContainText(key)
  // Esc closes the panel; it does not leave the report.
  await app.page.keyboard.press('Escape')
  await expect(review.helpPanel).toBeHidden()
  await expect(review.screen).toBeVisible()
})

test('flagged cells (需核对) are confirmed by key: verify is refused with their count before, F8 walks only the unconfirmed', async ({ app }) => {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  // 008 平潭 2021: a run of digits in 行政规范性文件 split a way no total confirms (one doubt, three cells)
  // and a 收费 amount with an odd number of decimals (one doubt).
  await library.drop([{ name: '008_pingtan_2021.txt', bytes: readFileSync(join(CORPUS, '008_pingtan_2021.txt')) }])
  await library.importDone(1)
  await app.open()
  await expect(library.focusedRow).toHaveCount(1)
  const review = new ReviewPage(app.page)
  const keys = new Keyboard(app.page)
  const ROW = ['active.normative_documents.issued', 'active.normative_documents.repealed', 'active.normative_documents.in_force']
  const FEES = 'active.fees.amount'

  await keys.press('Enter')
  // It opens on the first flagged cell.
  await expect(review.cell(ROW[0])).toBeFocused()
  await expect(review.doubtCount).toHaveText('需核对 2')
  await keys.press('Control+Enter')
  await expect(review.banner).toContainText('2 处需核对未确认：表二“行政规范性文件”、表二“行政事业性收费”')
  expect(app.library.listReports()[0].status).not.toBe('verified')

  // One key confirms the row's doubt: its three cells no longer ask for review.
  await expect(review.cell(ROW[0])).toBeFocused()
  await keys.press(' ')
  await expect(review.doubtCount).toHaveText('需核对 1')
  for (const key of ROW) await expect(review.cell(key)).not.toHaveClass(/rd-v--review/)
  await expect(review.cell(FEES)).toHaveClass(/rd-v--review/)
  // F8 goes to the one left, and back to it (the confirmed ones are no longer walked).
  await keys.press('F8')
  await expect(review.cell(FEES)).toBeFocused()
  await app.page.keyboard.press('Shift+F8')
  await expect(review.cell(FEES)).toBeFocused()
  await keys.press(' ')
  await expect(review.doubtCount).toHaveText('需核对 0')
  await keys.press('Control+Enter')
  await expect.poll(() => app.library.listReports()[0].status).toBe('verified')
  // The refusal shown before is gone once verified; what the queue says next is seen.
  await expect(review.banner).not.toContainText('还不能标记为已核验')
  await expect(review.banner).toContainText('没有待核验或有问题的报告')
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(review.banner).toContainText('已是列表中的最后一份报告')
  const trail = app.library.history(app.library.listReports()[0].id).filter((e) => e.newRaw === '已确认')
  expect(trail.map((e) => [e.target, e.reviewer])).toEqual([...ROW, FEES].map((k) => [k, '王核验']))
  console.log(`[keystrokes] a report with two doubts, refused once, confirmed and verified: ${keys.count}`)
  expect(keys.count).toBeLessThanOrEqual(6)
})

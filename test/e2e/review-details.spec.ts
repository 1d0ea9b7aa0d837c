// Smaller review details: a finding outlines all its cells, the legend counts this report's cells,
// a refused value is said at its cell, reviewer number forms, and undo after refused values.

import { test, expect, type AppHarness } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'
import { legendCounts } from '../../src/renderer/src/review/cell-state'
import { readingOrder, reportLayouts } from '../../src/renderer/src/review/attention'

test.beforeAll(requireShared)

const MIYI = '攀枝花市米易县'

async function openMiyi(app: AppHarness): Promise<{ review: ReviewPage; id: number }> {
  app.library.setReviewer('王核验')
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('002_')]))
  await library.importDone(1)
  await library.open(MIYI)
  const review = new ReviewPage(app.page)
  await expect(review.header).toContainText(MIYI)
  return { review, id: app.library.listReports()[0].id }
}

test('clicking a finding outlines all its cells, apart from other failing cells, and scrolls them into view', async ({ app }) => {
  const { review, id } = await openMiyi(app)
  await review.type('requests.new_received.natural', '11')
  await expect(review.openFindings).toContainText('2 项未解决')
  const findings = app.library.getReport(id).findings.filter((f) => f.status === 'fail')
  const cellsOf = (rule: string): string[] => findings.find((f) => f.rule === rule)!.cells
  const scroller = app.page.locator('.tables-pane__scroll')

  // A row's check: its seven cells. Scrolled away first, so the click must bring them back.
  await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight))
  await review.finding('requests.row_sum').locator('.finding__main').click()
  for (const key of cellsOf('requests.row_sum')) {
    await expect(review.cell(key)).toHaveClass(/rd-v--finding/)
    await expect(review.cell(key)).toBeInViewport()
  }
  for (const key of cellsOf('requests.balance').filter((k) => !cellsOf('requests.row_sum').includes(k))) {
    await expect(review.cell(key)).toHaveClass(/rd-v--failing/)
    await expect(review.cell(key)).not.toHaveClass(/rd-v--finding/)
  }

  // A check down the whole of table 三: all outlined, shown from its first cell.
  await scroller.evaluate((e) => (e.scrollTop = e.scrollHeight))
  await review.finding('requests.balance').locator('.finding__main').click()
  const balance = cellsOf('requests.balance')
  expect(balance.length).toBeGreaterThan(2)
  for (const key of balance) await expect(review.cell(key)).toHaveClass(/rd-v--finding/)
  await expect(review.cell(balance[0])).toBeInViewport()
  await expect(review.cell('requests.new_received.commercial')).not.toHaveClass(/rd-v--finding/)
})

test('the legend counts the cells of this report', async ({ app }) => {
  const { review, id } = await openMiyi(app)
  const expectCounts = async (): Promise<void> => {
    const detail = app.library.getReport(id)
    const counts = legendCounts(detail, readingOrder(reportLayouts(detail)))
    for (const [what, n] of Object.entries(counts)) await expect(app.page.getByTestId(`legend-${what}`).locator('.legend__swatch')).toHaveText(String(n))
    return
  }
  await expectCounts()
  await expect(app.page.getByTestId('legend-corrected').locator('.legend__swatch')).toHaveText('0')
  await review.type('requests.new_received.natural', '11')
  await expect(app.page.getByTestId('legend-corrected').locator('.legend__swatch')).toHaveText('1')
  await expect(app.page.getByTestId('legend-failing').locator('.legend__swatch')).not.toHaveText('0')
  await expectCounts()
})

test('a refused value is said at its cell, not as a save failure, and cleared by the next action', async ({ app }) => {
  const { review } = await openMiyi(app)
  const refusal = app.page.getByTestId('cell-refusal')
  const before = await review.cell('requests.carried_over.natural').textContent()
  await review.type('requests.carried_over.natural', '-3')
  await expect(refusal).toContainText('负数')
  await expect(refusal).toHaveAttribute('data-key', 'requests.carried_over.natural')
  await expect(refusal).toBeInViewport()
  await expect(review.cell('requests.carried_over.natural')).toHaveClass(/rd-v--refused/)
  await expect(review.cell('requests.carried_over.natural')).toHaveText(before ?? '')
  await expect(review.banner).toHaveCount(0)

  await review.type('requests.new_received.commercial', 'abc')
  await expect(refusal).toContainText('无法识别')
  await expect(refusal).toHaveAttribute('data-key', 'requests.new_received.commercial')
  await expect(review.cell('requests.carried_over.natural')).not.toHaveClass(/rd-v--refused/)

  // The next action clears it.
  await review.type('requests.new_received.research', '0')
  await review.type('requests.new_received.research', '1')
  await expect(refusal).toHaveCount(0)
  await expect(review.cell('requests.new_received.commercial')).not.toHaveClass(/rd-v--refused/)
  await expect(app.page.getByText('保存失败')).toHaveCount(0)
})

test('1,234, 1 234, full-width digits and a trailing unit are stored as numbers; the typed text stays in the trail', async ({ app }) => {
  const { review, id } = await openMiyi(app)
  const typed: [string, string, number][] = [
    ['requests.denied.state_secret.natural', '1,234', 1234],
    ['requests.denied.state_secret.commercial', '1 234', 1234],
    ['requests.denied.state_secret.research', '１２', 12],
    ['requests.denied.state_secret.nonprofit', '12件', 12]
  ]
  for (const [key, text] of typed) {
    // As an input method delivers it: the text arrives whole into the cell's editor (F2).
    await review.select(key)
    await app.page.keyboard.press('F2')
    await app.page.keyboard.press('Control+a')
    await app.page.keyboard.insertText(text)
    await app.page.keyboard.press('Enter')
    await expect(review.cell(key)).toHaveText(text)
  }
  await expect(review.header).toContainText('已保存')
  await expect(app.page.getByTestId('cell-refusal')).toHaveCount(0)
  const cells = app.library.getReport(id).cells
  for (const [key, , value] of typed) expect(cells[key].value, key).toBe(value)
  expect(app.library.history(id, 'requests.denied.state_secret.nonprofit').map((e) => e.newRaw)).toEqual(['12件'])
  await review.select('requests.denied.state_secret.nonprofit')
  await review.historyToggle.click()
  await expect(review.history).toContainText('12件')
})

test('after two refused values and a paste, the second Ctrl+Z undoes the edit before them', async ({ app }) => {
  const { review } = await openMiyi(app)
  const first = 'requests.denied.state_secret.natural'
  const original = (await review.cell(first).textContent()) ?? ''
  await review.type(first, '5')
  await expect(review.cell(first)).toHaveText('5')
  await review.type('requests.denied.state_secret.commercial', 'abc')
  await expect(app.page.getByTestId('cell-refusal')).toBeVisible()
  await review.type('requests.denied.state_secret.research', '-3')
  await expect(app.page.getByTestId('cell-refusal')).toContainText('负数')
  const pasted = ['requests.denied.prohibited_by_law.natural', 'requests.denied.prohibited_by_law.commercial']
  const beforePaste = await Promise.all(pasted.map((k) => review.cell(k).textContent()))
  await review.paste(pasted[0], '7\t8')
  await expect(review.cell(pasted[1])).toHaveText('8')
  await expect(review.header).toContainText('已保存')

  await app.page.keyboard.press('Control+z')
  for (const [i, k] of pasted.entries()) await expect(review.cell(k)).toHaveText(beforePaste[i] ?? '')
  await app.page.keyboard.press('Control+z')
  await expect(review.cell(first)).toHaveText(original)
  await expect(review.header.getByRole('button', { name: '↶ 撤销' })).toBeDisabled()
})

test('保存失败 is kept for a real failure to save (here: the report deleted meanwhile)', async ({ app }) => {
  const { review, id } = await openMiyi(app)
  app.library.deleteReport(id, '测试：打开期间被删除')
  await review.type('requests.new_received.natural', '5')
  await expect(review.banner).toContainText('保存失败')
  await expect(review.banner).toContainText('找不到该报告')
  await expect(app.page.getByTestId('cell-refusal')).toHaveCount(0)
  // The reload that follows fails too; the banner still says what failed first.
  await expect(review.header).toContainText('已保存')
  await expect(review.banner).toContainText('保存失败')
})

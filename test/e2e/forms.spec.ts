// 表格格式 (issue 21 item 4): a 2021 report whose table 三 prints the 2019 single （六）其他处理 row, read
// as three blank sub-rows, is settled by setting table 三's form — not by 原文空白 ×21 — with the
// switch in the trail and the list, the single row to confirm, and the report verified.

import { resolve } from 'node:path'
import { test, expect } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const MIXED = resolve(__dirname, '../fixtures/forms/yiyang_2022_blank_other_rows.txt')
const AGENCY = '益阳市应急管理局'
const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']

test('table 三 set to the 2019 single （六） row: confirmed by key and verified; the list and the trail say so', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([MIXED]))
  await library.importDone(1)
  await expect(library.rowFor(AGENCY)).toContainText('2021 版')
  await library.open(AGENCY)
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')

  // Read as the 2021 form: three blank sub-rows, 21 cells only 原文空白 could settle.
  await expect(review.formSwitch('requests')).toHaveValue('2021')
  await expect(review.cell('requests.other.misc.natural')).toHaveClass(/rd-v--blank/)
  await expect(review.verifyBlocked).toContainText('21 个单元格空白未读出')

  await review.setTableForm('requests', '2019')
  await expect(review.page.locator('[data-testid="grid-requests"] .ag-row[row-id="row-（六）其他处理"]')).toBeVisible()
  await expect(review.page.locator('[data-testid="grid-requests"]')).not.toContainText('逾期不补正')
  await expect(review.verifyBlocked).not.toContainText('空白未读出')
  await expect(review.verifyBlocked).toContainText('需核对未确认')
  // The single row was worked out from （七）总计, so each cell is marked; Space confirms it.
  for (const c of COLUMNS) {
    const key = `requests.other.${c}`
    await expect(review.cell(key)).toHaveClass(/rd-v--review/)
    await review.select(key)
    await review.confirmSelected()
    await expect(review.cell(key)).not.toHaveClass(/rd-v--review/)
  }
  await expect(review.openFindings).toHaveText('全部核对完毕')
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')

  const history = await review.openReportHistory()
  await expect(history.locator('tr').filter({ hasText: '表三格式' })).toContainText('2019')
  await history.getByRole('button', { name: '关闭' }).click()
  await review.backButton.click()
  await expect(library.rowFor(AGENCY)).toContainText('2021 版（表三 2019 版）')
  await expect(library.rowFor(AGENCY)).toContainText('已核验')
})

test('a report without standard tables names one form everywhere: header, list and grids', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('003_')]))
  await library.importDone(1)
  // 四川 2019, prose only: the form of its year, 2019, wherever the form is named.
  await expect(library.rowFor('四川省应急管理厅')).toContainText('无标准表 · 2019 版')
  await library.open('四川省应急管理厅')
  const review = new ReviewPage(app.page, '2019')
  await review.enterReviewer('王核验')
  await expect(review.header).toContainText('无标准表 · 2019 版')
  await expect(review.formSwitch('requests')).toHaveValue('2019')
  await expect(review.formSwitch('active')).toHaveValue('2019')
})

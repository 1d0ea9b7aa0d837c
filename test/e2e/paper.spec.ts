// 导出核验底稿 from the review screen: the working paper of the open report as PDF and XLSX,
// through the save dialog, with the correction, the 表三 layout and (before verifying) 未核验.

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { test, expect } from './bridge'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared, seed } from './shared-files'

test.beforeAll(requireShared)

const YIYANG = '益阳市应急管理局'
const NATURAL = 'requests.new_received.natural'

test('a corrected report exports its working paper as PDF (未核验 until verified) and XLSX', async ({ app }) => {
  await app.open()
  const library = new LibraryPage(app.page)
  await library.drop(LibraryPage.fromPaths([seed('000_')]))
  await library.importDone(1)
  await library.open(YIYANG)
  const review = new ReviewPage(app.page)
  await review.enterReviewer('王核验')
  await review.type(NATURAL, '7')
  await expect(review.cell(NATURAL)).toContainText('7')

  const menu = review.paperMenu
  const outcome = app.page.getByTestId('paper-outcome')

  // Not verified yet: the menu says so, and so does the paper.
  const unverified = join(app.tempDir, '底稿-未核验.pdf')
  app.dialogs.nextSavePath = unverified
  await menu.click()
  await expect(app.page.getByRole('menu')).toContainText('尚未核验：底稿将标注“未核验”')
  await review.exportPaper('PDF 底稿（可打印签字）')
  await expect(outcome).toContainText(`已导出核验底稿：${unverified}`)
  expect(app.dialogs.asked.at(-1)).toBe('导出核验底稿')
  const draft = execFileSync('pdftotext', ['-layout', unverified, '-'], { encoding: 'utf8' })
  expect(draft).toContain('未核验')
  expect(draft).toContain(YIYANG)
  await outcome.getByRole('button', { name: '关闭' }).click()

  // Verified: accept what the correction unbalanced, verify, export again.
  while ((await review.findings.filter({ has: app.page.locator('.badge--fail') }).count()) > 0) {
    const before = await review.findings.filter({ has: app.page.locator('.badge--fail') }).count()
    await review.acceptFirstFailing('原文如此，已核对')
    await expect.poll(() => review.findings.filter({ has: app.page.locator('.badge--fail') }).count()).toBeLessThan(before)
  }
  await review.verifyButton.click()
  await expect(review.status).toHaveText('已核验')

  const pdf = join(app.tempDir, '底稿.pdf')
  app.dialogs.nextSavePath = pdf
  await menu.click()
  await expect(app.page.getByRole('menu')).not.toContainText('尚未核验')
  await review.exportPaper('PDF 底稿（可打印签字）')
  await expect(outcome).toContainText(`已导出核验底稿：${pdf}`)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
  expect(pages).toBeGreaterThanOrEqual(2)
  expect(pages).toBeLessThanOrEqual(5)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  for (const expected of [
    YIYANG,
    '2022 年度',
    '申请人情况',
    '法人或其他组织',
    '三、本年度办理结果',
    '（三）不予公开',
    '已更正：原值 0；更正人 王核验',
    '核验人（签名）',
    '王核验'
  ]) {
    expect(text, expected).toContain(expected)
  }
  expect(text).not.toContain('未核验')
  await outcome.getByRole('button', { name: '关闭' }).click()

  const xlsx = join(app.tempDir, '底稿.xlsx')
  app.dialogs.nextSavePath = xlsx
  await review.exportPaper('Excel 底稿（.xlsx）')
  await expect(outcome).toContainText(`已导出核验底稿：${xlsx}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(xlsx)
  expect(wb.worksheets.map((w) => w.name)).toEqual(['益阳市应急管理局2022'])

  // Cancelling the dialog writes nothing and says nothing.
  await outcome.getByRole('button', { name: '关闭' }).click()
  app.dialogs.nextSavePath = null
  await review.exportPaper('Excel 底稿（.xlsx）')
  await expect(menu).toBeEnabled()
  await expect(outcome).toBeHidden()
  expect(existsSync(join(app.tempDir, 'none.xlsx'))).toBe(false)
})

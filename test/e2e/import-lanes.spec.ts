// A mixed drop (issue #25 items 2–3, #21 item 9): every report is a row at once, quick files are not
// held behind a scan, the list is usable while the scan is read, and 取消导入 keeps what landed.
// Runs the real OCR engine in the extraction child: the scan takes tens of seconds.

import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { test, expect } from './bridge'
import { LibraryPage } from './pages/LibraryPage'

/** A 3-page image-only scan (scripts/make-scan-fixtures.ts). */
const SCAN = resolve(__dirname, '../fixtures/scan/files/huaian_2024_scan.pdf')
const SEEDS = resolve(__dirname, '../../../shared/seeds')
const seedPaths = (): string[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS, f))

test('a scan dropped with five text reports: all six are rows at once, the five are listed before the scan finishes', async ({ app }) => {
  test.setTimeout(300_000)
  await app.open()
  const library = new LibraryPage(app.page)
  const texts = seedPaths()
  expect(texts).toHaveLength(5)
  // The scan first in the drop: it must not hold the text reports back.
  await library.drop(LibraryPage.fromPaths([SCAN, ...texts]))
  await expect(library.importResults.getByTestId('import-result')).toHaveCount(6, { timeout: 2_000 })
  await expect(library.summary).toContainText('正在导入：')

  // The five text reports are in the list, and usable, while the scan is still queued or being read.
  await expect(library.rows).toHaveCount(5, { timeout: 60_000 })
  await expect(library.resultStatus('huaian_2024_scan.pdf')).toHaveText(/排队中|正在读取…|正在识别 第 \d\/3 页/)
  await library.search.fill('2021')
  await expect(library.count).toBeVisible()
  await library.search.fill('')
  for (const t of texts) await expect(library.resultStatus(t.split('/').pop()!)).toHaveText('已导入')

  // The scan says how far OCR got, then lands too.
  await expect(library.resultStatus('huaian_2024_scan.pdf')).toHaveText(/正在识别 第 \d\/3 页/, { timeout: 120_000 })
  await expect(library.summary).toContainText('导入完成：6 个文件', { timeout: 240_000 })
  await expect(library.rows).toHaveCount(6)
  expect(app.library.listReports()).toHaveLength(6)
})

test('取消导入 during a scan: what landed stays, the scan is dropped cleanly and can be imported again', async ({ app }) => {
  test.setTimeout(300_000)
  await app.open()
  const library = new LibraryPage(app.page)
  const [first, second] = seedPaths()
  await library.drop(LibraryPage.fromPaths([SCAN, first, second]))
  await expect(library.rows).toHaveCount(2, { timeout: 60_000 })
  await expect(library.resultStatus('huaian_2024_scan.pdf')).toHaveText(/正在识别 第 \d\/3 页/, { timeout: 120_000 })
  await library.cancelImport()
  await expect(library.resultStatus('huaian_2024_scan.pdf')).toHaveText('已取消')
  await expect(library.summary).toContainText('导入完成：3 个文件，1 个已取消')
  expect(
    app.library
      .listReports()
      .map((r) => r.fileName)
      .sort()
  ).toEqual([first, second].map((p) => p.split('/').pop()).sort())
  // Nothing of the scan was kept: it imports afresh, not as a duplicate.
  await library.importResults.getByRole('button', { name: '关闭' }).click()
  await library.drop(LibraryPage.fromPaths([SCAN]))
  await expect(library.resultStatus('huaian_2024_scan.pdf')).toHaveText('已导入', { timeout: 240_000 })
})

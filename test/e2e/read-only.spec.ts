import { chmodSync } from 'node:fs'
import { test, expect } from './bridge'
import { NATURAL, theirLibrary } from './merge-fixture'
import { LibraryPage } from './pages/LibraryPage'
import { ReviewPage } from './pages/ReviewPage'
import { requireShared } from './shared-files'

test.beforeAll(requireShared)

test('a read-only library opens with a banner; it can be read and exported, an edit is refused in Chinese', async ({ app }) => {
  const path = await theirLibrary(app.tempDir)
  chmodSync(path, 0o444)
  try {
    await app.open()
    const library = new LibraryPage(app.page)
    await expect(app.page.getByTestId('read-only-banner')).toBeHidden()
    await library.openLibraryFile(app.dialogs, path)
    await expect(library.banner).toContainText('已打开资料库')
    const banner = app.page.getByTestId('read-only-banner')
    await expect(banner).toContainText('只读资料库（文件为只读）')
    await expect(banner).toContainText('不能导入、修改或核验')
    await expect(library.rows).toHaveCount(1)

    app.dialogs.nextSavePath = `${app.tempDir}/只读导出.xlsx`
    await library.menu('Excel 工作簿（.xlsx）')
    await expect(library.banner).toContainText('已导出 1 份报告')

    await library.open('益阳市应急管理局')
    const review = new ReviewPage(app.page)
    await review.type(NATURAL, '5')
    await expect(app.page.getByRole('alert')).toContainText('此资料库以只读方式打开（文件为只读），不能修改')
    await expect(banner).toBeVisible()
    expect(app.library.getReport(1).cells[NATURAL].raw).toBe('999')
  } finally {
    chmodSync(path, 0o644)
  }
})

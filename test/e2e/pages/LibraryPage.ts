// Page object for the library screen: tests speak through it, not through selectors.

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'

export interface DropFile {
  name: string
  bytes: Uint8Array | Buffer
}

export class LibraryPage {
  readonly screen: Locator
  readonly dropZone: Locator
  readonly emptyTitle: Locator
  readonly pickButton: Locator
  readonly fileInput: Locator
  readonly importResults: Locator
  readonly rows: Locator
  readonly search: Locator
  readonly yearFilter: Locator
  readonly statusFilter: Locator
  readonly folderInput: Locator
  readonly summary: Locator
  /** 共 N 份报告 / 显示 n / N 份 (or 正在搜索… while a search is answered). */
  readonly count: Locator
  readonly banner: Locator
  readonly menuButton: Locator
  /** The merge-conflicts dialog, and the banner that says conflicts are waiting. */
  readonly conflicts: Locator
  readonly conflictsBanner: Locator
  /** The row holding the keyboard focus, and the selected row. */
  readonly focusedRow: Locator
  readonly selectedRow: Locator

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('library-screen')
    this.dropZone = page.getByTestId('drop-zone')
    this.emptyTitle = page.getByText('资料库还是空的')
    this.pickButton = page.getByRole('button', { name: '选择文件…' })
    this.fileInput = page.getByTestId('file-input')
    this.importResults = page.getByTestId('import-results')
    this.rows = page.locator('[data-testid="report-grid"] .ag-row')
    this.search = page.getByRole('searchbox', { name: '搜索报告' })
    this.yearFilter = page.getByLabel('按年度筛选')
    this.statusFilter = page.getByLabel('按状态筛选')
    this.folderInput = page.getByTestId('folder-input')
    this.summary = page.getByTestId('import-summary')
    this.count = page.getByTestId('library-count')
    this.conflicts = page.getByTestId('merge-conflicts')
    this.conflictsBanner = page.getByTestId('merge-conflicts-banner')
    this.banner = page.getByTestId('library-banner')
    this.menuButton = page.getByRole('button', { name: '导出与备份 ▾' })
    this.focusedRow = this.rows.filter({ has: page.locator('.ag-cell:focus') })
    this.selectedRow = page.locator('[data-testid="report-grid"] .ag-row.ag-row-selected')
  }

  static fromPaths(paths: string[]): DropFile[] {
    return paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) }))
  }

  /** Synthesises a real drop event carrying File objects, as a drag from the desktop does. */
  async drop(files: DropFile[]): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }))
    const dataTransfer = await this.page.evaluateHandle((items) => {
      const dt = new DataTransfer()
      for (const item of items) {
        const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))
        dt.items.add(new File([bytes], item.name))
      }
      return dt
    }, payload)
    await this.dropZone.dispatchEvent('dragover', { dataTransfer })
    await this.dropZone.dispatchEvent('drop', { dataTransfer })
  }

  async pick(paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths)
  }

  async pickFolder(dir: string): Promise<void> {
    await this.folderInput.setInputFiles(dir)
  }

  /** Waits until every queued file has an outcome. */
  async importDone(count: number): Promise<void> {
    await expect(this.summary).toContainText(`导入完成：${count} 个文件`, { timeout: 60_000 })
  }

  async open(agency: string): Promise<void> {
    await this.rowFor(agency).first().dblclick()
  }

  /** One report's conflict in the dialog, by its agency. */
  conflict(agency: string): Locator {
    return this.conflicts.getByRole('article', { name: new RegExp(agency) })
  }

  async menu(item: string): Promise<void> {
    await this.menuButton.click()
    await this.page.getByRole('menuitem', { name: item }).click()
  }

  /** 打开资料库（恢复备份）…, the file dialog answering `path`. */
  async openLibraryFile(dialogs: { nextOpenPath: string | null }, path: string): Promise<void> {
    dialogs.nextOpenPath = path
    await this.menu('打开资料库（恢复备份）…')
  }

  /** The agency column of the rows, top to bottom as shown. */
  async agencies(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows
        .map((r) => ({ index: Number(r.getAttribute('row-index')), text: r.querySelector('[col-id="agency"]')?.textContent ?? '' }))
        .sort((a, b) => a.index - b.index)
        .map((r) => r.text)
    )
  }

  resultFor(name: string): Locator {
    return this.importResults.getByTestId('import-result').filter({ hasText: name })
  }

  /** The list's column header label reading exactly `name`. */
  headerLabel(name: string): Locator {
    return this.page.locator('[data-testid="report-grid"] .ag-header-cell-text').getByText(name, { exact: true })
  }

  /** Ticks the selection box of the row holding `text` (rows picked together for the batch 底稿). */
  async pickRow(text: string): Promise<void> {
    await this.rows.filter({ hasText: text }).locator('.ag-selection-checkbox input, input[type="checkbox"]').first().check()
  }

  /** The batch 底稿 button: for the rows picked, else for the rows shown. */
  paperButton(): Locator {
    return this.page.getByRole('button', { name: /^导出底稿（(显示|选中)的 \d+ 份） ▾$/ })
  }

  /** 导出底稿 for the rows picked together; the outcome line. */
  async exportPapersPicked(picked: number, format: 'Excel' | 'PDF'): Promise<Locator> {
    await this.page.getByRole('button', { name: `导出底稿（选中的 ${picked} 份） ▾` }).click()
    await this.page.getByRole('menuitem', { name: new RegExp(`^${format} 底稿`) }).click()
    return this.page.getByTestId('paper-outcome')
  }

  /** 导出底稿 for the reports the list shows; the outcome line. */
  async exportPapersShown(shown: number, format: 'Excel' | 'PDF'): Promise<Locator> {
    await this.page.getByRole('button', { name: `导出底稿（显示的 ${shown} 份） ▾` }).click()
    await this.page.getByRole('menuitem', { name: new RegExp(`^${format} 底稿`) }).click()
    return this.page.getByTestId('paper-outcome')
  }

  /** A file's state in the import queue: 排队中 / 正在读取… / 正在识别 第 n/m 页 / 已导入 / 导入失败 / 已取消. */
  resultStatus(name: string): Locator {
    return this.resultFor(name).locator('.import-result__status')
  }

  /** 取消导入: what has not landed is dropped. */
  async cancelImport(): Promise<void> {
    await this.importResults.getByTestId('import-cancel').click()
  }

  /** The 条提示 of an imported file: a count, its messages shown by clicking it. */
  importWarnings(name: string): Locator {
    return this.resultFor(name).getByTestId('import-warnings')
  }

  async showImportWarnings(name: string): Promise<Locator> {
    const warnings = this.importWarnings(name)
    await warnings.locator('summary').click()
    return warnings.getByRole('listitem')
  }

  rowFor(text: string): Locator {
    return this.rows.filter({ hasText: text })
  }

  /** The agency cell of the rows holding `text`. */
  agencyCell(text: string): Locator {
    return this.rowFor(text).locator('[col-id="agency"]')
  }

  /** The 疑似重复 badges of the rows holding `text`. */
  nearDuplicateBadge(text: string): Locator {
    return this.rowFor(text).getByTestId('near-duplicate-badge')
  }
}

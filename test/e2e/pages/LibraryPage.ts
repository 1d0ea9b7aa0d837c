// Page object for the library screen: tests speak through it, not through selectors.

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { Locator, Page } from '@playwright/test'

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

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('library-screen')
    this.dropZone = page.getByTestId('drop-zone')
    this.emptyTitle = page.getByText('资料库还是空的')
    this.pickButton = page.getByRole('button', { name: '选择文件…' })
    this.fileInput = page.getByTestId('file-input')
    this.importResults = page.getByTestId('import-results')
    this.rows = page.locator('[data-testid="report-grid"] .ag-center-cols-container [role="row"]')
    this.search = page.getByRole('searchbox', { name: '搜索机关' })
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

  resultFor(name: string): Locator {
    return this.importResults.getByTestId('import-result').filter({ hasText: name })
  }

  rowFor(text: string): Locator {
    return this.rows.filter({ hasText: text })
  }
}

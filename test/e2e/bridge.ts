// The browser test bridge: the built renderer runs in Debian's Chromium, and window.api is backed,
// through page.exposeBinding, by the very handler table main registers — real code over a fresh
// temp SQLite library per test. Tests fail on any renderer console error.

import { test as base, expect, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Library } from '../../src/library/library'
import { createHandlers, type Dialogs } from '../../src/main/handlers'
import { createExtractionHost, hostExtractor } from '../../src/main/extraction-host'
import { importJobsSetting, memoryJobsStore } from '../../src/main/import-jobs'
import { forkSpawner } from '../../src/main/fork-spawner'
import { APP_ORIGIN, installBridge, RENDERER_DIR } from './bridge-page'

export { APP_ORIGIN }

const ROOT = resolve(__dirname, '../..')
const EXTRACTION_CHILD = join(ROOT, 'out/main/extraction-child.js')

export interface AppHarness {
  page: Page
  /** The library the app works on now (打开资料库… may replace the first one). */
  readonly library: Library
  libraryPath: string
  consoleErrors: string[]
  /** Requests the page tried to make outside the app's own files. */
  blockedRequests: string[]
  /** Scripted answers for the file dialogs: set a path before the action that asks; null = cancel. */
  dialogs: ScriptedDialogs
  /** A fresh temp folder for files a test writes (exports, backups). */
  tempDir: string
  /** Loads (or reloads) the app. */
  open(): Promise<void>
}

export class ScriptedDialogs implements Dialogs {
  nextSavePath: string | null = null
  nextOpenPath: string | null = null
  asked: string[] = []
  async chooseSavePath(options: { title: string }): Promise<string | null> {
    this.asked.push(options.title)
    return this.nextSavePath
  }
  async chooseOpenPath(options: { title: string }): Promise<string | null> {
    this.asked.push(options.title)
    return this.nextOpenPath
  }
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(EXTRACTION_CHILD)) {
      throw new Error('out/ is missing: run `electron-vite build` first (npm run test:e2e does)')
    }
    const dir = mkdtempSync(join(tmpdir(), 'report-desk-e2e-'))
    const libraryPath = join(dir, 'library.sqlite')
    const library = new Library(libraryPath)
    // As in the app, extraction runs in a child process (Node's fork standing in for Electron's utility process).
    const extraction = createExtractionHost(forkSpawner(EXTRACTION_CHILD))
    const dialogs = new ScriptedDialogs()
    let current = library
    const handlers = createHandlers({
      library,
      extract: hostExtractor(extraction),
      dialogs,
      openLibrary: (path) => (current = new Library(path, { existingOnly: true })),
      jobs: importJobsSetting(extraction, memoryJobsStore()),
      renderPdf: (html) => printWith(page, html)
    })
    const { consoleErrors, blockedRequests } = await installBridge(page, handlers)

    const harness: AppHarness = {
      page,
      get library() {
        return current
      },
      libraryPath,
      consoleErrors,
      blockedRequests,
      dialogs,
      tempDir: dir,
      open: async () => {
        await page.goto(APP_ORIGIN + '/index.html')
      }
    }
    await use(harness)
    // The page goes first, so no call in flight reaches a closed library.
    await page.close()
    await extraction.close()
    current.close()
    rmSync(dir, { recursive: true, force: true })
    expect(consoleErrors, 'renderer console errors').toEqual([])
    expect(blockedRequests, 'requests outside the app').toEqual([])
  }
})

export { expect }

/** The app's printToPDF, played by the test's own Chromium: a fresh context with JavaScript off. */
async function printWith(page: Page, html: string): Promise<Uint8Array> {
  const browser = page.context().browser()
  if (!browser) throw new Error('no browser to print with')
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  try {
    const printer = await context.newPage()
    await printer.setContent(html, { waitUntil: 'load' })
    return new Uint8Array(await printer.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }))
  } finally {
    await context.close()
  }
}

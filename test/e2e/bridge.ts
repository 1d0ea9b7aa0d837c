// The browser test bridge: the built renderer runs in Debian's Chromium, and window.api is backed,
// through page.exposeBinding, by the very handler table main registers — real code over a fresh
// temp SQLite library per test. Tests fail on any renderer console error.

import { test as base, expect, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { Library } from '../../src/library/library'
import { createHandlers, type Dialogs } from '../../src/main/handlers'
import { createExtractionHost, hostExtraction } from '../../src/main/extraction-host'
import { forkSpawner } from '../../src/main/fork-spawner'
import { invokeHandler, OPERATIONS, type Operation } from '../../src/shared/contract'

const ROOT = resolve(__dirname, '../..')
const RENDERER_DIR = join(ROOT, 'out/renderer')
const EXTRACTION_CHILD = join(ROOT, 'out/main/extraction-child.js')
/** The app's origin in tests; requests to it are answered from out/renderer, never the network. */
export const APP_ORIGIN = 'http://report-desk.test'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

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
    const extractor = hostExtraction(extraction)
    const dialogs = new ScriptedDialogs()
    let current = library
    const handlers = createHandlers({
      library,
      extract: extractor.extract,
      dialogs,
      openLibrary: (path) => (current = new Library(path, { existingOnly: true })),
      importProgress: extractor.progress,
      renderPdf: (html) => printWith(page, html)
    })
    const consoleErrors: string[] = []
    const blockedRequests: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`))

    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== APP_ORIGIN) {
        blockedRequests.push(route.request().url())
        return route.abort('blockedbyclient')
      }
      const file = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)))
      if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
      return route.fulfill({ status: 200, body: readFileSync(file), contentType: MIME[extname(file)] ?? 'application/octet-stream' })
    })

    await page.exposeBinding('__reportDeskInvoke', async (source, op: Operation, encodedArgs: string) => {
      // Like main's sender check: only the app's own top-level page may call.
      if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(APP_ORIGIN + '/')) {
        return JSON.stringify({ ok: false, error: { code: 'ipc.forbidden', message: '拒绝来自未知窗口的调用' } })
      }
      const envelope = await invokeHandler(handlers, op, JSON.parse(encodedArgs, reviveBytes))
      return JSON.stringify(envelope, replaceBytes)
    })
    await page.addInitScript(installApi, OPERATIONS as readonly string[])

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

/** JSON cannot carry bytes: Uint8Array travels as { $bytes: base64 } both ways. */
function reviveBytes(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$bytes' in value) return new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'))
  return value
}

function replaceBytes(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') }
  return value
}

/** Runs in the page before any app script: window.api with one named function per operation. */
function installApi(operations: readonly string[]): void {
  const toBase64 = (bytes: Uint8Array): string => {
    let s = ''
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(s)
  }
  const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  const invoke = (window as unknown as { __reportDeskInvoke: (op: string, args: string) => Promise<string> }).__reportDeskInvoke
  const api: Record<string, (args: unknown) => Promise<unknown>> = {}
  for (const op of operations) {
    api[op] = async (args: unknown) => {
      const encoded = JSON.stringify(args, (_k, v) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v))
      const envelope = JSON.parse(await invoke(op, encoded), (_k, v) =>
        v && typeof v === 'object' && '$bytes' in v ? fromBase64(v.$bytes) : v
      )
      if (envelope.ok) return envelope.value
      const err = new Error(envelope.error.message) as Error & { code?: string }
      err.code = envelope.error.code
      throw err
    }
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
}

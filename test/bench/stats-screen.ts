// The 统计 screen on a 10,000-report library, in Debian's Chromium with window.api backed by the
// app's handler table (as in the e2e tests): the time until its charts and agency table are drawn,
// and the time a filter change takes to redraw them. Prints figures; asserts nothing.
// Needs the built renderer (`electron-vite build`). Run alone: npx tsx test/bench/stats-screen.ts

import { chromium } from '@playwright/test'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library, type Extractor } from '../../src/library/library'
import { createHandlers, type Dialogs } from '../../src/main/handlers'
import { APP_ORIGIN, installBridge } from '../e2e/bridge-page'
import { CHROMIUM } from '../../playwright.config'
import { entry, extractedPool } from '../../scripts/bench-library'

const REPORTS = Number(process.env.BENCH_LIBRARY_REPORTS ?? 10_000)
const READY = '[data-testid="stats-screen"][data-state="ready"]'

const noDialogs: Dialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null }

async function benchLibraryOnDisk(path: string): Promise<Library> {
  const library = new Library(path)
  const pool = await extractedPool()
  const extract: Extractor = async (file) => ({ value: entry(pool, Number(file.name.slice(1, -4))).extracted, messages: [] })
  for (let i = 0; i < REPORTS; i++) await library.importFile({ name: `r${i}.txt`, bytes: entry(pool, i).bytes }, extract)
  return library
}

export async function benchStatsScreen(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-desk-bench-stats-'))
  const path = join(dir, 'library.sqlite')
  const library = await benchLibraryOnDisk(path)
  // The screen counts verified reports by default; the bench library is verified wholesale through
  // a second connection (the review loop is not what is timed here).
  const db = new Database(path)
  db.prepare(`UPDATE reports SET status = 'verified'`).run()
  db.close()
  const handlers = createHandlers({
    library,
    extract: async () => ({ value: null, messages: [] }),
    dialogs: noDialogs,
    openLibrary: () => {
      throw new Error('bench: no other library')
    }
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    const watch = await installBridge(page, handlers)
    // Warm the renderer's code once (the app has it on disk; the first load here also compiles it).
    await page.goto(`${APP_ORIGIN}/index.html`)
    await page.waitForSelector('[data-testid="nav-stats"]')
    const t0 = performance.now()
    await page.click('[data-testid="nav-stats"]')
    await page.waitForSelector(READY, { timeout: 60_000 })
    const openMs = performance.now() - t0
    const rows = await page.locator('[data-testid="agency-row"]').count()
    const bars = await page.locator('[data-testid="stats-screen"] svg path').count()

    const filterMs = await timeFilter(page, async () => page.getByRole('searchbox', { name: /机关/ }).fill('益阳'))
    const clearMs = await timeFilter(page, async () => page.getByRole('searchbox', { name: /机关/ }).fill(''))

    console.log(`统计 screen: ${REPORTS} verified reports, in Chromium over the handler bridge`)
    console.log(`  open 统计 until charts and table drawn: ${openMs.toFixed(0)} ms (target < 1000 ms); ${bars} chart paths, ${rows} agency rows shown`)
    console.log(`  agency filter "益阳": ${filterMs.toFixed(0)} ms; cleared: ${clearMs.toFixed(0)} ms (target < 200 ms after the 250 ms typing pause)`)
    if (watch.consoleErrors.length) console.log(`  renderer console errors: ${watch.consoleErrors.join(' | ')}`)
  } finally {
    await browser.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** From the change until the screen is ready again with new data, less the search box's typing pause. */
async function timeFilter(page: import('@playwright/test').Page, change: () => Promise<void>): Promise<number> {
  const before = await page.locator('[data-testid="stats-screen"]').getAttribute('data-generation')
  const t0 = performance.now()
  await change()
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid="stats-screen"]')
      return el?.getAttribute('data-state') === 'ready' && el.getAttribute('data-generation') !== prev
    },
    before,
    { timeout: 60_000 }
  )
  return performance.now() - t0 - SEARCH_PAUSE_MS
}

/** The agency box waits this long after the last keystroke before asking (see the screen). */
const SEARCH_PAUSE_MS = 250

if (process.argv[1]?.endsWith('stats-screen.ts')) void benchStatsScreen()

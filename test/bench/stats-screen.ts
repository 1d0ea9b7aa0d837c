// The 统计 screen on a 10,000-report library, in Debian's Chromium with window.api backed by the
// app's handler table (as in the e2e tests): the time until its charts and agency table are drawn,
// and the time a filter change takes to redraw them. Prints figures; asserts nothing.
// Needs the built renderer (`electron-vite build`). Run alone: npx tsx test/bench/stats-screen.ts

import { chromium, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../src/library/library'
import { createHandlers, type Dialogs } from '../../src/main/handlers'
import type { StatsFilter } from '../../src/shared/stats'
import { APP_ORIGIN, installBridge } from '../e2e/bridge-page'
import { CHROMIUM } from '../../playwright.config'
import { buildBenchLibrary } from '../../scripts/bench-library'

const REPORTS = Number(process.env.BENCH_LIBRARY_REPORTS ?? 10_000)

const noDialogs: Dialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null }

export async function benchStatsScreen(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-desk-bench-stats-'))
  // BENCH_STATS_LIBRARY: a bench library built before (a copy is worked on), to time the screen alone.
  const given = process.env.BENCH_STATS_LIBRARY
  const path = join(dir, 'library.sqlite')
  if (given) copyFileSync(given, path)
  else (await buildBenchLibrary(path, REPORTS)).close()
  // The screen counts verified reports by default; the bench library is verified wholesale through
  // a second connection (the review loop is not what is timed here).
  const db = new Database(path)
  db.prepare(`UPDATE reports SET status = 'verified'`).run()
  db.close()
  const load = loadavg()[0]
  const library = new Library(path)
  // What the app's IPC does with the answer instead of the bridge's JSON: Electron clones it with V8's serializer.
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const overview = library.statsOverview({})
  const computeMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  // CPU time as well: on a machine shared with other work, the wall time swings with the load.
  const computeCpuMs = (cpu.user + cpu.system) / 1000
  const t1 = performance.now()
  const cloned = serialize(overview)
  deserialize(cloned)
  const cloneMs = performance.now() - t1
  const t2 = performance.now()
  library.statsOverview({})
  const keptMs = performance.now() - t2
  const json = JSON.stringify(overview).length
  // Filters not asked before, on a library unchanged since (its cells kept): what a filter change costs in main.
  const fresh = (filter: StatsFilter): string => {
    const t = performance.now()
    const c = process.cpuUsage()
    library.statsOverview(filter)
    const used = process.cpuUsage(c)
    return `${(performance.now() - t).toFixed(0)} (CPU ${((used.user + used.system) / 1000).toFixed(0)})`
  }
  const filterMs = [fresh({ years: [2022] }), fresh({ agency: '米易' }), fresh({ years: [2020, 2021], agency: '舒城' }), fresh({ all: true })]
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
    // The library screen's first answers on 10,000 reports (and the 评估 ranking the 统计 screen asks for)
    // outlast Playwright's 30 s default on a loaded machine; the figures, not a time-out, are the result.
    page.setDefaultTimeout(240_000)
    // tsx compiles with esbuild's keepNames, which wraps functions in __name(…); functions this script
    // hands to the page (the bridge's window.api, the timing loop) need that helper there too.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    const watch = await installBridge(page, handlers)
    await page.goto(`${APP_ORIGIN}/index.html`)
    await page.waitForSelector('[data-testid="nav-stats"]')
    const open = await timed(page, () => page.click('[data-testid="nav-stats"]'))
    const rows = await page.locator('[data-testid="agency-row"]').count()
    const paths = await page.locator('[data-testid="stats-screen"] svg path').count()
    const year = await timed(page, () => page.getByRole('button', { name: '2021', exact: true }).click())
    const allYears = await timed(page, () => page.getByRole('button', { name: '全部年度' }).click())
    const agency = await timed(page, () => page.getByRole('searchbox', { name: '按机关筛选' }).fill('益阳'))
    const cleared = await timed(page, () => page.getByRole('searchbox', { name: '按机关筛选' }).fill(''))

    const line = (what: string, t: Timing, target: number): string =>
      `  ${what}: ${t.totalMs.toFixed(0)} ms (answer ${t.answerMs.toFixed(0)} ms, drawing ${t.drawMs.toFixed(0)} ms; target < ${target} ms)`
    console.log(
      `统计 screen: ${library.info().reportCount} verified reports, in Chromium over the handler bridge (JSON; Electron's IPC clones instead); load ${load.toFixed(1)} at the start`
    )
    console.log(
      `  getStats (every verified report): ${computeMs.toFixed(0)} ms computed (CPU ${computeCpuMs.toFixed(0)} ms; target < 300 ms), ${keptMs.toFixed(1)} ms when asked again unchanged; ` +
        `answer ${(json / 1e6).toFixed(1)} MB as JSON, V8 clone (Electron IPC) ${(cloned.length / 1e6).toFixed(1)} MB in ${cloneMs.toFixed(0)} ms`
    )
    console.log(`  getStats for a new filter (year; agency; years + agency; all statuses): ${filterMs.join('; ')} ms (target < 200 ms with the drawing)`)
    console.log(line('open 统计 until charts and table drawn', open, 1000) + `; ${paths} chart paths, ${rows} agency rows`)
    console.log(line('choose one year', year, 200))
    console.log(line('back to every year', allYears, 200))
    console.log(line('agency "益阳" (after the 250 ms typing pause)', agency, 200))
    console.log(line('agency cleared', cleared, 200))
    if (watch.consoleErrors.length) console.log(`  renderer console errors: ${watch.consoleErrors.join(' | ')}`)
  } finally {
    await browser.close()
    library.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

interface Timing {
  totalMs: number
  /** From the change until getStats answered (the library's work and the answer's trip). */
  answerMs: number
  /** From the answer until the screen shows it. */
  drawMs: number
}

/**
 * From `change` until a new getStats answer is drawn: the screen marks each answer's arrival
 * (performance mark stats:answer) and its scope line stops being busy; the charts have bars and
 * the agency table rows. The agency box's typing pause is not counted.
 */
async function timed(page: Page, change: () => Promise<void>): Promise<Timing> {
  const answersBefore = await page.evaluate(() => performance.getEntriesByName('stats:answer').length)
  const t0 = await page.evaluate(() => performance.now())
  await change()
  return page.evaluate(
    ([before, t0, pause]) =>
      new Promise<Timing>((resolve) => {
        const check = (): void => {
          const answers = performance.getEntriesByName('stats:answer')
          const busy = document.querySelector('[data-testid="stats-scope"]')?.getAttribute('aria-busy')
          const drawn = document.querySelector('[data-testid="stats-screen"] svg path') && document.querySelector('[data-testid="agency-row"]')
          if (answers.length > before && busy === 'false' && drawn) {
            const answered = answers[answers.length - 1].startTime
            const now = performance.now()
            const typed = document.activeElement?.getAttribute('type') === 'search' ? pause : 0
            resolve({ totalMs: now - t0 - typed, answerMs: answered - t0 - typed, drawMs: now - answered })
          } else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    [answersBefore, t0, SEARCH_PAUSE_MS] as const
  )
}

/** The agency box waits this long after the last keystroke before asking (see the screen). */
const SEARCH_PAUSE_MS = 250

if (process.argv[1]?.endsWith('stats-screen.ts')) void benchStatsScreen()

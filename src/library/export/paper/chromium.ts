// PDF from the print view outside the app (CLI, tests): Chromium through playwright-core's
// page.pdf(), offline, JavaScript off. The app uses Electron's printToPDF instead (src/main).

import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserFacingError } from '../../../shared/contract'
import { CHROMIUM_PROFILE_PREFIX } from '../../leftovers'
import type { PdfRenderer } from '.'

/** Where a system Chromium usually is; REPORT_DESK_CHROMIUM names another. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
]

export function findChromium(): string | null {
  const named = process.env.REPORT_DESK_CHROMIUM
  if (named) return existsSync(named) ? named : null
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

export const NO_CHROMIUM =
  '未找到 Chromium 浏览器，无法在命令行生成 PDF。请在桌面应用中导出 PDF 底稿，或改用 --format xlsx；也可用环境变量 REPORT_DESK_CHROMIUM 指定 Chromium 的路径。'

/** A renderer that prints HTML to A4 PDF with a system Chromium; refuses in Chinese where there is none. */
export async function chromiumPdfRenderer(executablePath = findChromium()): Promise<PdfRenderer> {
  if (!executablePath) throw new UserFacingError('paper.no_chromium', NO_CHROMIUM)
  let chromium: typeof import('playwright-core').chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    throw new UserFacingError('paper.no_chromium', NO_CHROMIUM)
  }
  return async (html) => {
    // Its profile folder is named with our pid, so one left by a killed `paper` is swept (leftovers.ts).
    const profile = mkdtempSync(join(tmpdir(), `${CHROMIUM_PROFILE_PREFIX}${process.pid}-`))
    try {
      // Chromium's sandbox refuses to start as root (containers, CI); the page runs no script either way.
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
        javaScriptEnabled: false,
        offline: true
      })
      try {
        const page = context.pages()[0] ?? (await context.newPage())
        // Nothing leaves the machine: every request but the page itself is refused.
        await page.route('**/*', (route) => route.abort())
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }))
      } finally {
        await context.close()
      }
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
  }
}

import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright's own browsers cannot be downloaded on our machines. */
export const CHROMIUM = process.env.REPORT_DESK_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: './test',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    },
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    trace: 'off'
  }
})

import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/** `npm run screenshots`: the README's screenshots, taken in Chromium through the test bridge over real seeds. */
export default defineConfig({
  ...base,
  testDir: './test/screenshots',
  testMatch: ['**/*.spec.ts'],
  use: { ...base.use, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 }
})

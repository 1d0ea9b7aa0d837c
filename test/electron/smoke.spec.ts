// A small smoke suite through the real Electron binary, wherever one exists (installed, or pointed
// to by ELECTRON_OVERRIDE_DIST_PATH). Electron cannot be downloaded on our build machines, so
// there it says clearly that it skipped; everything it checks is also covered by the browser suite.

import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

function findElectronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const candidate = join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(candidate) ? candidate : null
  }
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) return null
  const candidate = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(candidate) ? candidate : null
}

const binary = findElectronBinary()
if (!binary) {
  console.log('[electron smoke] SKIPPED: no Electron binary here (it cannot be downloaded on this machine); set ELECTRON_OVERRIDE_DIST_PATH to run it.')
}

test.describe('electron smoke', () => {
  test.skip(!binary, 'no Electron binary on this machine')

  test('the app window opens on the library screen, isolated from node', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-desk-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, `--library=${join(dir, 'library.sqlite')}`, '--no-sandbox'],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' }
    })
    try {
      const window = await app.firstWindow()
      await expect(window.getByText('资料库还是空的')).toBeVisible()
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
      // contextBridge only works with contextIsolation on; no process object means no node in the page.
      expect(await window.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined')
      expect(await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toContain('importFiles')
    } finally {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

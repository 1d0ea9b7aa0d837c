// The page half of the browser bridge: the built renderer served from out/renderer at the app's
// origin (nothing else may load), and window.api backed by a handler table over page.exposeBinding.
// Used by the e2e fixture (bridge.ts) and by the 统计 screen benchmark.

import type { Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { invokeHandler, OPERATIONS, type Handlers, type Operation } from '../../src/shared/contract'

export const RENDERER_DIR = join(resolve(__dirname, '../..'), 'out/renderer')
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

export interface BridgeWatch {
  consoleErrors: string[]
  /** Requests the page tried to make outside the app's own files. */
  blockedRequests: string[]
}

/** Serves the app to the page and backs window.api with `handlers`; what went wrong is collected. */
export async function installBridge(page: Page, handlers: Handlers): Promise<BridgeWatch> {
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
  return { consoleErrors, blockedRequests }
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
      const envelope = JSON.parse(await invoke(op, encoded), (_k, v) => (v && typeof v === 'object' && '$bytes' in v ? fromBase64(v.$bytes) : v))
      if (envelope.ok) return envelope.value
      const err = new Error(envelope.error.message) as Error & { code?: string }
      err.code = envelope.error.code
      throw err
    }
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
}

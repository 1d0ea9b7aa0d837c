import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const LIBRARY_ENV = 'REPORT_DESK_LIBRARY'
export const LIBRARY_FILE = 'library.sqlite'

/** Where the app notes the library last opened with 打开资料库…, so the next start returns to it. */
const LAST_LIBRARY_FILE = 'last-library.json'

/**
 * Where the library lives: `--library PATH` (or `--library=PATH`) wins, then the
 * REPORT_DESK_LIBRARY environment variable, then the library last opened (while it still exists),
 * then the app's user-data folder.
 */
export function resolveLibraryPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromFlag = flagValue(argv, '--library')
  if (fromFlag) return resolve(fromFlag)
  const fromEnv = env[LIBRARY_ENV]?.trim()
  if (fromEnv) return resolve(fromEnv)
  return lastOpenedLibrary(userDataDir) ?? join(userDataDir, LIBRARY_FILE)
}

function lastOpenedLibrary(userDataDir: string): string | undefined {
  try {
    const { path } = JSON.parse(readFileSync(join(userDataDir, LAST_LIBRARY_FILE), 'utf8')) as { path?: unknown }
    return typeof path === 'string' && existsSync(path) ? path : undefined
  } catch {
    return undefined // never noted, or unreadable: the default it is
  }
}

export function rememberLibrary(userDataDir: string, path: string): void {
  writeFileSync(join(userDataDir, LAST_LIBRARY_FILE), JSON.stringify({ path: resolve(path) }))
}

export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === flag) return argv[i + 1]
    if (a.startsWith(flag + '=')) return a.slice(flag.length + 1)
  }
  return undefined
}

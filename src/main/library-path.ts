import { join, resolve } from 'node:path'

export const LIBRARY_ENV = 'REPORT_DESK_LIBRARY'
export const LIBRARY_FILE = 'library.sqlite'

/**
 * Where the library lives: `--library PATH` (or `--library=PATH`) wins, then the
 * REPORT_DESK_LIBRARY environment variable, then the app's user-data folder.
 */
export function resolveLibraryPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const fromFlag = flagValue(argv, '--library')
  if (fromFlag) return resolve(fromFlag)
  const fromEnv = env[LIBRARY_ENV]?.trim()
  if (fromEnv) return resolve(fromEnv)
  return join(userDataDir, LIBRARY_FILE)
}

export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === flag) return argv[i + 1]
    if (a.startsWith(flag + '=')) return a.slice(flag.length + 1)
  }
  return undefined
}

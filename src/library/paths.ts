// Files nothing may write over: the open library and the files SQLite keeps beside it (-wal, -shm,
// -journal). One rule for export, backup and merge, in the CLI and in the app alike (a save dialog
// can pick the library too). A path names one of them when it is the same file (symlinks, hard
// links, a case-insensitive file system), or when it sits in the library's real folder under one
// of their names, compared as Windows and macOS compare names (case, Unicode form, trailing dots).

import { realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { UserFacingError } from '../shared/contract'

const SIDECARS = ['', '-wal', '-shm', '-journal']

/** `path` with every symlink resolved; a file not there yet is resolved through its folder. */
function realPath(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync.native(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute))
  }
}

/** A name as a case-insensitive file system compares it. */
function comparable(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[. ]+$/, '')
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a)
    const y = statSync(b)
    return x.ino !== 0 && x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}

/** True when writing `candidate` would write over the library at `libraryPath` or one of its files. */
export function isLibraryFile(libraryPath: string, candidate: string): boolean {
  if (libraryPath === ':memory:') return false
  const library = realPath(libraryPath)
  const target = realPath(candidate)
  if (SIDECARS.some((suffix) => sameFile(target, library + suffix))) return true
  if (comparable(dirname(target)) !== comparable(dirname(library))) return false
  const name = comparable(basename(target))
  return SIDECARS.some((suffix) => name === comparable(basename(library) + suffix))
}

const REFUSALS = {
  export: ['export.same_file', '不能导出到资料库文件本身或它旁边的 -wal、-shm、-journal 文件，否则资料库会被覆盖；请另选文件名或位置'],
  backup: ['backup.same_file', '备份不能覆盖正在使用的资料库或它旁边的 -wal、-shm、-journal 文件，请选择其他位置'],
  merge: ['merge.same_file', '不能与正在使用的资料库自身合并']
} as const

/** Throws the operation's Chinese refusal when `candidate` is the library or one of its files. */
export function refuseLibraryFile(libraryPath: string, candidate: string, operation: keyof typeof REFUSALS): void {
  if (!isLibraryFile(libraryPath, candidate)) return
  const [code, message] = REFUSALS[operation]
  throw new UserFacingError(code, message)
}

/** A name any file system takes: its reserved characters (and control characters) become "_". */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
}

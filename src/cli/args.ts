// Command-line argument helpers shared by the commands.

import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { ingestError } from '../core/ingest/ingest-messages'
import { groupDropped } from '../core/ingest/images/group'
import { MAX_INPUT_BYTES, MAX_REPORT_FILES_BYTES } from '../core/ingest/limits'
import type { FilePayload } from '../shared/contract'
import { flagValue, LIBRARY_ENV } from '../main/library-path'
import { fileSystemReason } from '../shared/fs-errors'
import { isInside } from '../main/page-files'

export { flagValue }

/** Positional arguments: everything that is neither a flag nor a flag's value; everything after `--` (a file named --x.txt). */
export function positionals(args: string[], flagsWithValue: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      out.push(...args.slice(i + 1))
      break
    }
    if (flagsWithValue.includes(a)) i++
    else if (!a.startsWith('--')) out.push(a)
  }
  return out
}

/** The options each command takes, and which of them take a value. */
export const COMMAND_FLAGS: Record<string, { flags: string[]; withValue: string[] }> = {
  extract: { flags: ['--json'], withValue: [] },
  import: { flags: ['--library', '--json', '--jobs'], withValue: ['--library', '--jobs'] },
  list: { flags: ['--library', '--json'], withValue: ['--library'] },
  export: { flags: ['--library', '--format', '--out', '--all'], withValue: ['--library', '--format', '--out'] },
  paper: { flags: ['--library', '--id', '--all-verified', '--format', '--out'], withValue: ['--library', '--id', '--format', '--out'] },
  stats: { flags: ['--library', '--by', '--year', '--agency', '--all', '--json'], withValue: ['--library', '--by', '--year', '--agency'] },
  assess: {
    flags: ['--library', '--year', '--rubric', '--verified', '--format', '--out'],
    withValue: ['--library', '--year', '--rubric', '--format', '--out']
  },
  merge: { flags: ['--library', '--from', '--json'], withValue: ['--library', '--from'] },
  backup: { flags: ['--library', '--out'], withValue: ['--library', '--out'] },
  reextract: { flags: ['--library', '--all'], withValue: ['--library'] }
}

/**
 * Why `args` cannot be run by `command` (an option it does not know — a typo, or a file whose
 * name starts with --), in Chinese, or null. Arguments after `--` are never options.
 */
export function unknownFlag(command: string, args: readonly string[]): string | null {
  const known = COMMAND_FLAGS[command]
  if (!known) return null
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return null
    if (!a.startsWith('--')) continue
    const flag = a.includes('=') ? a.slice(0, a.indexOf('=')) : a
    if (!known.flags.includes(flag)) {
      return `未知选项 ${a}：${command} 可用的选项为 ${known.flags.join('、')}。文件名以 -- 开头时，请写在 -- 之后（如 report-desk ${command} -- ${a}）。 / unknown option ${a}`
    }
    if (known.withValue.includes(a)) i++
  }
  return null
}

export function libraryPathFrom(args: string[]): string {
  const path = flagValue(args, '--library') ?? process.env[LIBRARY_ENV]
  if (!path) throw new Error(`请用 --library PATH 指定资料库 / --library PATH is required`)
  return path
}

export function requiredFlag(args: string[], flag: string, what: string): string {
  const value = flagValue(args, flag)
  if (!value) throw new Error(`请用 ${flag} 指定${what} / ${flag} is required`)
  return value
}

/** Reads one file; the size is checked first, so a file above the input limit is refused without being read. */
export type FileReader = (path: string) => Promise<Uint8Array>

export interface ReadInputOptions {
  /** A folder given is one report (a page with its folder, page photos). */
  folder?: boolean
  read?: FileReader
  /** Told, in Chinese, of every file left out (a link leading out of the report's folder). Default: standard error. */
  warn?: (message: string) => void
}

/** A file of a report, found by walking its folder: where it is, its real path, and its size (from lstat, unread). */
interface Found {
  file: string
  real: string
  size: number
}

const MB = 1024 * 1024
const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`

/**
 * A report's files as the app receives a drop: a file's name and bytes; a saved page (.html) with
 * its `_files` folder beside it; with `folder`, a folder holding one report (a page with its folder,
 * a narrative with photos of its tables, or page photos). A file that cannot be read is an error
 * saying why, in Chinese; one above the input limit is refused unread, and so is a report whose
 * files add up to more than MAX_REPORT_FILES_BYTES. Nothing whose real path is outside the
 * report's own folder is read: a symbolic link (a `_files` folder, a file or a folder inside it)
 * is never followed out of it, and is named in a warning instead.
 */
export async function readInput(path: string, { folder = false, read = readFile, warn = stderrWarning }: ReadInputOptions = {}): Promise<FilePayload> {
  try {
    if (folder && (await stat(path)).isDirectory()) return await readFolderReport(path, read, warn)
    const mainInfo = await stat(path).catch(() => null) // the read below says why
    if (mainInfo?.isFile() && mainInfo.size > MAX_INPUT_BYTES) throw tooLarge(path, mainInfo.size)
    if (!/\.html?$/i.test(path)) return { name: basename(path), path: basename(path), bytes: new Uint8Array(await read(path)) }
    const stem = basename(path).replace(/\.html?$/i, '')
    const root = await realpath(dirname(path))
    const found: Found[] = []
    for (const folder of [`${stem}_files`, `${stem}.files`]) {
      const dir = join(dirname(path), folder)
      const kind = await lstat(dir).catch(() => null)
      if (kind?.isSymbolicLink()) warn(leftOut(dir, (await realpath(dir).catch(() => null)) ?? undefined))
      else if (kind?.isDirectory()) found.push(...(await listFiles(dir, root, warn)))
    }
    checkTotal(path, (mainInfo?.size ?? 0) + found.reduce((n, f) => n + f.size, 0))
    const main: FilePayload = { name: basename(path), path: basename(path), bytes: new Uint8Array(await read(path)) }
    const attachments: FilePayload[] = []
    for (const f of found) attachments.push(await payload(dirname(path), f, read))
    return attachments.length ? { ...main, attachments } : main
  } catch (e) {
    if (e instanceof InputError) throw e
    const fs = fileSystemReason(e)
    throw new Error(`无法读取 ${path}：${fs ? fs.reason : (e as Error).message}`)
  }
}

class InputError extends Error {}

const stderrWarning = (message: string): void => void process.stderr.write(`提示：${message}\n`)

function tooLarge(path: string, size: number): InputError {
  return new InputError(`${path}：${ingestError('too_large', megabytes(size)).message}`)
}

/** Refuses, before anything is read, a report whose files add up to more than the limit. */
function checkTotal(path: string, total: number): void {
  if (total > MAX_REPORT_FILES_BYTES) {
    throw new InputError(`${path}：${ingestError('report_too_large', megabytes(total)).message}`)
  }
}

function leftOut(link: string, target?: string): string {
  return `${link} 是符号链接${target ? `（指向 ${target}）` : ''}，位于报告所在文件夹之外或无法确认，未读取`
}

/** Files a folder given as one report may hold, and how deep: far above a saved page's, bounding a wrong folder. */
const FOLDER_LIMITS = { files: 1000, depth: 4 }

async function readFolderReport(dir: string, read: FileReader, warn: (message: string) => void): Promise<FilePayload> {
  const root = await realpath(dir)
  const files = await listFiles(dir, root, warn)
  const reports = groupDropped(files.map((f) => ({ name: basename(f.file), path: relative(dir, f.file).split('\\').join('/'), found: f })))
  if (reports.length !== 1) {
    throw new InputError(reports.length === 0 ? `文件夹 ${dir} 中没有文件` : `文件夹 ${dir} 中有 ${reports.length} 份报告，请逐个文件提取`)
  }
  const [report] = reports
  for (const f of [report.main, ...report.attachments]) if (f.found.size > MAX_INPUT_BYTES) throw tooLarge(f.found.file, f.found.size)
  checkTotal(
    dir,
    [report.main, ...report.attachments].reduce((n, f) => n + f.found.size, 0)
  )
  const main = await payload(dir, report.main.found, read)
  const attachments: FilePayload[] = []
  for (const a of report.attachments) attachments.push(await payload(dir, a.found, read))
  return attachments.length ? { ...main, attachments } : main
}

async function payload(root: string, found: Found, read: FileReader): Promise<FilePayload> {
  if (found.size > MAX_INPUT_BYTES) throw tooLarge(found.file, found.size)
  // The real path checked when the folder was walked is what is read: a link put in its place since is not followed.
  return { name: basename(found.file), path: relative(root, found.file).split('\\').join('/'), bytes: new Uint8Array(await read(found.real)) }
}

/**
 * Every visible regular file under `dir`, sorted, bounded in count and depth, with its size from
 * lstat. Symbolic links are not followed (neither files nor folders: no loop, no way out), and
 * a file whose real path is not inside `root` (a linked parent) is left out; both are named to `warn`.
 */
async function listFiles(dir: string, root: string, warn: (message: string) => void, depth = 0): Promise<Found[]> {
  const out: Found[] = []
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const full = join(dir, entry.name)
    const info = await lstat(full)
    if (info.isSymbolicLink()) warn(leftOut(full, (await realpath(full).catch(() => null)) ?? undefined))
    else if (info.isDirectory()) {
      if (depth < FOLDER_LIMITS.depth) out.push(...(await listFiles(full, root, warn, depth + 1)))
    } else if (info.isFile()) {
      const real = await realpath(full)
      if (isInside(root, real)) out.push({ file: full, real, size: info.size })
      else warn(leftOut(full, real))
    }
    if (out.length > FOLDER_LIMITS.files) throw new InputError(`文件夹 ${dir} 中的文件超过 ${FOLDER_LIMITS.files} 个，不像是一份报告`)
  }
  return out
}

// Command-line argument helpers shared by the commands.

import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { ingestError } from '../core/ingest/ingest-messages'
import { groupDropped } from '../core/ingest/images/group'
import { MAX_INPUT_BYTES } from '../core/ingest/limits'
import type { FilePayload } from '../shared/contract'
import { flagValue, LIBRARY_ENV } from '../main/library-path'
import { fileSystemReason } from '../shared/fs-errors'

export { flagValue }

/** Positional arguments: everything that is neither a flag nor a flag's value. */
export function positionals(args: string[], flagsWithValue: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (flagsWithValue.includes(a)) i++
    else if (!a.startsWith('--')) out.push(a)
  }
  return out
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

async function readBounded(path: string, read: FileReader): Promise<Uint8Array> {
  const info = await stat(path).catch(() => null) // the read below says why
  if (info?.isFile() && info.size > MAX_INPUT_BYTES) {
    throw new InputError(`${path}：${ingestError('too_large', `${Math.round(info.size / 1024 / 1024)} MB`).message}`)
  }
  return new Uint8Array(await read(path))
}

/**
 * A report's files as the app receives a drop: a file's name and bytes; a saved page (.html) with
 * its `_files` folder beside it; with `folder`, a folder holding one report (a page with its folder,
 * a narrative with photos of its tables, or page photos). A file that cannot be read is an error
 * saying why, in Chinese; one above the input limit is refused unread.
 */
export async function readInput(path: string, { folder = false, read = readFile }: { folder?: boolean; read?: FileReader } = {}): Promise<FilePayload> {
  try {
    if (folder && (await stat(path)).isDirectory()) return await readFolderReport(path, read)
    const main: FilePayload = { name: basename(path), path: basename(path), bytes: await readBounded(path, read) }
    if (!/\.html?$/i.test(path)) return main
    const stem = basename(path).replace(/\.html?$/i, '')
    const attachments: FilePayload[] = []
    for (const folder of [`${stem}_files`, `${stem}.files`]) {
      const dir = join(dirname(path), folder)
      if (await isDirectory(dir)) for (const file of await listFiles(dir)) attachments.push(await payload(dirname(path), file, read))
    }
    return attachments.length ? { ...main, attachments } : main
  } catch (e) {
    if (e instanceof InputError) throw e
    const fs = fileSystemReason(e)
    throw new Error(`无法读取 ${path}：${fs ? fs.reason : (e as Error).message}`)
  }
}

class InputError extends Error {}

/** Files a folder given as one report may hold, and how deep: far above a saved page's, bounding a wrong folder. */
const FOLDER_LIMITS = { files: 1000, depth: 4 }

async function readFolderReport(dir: string, read: FileReader): Promise<FilePayload> {
  const files = await listFiles(dir)
  const reports = groupDropped(files.map((file) => ({ name: basename(file), path: relative(dir, file).split('\\').join('/'), file })))
  if (reports.length !== 1) {
    throw new InputError(
      reports.length === 0 ? `文件夹 ${dir} 中没有文件` : `文件夹 ${dir} 中有 ${reports.length} 份报告，请逐个文件提取`
    )
  }
  const [report] = reports
  const main = await payload(dir, report.main.file, read)
  const attachments: FilePayload[] = []
  for (const a of report.attachments) attachments.push(await payload(dir, a.file, read))
  return attachments.length ? { ...main, attachments } : main
}

async function payload(root: string, file: string, read: FileReader): Promise<FilePayload> {
  return { name: basename(file), path: relative(root, file).split('\\').join('/'), bytes: await readBounded(file, read) }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false)
}

/** Every visible file under `dir`, sorted, bounded in count and depth. */
async function listFiles(dir: string, depth = 0): Promise<string[]> {
  const out: string[] = []
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (depth < FOLDER_LIMITS.depth) out.push(...(await listFiles(full, depth + 1)))
    } else if (entry.isFile()) out.push(full)
    if (out.length > FOLDER_LIMITS.files) throw new InputError(`文件夹 ${dir} 中的文件超过 ${FOLDER_LIMITS.files} 个，不像是一份报告`)
  }
  return out
}

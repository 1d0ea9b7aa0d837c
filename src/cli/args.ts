// Command-line argument helpers shared by the commands.

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { ingestError } from '../core/ingest/ingest-messages'
import { MAX_INPUT_BYTES } from '../core/ingest/limits'
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

/**
 * A file's name and bytes; a file that cannot be read is an error saying why, in Chinese. The size
 * is checked first: a file above the input limit is refused without being read.
 */
export async function readInput(path: string, read: (path: string) => Promise<Uint8Array> = readFile): Promise<{ name: string; bytes: Uint8Array }> {
  let size: number
  try {
    const info = await stat(path)
    size = info.isFile() ? info.size : 0
  } catch {
    size = 0 // the read below says why
  }
  if (size > MAX_INPUT_BYTES) throw new Error(`${path}：${ingestError('too_large', `${Math.round(size / 1024 / 1024)} MB`).message}`)
  try {
    return { name: basename(path), bytes: new Uint8Array(await read(path)) }
  } catch (e) {
    const fs = fileSystemReason(e)
    throw new Error(`无法读取 ${path}：${fs ? fs.reason : (e as Error).message}`)
  }
}

// Command-line argument helpers shared by the commands.

import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
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

/** A file's name and bytes; a file that cannot be read is an error saying why, in Chinese. */
export async function readInput(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) }
  } catch (e) {
    const fs = fileSystemReason(e)
    throw new Error(`无法读取 ${path}：${fs ? fs.reason : (e as Error).message}`)
  }
}

// Which files of a report lie outside its own folder once links are resolved. A saved page's
// `_files` restored from a zip or tar may be a symbolic link (or hold links) to anywhere on the
// machine; nothing whose real path is outside the folder of the report's main file is read.
// Electron-free: the command line's folder walk and the app's handler share it.

import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, sep } from 'node:path'

/** Whether `real` lies inside the folder `root` (both real paths). */
export function isInside(root: string, real: string): boolean {
  return real.startsWith(root.endsWith(sep) ? root : root + sep)
}

/**
 * The files among `files` whose real path is not inside the real folder of `main` (a link leading
 * out, a linked `_files`, a linked parent folder), or that cannot be resolved, or are not absolute.
 */
export async function filesOutsideFolder(main: string, files: readonly string[]): Promise<string[]> {
  if (!isAbsolute(main)) return [...files]
  const root = await realpath(dirname(main)).catch(() => null)
  const outside: string[] = []
  for (const file of files) {
    const real = isAbsolute(file) ? await realpath(file).catch(() => null) : null
    if (root === null || real === null || !isInside(root, real)) outside.push(file)
  }
  return outside
}

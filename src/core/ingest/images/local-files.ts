// Pictures a saved page refers to, found among the files dropped with it (its `xxx_files/` folder).
// Only local files: a src naming a web address is matched to a dropped file of the same folder
// and name at most, and otherwise left missing — nothing is ever fetched.

import type { IngestAttachment } from '../../page-image'

/** '/'-separated, no '.', no empty segments, '..' applied, lower case (Windows saves are case-blind). */
export function normalisePath(path: string): string {
  const out: string[] = []
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') out.pop()
    else out.push(segment)
  }
  return out.join('/').toLowerCase()
}

function directoryOf(path: string): string {
  const normal = path.replace(/\\/g, '/')
  const slash = normal.lastIndexOf('/')
  return slash === -1 ? '' : normal.slice(0, slash)
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

export interface LocalFiles {
  /** The dropped file a picture src refers to, or null when none was dropped with the page. */
  find(src: string): IngestAttachment | null
}

/**
 * Looks srcs up among `attachments`, relative to the page at `pagePath`. Tried in turn: the path the
 * src names relative to the page; then (for absolute paths and web addresses, which saved pages
 * often keep) the last folder and file name; then the file name alone when only one file has it.
 */
export function localFiles(pagePath: string, attachments: readonly IngestAttachment[]): LocalFiles {
  const byPath = new Map<string, IngestAttachment>()
  const byTail = new Map<string, IngestAttachment>()
  const byName = new Map<string, IngestAttachment[]>()
  for (const file of attachments) {
    const path = normalisePath(file.path ?? file.name)
    byPath.set(path, file)
    byTail.set(tail(path, 2), file)
    const name = tail(path, 1)
    byName.set(name, [...(byName.get(name) ?? []), file])
  }
  const base = directoryOf(pagePath)
  return {
    find(src) {
      const clean = safeDecode(src.trim().replace(/[?#].*$/, ''))
      if (!clean || /^data:/i.test(clean)) return null
      const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('/')
      if (!isAbsolute) {
        const hit = byPath.get(normalisePath(`${base}/${clean}`))
        if (hit) return hit
      }
      const path = normalisePath(clean.replace(/^file:\/*/i, '').replace(/^[a-z]+:\/\/[^/]*/i, ''))
      const tailHit = byTail.get(tail(path, 2))
      if (tailHit) return tailHit
      const named = byName.get(tail(path, 1))
      return named && named.length === 1 ? named[0] : null
    }
  }
}

function tail(path: string, segments: number): string {
  return path.split('/').slice(-segments).join('/')
}

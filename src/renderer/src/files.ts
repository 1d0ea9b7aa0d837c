// Dropped or picked files travel to main as bytes (name + content), so the same path
// works in Electron and in the browser test bridge. Dropped folders are walked recursively.

import type { FilePayload } from '../../shared/contract'

export const ACCEPTED_EXTENSIONS = ['.docx', '.doc', '.odt', '.wps', '.rtf', '.html', '.htm', '.txt', '.pdf', '.md']

export async function readFiles(files: Iterable<File>): Promise<FilePayload[]> {
  const out: FilePayload[] = []
  for (const file of files) out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  return out
}

function accepted(name: string): boolean {
  const lower = name.toLowerCase()
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !name.startsWith('~$') && !name.startsWith('.')
}

export interface DroppedFiles {
  files: File[]
  /** Files inside dropped folders that are not reports (images, archives…): left out, counted. */
  skipped: number
}

/**
 * Files of a drop, folders included. Entries must be taken while the drop event runs
 * (the DataTransfer empties afterwards), so this reads them synchronously first.
 */
export function filesFromDrop(dataTransfer: DataTransfer): Promise<DroppedFiles> {
  const items = Array.from(dataTransfer.items ?? []).filter((i) => i.kind === 'file')
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null))
  const loose = items.map((i) => i.getAsFile())
  if (items.length === 0) return Promise.resolve({ files: Array.from(dataTransfer.files), skipped: 0 })
  return (async () => {
    const result: DroppedFiles = { files: [], skipped: 0 }
    for (let i = 0; i < items.length; i++) {
      const entry = entries[i]
      if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, result)
      else if (loose[i]) result.files.push(loose[i]!)
    }
    return result
  })()
}

async function walk(dir: FileSystemDirectoryEntry, out: DroppedFiles): Promise<void> {
  const reader = dir.createReader()
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (batch.length === 0) return
    for (const entry of batch) {
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, out)
      else if (!accepted(entry.name)) out.skipped++
      else out.files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)))
    }
  }
}

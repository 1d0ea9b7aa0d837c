// Dropped or picked files travel to main as bytes (name + content), so the same path
// works in Electron and in the browser test bridge. Dropped folders are walked recursively.
// Files are grouped into reports before they are read: a saved page with its `_files` folder,
// a narrative with the photos of its tables, a set of page photos (core/ingest/images/group.ts).

import type { FilePayload } from '../../shared/contract'
import { groupDropped, type DroppedReport } from '../../core/ingest/images/group'

export const PICTURE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp']
export const ACCEPTED_EXTENSIONS = ['.docx', '.doc', '.odt', '.wps', '.rtf', '.html', '.htm', '.mht', '.mhtml', '.txt', '.pdf', '.md', ...PICTURE_EXTENSIONS]

/** A dropped or picked file and its path within the drop ('/'-separated; the name for a loose file). */
export interface DroppedFile {
  name: string
  path: string
  file: File
}

export const droppedFile = (file: File, path?: string): DroppedFile => ({ name: file.name, path: (path || file.webkitRelativePath || file.name).replace(/^\/+/, ''), file })

/** The reports a drop makes (see groupDropped). */
export function reportsOf(files: DroppedFile[]): DroppedReport<DroppedFile>[] {
  return groupDropped(files)
}

async function payloadOf(d: DroppedFile): Promise<FilePayload> {
  return { name: d.name, path: d.path, bytes: new Uint8Array(await d.file.arrayBuffer()) }
}

/** One report's files as one payload: the main file, its attachments inside it. */
export async function readReport(report: DroppedReport<DroppedFile>): Promise<FilePayload> {
  const main = await payloadOf(report.main)
  if (report.attachments.length === 0) return main
  const attachments: FilePayload[] = []
  for (const a of report.attachments) attachments.push(await payloadOf(a))
  return { ...main, attachments }
}


export function accepted(name: string): boolean {
  const lower = name.toLowerCase()
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !name.startsWith('~$') && !name.startsWith('.')
}

export interface DroppedFiles {
  files: DroppedFile[]
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
  if (items.length === 0) return Promise.resolve({ files: Array.from(dataTransfer.files).map((f) => droppedFile(f)), skipped: 0 })
  return (async () => {
    const result: DroppedFiles = { files: [], skipped: 0 }
    for (let i = 0; i < items.length; i++) {
      const entry = entries[i]
      if (entry?.isDirectory) await walk(entry as FileSystemDirectoryEntry, result)
      else if (loose[i]) result.files.push(droppedFile(loose[i]!, entry?.fullPath))
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
      else {
        const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
        out.files.push(droppedFile(file, entry.fullPath))
      }
    }
  }
}

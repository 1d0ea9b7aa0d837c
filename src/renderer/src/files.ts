// Dropped or picked files travel to main as bytes (name + content), so the same path
// works in Electron and in the browser test bridge. Dropped folders are walked recursively.
// Files are grouped into reports before they are read: a saved page with its `_files` folder,
// a narrative with the photos of its tables, a set of page photos (core/ingest/images/group.ts).

import type { FilePayload } from '../../shared/contract'
import { groupDropped, type DroppedReport } from '../../core/ingest/images/group'

export const PICTURE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.gif', '.webp']
export const ACCEPTED_EXTENSIONS = ['.docx', '.doc', '.odt', '.wps', '.rtf', '.html', '.htm', '.mht', '.mhtml', '.txt', '.pdf', '.md', ...PICTURE_EXTENSIONS]

/** A dropped or picked file and its path within the drop ('/'-separated; the name for a loose file). */
export interface DroppedFile {
  name: string
  path: string
  file: File
}

export const droppedFile = (file: File, path?: string): DroppedFile => ({
  name: file.name,
  path: (path || file.webkitRelativePath || file.name).replace(/^\/+/, ''),
  file
})

/** The reports a drop makes (see groupDropped). */
export function reportsOf(files: DroppedFile[]): DroppedReport<DroppedFile>[] {
  return groupDropped(files)
}

async function payloadOf(d: DroppedFile): Promise<FilePayload> {
  return { name: d.name, path: d.path, bytes: new Uint8Array(await d.file.arrayBuffer()) }
}

/** Where dropped files are on disk, and which of a report's lie outside its main file's real folder. */
export interface DiskCheck {
  /** '' when the file has no path of the disk. */
  pathOf(file: File): string
  outside(main: string, files: string[]): Promise<string[]>
}

/** The app's check (the preload's window.files and main's checkReportFiles); null in the browser test bridge, which has no disk paths. */
export function diskCheck(): DiskCheck | null {
  const files = window.files
  if (!files) return null
  return {
    pathOf: (file) => files.pathForFile(file),
    outside: async (main, paths) => (await window.api.checkReportFiles({ main, files: paths })).outside
  }
}

/**
 * One report's files as one payload: the main file, its attachments inside it. With `check`, a file
 * beside the report whose real path is outside the main file's folder (a saved page's `_files`
 * that is a link, a link inside it) is left out before it is read, and named in `leftOut`.
 */
export async function readReport(report: DroppedReport<DroppedFile>, check: DiskCheck | null = null): Promise<{ payload: FilePayload; leftOut: string[] }> {
  const main = await payloadOf(report.main)
  if (report.attachments.length === 0) return { payload: main, leftOut: [] }
  let kept = report.attachments
  const leftOut: string[] = []
  const mainPath = check?.pathOf(report.main.file) ?? ''
  if (check && mainPath) {
    // A file Chromium gives without a disk path cannot be resolved here; Chromium itself does not follow links inside a dropped folder.
    const paths = new Map(report.attachments.map((a) => [a, check.pathOf(a.file)]))
    const outside = new Set(
      await check.outside(
        mainPath,
        [...paths.values()].filter((p) => p !== '')
      )
    )
    kept = report.attachments.filter((a) => !outside.has(paths.get(a)!))
    leftOut.push(...report.attachments.filter((a) => outside.has(paths.get(a)!)).map((a) => a.path))
  }
  const attachments: FilePayload[] = []
  for (const a of kept) attachments.push(await payloadOf(a))
  return { payload: attachments.length ? { ...main, attachments } : main, leftOut }
}

/** The queue's warning for files left out because they lead out of the report's folder. */
export function leftOutWarning(leftOut: readonly string[]): string | null {
  if (leftOut.length === 0) return null
  const named = leftOut.slice(0, 3).join('、') + (leftOut.length > 3 ? ` 等 ${leftOut.length} 个文件` : '')
  return `${named} 经符号链接指向报告所在文件夹之外，未读取。`
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

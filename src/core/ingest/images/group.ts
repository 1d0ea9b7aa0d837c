// Which dropped files make one report. A saved web page comes with its pictures folder
// (`报告.html` + `报告_files/`, or `报告.files/` as Chinese Windows names it); a report may be a set
// of page photos, or a narrative plus photos of its tables. Grouping goes by names and folders only
// (the renderer groups before reading any bytes); formats are still read from the bytes at import.

export interface DroppedName {
  name: string
  /** Path within the drop, '/'-separated ('年报/报告_files/image001.jpg'); the name alone for a loose file. */
  path?: string
}

export interface DroppedReport<T extends DroppedName> {
  main: T
  attachments: T[]
}

const PICTURE = /\.(png|jpe?g|tiff?|bmp|gif|webp)$/i
const PAGE = /\.(html?|xhtml)$/i
/** A multi-page TIFF is a whole scanned report by itself; other pictures are pages or tables. */
const WHOLE_SCAN = /\.tiff?$/i

export function isPictureName(name: string): boolean {
  return PICTURE.test(name)
}

const pathOf = (f: DroppedName): string => (f.path ?? f.name).replace(/\\/g, '/').replace(/^\/+/, '')
const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')

/** Folder names browsers and Word give a saved page's resources. */
function resourceFolders(pagePath: string): string[] {
  const stem = pagePath.replace(PAGE, '')
  return [`${stem}_files`, `${stem}.files`, `${stem}-files`, `${stem}_files`.replace(/_files$/, '.fld')].map((f) => f.toLowerCase() + '/')
}

/**
 * Groups a drop into reports, in drop order of their main files:
 * - an .html/.htm takes every file under its resources folder (`<name>_files/`, `<name>.files/`);
 * - the other pictures of a folder (TIFFs aside) go to that folder's one report when it has exactly
 *   one; with none, they are one report of page photos in name order; with several, each stands alone
 *   (which report they belong to cannot be told).
 */
export function groupDropped<T extends DroppedName>(files: readonly T[]): DroppedReport<T>[] {
  const taken = new Set<T>()
  const groups = new Map<T, T[]>()
  for (const page of files) {
    if (!PAGE.test(page.name)) continue
    const folders = resourceFolders(pathOf(page))
    const own = files.filter((f) => f !== page && !taken.has(f) && folders.some((folder) => pathOf(f).toLowerCase().startsWith(folder)))
    own.forEach((f) => taken.add(f))
    groups.set(page, own)
  }
  const byFolder = new Map<string, { reports: T[]; pictures: T[] }>()
  for (const f of files) {
    if (taken.has(f)) continue
    const folder = folderOf(pathOf(f))
    const entry = byFolder.get(folder) ?? { reports: [], pictures: [] }
    byFolder.set(folder, entry)
    if (isPictureName(f.name) && !WHOLE_SCAN.test(f.name)) entry.pictures.push(f)
    else entry.reports.push(f)
  }
  const mainOf = new Map<T, T>()
  for (const { reports, pictures } of byFolder.values()) {
    const sorted = [...pictures].sort((a, b) => pathOf(a).localeCompare(pathOf(b), 'zh-CN', { numeric: true }))
    if (reports.length === 1 && sorted.length > 0) {
      groups.set(reports[0], [...(groups.get(reports[0]) ?? []), ...sorted])
    } else if (reports.length === 0 && sorted.length > 0) {
      groups.set(sorted[0], sorted.slice(1))
      sorted.slice(1).forEach((p) => mainOf.set(p, sorted[0]))
    } else for (const p of sorted) groups.set(p, groups.get(p) ?? [])
    for (const r of reports) if (!groups.has(r)) groups.set(r, [])
  }
  return files.filter((f) => groups.has(f) && !mainOf.has(f)).map((main) => ({ main, attachments: groups.get(main)! }))
}

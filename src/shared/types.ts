// Plain data that crosses the IPC boundary.

import type { SourceFormat } from '../core/document'
import type { TemplateId } from '../core/template/cells'
import type { TableForms } from '../core/template/forms'

export type ReportStatus = 'pending' | 'problem' | 'verified'

export const STATUS_LABELS: Record<ReportStatus, string> = {
  pending: '待核验',
  problem: '有问题',
  verified: '已核验'
}

export interface LibraryInfo {
  path: string
  reportCount: number
  schemaVersion: number
  /** Reports read by an older version of the extraction engine (re-extraction keeps human edits). */
  staleReports: number
  /** Why the library is open read-only (its file or folder cannot be written); absent when writable. */
  readOnly?: string
  /** Something the reviewer should know about how it was opened (a zero-byte file became a library). */
  notice?: string
}

/** What re-extracting the stale reports did. */
export interface ReextractSummary {
  reports: number
  /** Cells the engine now reads differently (not corrected by a person). */
  changed: number
  /** Corrected cells the new reading disagrees with: the correction kept, the cell listed for review. */
  conflicts: number
  /** Reports whose file could not be read again (left as they were). */
  failed: number
}

export interface ReportSummary {
  id: number
  fileName: string
  size: number
  sha256: string
  format: SourceFormat
  agency: string | null
  year: number | null
  template: TemplateId | null
  status: ReportStatus
  openFindings: number
  importedAt: string
  updatedAt: string
  /** In the list: the other reports sharing this one's agency, year and template (near-duplicates). */
  nearDuplicates?: number[]
  /** In the list: the reports a reviewer recorded as the same report as this one (统计 counts one). */
  sameReports?: number[]
  /** A form a reviewer set for a table (table 三's （六） rows), when one was set. */
  forms?: TableForms
}

export type ImportOutcome =
  | {
      name: string
      status: 'imported'
      reportId: number
      warnings: string[]
      nearDuplicates?: number[]
      /** A file already in the library came again with pictures its stored copy lacked: this many were added and it was re-extracted. */
      morePictures?: number
    }
  | { name: string; status: 'duplicate'; reportId: number }
  | { name: string; status: 'failed'; error: string }
  /** Withdrawn by 取消 before it landed: nothing of it was written. */
  | { name: string; status: 'cancelled' }

/** A cell as the reviewer sees it: the extracted reading, and the human correction if any. */
export interface ReviewCell {
  key: string
  value: number | null
  raw: string
  review: boolean
  reviewReason?: string
  source?: import('../core/document').SourceLocation
  /** Set when OCR read the cell from a page image: its confidence, what it read, other readings. */
  ocr?: import('../core/report').ExtractedCell['ocr']
  /** True when the current value was typed by a reviewer. */
  corrected: boolean
  /** Number of recorded edits of this cell. */
  edits: number
  /** When corrected: what the engine read (absent when the engine read nothing, e.g. a table typed in). */
  extracted?: { value: number | null; raw: string }
  /** Flagged (review) and confirmed (确认) by a reviewer as read, for the text it holds now. */
  confirmed?: { by: string; at: string }
}

export interface EditRecord {
  id: number
  /** A cell key, or 'meta.agency' / 'meta.year' / 'meta.template' / 'meta.published', or 'status'. */
  target: string
  oldRaw: string | null
  newRaw: string | null
  reviewer: string
  reason: string | null
  at: string
}

export interface Acceptance {
  rule: string
  /** The finding instance it accepts: the sorted cell keys of the finding, joined by ','. */
  instance: string
  comment: string
  by: string
  at: string
}

/** A reviewer's record about the original: 原文无此表 (target 'table.<name>') or 原文空白 (a cell key). */
export interface ReviewMark {
  target: string
  comment: string
  by: string
  at: string
}

export interface ReviewMarks {
  tables: ReviewMark[]
  cells: ReviewMark[]
  /** 原文未载明 for 'meta.agency' / 'meta.year'. */
  meta: ReviewMark[]
}

/** What still keeps a report from 已核验 (core/validate/open.ts), counted for the headline. */
export type OpenItems = import('../core/validate/open').OpenSummary

export interface ReportDetail {
  summary: ReportSummary
  meta: import('../core/report').ReportMeta
  tables: Record<import('../core/template/cells').TableName, import('../core/report').TableStatus>
  cells: Record<string, ReviewCell>
  /** Each finding with its acceptance, and whether it is still open (see OpenItems). */
  findings: (import('../core/report').Finding & { accepted?: Acceptance; open: boolean })[]
  /** What is still open; verifying is refused unless open.total is 0. */
  open: OpenItems
  marks: ReviewMarks
  messages: import('../core/messages').Message[]
  verifiedBy: string | null
  verifiedAt: string | null
  /** Cells where a newer extraction disagrees with a reviewer's edit (the edit was kept). */
  conflicts: { key: string; edited: string; extracted: string }[]
  /** What the engine read for agency/year/template, before any edit. */
  extractedMeta?: import('../core/report').ReportMeta
}

/** The original document for the source pane. */
export interface SourceView {
  format: import('../core/document').SourceFormat
  name: string
  /** The text every source location's start/end indexes into. */
  text: string
  /** Sanitised HTML with data-rd-start/end offsets (html, docx). */
  displayHtml?: string
  /** The original bytes, for formats the renderer draws itself (pdf). */
  bytes?: Uint8Array
  /** The page images OCR read, in order: OCR'd cells' locations (imageIndex, bbox in pixels) point into them. */
  images?: SourceImage[]
}

/** A page image as the source pane receives it (core's StoredPageImage). */
export interface SourceImage {
  index: number
  origin: string
  mime: 'image/png' | 'image/jpeg'
  width: number
  height: number
  /** Where the picture sits in `text` (pictures in Word files and web pages). */
  anchor?: number
  /** The PDF page it is a rendering of (scanned PDFs: the source pane draws the page itself). */
  pdfPage?: number
  bytes: Uint8Array
}

/** OCR of the file being imported, page by page (a scan takes seconds a page). */
/** A file of an import still under way, as main sees it: waiting for a lane, or being read (OCR page by page). */
export interface ImportProgress {
  /** The caller's ticket for the file (importFiles' `tickets`). */
  ticket: string
  /** The file's name. */
  name: string
  state: 'queued' | 'reading'
  /** Page images read by OCR so far, of `total` (0 of 0: no OCR, or not announced yet). */
  done: number
  total: number
  /** The last page read, e.g. 第 3 页. */
  origin: string
}

/** How many files are extracted at once (lanes): the chosen number, or null for the machine's default. */
export interface ImportJobs {
  jobs: number
  chosen: number | null
  /** The machine's default: cores − 1, at least 1, no more than free memory holds for OCR. */
  auto: number
  max: number
}

export interface Settings {
  reviewer: string | null
}

export type ExportFormat = 'xlsx' | 'csv' | 'json'

export interface ExportOutcome {
  path: string
  reports: number
}

export interface MergeOutcome {
  added: number
  updated: number
  unchanged: number
  conflicts: MergeConflict[]
  /** The reports where their side was taken (each change is in the report's edit log). */
  updates: MergeUpdate[]
  /** Their reports left out: the stored file is not what its sha256 says (forged or damaged). */
  refused: MergeRefusal[]
  /** Reports that arrived 已核验 but fail this library's verify gate: reopened, each with why. */
  reopened?: { reportId: number; agency: string | null; year: number | null; reason: string }[]
}

export interface MergeRefusal {
  fileName: string
  /** The sha256 their library claims for the file. */
  sha256: string
  /** Why, in Chinese. */
  reason: string
}

export interface MergeUpdate {
  reportId: number
  agency: string | null
  year: number | null
  /** Values (cells or metadata) that now hold theirs. */
  values: number
  /** Whether some of those values had been corrected by us (unverified) before. */
  replacedOurEdits: boolean
  /** Their verifier, when the report came over verified. */
  verifiedBy: string | null
}

/** The same report settled differently in both libraries: left for a person, side by side. */
export interface MergeConflict {
  sha256: string
  agency: string | null
  year: number | null
  reason: string
  /** The cells (or 'meta.*') whose values differ: ours and theirs. */
  differences?: { target: string; ours: string | null; theirs: string | null }[]
  ours?: { status: ReportStatus; verifiedBy: string | null }
  theirs?: { status: ReportStatus; verifiedBy: string | null }
}

/** Which side a person takes to settle a merge conflict. */
export type MergeSide = 'ours' | 'theirs'

/** A merge conflict kept in the library until a person settles it. */
export interface PendingMergeConflict extends MergeConflict {
  id: number
  reportId: number
  /** The other reviewer's library file (read again to take their side). */
  otherPath: string
  foundAt: string
}

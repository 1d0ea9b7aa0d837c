// What one input file may make us do. A real annual report is a few hundred KB of Word or
// HTML and under 200 000 characters of text; the limits sit far above that and far below
// what would exhaust memory on an auditor's laptop.

/** Files above this are refused before any decoding. Callers should stat first and not read them. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024

/**
 * Text above this (after decoding / extraction) is refused rather than truncated: a cut-off
 * report could silently lose its tables (reported "missing" when they were only cut), and
 * 5 M characters is 25× the longest real report — such a file is a dump or a concatenation.
 */
export const MAX_TEXT_CHARS = 5_000_000

/** .docx (a zip) bounds, checked on the central directory and again while inflating. */
export const DOCX_LIMITS = {
  maxEntries: 2000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  /** Deflate tops out near 1032:1; real Word XML compresses 5–30:1. */
  maxRatio: 200,
  /** The ratio check applies only to entries inflating to more than this. */
  ratioFloorBytes: 1024 * 1024
} as const

/**
 * A report and the files beside it (a saved page's `_files` folder, page photos) together: summed
 * from their sizes before any is read. A saved report page with its pictures is a few MB; twenty
 * files at the single-file limit would take gigabytes to read, hash, extract and store.
 */
export const MAX_REPORT_FILES_BYTES = 200 * 1024 * 1024

/**
 * Time limits on reading a file count CPU time, not wall time, where it can be read: on a machine busy
 * with other work a page gets a share of a core, and its wall time stretches while its work does not.
 * A process waiting on nothing uses no CPU, so wall time still ends it, at this many times the limit.
 */
export const WALL_STRETCH = 5

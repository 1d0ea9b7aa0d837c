// How long an import still needs, for a person planning by it (the window's queue and the command
// line's progress line). Each file's work is its estimated cost (core/ingest/cost-by-name: a text
// report a fraction of a second, a page image for OCR several seconds), refined to its real page
// count once OCR announces it; the batch's pace is the work done over the time spent. Quick files go
// first, so a pace counted in files would promise far too little; counted in work it holds steady
// once a few files of each kind have been done, which a batch of real size reaches within a minute.

import { OCR_PAGE_COST } from '../core/ingest/cost-by-name'

export interface EtaFile {
  /** Estimated work (see costByName). */
  cost: number
  finished: boolean
  /** OCR pages read and announced, once the file is being read. */
  pagesDone?: number
  pagesTotal?: number
}

/** Nothing is said before this long, nor before some work is done: an early pace misleads. */
export const ETA_MIN_ELAPSED_MS = 3000

/** Seconds still needed, or null while too little is known. */
export function remainingSeconds(files: readonly EtaFile[], elapsedMs: number): number | null {
  let total = 0
  let done = 0
  for (const f of files) {
    const work = f.pagesTotal ? 0.5 + OCR_PAGE_COST * f.pagesTotal : f.cost
    total += work
    if (f.finished) done += work
    else if (f.pagesTotal && f.pagesDone) done += OCR_PAGE_COST * f.pagesDone
  }
  if (elapsedMs < ETA_MIN_ELAPSED_MS || done <= 0) return null
  return Math.max(0, ((total - done) * elapsedMs) / done / 1000)
}

/** 约 N 分 M 秒, rounded as a person reads it. */
export function etaText(seconds: number): string {
  if (seconds < 10) return '不到 10 秒'
  if (seconds < 60) return `约 ${Math.round(seconds / 5) * 5} 秒`
  const minutes = Math.floor(seconds / 60)
  if (minutes >= 60) return `约 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`
  const rest = Math.round((seconds % 60) / 10) * 10
  return rest === 0 || rest === 60 ? `约 ${minutes + (rest === 60 ? 1 : 0)} 分钟` : `约 ${minutes} 分 ${rest} 秒`
}

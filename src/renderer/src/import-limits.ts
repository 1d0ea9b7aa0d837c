// What the window refuses before reading a file: its size is known without reading, so a 200 MB
// file is not read into memory and copied to main only to be refused there.

import { ingestError } from '../../core/ingest/ingest-messages'
import { MAX_INPUT_BYTES, MAX_REPORT_FILES_BYTES } from '../../core/ingest/limits'

/** Why a file is refused unread (the message ingest would give), or null. */
export function refusedUnread(file: { size: number }): string | null {
  if (file.size <= MAX_INPUT_BYTES) return null
  return ingestError('too_large', `${Math.round(file.size / 1024 / 1024)} MB`).message
}

/** Why a report (its main file and the files beside it) is refused unread, or null: one file too large, or all together. */
export function refusedReportUnread(files: readonly { size: number }[]): string | null {
  for (const file of files) {
    const refused = refusedUnread(file)
    if (refused) return refused
  }
  const total = files.reduce((n, f) => n + f.size, 0)
  return total <= MAX_REPORT_FILES_BYTES ? null : ingestError('report_too_large', `${Math.round(total / 1024 / 1024)} MB`).message
}

// The files of the imports under way, as main sees them: each is handed to the extraction host at
// once with its estimated cost (the host starts the cheapest first, in as many lanes as allowed), and
// lands in the library the moment its extraction ends — main is the library's one writer, and
// better-sqlite3 writes synchronously, so results from parallel lanes are written one at a time.
// The window polls progress() for each file's state and OCR pages; cancel() withdraws what has not
// landed: a queued file never starts, a file being read has its child ended, nothing of either is written.

import { estimateCost } from '../core/ingest/cost'
import type { FilePayload } from '../shared/contract'
import type { ImportOutcome, ImportProgress } from '../shared/types'
import type { HostExtractor } from './extraction-host'

/** What the tracker needs of the library: one file imported with the extractor given. */
export interface ImportTarget {
  importFile(file: FilePayload, extract: (file: FilePayload) => ReturnType<HostExtractor>): Promise<ImportOutcome>
}

interface Live {
  progress: ImportProgress
  controller: AbortController
}

export interface ImportTracker {
  /** Imports every file at once (the host orders and bounds the work); outcomes in the files' order. */
  importFiles(library: ImportTarget, files: FilePayload[], tickets?: string[]): Promise<ImportOutcome[]>
  progress(): ImportProgress[]
  /** Withdraws the files named (all when none) that have not landed; how many. */
  cancel(tickets?: string[]): number
}

export function createImportTracker(extract: HostExtractor): ImportTracker {
  const live = new Map<string, Live>()
  let anonymous = 0

  async function importOne(library: ImportTarget, file: FilePayload, ticket: string): Promise<ImportOutcome> {
    const controller = new AbortController()
    const entry: Live = { controller, progress: { ticket, name: file.name, state: 'queued', done: 0, total: 0, origin: '' } }
    live.set(ticket, entry)
    try {
      const estimate = estimateCost(file)
      const outcome = await library.importFile(file, (f) =>
        extract(f, {
          cost: estimate.cost,
          cheap: estimate.ocrPages === 0,
          signal: controller.signal,
          onStart: () => (entry.progress = { ...entry.progress, state: 'reading', total: entry.progress.total || estimate.ocrPages }),
          onPages: (p) => (entry.progress = { ...entry.progress, state: 'reading', ...p })
        })
      )
      // Withdrawn before it landed: said so, not as a failure of the file.
      if (controller.signal.aborted && outcome.status === 'failed') return { name: file.name, status: 'cancelled' }
      return outcome
    } finally {
      if (live.get(ticket) === entry) live.delete(ticket)
    }
  }

  return {
    importFiles: (library, files, tickets) => Promise.all(files.map((file, i) => importOne(library, file, tickets?.[i] ?? `auto-${++anonymous}`))),
    progress: () => [...live.values()].map((l) => l.progress),
    cancel: (tickets) => {
      let n = 0
      for (const [ticket, entry] of live) {
        if (tickets && !tickets.includes(ticket)) continue
        if (entry.controller.signal.aborted) continue
        entry.controller.abort()
        n++
      }
      return n
    }
  }
}

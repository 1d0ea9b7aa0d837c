// A row of the import queue (useImportQueue.ts), apart from the hook so pure code and its tests can name it.

export type QueueStatus = 'waiting' | 'importing' | 'imported' | 'duplicate' | 'failed' | 'cancelled'

export interface QueueItem {
  id: number
  name: string
  /** The main file's name (OCR progress names it). */
  fileName: string
  status: QueueStatus
  error?: string
  warnings?: string[]
  /** Imported, but the library already held reports of the same agency, year and template. */
  reportId?: number
  nearDuplicates?: number[]
  /** Estimated work (core/ingest/cost-by-name): the queue's order and the ETA's weight. */
  cost: number
  /** OCR pages read, of `total`, while it is being read (total 0: no OCR announced). */
  pages?: { done: number; total: number }
}

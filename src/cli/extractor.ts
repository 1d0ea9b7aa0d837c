// The command line extracts as the app does: in a worker thread with the same time and memory
// limits, so a hostile file fails alone with a clear message instead of hanging the command.
// The worker is the app's own entry, in TypeScript, loaded through tsx (extract-worker.mjs).

import { resolve } from 'node:path'
import { createWorkerExtractor, type WorkerExtractor } from '../main/worker-extractor'

const WORKER = resolve(__dirname, 'extract-worker.mjs')

export function cliExtractor(): WorkerExtractor {
  return createWorkerExtractor(WORKER)
}

/** Runs `work` with a worker extractor, always closed after (else the command would never exit). */
export async function withExtractor<T>(work: (extractor: WorkerExtractor) => Promise<T>): Promise<T> {
  const extractor = cliExtractor()
  try {
    return await work(extractor)
  } finally {
    await extractor.close()
  }
}

// The command line extracts as the app does: in a child process with the same time and heap
// limits, so a hostile file — even one that aborts V8 — fails alone with a clear message and the
// command carries on with the next file. Built, the child is the bundle's extraction-child.cjs
// beside this code; from source, the TypeScript entry loaded through tsx.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Extractor } from '../library/extractor'
import { createExtractionHost, hostExtractor } from '../main/extraction-host'
import { forkSpawner } from '../main/fork-spawner'

function childEntry(): string {
  const bundled = join(__dirname, 'extraction-child.cjs')
  return existsSync(bundled) ? bundled : join(__dirname, 'extraction-child.mjs')
}

/** Runs `work` with an extractor whose child is always ended after (else the command would never exit). */
export async function withExtractor<T>(work: (extractor: { extract: Extractor }) => Promise<T>): Promise<T> {
  const host = createExtractionHost(forkSpawner(childEntry()))
  try {
    return await work({ extract: hostExtractor(host) })
  } finally {
    await host.close()
  }
}

// The command line extracts as the app does: in a child process with the same time and heap
// limits, so a hostile file — even one that aborts V8 — fails alone with a clear message and the
// command carries on with the next file. Built, the child is the bundle's extraction-child.cjs
// beside this code; from source, the TypeScript entry loaded through tsx.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createExtractionHost, hostExtractor, type ExtractionHost, type HostExtractor } from '../main/extraction-host'
import { forkSpawner } from '../main/fork-spawner'

function childEntry(): string {
  const bundled = join(__dirname, 'extraction-child.cjs')
  return existsSync(bundled) ? bundled : join(__dirname, 'extraction-child.mjs')
}

/** The command line's extraction host: forked children. */
export function cliHost(lanes = 1): ExtractionHost {
  return createExtractionHost(forkSpawner(childEntry()), { lanes })
}

/**
 * Runs `work` with an extractor whose children are always ended after (else the command would never
 * exit); `lanes` children at most work at once (import --jobs). `host`: one started earlier (warmed).
 */
export async function withExtractor<T>(
  work: (extractor: { extract: HostExtractor; host: ExtractionHost }) => Promise<T>,
  { lanes = 1, host = cliHost(lanes) }: { lanes?: number; host?: ExtractionHost } = {}
): Promise<T> {
  host.setLanes(lanes)
  try {
    return await work({ extract: hostExtractor(host), host })
  } finally {
    await host.close()
  }
}

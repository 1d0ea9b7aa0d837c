// Dropped or picked files travel to main as bytes (name + content), so the same path
// works in Electron and in the browser test bridge.

import type { FilePayload } from '../../shared/contract'

export async function readFiles(files: Iterable<File>): Promise<FilePayload[]> {
  const out: FilePayload[] = []
  for (const file of files) out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  return out
}

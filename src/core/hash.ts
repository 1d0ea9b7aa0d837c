import { createHash } from 'node:crypto'

/** sha256 of a file's bytes, lower-case hex: a file's identity in the library. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

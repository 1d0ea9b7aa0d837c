// The one IPC contract: every operation the renderer may ask of main, with its argument and result.
// Main builds its ipcMain handler table from it, the preload exposes one named function per entry,
// and the browser test bridge registers the very same handlers. Each call takes one object argument.

import type { ImportOutcome, LibraryInfo, ReportSummary } from './types'

export interface FilePayload {
  name: string
  bytes: Uint8Array
}

export interface ApiContract {
  getLibraryInfo: { args: Record<string, never>; result: LibraryInfo }
  importFiles: { args: { files: FilePayload[] }; result: ImportOutcome[] }
  listReports: { args: { search?: string }; result: ReportSummary[] }
}

export type Operation = keyof ApiContract
export type ArgsOf<K extends Operation> = ApiContract[K]['args']
export type ResultOf<K extends Operation> = ApiContract[K]['result']

/** What the renderer sees as window.api: one named async function per operation. */
export type Api = { [K in Operation]: (args: ArgsOf<K>) => Promise<ResultOf<K>> }

/** What main implements: one handler per operation. */
export type Handlers = { [K in Operation]: (args: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K> }

/** Every operation, listed once; its IPC channel is derived from the name. */
export const OPERATIONS = ['getLibraryInfo', 'importFiles', 'listReports'] as const satisfies readonly Operation[]

export function channelOf(op: Operation): string {
  return `report-desk:${op}`
}

/** Errors cross the IPC boundary as data, so the renderer gets the user-facing text, not a stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

export async function invokeHandler<K extends Operation>(handlers: Handlers, op: K, args: ArgsOf<K>): Promise<Envelope<ResultOf<K>>> {
  try {
    if (!OPERATIONS.includes(op)) throw new UserFacingError('ipc.unknown', `未知操作：${String(op)}`)
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new UserFacingError('ipc.bad_args', '调用参数必须是一个对象')
    }
    const handler = handlers[op] as (a: ArgsOf<K>) => Promise<ResultOf<K>> | ResultOf<K>
    return { ok: true, value: await handler(args) }
  } catch (e) {
    if (e instanceof UserFacingError) return { ok: false, error: { code: e.code, message: e.message } }
    console.error(`[report-desk] ${op} failed:`, e)
    return { ok: false, error: { code: 'internal', message: `操作失败：${(e as Error)?.message ?? String(e)}` } }
  }
}

export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  const err = new Error(envelope.error.message)
  ;(err as Error & { code?: string }).code = envelope.error.code
  throw err
}

/** An error whose message is meant for the reviewer (Chinese). */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'UserFacingError'
  }
}

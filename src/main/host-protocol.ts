// The extraction host's protocol, shared by the parent (extraction-host.ts) and the child
// (extraction-child.ts): one request at a time, answered by exactly one result; the child may
// send progress for it before (e.g. one message per OCR page). Messages travel by structured
// clone (Node's 'advanced' serialization, Electron's utility process port), so bytes stay bytes.

export interface HostRequest {
  id: number
  /** Which of the child's handlers runs: 'extract', later 'ocr'. */
  kind: string
  payload: unknown
}

export type HostReply =
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'progress'; progress: unknown }
  /** A handler that threw: the child lives on, the request fails with this text. */
  | { id: number; type: 'error'; message: string }
  /** Sent once, unasked (id 0), when the child's modules are loaded: the host starts the next child only then. */
  | { id: 0; type: 'ready' }

export type RequestHandler = (payload: unknown, progress: (progress: unknown) => void) => Promise<unknown>

/** The child's end of the channel: Electron's utility process port, or Node's fork IPC. */
interface ParentChannel {
  onRequest(listener: (request: HostRequest) => void): void
  reply(reply: HostReply): void
}

function parentChannel(): ParentChannel {
  const parentPort = (process as { parentPort?: { on(e: 'message', l: (event: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort
  if (parentPort) {
    return {
      onRequest: (listener) => parentPort.on('message', (event) => listener(event.data as HostRequest)),
      reply: (reply) => parentPort.postMessage(reply)
    }
  }
  if (!process.send) throw new Error('the extraction child must be started by the extraction host')
  // A child whose parent has gone (the command was interrupted) has no one to answer: it ends.
  process.on('disconnect', () => process.exit(0))
  return {
    onRequest: (listener) => process.on('message', (message) => listener(message as HostRequest)),
    reply: (reply) => void process.send!(reply)
  }
}

/** Runs in the child: answers each request with the handler of its kind. */
export function serveRequests(handlers: Record<string, RequestHandler>): void {
  const channel = parentChannel()
  channel.reply({ id: 0, type: 'ready' })
  channel.onRequest(async ({ id, kind, payload }) => {
    const handler = handlers[kind]
    if (!handler) return channel.reply({ id, type: 'error', message: `unknown request kind: ${kind}` })
    try {
      const result = await handler(payload, (progress) => channel.reply({ id, type: 'progress', progress }))
      channel.reply({ id, type: 'result', result })
    } catch (e) {
      channel.reply({ id, type: 'error', message: e instanceof Error ? e.message : String(e) })
    }
  })
}

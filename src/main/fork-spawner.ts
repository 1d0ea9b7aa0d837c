// The extraction host's child as a plain Node process (child_process.fork): the command line,
// the browser test bridge and the unit tests. The app uses Electron's utility process instead.

import { fork } from 'node:child_process'
import type { HostReply } from './host-protocol'
import type { HostChild, Spawner } from './extraction-host'
import { EXTRACTION_HEAP_MB, extractionEnv, extractionExecArgv } from './extraction-host'

const STDERR_TAIL = 4096

export function forkSpawner(modulePath: string, { heapMb = EXTRACTION_HEAP_MB }: { heapMb?: number } = {}): Spawner {
  return () => {
    // execArgv is set, not inherited: the parent's loaders and flags are not the child's business.
    const child = fork(modulePath, [], {
      execArgv: extractionExecArgv(heapMb),
      env: extractionEnv(),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc']
    })
    let tail = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-STDERR_TAIL)
    })
    let exited = false
    const exitListeners: ((exit: { code: number | null; signal: string | null }) => void)[] = []
    const ended = (code: number | null, signal: string | null): void => {
      if (exited) return
      exited = true
      for (const l of exitListeners) l({ code, signal })
    }
    // 'close' waits for stderr to end, so V8's last words are in the tail when the host reads it.
    child.on('close', (code, signal) => ended(code, signal))
    child.on('error', (e) => {
      tail += `\n${e.message}`
      // A child that could not start has no process to wait for; one whose channel broke is ended for good.
      if (child.pid === undefined) ended(null, null)
      else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      else ended(child.exitCode, child.signalCode)
    })
    const handle: HostChild = {
      send: (request) => {
        if (child.connected) child.send(request)
      },
      onMessage: (listener) => void child.on('message', (m) => listener(m as HostReply)),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill('SIGKILL'),
      stderrTail: () => tail,
      pid: () => child.pid
    }
    return handle
  }
}

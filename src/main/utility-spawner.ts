// The extraction host's child as an Electron utility process: the app's engine runs outside the
// main process, so a file that aborts V8 closes only that process, never the window.

import { utilityProcess } from 'electron'
import type { HostReply } from './host-protocol'
import type { ChildExit, HostChild, Spawner } from './extraction-host'
import { EXTRACTION_HEAP_MB, extractionEnv, extractionExecArgv } from './extraction-host'

const STDERR_TAIL = 4096

export function utilityProcessSpawner(modulePath: string, { heapMb = EXTRACTION_HEAP_MB }: { heapMb?: number } = {}): Spawner {
  return () => {
    const child = utilityProcess.fork(modulePath, [], {
      execArgv: extractionExecArgv(heapMb),
      env: extractionEnv(),
      stdio: ['ignore', 'inherit', 'pipe'],
      serviceName: 'Report Desk extraction'
    })
    let tail = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-STDERR_TAIL)
    })
    const exitListeners: ((exit: ChildExit) => void)[] = []
    let exited = false
    child.on('exit', (code) => {
      if (exited) return
      exited = true
      // Let stderr's last chunk (V8's reason) arrive before the host reads the tail.
      setTimeout(() => exitListeners.forEach((l) => l({ code, signal: null })), 50)
    })
    const handle: HostChild = {
      send: (request) => child.postMessage(request),
      onMessage: (listener) => void child.on('message', (m: unknown) => listener(m as HostReply)),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill(),
      stderrTail: () => tail,
      pid: () => child.pid
    }
    return handle
  }
}

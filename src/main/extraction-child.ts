// The extraction child process: the engine runs here, never in the process that owns the window
// or the command, so a file that aborts V8 (a fatal error no try/catch or worker limit can stop)
// takes down only this process. The host restarts it and reports that file alone.
// Started as an Electron utility process by the app, by child_process.fork elsewhere.

import { extractInProcess } from '../library/extractor'
import type { FilePayload } from '../shared/contract'
import { serveRequests } from './host-protocol'

serveRequests({
  // The decoded document comes back with the report, so the library stores it at once: the text
  // checks run at import, and the source pane never re-parses the file on the main thread.
  extract: (payload) => extractInProcess(payload as FilePayload)
})

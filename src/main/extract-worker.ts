// Worker thread entry: runs the extraction engine off the main thread, one file per message,
// so a slow or hostile document never freezes the window and can be killed on timeout.

import { parentPort } from 'node:worker_threads'
import { analyse } from '../core/analyse'
import type { FilePayload } from '../shared/contract'

parentPort?.on('message', async (msg: { id: number; file: FilePayload }) => {
  try {
    const result = await analyse(msg.file)
    parentPort!.postMessage({ id: msg.id, result: { value: result.value?.json ?? null, messages: result.messages } })
  } catch (e) {
    parentPort!.postMessage({
      id: msg.id,
      result: {
        value: null,
        messages: [{ type: 'error', code: 'extract.crash', message: `解析失败：${(e as Error).message}`, messageEn: `Extraction failed: ${(e as Error).message}` }]
      }
    })
  }
})

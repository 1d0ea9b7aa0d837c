// The export progress bar: while an export call is in flight, main is asked how far it is.
// (Polling keeps the one request/answer contract; main never pushes events to the window.)

import { useCallback, useEffect, useRef, useState } from 'react'

const POLL_MS = 250

export interface ExportProgress {
  /** 0…1 while an export whose file is being written runs; null otherwise. */
  share: number | null
  /** Wraps the export call: polls while it is pending. */
  track: <T>(call: Promise<T>) => Promise<T>
}

export function useExportProgress(): ExportProgress {
  const [share, setShare] = useState<number | null>(null)
  const [pending, setPending] = useState(0)
  const alive = useRef(true)
  useEffect(() => () => void (alive.current = false), [])

  useEffect(() => {
    if (pending === 0) return
    const timer = window.setInterval(() => {
      window.api.exportProgress({}).then(
        (p) => alive.current && setShare(p ? p.share : null),
        () => {} // a failed poll only skips one tick of the bar
      )
    }, POLL_MS)
    return () => window.clearInterval(timer)
  }, [pending])

  const track = useCallback(async <T>(call: Promise<T>): Promise<T> => {
    setPending((n) => n + 1)
    try {
      return await call
    } finally {
      if (alive.current) {
        setPending((n) => n - 1)
        setShare(null)
      }
    }
  }, [])

  return { share, track }
}

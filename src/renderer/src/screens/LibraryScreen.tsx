import { useCallback, useEffect, useState } from 'react'
import type { ImportOutcome, ReportSummary } from '../../../shared/types'
import { DropZone } from '../components/DropZone'
import { ImportResults } from '../components/ImportResults'
import { ReportGrid } from '../components/ReportGrid'
import { readFiles } from '../files'

export function LibraryScreen(): React.JSX.Element {
  const [reports, setReports] = useState<ReportSummary[] | null>(null)
  const [search, setSearch] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      setReports(await window.api.listReports({ search }))
    } catch (e) {
      setError((e as Error).message)
    }
  }, [search])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const importFiles = async (files: File[]): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const payload = await readFiles(files)
      setOutcomes(await window.api.importFiles({ files: payload }))
      await refresh()
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const empty = reports !== null && reports.length === 0 && !search
  return (
    <section className="library" data-testid="library-screen">
      <div className="library__toolbar">
        <h2>资料库</h2>
        <input
          type="search"
          className="library__search"
          placeholder="按机关名称搜索（简体或繁体）"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label="搜索机关"
        />
        {reports && <span className="library__count">共 {reports.length} 份报告</span>}
      </div>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {outcomes && <ImportResults outcomes={outcomes} onClose={() => setOutcomes(null)} />}
      <DropZone onFiles={importFiles} busy={busy} compact={!empty} />
      {!empty && reports && <ReportGrid reports={reports} />}
    </section>
  )
}

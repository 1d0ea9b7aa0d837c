import { useCallback, useEffect, useState } from 'react'
import { LibraryScreen } from './screens/LibraryScreen'
import { ReviewScreen } from './screens/ReviewScreen'
import { ReviewerDialog } from './components/review/ReviewerDialog'
import type { LibraryInfo, Settings } from '../../shared/types'
import { useImportQueue } from './library/useImportQueue'

/** The screen lives in the URL hash (#/report/12), so a reload returns to the same report. */
function reportFromHash(): number | null {
  const m = /^#\/report\/(\d+)$/.exec(window.location.hash)
  return m ? Number(m[1]) : null
}

export function App(): React.JSX.Element {
  const [reportId, setReportId] = useState<number | null>(reportFromHash)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [library, setLibrary] = useState<LibraryInfo | null>(null)
  const [landed, setLanded] = useState(0)
  const [renaming, setRenaming] = useState(false)
  const queue = useImportQueue(useCallback(() => setLanded((n) => n + 1), []))
  const done = queue.items.filter((i) => i.status !== 'waiting' && i.status !== 'importing').length

  /** What belongs to the library file: its reviewer and its name (again after 打开资料库…). */
  const loadLibrary = (): void => {
    window.api.getSettings({}).then(setSettings, () => setSettings({ reviewer: null }))
    window.api.getLibraryInfo({}).then(setLibrary, () => setLibrary(null))
  }

  useEffect(() => {
    const onHash = (): void => setReportId(reportFromHash())
    window.addEventListener('hashchange', onHash)
    loadLibrary()
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = (id: number | null): void => {
    window.location.hash = id === null ? '' : `#/report/${id}`
    setReportId(id)
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>年报核验台</h1>
        <span className="app-subtitle">政府信息公开工作年度报告 · 表格提取与核验</span>
        <span className="app-header__spacer" />
        {queue.busy && reportId !== null && (
          <span className="app-header__importing" role="status" data-testid="import-progress-header">
            正在导入 {done}/{queue.items.length}
          </span>
        )}
        {library && (
          <span className="app-header__library" title={library.path} data-testid="library-name">
            资料库：{library.path.split(/[\\/]/).pop()}
          </span>
        )}
        {settings?.reviewer && (
          <button type="button" className="app-header__reviewer" title="更换核验人" onClick={() => setRenaming(true)}>
            核验人：{settings.reviewer}
          </button>
        )}
      </header>
      {library?.readOnly && (
        <div className="banner banner--warning app-banner" role="status" data-testid="read-only-banner">
          只读资料库（{library.readOnly}）：可以查看、导出和备份，不能导入、修改或核验。如需修改，请把资料库复制到可写的位置后再打开。
        </div>
      )}
      {library?.notice && (
        <div className="banner banner--info app-banner" role="status" data-testid="library-notice">
          {library.notice}：{library.path}
        </div>
      )}
      <main className="app-main">
        {reportId === null ? <LibraryScreen onOpen={go} onLibraryOpened={loadLibrary} queue={queue} landed={landed} /> : <ReviewScreen key={reportId} reportId={reportId} onBack={() => go(null)} />}
      </main>
      {renaming && settings?.reviewer && (
        <ReviewerDialog
          current={settings.reviewer}
          onCancel={() => setRenaming(false)}
          onSave={async (name) => {
            setSettings(await window.api.setReviewer({ name }))
            setRenaming(false)
          }}
        />
      )}
      {reportId !== null && settings && !settings.reviewer && (
        <ReviewerDialog onSave={async (name) => setSettings(await window.api.setReviewer({ name }))} />
      )}
    </div>
  )
}

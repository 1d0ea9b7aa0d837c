import { useCallback, useEffect, useRef, useState } from 'react'
import { LibraryScreen } from './screens/LibraryScreen'
import { ReviewScreen } from './screens/ReviewScreen'
import { StatsScreen } from './screens/StatsScreen'
import { ReviewerDialog } from './components/review/ReviewerDialog'
import type { LibraryInfo, Settings } from '../../shared/types'
import { useImportQueue } from './library/useImportQueue'
import { INITIAL_BROWSE, listArgs, stepFrom, type BrowseState, type Step } from './library/browse'

/** The screen lives in the URL hash (#/report/12, #/stats), so a reload returns to the same place. */
function reportFromHash(): number | null {
  const m = /^#\/report\/(\d+)$/.exec(window.location.hash)
  return m ? Number(m[1]) : null
}

const statsFromHash = (): boolean => window.location.hash === '#/stats'

export function App(): React.JSX.Element {
  const [reportId, setReportId] = useState<number | null>(reportFromHash)
  const [stats, setStats] = useState(statsFromHash)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [library, setLibrary] = useState<LibraryInfo | null>(null)
  const [landed, setLanded] = useState(0)
  const [renaming, setRenaming] = useState(false)
  const [browse, setBrowse] = useState<BrowseState>(INITIAL_BROWSE)
  const browseRef = useRef(browse)
  browseRef.current = browse
  const queue = useImportQueue(useCallback(() => setLanded((n) => n + 1), []))
  const done = queue.items.filter((i) => i.status !== 'waiting' && i.status !== 'importing').length

  /** What belongs to the library file: its reviewer and its name (again after 打开资料库…). */
  const loadLibrary = (): void => {
    window.api.getSettings({}).then(setSettings, () => setSettings({ reviewer: null }))
    window.api.getLibraryInfo({}).then(setLibrary, () => setLibrary(null))
  }

  useEffect(() => {
    const onHash = (): void => {
      setReportId(reportFromHash())
      setStats(statsFromHash())
    }
    window.addEventListener('hashchange', onHash)
    loadLibrary()
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = (id: number | null): void => {
    window.location.hash = id === null ? '' : `#/report/${id}`
    setReportId(id)
    setStats(false)
  }

  const showStats = (): void => {
    window.location.hash = '#/stats'
    setReportId(null)
    setStats(true)
  }

  /** A bar or a row of the 统计 screen: the library list, showing just its reports. */
  const showReports = (ids: number[], label: string): void => {
    setBrowse((b) => ({ ...b, filters: { ...b.filters, search: '', year: null, status: null, only: { ids, label } }, selectedId: null }))
    go(null)
  }

  /** Steps run one after another, each from the report shown when it runs (Alt+← twice goes back two). */
  const steps = useRef<Promise<unknown>>(Promise.resolve())
  const shownRef = useRef(reportId)
  shownRef.current = reportId

  /** Opens a report from the list, remembering the list's order for stepping through it. */
  const openFromList = (id: number, order: number[]): void => {
    setBrowse((b) => ({ ...b, order, selectedId: id }))
    go(id)
  }

  /** Back to the list with the report just left selected. */
  const backToList = (from: number): void => {
    setBrowse((b) => ({ ...b, selectedId: from }))
    go(null)
    shownRef.current = null
  }

  /** Opens the next / previous report of the list, or the next one needing work; a message when there is none. */
  const step = (how: Step): Promise<string | null> => {
    const run = steps.current.then(async (): Promise<string | null> => {
      const from = shownRef.current
      if (from === null) return null
      const { filters, order } = browseRef.current
      const listed = await window.api.listReports(listArgs(filters))
      // The reviewer left the report meanwhile (Esc): no step.
      if (shownRef.current !== from) return null
      const statuses = new Map(listed.map((r) => [r.id, r.status]))
      // Opened without the list (a reload): the list's order as it stands now, kept for the steps to come.
      const sequence = order.length ? order : listed.map((r) => r.id)
      if (!order.length) setBrowse((b) => ({ ...b, order: sequence }))
      const target = stepFrom(sequence, from, how, statuses)
      if (target === null) {
        if (how === 'queue') return '列表中已没有待核验或有问题的报告（按 Esc 返回资料库）'
        return how === 'next' ? '已是列表中的最后一份报告' : '已是列表中的第一份报告'
      }
      setBrowse((b) => ({ ...b, selectedId: target }))
      go(target)
      shownRef.current = target
      return null
    })
    steps.current = run.catch(() => undefined)
    return run
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1>年报核验台</h1>
        <span className="app-subtitle">政府信息公开工作年度报告 · 表格提取与核验</span>
        <nav className="app-nav" aria-label="页面">
          <button
            type="button"
            className="app-nav__tab"
            aria-current={!stats ? 'page' : undefined}
            onClick={() => (reportId === null ? go(null) : backToList(reportId))}
          >
            资料库
          </button>
          <button type="button" className="app-nav__tab" aria-current={stats ? 'page' : undefined} onClick={showStats} data-testid="nav-stats">
            统计
          </button>
        </nav>
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
        {stats ? (
          <StatsScreen onShowReports={showReports} onOpenReport={(id) => openFromList(id, [id])} />
        ) : reportId === null ? (
          <LibraryScreen browse={browse} onBrowse={setBrowse} onOpen={openFromList} onLibraryOpened={loadLibrary} queue={queue} landed={landed} />
        ) : (
          <ReviewScreen key={reportId} reportId={reportId} onBack={() => backToList(reportId)} onStep={step} />
        )}
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
      {reportId !== null && settings && !settings.reviewer && <ReviewerDialog onSave={async (name) => setSettings(await window.api.setReviewer({ name }))} />}
    </div>
  )
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { MergeRefusal, MergeSide, MergeUpdate, PendingMergeConflict, ReportSummary } from '../../../shared/types'
import { DropZone } from '../components/library/DropZone'
import { ImportQueue } from '../components/library/ImportQueue'
import { ReportGrid } from '../components/library/ReportGrid'
import { LibraryFilters, type Filters } from '../components/library/LibraryFilters'
import { LibraryMenu, type ExportChoice } from '../components/library/LibraryMenu'
import { MergeConflictsDialog } from '../components/library/MergeConflictsDialog'
import { reopenedReports } from '../library/merge-summary'
import { NearDuplicateDialog } from '../components/library/NearDuplicateDialog'
import { useExportProgress } from '../library/useExportProgress'
import type { ImportQueueState } from '../library/useImportQueue'
import { listArgs, type BrowseState } from '../library/browse'
import { PaperMenu } from '../components/review/PaperMenu'
import { FailingFilter } from '../components/assess/score-column'
import type { AssessSummary, IndicatorId } from '../../../shared/assess'

interface Props {
  /** The list's filter, sort and selected row, kept by App while a report is open. */
  browse: BrowseState
  onBrowse: (change: (b: BrowseState) => BrowseState) => void
  /** Opens a report; `order` is the list's rows as shown, for stepping through them. */
  onOpen: (reportId: number, order: number[]) => void
  /** Another library file was opened: the app reloads what belongs to the library (reviewer, name). */
  onLibraryOpened: () => void
  /** The import queue (kept by App, so an import survives opening a report) and how many batches landed. */
  queue: ImportQueueState
  landed: number
}

type Banner = { kind: 'error' | 'info'; text: string }

const UPDATES_NAMED = 5

/** Which reports now hold the other reviewer's values (each change is in that report's 修改记录). */
function takenValues(updates: MergeUpdate[]): string {
  const changed = updates.filter((u) => u.values > 0)
  if (changed.length === 0) return ''
  const named = changed
    .slice(0, UPDATES_NAMED)
    .map((u) => `${u.agency ?? '（未识别机关）'} ${u.year ?? ''}（${u.values} 处${u.replacedOurEdits ? '，含我方未核验的修改' : ''}）`)
  const more = changed.length > UPDATES_NAMED ? ` 等 ${changed.length} 份` : ''
  return `。采用了对方数值：${named.join('、')}${more}；详见各报告的修改记录`
}

/** Their reports left out because the stored file is not what its checksum says. */
function refusedReports(refused: MergeRefusal[]): string {
  if (refused.length === 0) return ''
  const named = refused.slice(0, UPDATES_NAMED).map((r) => r.fileName)
  return `。拒收 ${refused.length} 份（原始文件与记录的校验值不符，可能被篡改）：${named.join('、')}${refused.length > UPDATES_NAMED ? ' 等' : ''}`
}

export function LibraryScreen({ browse, onBrowse, onOpen, onLibraryOpened, queue, landed }: Props): React.JSX.Element {
  const [reports, setReports] = useState<ReportSummary[] | null>(null)
  const [years, setYears] = useState<number[]>([])
  const [total, setTotal] = useState(0)
  const filters = browse.filters
  const setFilters = (f: Filters): void => onBrowse((b) => ({ ...b, filters: f }))
  const [banner, setBanner] = useState<Banner | null>(null)
  const [conflicts, setConflicts] = useState<PendingMergeConflict[]>([])
  const [settling, setSettling] = useState(false)
  const [stale, setStale] = useState(0)
  const [reextracting, setReextracting] = useState(false)
  const [comparing, setComparing] = useState<{ id: number; others: number[] } | null>(null)
  // 评估: each listed report's score, and the filter by an indicator that lost points
  const [scores, setScores] = useState<Map<number, AssessSummary>>(new Map())
  const [failing, setFailing] = useState<IndicatorId | null>(null)
  /** Rows picked together in the list (two or more), in the order shown: the batch 底稿's reports. */
  const [picked, setPicked] = useState<number[]>([])

  // The list and its count belong to one search: answers to older keystrokes are dropped, and until
  // the latest arrives the count says it is searching rather than showing the previous one.
  const asked = useRef(0)
  const [shownFor, setShownFor] = useState<string | null>(null)
  const filtersKey = JSON.stringify(filters)

  const refresh = useCallback(async () => {
    const mine = ++asked.current
    try {
      const [shown, all, pending, info] = await Promise.all([
        window.api.listReports(listArgs(filters)),
        window.api.listReports({}),
        window.api.listMergeConflicts({}),
        window.api.getLibraryInfo({})
      ])
      if (mine !== asked.current) return
      setReports(shown)
      setShownFor(JSON.stringify(filters))
      setConflicts(pending)
      setStale(info.staleReports)
      setTotal(all.length)
      setYears([...new Set(all.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a))
      // The scores come after the list: a list is never held up or lost for them.
      window.api.assessList({ ids: shown.map((r) => r.id) }).then(
        (assessed) => mine === asked.current && setScores(new Map(assessed.map((a) => [a.reportId, a]))),
        (e: Error) => setBanner({ kind: 'error', text: `评估失败：${e.message}` })
      )
    } catch (e) {
      setBanner({ kind: 'error', text: (e as Error).message })
    }
  }, [filters])

  useEffect(() => {
    void refresh()
  }, [refresh, landed])

  /** Runs a toolbar action; null means the user cancelled the dialog. */
  const act = async <T,>(work: () => Promise<T | null>, done: (value: T) => string): Promise<void> => {
    try {
      const value = await work()
      if (value !== null) setBanner({ kind: 'info', text: done(value) })
      await refresh()
    } catch (e) {
      setBanner({ kind: 'error', text: (e as Error).message })
    }
  }

  const exportShare = useExportProgress()
  const onExport = ({ format, jsonAs }: ExportChoice, all: boolean): void =>
    void act(
      () => exportShare.track(window.api.exportReports({ format, all, ...(jsonAs ? { jsonAs } : {}) })),
      (r) => `已导出 ${r.reports} 份报告：${r.path}`
    )
  const onBackup = (): void =>
    void act(
      () => window.api.backupLibrary({}),
      (r) => `资料库已备份到：${r.path}`
    )
  const onMerge = (): void =>
    void act(
      async () => {
        const outcome = await window.api.mergeLibrary({})
        if (outcome?.conflicts.length) setSettling(true)
        return outcome
      },
      (r) =>
        `合并完成：新增 ${r.added} 份，更新 ${r.updated} 份，未变 ${r.unchanged} 份${r.conflicts.length ? `，${r.conflicts.length} 份有冲突待裁定` : ''}` +
        takenValues(r.updates) +
        refusedReports(r.refused) +
        reopenedReports(r.reopened)
    )
  const onOpenLibrary = (): void =>
    void act(
      () => window.api.openLibrary({}),
      (info) => {
        onLibraryOpened()
        return `已打开资料库：${info.path}（${info.reportCount} 份报告）`
      }
    )
  const onReextract = (): void => {
    setReextracting(true)
    void act(
      () => window.api.reextractStale({}),
      (r) =>
        `已重新提取 ${r.reports} 份报告：${r.changed} 个单元格读数变化，${r.conflicts} 处与人工修改不一致（已保留人工修改，见各报告核验栏）` +
        (r.failed ? `；${r.failed} 份无法重新读取，保持原样` : '')
    ).finally(() => setReextracting(false))
  }
  const onSettle = async (id: number, take: MergeSide): Promise<void> => {
    setConflicts(await window.api.settleMergeConflict({ id, take }))
    await refresh()
  }

  const empty = reports !== null && total === 0
  // The rows the list shows: the search's answer, narrowed by the 评估 filter (an indicator that lost points).
  const shown = reports && failing ? reports.filter((r) => scores.get(r.id)?.failing.includes(failing)) : reports
  const paperIds = picked.length ? picked : (shown ?? []).map((r) => r.id)
  return (
    <section className="library" data-testid="library-screen">
      <div className="library__toolbar">
        <h2>资料库</h2>
        <LibraryFilters filters={filters} years={years} onChange={setFilters} />
        <FailingFilter value={failing} onChange={setFailing} />
        {reports && (
          <span className="library__count" data-testid="library-count" aria-live="polite">
            {shownFor !== filtersKey ? '正在搜索…' : shown!.length === total ? `共 ${total} 份报告` : `显示 ${shown!.length} / ${total} 份`}
          </span>
        )}
        {reports && reports.length > 0 && <span className="library__hint">双击或按 Enter 打开报告</span>}
        <span className="library__spacer" />
        {/* Batch 底稿 for the rows picked together, else for the reports the list shows (its search and filters). */}
        {shown && shown.length > 0 && shownFor === filtersKey && (
          <PaperMenu
            reportIds={paperIds}
            verified={(reports ?? []).filter((r) => paperIds.includes(r.id)).every((r) => r.status === 'verified')}
            label={picked.length ? `导出底稿（选中的 ${paperIds.length} 份）` : `导出底稿（显示的 ${shown.length} 份）`}
          />
        )}
        <LibraryMenu onExport={onExport} onBackup={onBackup} onMerge={onMerge} onOpenLibrary={onOpenLibrary} />
      </div>
      {banner && (
        <div className={`banner banner--${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="library-banner">
          {banner.text}
          <button type="button" className="button button--link" onClick={() => setBanner(null)}>
            关闭
          </button>
        </div>
      )}
      {exportShare.share !== null && (
        <div className="banner banner--info" role="status" data-testid="export-progress">
          正在导出… {Math.round(exportShare.share * 100)}%
          <progress max={1} value={exportShare.share} aria-label="导出进度" />
        </div>
      )}
      {conflicts.length > 0 && (
        <div className="banner banner--warning" role="status" data-testid="merge-conflicts-banner">
          {conflicts.length} 份报告的合并冲突待人工裁定
          <button type="button" className="button button--link" onClick={() => setSettling(true)}>
            逐一裁定…
          </button>
        </div>
      )}
      {stale > 0 && (
        <div className="banner banner--warning" role="status" data-testid="stale-banner">
          {stale} 份报告由旧版解析程序提取，可用当前版本重新提取（人工修改保留，不一致处逐一列出）
          <button type="button" className="button button--link" disabled={reextracting} onClick={onReextract}>
            {reextracting ? '正在重新提取…' : '重新提取'}
          </button>
        </div>
      )}
      {settling && <MergeConflictsDialog conflicts={conflicts} onSettle={onSettle} onClose={() => setSettling(false)} />}
      {queue.items.length > 0 && (
        <ImportQueue
          items={queue.items}
          skipped={queue.skipped}
          eta={queue.eta}
          onClose={queue.clear}
          onCancel={() => void queue.cancel()}
          onCompare={(id, others) => setComparing({ id, others })}
        />
      )}
      {comparing && (
        <NearDuplicateDialog
          reportId={comparing.id}
          others={comparing.others}
          onClose={() => setComparing(null)}
          onDeleted={(text) => {
            setComparing(null)
            setBanner({ kind: 'info', text })
            void refresh()
          }}
        />
      )}
      <DropZone onFiles={queue.add} compact={!empty} />
      {!empty && reports && (
        <ReportGrid
          reports={shown!}
          scores={scores}
          sort={browse.sort}
          selectedId={browse.selectedId}
          onSort={(sort) => onBrowse((b) => ({ ...b, sort }))}
          onOpen={onOpen}
          onCompare={(id, others) => setComparing({ id, others })}
          onPick={setPicked}
        />
      )}
    </section>
  )
}

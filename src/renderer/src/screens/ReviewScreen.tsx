import { useCallback, useEffect, useMemo, useState } from 'react'
import { useReview } from '../review/useReview'
import { SplitPane } from '../components/review/SplitPane'
import { SourcePane } from '../components/review/SourcePane'
import { TablesPane } from '../components/review/TablesPane'
import { ReviewHeader } from '../components/review/ReviewHeader'
import { CellInspector } from '../components/review/CellInspector'
import { FindingsPanel } from '../components/review/FindingsPanel'
import { findingId, type ReviewFinding } from '../components/review/FindingItem'
import { HelpPanel } from '../components/review/HelpPanel'
import { HistoryPanel } from '../components/review/HistoryPanel'
import type { CellEdit } from '../components/review/TableGrid'

interface Props {
  reportId: number
  onBack: () => void
}

const NO_KEYS: ReadonlySet<string> = new Set()

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

/** The original beside the tables; findings and the selected cell on the right. */
export function ReviewScreen({ reportId, onBack }: Props): React.JSX.Element {
  const review = useReview(reportId)
  const { detail, source, undo, redo } = review
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const [finding, setFinding] = useState<ReviewFinding | null>(null)
  const [reason, setReason] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [help, setHelp] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (typingInField(e.target)) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault()
        undo()
      } else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) {
        e.preventDefault()
        redo()
      } else if (e.key === '?' && !mod) {
        // Before the grid sees it: "?" opens the help, it never starts editing a cell.
        e.preventDefault()
        e.stopPropagation()
        setHelp((v) => !v)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [undo, redo])

  const onEdit = useCallback(
    (edits: CellEdit[], note?: string) => {
      review.edit(edits, reason.trim() || undefined)
      if (reason) setReason('')
      setNotice(note ?? null)
    },
    [review, reason]
  )

  const selectFinding = (f: ReviewFinding): void => {
    setFinding(f)
    if (f.cells[0]) setSelectedKey(f.cells[0])
  }

  const focusKeys = useMemo(() => (finding ? new Set(finding.cells) : NO_KEYS), [finding])

  if (!detail || !source) {
    return (
      <section className="review review--loading" data-testid="review-screen">
        {review.error ? <div className="banner banner--error">{review.error}</div> : <p className="muted">正在打开报告…</p>}
      </section>
    )
  }

  return (
    <section className="review" data-testid="review-screen">
      <ReviewHeader
        detail={detail}
        saving={review.saving}
        canUndo={review.canUndo}
        canRedo={review.canRedo}
        onUndo={undo}
        onRedo={redo}
        onBack={onBack}
        onMeta={(field, value) => review.update(() => window.api.editMeta({ reportId, field, value, ...(reason.trim() ? { reason: reason.trim() } : {}) }))}
        onVerify={() => void review.update(() => window.api.verifyReport({ reportId }))}
        onHelp={() => setHelp(true)}
        onHistory={() => setHistoryOpen(true)}
      />
      {(review.error || notice) && (
        <div className={`banner ${review.error ? 'banner--error' : 'banner--info'}`} role="alert">
          {review.error ?? notice}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              review.clearError()
              setNotice(null)
            }}
          >
            关闭
          </button>
        </div>
      )}
      <div className="review__body">
        <SplitPane
          initial={0.38}
          left={<SourcePane source={source} cells={detail.cells} selectedKey={selectedKey} onPick={setSelectedKey} />}
          right={<TablesPane detail={detail} selectedKey={selectedKey} focusKeys={focusKeys} onSelect={setSelectedKey} onEdit={onEdit} />}
        />
        <aside className="review__side">
          <CellInspector
            reportId={reportId}
            detail={detail}
            cellKey={selectedKey}
            reason={reason}
            onReason={setReason}
            onMarkBlank={(key, comment) => review.update(() => window.api.markCellsBlank({ reportId, keys: [key], comment }))}
          />
          <FindingsPanel
            detail={detail}
            selectedId={finding ? findingId(finding) : null}
            onSelect={selectFinding}
            onAccept={(f, comment) => review.update(() => window.api.acceptFinding({ reportId, rule: f.rule, cells: f.cells, comment }))}
            onMarkAbsent={(table, comment) => review.update(() => window.api.markTableAbsent({ reportId, table, comment }))}
            onSettleBlanks={(comment) => review.update(() => window.api.settleBlankCells({ reportId, comment }))}
            selectedKey={selectedKey}
            onSelectCell={setSelectedKey}
          />
        </aside>
      </div>
      {help && <HelpPanel onClose={() => setHelp(false)} />}
      {historyOpen && <HistoryPanel reportId={reportId} onClose={() => setHistoryOpen(false)} />}
    </section>
  )
}

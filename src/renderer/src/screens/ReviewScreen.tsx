import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
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
import { NearDuplicateDialog } from '../components/library/NearDuplicateDialog'
import { isNearDuplicateRefusal, verifiedNearDuplicates } from '../components/library/near-duplicate-gate'
import type { CellEdit } from '../components/review/TableGrid'
import { attentionKeys, landingKey, nextAttention, readingOrder, reportLayouts } from '../review/attention'
import type { Step } from '../library/browse'
import { needsConfirmation } from '../review/cell-state'
import { Scorecard } from '../components/assess/Scorecard'
import type { ReviewCell } from '../../../shared/types'

interface Props {
  reportId: number
  onBack: () => void
  /** Opens another report of the library's list; resolves to a message when there is none. */
  onStep: (how: Step) => Promise<string | null>
}

const NO_KEYS: ReadonlySet<string> = new Set()
/** A deduction's words, shown in the original as if they were a cell's source (the source pane highlights a selected cell's). */
const QUOTE_KEY = 'assess.quote'
/** Window width from which the side panel (cell, findings) starts open. */
const SIDE_PANEL_FROM = 1280

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

/** The original beside the tables; findings and the selected cell on the right. */
export function ReviewScreen({ reportId, onBack, onStep }: Props): React.JSX.Element {
  const review = useReview(reportId)
  const { detail, source, undo, redo, update } = review
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const [finding, setFinding] = useState<ReviewFinding | null>(null)
  const [reason, setReason] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [help, setHelp] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  /** A near-duplicate is verified already: which one stands is asked (NearDuplicateDialog). */
  const [duplicates, setDuplicates] = useState<number[] | null>(null)
  // On a small screen (1024 wide) the side panel starts folded, so table 三 shows all its columns.
  const [sideOpen, setSideOpen] = useState(() => window.innerWidth >= SIDE_PANEL_FROM)
  const [sourceOpen, setSourceOpen] = useState(true)
  // 评估: the cells of the deduction chosen in the scorecard, or its words in the original
  const [evidenceKeys, setEvidenceKeys] = useState<ReadonlySet<string>>(NO_KEYS)
  const [quote, setQuote] = useState<{ start: number; end: number } | null>(null)

  const layouts = useMemo(() => (detail ? reportLayouts(detail) : []), [detail])
  const order = useMemo(() => readingOrder(layouts), [layouts])
  const attention = useMemo(() => (detail ? attentionKeys(detail, layouts) : []), [detail, layouts])

  // Opening a report puts the keyboard on the first cell needing review (else the first of table 三).
  const landed = useRef(false)
  useEffect(() => {
    if (!detail || !source || landed.current) return
    landed.current = true
    setSelectedKey(landingKey(detail, layouts))
  }, [detail, source, layouts])

  const clearError = useRef(review.clearError)
  clearError.current = review.clearError

  /** Opens another report; says so when there is none. */
  const step = useCallback(
    (how: Step) =>
      void onStep(how).then(
        (message) => {
          if (!message) return
          // What the step says is the news now; an older refusal would hide it.
          clearError.current()
          setNotice(message)
        },
        (e: Error) => setNotice(e.message)
      ),
    [onStep]
  )

  /** 标记为已核验; refused beside a verified near-duplicate, it asks which one stands. */
  const verify = useCallback(
    () =>
      update(async () => {
        try {
          return await window.api.verifyReport({ reportId })
        } catch (e) {
          if (isNearDuplicateRefusal(e)) {
            const others = await verifiedNearDuplicates(reportId)
            if (others.length) setDuplicates(others)
          }
          throw e
        }
      }),
    [update, reportId]
  )

  /** Ctrl+Enter: 标记为已核验, then the next report needing work; a refusal stays on screen. */
  const verifyAndNext = useCallback(async () => {
    setNotice(null)
    if (await verify()) step('queue')
    // Refused: the keyboard goes back to the selected cell (it left an editor to save its value).
    else if (document.activeElement === document.body) document.querySelector<HTMLElement>('.tables-pane .ag-cell-focus')?.focus()
  }, [verify, step])

  /** 确认: the selected flagged cell (its row, when the doubt is the row's) reads as the original says. */
  const confirm = useCallback(
    (key: string) => {
      setNotice(null)
      void update(() => window.api.confirmCell({ reportId, key }))
    },
    [update, reportId]
  )

  const ready = !!detail && !!source
  const cells = detail?.cells
  const keys = useRef({ attention, order, selectedKey, ready, cells, modal: help || historyOpen || !!duplicates })
  keys.current = { attention, order, selectedKey, ready, cells, modal: help || historyOpen || !!duplicates }

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const editor = (e.target as HTMLElement | null)?.closest?.('.ag-cell-inline-editing')
      if (editor && (e.ctrlKey || e.metaKey) && e.key === 'Enter' && keys.current.ready && !keys.current.modal) {
        // A value being typed into a cell: leaving the editor saves it (the grid stops editing when its
        // cell loses focus), and the verification queued after it sees the new value.
        e.preventDefault()
        e.stopPropagation()
        ;(e.target as HTMLElement).blur()
        setTimeout(() => void verifyAndNext(), 0)
        return
      }
      if (typingInField(e.target)) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const now = keys.current
      if (e.key === 'F8' && !mod && !e.altKey) {
        e.preventDefault()
        const next = nextAttention(now.attention, now.order, now.selectedKey, e.shiftKey)
        if (next) setSelectedKey(next)
        else setNotice('没有需要核对的单元格')
      } else if (e.key === ' ' && !mod && !e.altKey && !now.modal && (e.target as HTMLElement | null)?.closest?.('.tables-pane .ag-cell')) {
        // Space on a grid cell (not being edited): 确认 a flagged cell; on any other cell it does nothing.
        e.preventDefault()
        e.stopPropagation()
        if (now.ready && now.selectedKey && needsConfirmation(now.cells?.[now.selectedKey])) confirm(now.selectedKey)
        else if (now.ready) setNotice('该单元格没有待确认的“需核对”标记；要修改请直接输入')
      } else if (mod && e.key === 'Enter' && !now.modal) {
        // Before the grid sees it: Ctrl+Enter never starts editing the focused cell. Never for a
        // report still loading: nobody verifies what they have not seen.
        e.preventDefault()
        e.stopPropagation()
        if (now.ready) void verifyAndNext()
      } else if (e.altKey && !mod && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && !now.modal) {
        e.preventDefault()
        e.stopPropagation()
        step(e.key === 'ArrowRight' ? 'next' : 'previous')
      } else if (e.key === 'Escape' && !mod && !now.modal && !document.querySelector('.modal-backdrop')) {
        // A cell being edited takes Esc itself (its editor is an input, passed over above).
        e.preventDefault()
        onBack()
      } else if (mod && key === 'z' && !e.shiftKey) {
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
  }, [undo, redo, verifyAndNext, step, onBack, confirm])

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
    setEvidenceKeys(NO_KEYS)
    if (f.cells[0]) setSelectedKey(f.cells[0])
  }

  const focusKeys = useMemo(() => (finding ? new Set(finding.cells) : evidenceKeys), [finding, evidenceKeys])
  const selectCell = useCallback((key: string) => {
    setQuote(null)
    setSelectedKey(key)
    // the keys act on the cell just focused, not the one of the last render: a Space pressed before
    // React has drawn the new selection confirmed nothing (the previous, confirmed cell had no doubt)
    keys.current.selectedKey = key
  }, [])
  const sourceCells = useMemo<Record<string, ReviewCell>>(
    () =>
      quote && detail
        ? { ...detail.cells, [QUOTE_KEY]: { key: QUOTE_KEY, value: null, raw: '', review: false, corrected: false, edits: 0, source: quote } }
        : (detail?.cells ?? {}),
    [quote, detail]
  )

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
        onVerify={() => void verify()}
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
          leftHidden={!sourceOpen}
          left={
            <SourcePane
              source={source}
              cells={sourceCells}
              selectedKey={quote ? QUOTE_KEY : selectedKey}
              onPick={(key) => key !== QUOTE_KEY && selectCell(key)}
            />
          }
          right={
            <TablesPane
              detail={detail}
              selectedKey={selectedKey}
              focusKeys={focusKeys}
              refused={review.refused}
              onSelect={selectCell}
              onEdit={onEdit}
              onForm={(table, form) =>
                void review.update(() => window.api.setTableForm({ reportId, table, form, ...(reason.trim() ? { reason: reason.trim() } : {}) }))
              }
              panes={{
                source: sourceOpen,
                side: sideOpen,
                openFindings: detail.findings.filter((f) => f.status === 'fail' && !f.accepted).length,
                onSource: () => setSourceOpen((v) => !v),
                onSide: () => setSideOpen((v) => !v)
              }}
            />
          }
        />
        <aside className="review__side" hidden={!sideOpen} data-testid="review-side">
          <CellInspector
            reportId={reportId}
            detail={detail}
            cellKey={selectedKey}
            reason={reason}
            onReason={setReason}
            onMarkBlank={(key, comment) => review.update(() => window.api.markCellsBlank({ reportId, keys: [key], comment }))}
            onConfirm={confirm}
          />
          <FindingsPanel
            detail={detail}
            selectedId={finding ? findingId(finding) : null}
            onSelect={selectFinding}
            onAccept={(f, comment) => review.update(() => window.api.acceptFinding({ reportId, rule: f.rule, cells: f.cells, comment }))}
            onMarkAbsent={(table, comment) => review.update(() => window.api.markTableAbsent({ reportId, table, comment }))}
            onSettleBlanks={(comment) => review.update(() => window.api.settleBlankCells({ reportId, comment }))}
            onMarkMetaUnstated={(field, comment) => review.update(() => window.api.markMetaUnstated({ reportId, field, comment }))}
            selectedKey={selectedKey}
            onSelectCell={setSelectedKey}
          />
          <Scorecard
            reportId={reportId}
            version={detail}
            onCells={(keys) => {
              setFinding(null)
              setQuote(null)
              setEvidenceKeys(new Set(keys))
              setSelectedKey(keys[0])
            }}
            onQuote={(q) => {
              setFinding(null)
              setEvidenceKeys(NO_KEYS)
              setQuote(q)
            }}
            onSetPublished={async (value) => {
              let refusal: Error | null = null
              const done = await review.update(() =>
                window.api.setPublishedDate({ reportId, value }).catch((e: Error) => {
                  refusal = e
                  throw e
                })
              )
              if (done) return
              // shown beside the date typed, not in the banner
              if (refusal) review.clearError()
              throw refusal ?? new Error('未能保存发布日期')
            }}
          />
        </aside>
      </div>
      {help && <HelpPanel onClose={() => setHelp(false)} />}
      {historyOpen && <HistoryPanel reportId={reportId} onClose={() => setHistoryOpen(false)} />}
      {duplicates && (
        <NearDuplicateDialog
          reportId={reportId}
          others={duplicates}
          onClose={() => setDuplicates(null)}
          onDeleted={() => setDuplicates(null)}
          verifying={{
            onVerified: (_, text) => {
              setDuplicates(null)
              review.clearError()
              void review.reload().then(() => setNotice(text))
            }
          }}
        />
      )}
    </section>
  )
}

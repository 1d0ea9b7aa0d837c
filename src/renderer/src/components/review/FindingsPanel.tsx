import { useState } from 'react'
import type { ReportDetail } from '../../../../shared/types'
import { FindingItem, findingId, type ReviewFinding } from './FindingItem'
import { OpenHeadline } from './OpenHeadline'
import { ReextractionConflicts } from './ReextractionConflicts'
import { SettleBlanks } from './SettleBlanks'
import { UnstatedMeta } from './UnstatedMeta'

interface Props {
  detail: ReportDetail
  selectedId: string | null
  onSelect: (finding: ReviewFinding) => void
  onAccept: (finding: ReviewFinding, comment: string) => Promise<boolean>
  onMarkAbsent: (table: string, comment: string) => Promise<boolean>
  onSettleBlanks: (comment: string) => Promise<boolean>
  onMarkMetaUnstated: (field: 'agency' | 'year', comment: string) => Promise<boolean>
  selectedKey: string | null
  onSelectCell: (key: string) => void
}

type Group = { id: string; title: string; findings: ReviewFinding[]; folded: boolean }

function groups(findings: ReviewFinding[]): Group[] {
  const of = (test: (f: ReviewFinding) => boolean) => findings.filter(test)
  return [
    { id: 'open', title: '', findings: of((f) => f.status === 'fail' && f.open), folded: false },
    { id: 'uncertain', title: '', findings: of((f) => f.status === 'uncertain' && f.open), folded: false },
    // What could not be checked is open, never folded away, until its cells are settled.
    { id: 'na', title: '无法核验', findings: of((f) => f.status === 'not_assessable' && f.open), folded: false },
    { id: 'accepted', title: '已接受', findings: of((f) => !!f.accepted), folded: false },
    { id: 'settled', title: '已确认（原文无此表或原文空白）', findings: of((f) => f.status === 'not_assessable' && !f.open), folded: true },
    { id: 'pass', title: '已通过', findings: of((f) => f.status === 'pass'), folded: true }
  ]
}

const missingTableOf = (f: ReviewFinding): string => f.cells[0]?.split('.')[0] ?? ''

/** Findings needing attention first; what cannot be checked and what passed folded away. */
export function FindingsPanel({
  detail,
  selectedId,
  onSelect,
  onAccept,
  onMarkAbsent,
  onSettleBlanks,
  onMarkMetaUnstated,
  selectedKey,
  onSelectCell
}: Props): React.JSX.Element {
  const [unfolded, setUnfolded] = useState<Record<string, boolean>>({})
  const all = groups(detail.findings)
  const open = detail.open.total
  const item = (f: ReviewFinding): React.JSX.Element => (
    <FindingItem
      key={findingId(f)}
      finding={f}
      selected={selectedId === findingId(f)}
      onSelect={() => onSelect(f)}
      onAccept={(comment) => onAccept(f, comment)}
      {...(f.rule === 'tables.missing' ? { onMarkAbsent: (comment: string) => onMarkAbsent(missingTableOf(f), comment) } : {})}
    />
  )
  return (
    <section className="findings" data-testid="findings-panel" aria-label="核验结果">
      <header className="pane-title">
        <span>勾稽核验</span>
        <span className={open ? 'count count--bad' : 'count count--ok'} data-testid="open-findings">
          {open ? `${open} 项未解决` : '全部核对完毕'}
        </span>
      </header>
      <OpenHeadline open={detail.open} />
      <div className="findings__scroll">
        <ReextractionConflicts conflicts={detail.conflicts} selectedKey={selectedKey} onSelect={onSelectCell} />
        <UnstatedMeta open={detail.open} onRecord={onMarkMetaUnstated} />
        <SettleBlanks open={detail.open} onSettle={onSettleBlanks} />
        {open === 0 && <p className="findings__empty">没有需要处理的问题</p>}
        {all.map((g) => {
          if (g.findings.length === 0) return null
          const shown = !g.folded || unfolded[g.id]
          return (
            <div key={g.id} className={`findings__group findings__group--${g.id}`}>
              {g.title && (
                <button
                  type="button"
                  className="findings__toggle"
                  aria-expanded={shown}
                  onClick={() => g.folded && setUnfolded((u) => ({ ...u, [g.id]: !u[g.id] }))}
                >
                  {g.folded ? (shown ? '▾ ' : '▸ ') : ''}
                  {g.title} {g.findings.length} 项
                </button>
              )}
              {shown && <ul className="findings__list">{g.findings.map(item)}</ul>}
            </div>
          )
        })}
      </div>
    </section>
  )
}

import { useState } from 'react'
import { STATUS_LABELS, type MergeSide, type PendingMergeConflict } from '../../../../shared/types'
import { cellTitle } from '../../review/cell-title'

interface Props {
  conflicts: PendingMergeConflict[]
  /** Settles one conflict; resolves once the library has done it. */
  onSettle: (id: number, take: MergeSide) => Promise<void>
  onClose: () => void
}

const shown = (raw: string | null): string => (raw === null || raw === '' ? '（空白）' : raw)

function sideLabel(who: PendingMergeConflict['ours']): string {
  if (!who) return ''
  return `${STATUS_LABELS[who.status]}${who.verifiedBy ? ` · ${who.verifiedBy}` : ''}`
}

/** The merge conflicts side by side: each report's differing values, ours and theirs, for a person to settle. */
export function MergeConflictsDialog({ conflicts, onSettle, onClose }: Props): React.JSX.Element {
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const settle = async (id: number, take: MergeSide): Promise<void> => {
    setBusy(id)
    setError(null)
    try {
      await onSettle(id, take)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal modal--wide" role="dialog" aria-label="合并冲突" data-testid="merge-conflicts">
        <h3>合并冲突（{conflicts.length} 份报告待裁定）</h3>
        <p className="modal__hint">同一份报告在两个资料库中的数值不同。逐项对照后，保留我方的值，或采用对方的值（连同对方的修改记录与核验）。</p>
        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        <div className="conflicts">
          {conflicts.length === 0 && <p className="modal__hint">全部冲突已裁定。</p>}
          {conflicts.map((c) => (
            <article key={c.id} className="conflict" data-testid="merge-conflict" aria-label={`${c.agency ?? '未知机关'} ${c.year ?? ''}`}>
              <header className="conflict__head">
                <strong>
                  {c.agency ?? '（未识别机关）'} {c.year ?? ''}
                </strong>
                <span className="conflict__reason">{c.reason}</span>
              </header>
              <div className="conflict__from">对方资料库：{c.otherPath}</div>
              <table className="conflict__table">
                <thead>
                  <tr>
                    <th>项目</th>
                    <th>我方（{sideLabel(c.ours)}）</th>
                    <th>对方（{sideLabel(c.theirs)}）</th>
                  </tr>
                </thead>
                <tbody>
                  {(c.differences ?? []).map((d) => (
                    <tr key={d.target}>
                      <td>{cellTitle(d.target)}</td>
                      <td className="conflict__value">{shown(d.ours)}</td>
                      <td className="conflict__value">{shown(d.theirs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="modal__actions">
                <button type="button" className="button" disabled={busy !== null} onClick={() => void settle(c.id, 'ours')}>
                  保留我方的值
                </button>
                <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void settle(c.id, 'theirs')}>
                  采用对方的值
                </button>
              </div>
            </article>
          ))}
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose} autoFocus>
            关闭
          </button>
        </div>
      </div>
    </div>
  )
}

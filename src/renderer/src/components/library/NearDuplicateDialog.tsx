import { useEffect, useMemo, useState } from 'react'
import { STATUS_LABELS, type ReportDetail } from '../../../../shared/types'
import { cellTitle } from '../../review/cell-title'
import { formatTime } from '../../format'

interface Props {
  /** The report the reviewer asked about, and the near-duplicates to compare it with. */
  reportId: number
  others: number[]
  onClose: () => void
  /** A report was deleted: the list refreshes and says so. */
  onDeleted: (text: string) => void
  /**
   * Asked while verifying reportId (its near-duplicates are verified): which one stands — this one
   * (the other is deleted, then this one verified), the other (this one is not verified), or both,
   * recorded as the same report. Called once this one is verified.
   */
  verifying?: { onVerified: (detail: ReportDetail, text: string) => void }
}

const shown = (raw: string | undefined): string => (raw === undefined || raw === '' ? '（空白）' : raw)

/** Two reports of the same agency, year and template side by side; keeping one deletes the other, after a confirmation. */
export function NearDuplicateDialog({ reportId, others, onClose, onDeleted, verifying }: Props): React.JSX.Element {
  const [otherId, setOtherId] = useState(others[0])
  const [pair, setPair] = useState<[ReportDetail, ReportDetail] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)
  /** The report to delete, once the reviewer chose which one to keep. */
  const [deleting, setDeleting] = useState<ReportDetail | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    setPair(null)
    Promise.all([window.api.getReport({ reportId }), window.api.getReport({ reportId: otherId })]).then(
      (p) => live && setPair(p),
      (e: Error) => live && setError(e.message)
    )
    return () => {
      live = false
    }
  }, [reportId, otherId])

  const rows = useMemo(() => {
    if (!pair) return []
    const keys = [...new Set([...Object.keys(pair[0].cells), ...Object.keys(pair[1].cells)])].sort()
    return keys
      .map((key) => ({ key, left: pair[0].cells[key]?.raw, right: pair[1].cells[key]?.raw }))
      .map((r) => ({ ...r, same: (r.left ?? '') === (r.right ?? '') }))
  }, [pair])
  const differing = rows.filter((r) => !r.same)

  const keep = (kept: ReportDetail, dropped: ReportDetail): void => {
    setDeleting(dropped)
    setReason(`与另一份重复，保留 ${kept.summary.fileName}`)
  }

  const confirmDelete = async (): Promise<void> => {
    if (!deleting) return
    setBusy(true)
    setError(null)
    try {
      await window.api.deleteReport({ reportId: deleting.summary.id, reason })
      const deleted = `已删除 ${deleting.summary.fileName}（删除记录已保留在资料库中）`
      // Keeping this one while verifying it: verified once the other is gone.
      if (verifying) verifying.onVerified(await window.api.verifyReport({ reportId }), `${deleted}，本报告已标记为已核验`)
      else onDeleted(deleted)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  /** Both stay, recorded (with the reviewer and the time) as one report: 统计 counts it once. */
  const recordSame = async (): Promise<void> => {
    if (!verifying) return
    setBusy(true)
    setError(null)
    try {
      const detail = await window.api.verifyReport({ reportId, sameReportAs: others })
      verifying.onVerified(detail, `已记为同一报告（${others.map((id) => `#${id}`).join('、')}），统计只计一份；本报告已标记为已核验`)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <div className="modal modal--wide" role="dialog" aria-label="对照相近的报告" data-testid="near-duplicates">
        <h3>{verifying ? '同一报告已核验：保留哪一份？' : '相近的报告：同一机关、年度与格式'}</h3>
        <p className="modal__hint">
          {verifying
            ? '同一机关、年度与格式的另一份报告已标记为已核验（如同一报告的 Word 与文本版）。两份都核验会被统计两次：请选择保留哪一份，或记录两份为同一报告（统计只计一份）。'
            : '资料库中有不止一份同一机关同一年度的报告（如同一报告的 Word 与 PDF 版，或重新发布的版本）。对照后可保留其中一份。'}
        </p>
        {others.length > 1 && (
          <label className="near-dup__pick">
            对照：
            <select className="input" value={otherId} onChange={(e) => setOtherId(Number(e.target.value))}>
              {others.map((id) => (
                <option key={id} value={id}>
                  报告 #{id}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        {!pair && !error && <p className="muted">正在读取…</p>}
        {pair && (
          <div className="conflicts">
            <table className="conflict__table" data-testid="near-duplicate-table">
              <thead>
                <tr>
                  <th>项目</th>
                  {pair.map((d) => (
                    <th key={d.summary.id}>
                      {d.summary.fileName}
                      <div className="near-dup__side">
                        {STATUS_LABELS[d.summary.status]} · {d.summary.openFindings} 项未解决 · 导入于 {formatTime(d.summary.importedAt)}
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(showAll ? rows : differing).map((r) => (
                  <tr key={r.key} className={r.same ? '' : 'near-dup__differs'}>
                    <td>{cellTitle(r.key)}</td>
                    <td className="conflict__value">{shown(r.left)}</td>
                    <td className="conflict__value">{shown(r.right)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="modal__hint" data-testid="near-duplicate-summary">
              {differing.length ? `${differing.length} 个单元格不同` : '所有单元格的值都相同'}，{rows.length - differing.length} 个相同。
              <button type="button" className="button button--link" onClick={() => setShowAll((v) => !v)}>
                {showAll ? '只看不同的' : '显示全部单元格'}
              </button>
            </p>
          </div>
        )}
        {pair && !deleting && verifying && (
          <div className="modal__actions" data-testid="near-duplicate-verify-actions">
            <button type="button" className="button" disabled={busy} onClick={() => keep(pair[0], pair[1])}>
              保留这一份（删除另一份）…
            </button>
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              保留另一份（不核验这一份）
            </button>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void recordSame()} autoFocus>
              两份是同一报告（都保留，统计只计一份）
            </button>
          </div>
        )}
        {pair && !deleting && !verifying && (
          <div className="modal__actions">
            <button type="button" className="button" onClick={() => keep(pair[0], pair[1])}>
              保留左边这份…
            </button>
            <button type="button" className="button" onClick={() => keep(pair[1], pair[0])}>
              保留右边这份…
            </button>
            <button type="button" className="button" onClick={onClose} autoFocus>
              关闭（两份都保留）
            </button>
          </div>
        )}
        {deleting && (
          <div className="near-dup__confirm" role="alertdialog" aria-label="确认删除" data-testid="near-duplicate-confirm">
            <p className="near-dup__what">
              <strong>
                将删除 {deleting.summary.fileName}（{STATUS_LABELS[deleting.summary.status]}）
              </strong>
              ：它的单元格、修改记录与核验都会从资料库中移除（资料库保留一条删除记录及其内容快照）。
            </p>
            <label className="inspector__reason">
              删除原因
              <input className="input" aria-label="删除原因" value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <div className="modal__actions">
              <button type="button" className="button" disabled={busy} onClick={() => setDeleting(null)}>
                取消
              </button>
              <button type="button" className="button button--danger" disabled={busy || !reason.trim()} onClick={() => void confirmDelete()}>
                确认删除
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  )
}

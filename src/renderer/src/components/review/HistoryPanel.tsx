import { useEffect, useState } from 'react'
import { STATUS_LABELS, type EditRecord, type ReportStatus } from '../../../../shared/types'
import { formatTime } from '../../format'
import { cellTitle } from '../../review/cell-title'

interface Props {
  reportId: number
  onClose: () => void
}

/** A recorded value as the reviewer knows it: statuses in words, blank as 空白. */
function shown(record: EditRecord, raw: string | null): string {
  if (record.target === 'status' && raw) return STATUS_LABELS[raw as ReportStatus] ?? raw
  return raw || '（空白）'
}

/** The report's whole audit trail — cells, 机关/年度/格式 and status — oldest first. */
export function HistoryPanel({ reportId, onClose }: Props): React.JSX.Element {
  const [records, setRecords] = useState<EditRecord[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    window.api.reportHistory({ reportId }).then(setRecords, (e: Error) => setError(e.message))
  }, [reportId])
  return (
    <div className="modal-backdrop" onClick={onClose} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal modal--wide" role="dialog" aria-label="修改记录" data-testid="report-history" onClick={(e) => e.stopPropagation()}>
        <h3>本报告的修改记录</h3>
        {error && <div className="banner banner--error">{error}</div>}
        <div className="conflicts">
          {records === null && !error && <p className="modal__hint">正在读取…</p>}
          {records?.length === 0 && <p className="modal__hint">尚无修改</p>}
          {records && records.length > 0 && (
            <table className="conflict__table history-table">
              <thead>
                <tr>
                  <th>时间</th>
                  <th>核验人</th>
                  <th>修改对象</th>
                  <th>原值 → 新值</th>
                  <th>原因</th>
                </tr>
              </thead>
              <tbody>
                {records.map((r) => (
                  <tr key={r.id}>
                    <td>{formatTime(r.at)}</td>
                    <td>{r.reviewer}</td>
                    <td>{cellTitle(r.target)}</td>
                    <td>
                      {shown(r, r.oldRaw)} → {shown(r, r.newRaw)}
                    </td>
                    <td>{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="modal__actions">
          <button type="button" className="button button--primary" onClick={onClose} autoFocus>
            关闭
          </button>
        </div>
      </div>
    </div>
  )
}

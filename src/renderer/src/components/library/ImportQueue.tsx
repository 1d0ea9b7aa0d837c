import { useState } from 'react'
import { finished, type QueueItem, type QueueStatus } from '../../library/useImportQueue'
import { QUEUE_ROWS_SHOWN, queueRows } from '../../library/queue-rows'
import { etaText } from '../../../../shared/import-eta'

const LABELS: Record<QueueStatus, string> = {
  waiting: '排队中',
  importing: '正在读取…',
  imported: '已导入',
  duplicate: '已在资料库中，未重复导入',
  failed: '导入失败',
  cancelled: '已取消'
}

interface Props {
  items: QueueItem[]
  skipped: number
  /** Seconds the import still needs (null while too little is known). */
  eta?: number | null
  onClose: () => void
  /** 取消导入: what has not landed is dropped; what landed stays. */
  onCancel?: () => void
  /** Compare an imported report with the near-duplicates the library already held. */
  onCompare: (id: number, others: number[]) => void
}

/** Progress of the import, and one line per file with the reason when it failed. */
export function ImportQueue({ items, skipped, eta, onClose, onCancel, onCompare }: Props): React.JSX.Element {
  const [onlyFailed, setOnlyFailed] = useState(false)
  const [limit, setLimit] = useState(QUEUE_ROWS_SHOWN)
  const done = items.filter((i) => finished(i.status)).length
  const failed = items.filter((i) => i.status === 'failed').length
  const cancelled = items.filter((i) => i.status === 'cancelled').length
  const reading = items.filter((i) => i.status === 'importing').length
  const near = items.filter((i) => i.nearDuplicates?.length).length
  const busy = done < items.length
  const { rows: shown, hidden } = queueRows(items, { onlyFailed, limit })
  return (
    <section className={`import-results${failed ? ' import-results--error' : ''}`} data-testid="import-results" aria-live="polite">
      <header>
        <strong data-testid="import-summary">
          {busy ? `正在导入：${done} / ${items.length}` : `导入完成：${items.length} 个文件`}
          {busy && reading ? `（${reading} 个正在读取）` : ''}
          {failed ? `，其中 ${failed} 个失败` : ''}
          {cancelled ? `，${cancelled} 个已取消` : ''}
          {near ? `，${near} 份与资料库中已有的报告相近（同一机关、年度与格式）` : ''}
          {skipped ? `；文件夹中 ${skipped} 个非报告文件已跳过` : ''}
        </strong>
        {failed > 0 && (
          <label className="import-results__filter">
            <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> 只看失败
          </label>
        )}
        {busy && eta != null && (
          <span className="import-results__eta" data-testid="import-eta">
            预计还需{etaText(eta)}
          </span>
        )}
        {busy && onCancel && (
          <button type="button" className="button button--link" onClick={onCancel} data-testid="import-cancel">
            取消导入
          </button>
        )}
        {!busy && (
          <button type="button" className="button button--link" onClick={onClose}>
            关闭
          </button>
        )}
      </header>
      <progress className="import-results__progress" max={items.length} value={done} aria-label="导入进度" />
      <ul>
        {shown.map((o) => (
          <li key={o.id} className={`import-result import-result--${o.status}`} data-testid="import-result">
            <span className="import-result__name" title={o.name}>
              {o.name}
            </span>
            {o.status === 'importing' && o.pages ? (
              <span className="import-result__status import-result__ocr" data-testid="ocr-progress">
                正在识别 第 {Math.min(o.pages.done + 1, o.pages.total)}/{o.pages.total} 页
              </span>
            ) : (
              <span className="import-result__status">{LABELS[o.status]}</span>
            )}
            {o.error && <span className="import-result__reason">{o.error}</span>}
            {o.warnings && o.warnings.length > 0 && (
              // Said in full on a click (or Enter), and on hover: a count alone explained nothing.
              <details className="import-result__warn" data-testid="import-warnings">
                <summary title={o.warnings.join('\n')}>{o.warnings.length} 条提示</summary>
                <ul>
                  {o.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
            {o.nearDuplicates && o.nearDuplicates.length > 0 && o.reportId !== undefined && (
              <span className="import-result__near" data-testid="import-near-duplicate">
                资料库中已有同一机关、年度与格式的报告
                <button type="button" className="button button--link" onClick={() => onCompare(o.reportId!, o.nearDuplicates!)}>
                  对照…
                </button>
              </span>
            )}
          </li>
        ))}
        {hidden > 0 && (
          <li className="import-results__more" data-testid="import-more">
            另有 {hidden} 个文件未列出
            <button type="button" className="button button--link" onClick={() => setLimit((n) => n + QUEUE_ROWS_SHOWN)}>
              再显示 {Math.min(hidden, QUEUE_ROWS_SHOWN)} 个
            </button>
          </li>
        )}
      </ul>
    </section>
  )
}

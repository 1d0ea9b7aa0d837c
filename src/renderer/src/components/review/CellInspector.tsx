import { useEffect, useState } from 'react'
import type { EditRecord, ReportDetail } from '../../../../shared/types'
import { cellTitle } from '../../review/cell-title'
import { formatTime } from '../../format'
import { valueKind } from '../../review/cell-state'
import { CONFIRM_KEY_LABEL } from '../../../../shared/open-items'

interface Props {
  reportId: number
  detail: ReportDetail
  cellKey: string | null
  reason: string
  onReason: (reason: string) => void
  /** Records 原文空白 for this cell, with a comment. */
  onMarkBlank: (key: string, comment: string) => Promise<boolean>
  /** 确认 this flagged cell (its row, when the doubt is the row's). */
  onConfirm: (key: string) => void
}

const KIND_LABELS = { blank: '空白', zero: '零', dash: '非数字（如“/”）', number: '数字' }

/** The selected cell: what it is, why it is flagged, the reason for the next edit, and its history. */
export function CellInspector({ reportId, detail, cellKey, reason, onReason, onMarkBlank, onConfirm }: Props): React.JSX.Element {
  const [history, setHistory] = useState<EditRecord[] | null>(null)
  const [open, setOpen] = useState(false)
  const [marking, setMarking] = useState<string | null>(null)
  const cell = cellKey ? detail.cells[cellKey] : undefined
  const edits = cell?.edits ?? 0

  useEffect(() => {
    setHistory(null)
    if (!open || !cellKey) return
    let live = true
    void window.api.cellHistory({ reportId, target: cellKey }).then((h) => live && setHistory(h))
    return () => {
      live = false
    }
  }, [open, cellKey, reportId, edits])

  if (!cellKey) return <section className="inspector inspector--empty">点击表格中的单元格，查看其原文位置与修改记录</section>
  const conflict = detail.conflicts.find((c) => c.key === cellKey)
  const mark = detail.marks.cells.find((m) => m.target === cellKey)
  // Only a cell holding no number can be 原文空白; a table recorded 原文无此表 needs nothing per cell.
  const table = cellKey.split('.')[0]
  const canMark = !mark && (!cell || cell.value === null) && detail.tables[table as keyof ReportDetail['tables']] === 'found'
  const submitMark = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (marking?.trim() && (await onMarkBlank(cellKey, marking.trim()))) setMarking(null)
  }
  return (
    <section className="inspector" data-testid="cell-inspector">
      <div className="inspector__title">{cellTitle(cellKey)}</div>
      <div className="inspector__row">
        <span className="inspector__value">{cell?.raw || '（空白）'}</span>
        <span className="muted">{KIND_LABELS[valueKind(cell)]}</span>
        {cell?.corrected && <span className="tag tag--corrected">已人工修改</span>}
        {cell?.ocr && (
          <span className="tag tag--ocr" data-testid="ocr-tag" title="由文字识别（OCR）从图片读取">
            识别 · 置信度 {Math.round(cell.ocr.confidence * 100)}%
          </span>
        )}
        {!cell?.source && <span className="tag">原文中无对应位置</span>}
      </div>
      {cell?.corrected && (
        <div className="muted" data-testid="extracted-value">
          原提取值：{cell.extracted ? cell.extracted.raw || '（空白）' : '（原文中未读到）'}
        </div>
      )}
      {cell?.ocr && (cell.ocr.read !== cell.raw || cell.ocr.alternatives?.length) ? (
        <div className="muted" data-testid="ocr-readings">
          识别读到“{cell.ocr.read || '（空白）'}”
          {cell.ocr.alternatives?.length ? `，其他可能的读法：${cell.ocr.alternatives.map((a) => `“${a}”`).join('、')}` : ''}
        </div>
      ) : null}
      {cell?.review && !cell.confirmed && (
        <>
          <div className="inspector__warn" data-testid="flag-unconfirmed">
            需核对：{cell.reviewReason ?? '提取时有推断'}
          </div>
          <button
            type="button"
            className="button button--small"
            data-testid="confirm-cell"
            onClick={() => onConfirm(cellKey)}
            title={`快捷键：${CONFIRM_KEY_LABEL}`}
          >
            确认与原文一致（{CONFIRM_KEY_LABEL}）
          </button>
        </>
      )}
      {cell?.review && cell.confirmed && (
        <div className="inspector__mark" data-testid="flag-confirmed">
          需核对：{cell.reviewReason ?? '提取时有推断'} — 已确认与原文一致
          <span className="muted">
            {' '}
            — {cell.confirmed.by}，{formatTime(cell.confirmed.at)}
          </span>
        </div>
      )}
      {conflict && (
        <div className="inspector__warn">
          重新提取得到“{conflict.extracted}”，与人工修改“{conflict.edited}”不同（保留人工修改）
        </div>
      )}
      {mark && (
        <div className="inspector__mark" data-testid="blank-mark">
          已记为原文空白：{mark.comment}
          <span className="muted">
            {' '}
            — {mark.by}，{formatTime(mark.at)}
          </span>
        </div>
      )}
      {canMark && marking === null && (
        <button type="button" className="button button--small" onClick={() => setMarking('已核对原文，此格空白')}>
          记为原文空白…
        </button>
      )}
      {canMark && marking !== null && (
        <form className="finding__accept" onSubmit={submitMark}>
          <input className="input" aria-label="原文空白的说明" value={marking} onChange={(e) => setMarking(e.target.value)} autoFocus />
          <button type="submit" className="button button--small button--primary" disabled={!marking.trim()}>
            确认原文空白
          </button>
          <button type="button" className="button button--small" onClick={() => setMarking(null)}>
            取消
          </button>
        </form>
      )}
      <label className="inspector__reason">
        修改理由（可选）
        <input className="input" value={reason} onChange={(e) => onReason(e.target.value)} placeholder="用于下一次修改" />
      </label>
      <button type="button" className="button button--link" onClick={() => setOpen((v) => !v)} data-testid="history-toggle">
        {open ? '收起修改记录' : `修改记录（${edits}）`}
      </button>
      {open && (
        <ol className="history" data-testid="cell-history">
          {history === null && <li className="muted">正在读取…</li>}
          {history?.length === 0 && <li className="muted">尚无修改</li>}
          {history?.map((h) => (
            <li key={h.id}>
              <span className="history__change">
                {h.oldRaw || '（空白）'} → {h.newRaw || '（空白）'}
              </span>
              <span className="muted">
                {h.reviewer}，{formatTime(h.at)}
                {h.reason ? `，${h.reason}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

import { useState } from 'react'
import type { OpenItems } from '../../../../shared/types'

interface Props {
  open: OpenItems
  onSettle: (comment: string) => Promise<boolean>
}

/**
 * The one explicit act for blank cells: the reviewer checked the original and records, with one
 * comment, every blank cell still blocking a check (or left unread) as 原文空白. Never done for them.
 */
export function SettleBlanks({ open, onSettle }: Props): React.JSX.Element | null {
  const [asking, setAsking] = useState(false)
  const [comment, setComment] = useState('')
  if (open.unreadCells.length === 0 && open.notAssessable === 0) return null
  const what = [
    open.unreadCells.length ? `${open.unreadCells.length} 个单元格空白未读出` : '',
    open.notAssessable ? `${open.notAssessable} 项核验因空白无法进行` : ''
  ]
    .filter(Boolean)
    .join('，')

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (comment.trim() && (await onSettle(comment.trim()))) {
      setAsking(false)
      setComment('')
    }
  }

  return (
    <div className="settle-blanks" data-testid="settle-blanks">
      <p className="settle-blanks__what">{what}。若原文这些格确为空白，可一次记为“原文空白”（记入修改记录）；否则请在表中填入数值。</p>
      {!asking && (
        <button type="button" className="button button--small" onClick={() => setAsking(true)}>
          全部记为原文空白…
        </button>
      )}
      {asking && (
        <form className="finding__accept" onSubmit={submit}>
          <input
            className="input"
            aria-label="原文空白的说明"
            placeholder="说明，如：已逐格核对原文，这些格为空白"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoFocus
          />
          <button type="submit" className="button button--small button--primary" disabled={!comment.trim()}>
            确认原文空白
          </button>
          <button type="button" className="button button--small" onClick={() => setAsking(false)}>
            取消
          </button>
        </form>
      )}
    </div>
  )
}

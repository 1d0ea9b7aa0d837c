import { useState } from 'react'
import { META_NAMES, UNSTATED_META } from '../../../../shared/open-items'
import type { OpenItems } from '../../../../shared/types'

interface Props {
  open: OpenItems
  onRecord: (field: 'agency' | 'year', comment: string) => Promise<boolean>
}

/**
 * Agency or year unknown: type it in the header, or — when the report truly does not say — record
 * 原文未载明 with a comment (kept in the audit trail). Never assumed for the reviewer.
 */
export function UnstatedMeta({ open, onRecord }: Props): React.JSX.Element | null {
  const [asking, setAsking] = useState<'agency' | 'year' | null>(null)
  const [comment, setComment] = useState('')
  if (open.missingMeta.length === 0) return null

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (asking && comment.trim() && (await onRecord(asking, comment.trim()))) {
      setAsking(null)
      setComment('')
    }
  }

  return (
    <div className="settle-blanks" data-testid="unstated-meta">
      {open.missingMeta.map((field) => (
        <div key={field}>
          <p className="settle-blanks__what">
            {META_NAMES[field]}不明：请在标题栏填写；若原文确未载明，可记为“{UNSTATED_META}”（记入修改记录）。
          </p>
          {asking !== field && (
            <button type="button" className="button button--small" onClick={() => setAsking(field)}>
              {META_NAMES[field]}记为{UNSTATED_META}…
            </button>
          )}
          {asking === field && (
            <form className="finding__accept" onSubmit={submit}>
              <input
                className="input"
                aria-label={`${META_NAMES[field]}${UNSTATED_META}的说明`}
                placeholder={`说明，如：已通读原文，未载明${META_NAMES[field]}`}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                autoFocus
              />
              <button type="submit" className="button button--small button--primary" disabled={!comment.trim()}>
                确认{UNSTATED_META}
              </button>
              <button type="button" className="button button--small" onClick={() => setAsking(null)}>
                取消
              </button>
            </form>
          )}
        </div>
      ))}
    </div>
  )
}

import { useState } from 'react'
import type { ReportDetail } from '../../../../shared/types'
import { formatTime } from '../../format'

export type ReviewFinding = ReportDetail['findings'][number]

const BADGES: Record<string, [string, string]> = {
  fail: ['未通过', 'fail'],
  accepted: ['已接受', 'accepted'],
  uncertain: ['存疑', 'uncertain'],
  not_assessable: ['无法核验', 'na'],
  pass: ['通过', 'pass']
}

const FAULTS: Record<string, string> = { report: '多为报告本身的错误', extraction: '可能是提取有误，请对照原文' }

interface Props {
  finding: ReviewFinding
  selected: boolean
  onSelect: () => void
  onAccept: (comment: string) => Promise<boolean>
}

export function findingId(f: ReviewFinding): string {
  return `${f.rule}|${[...f.cells].sort().join(',')}`
}

export function FindingItem({ finding, selected, onSelect, onAccept }: Props): React.JSX.Element {
  const [accepting, setAccepting] = useState(false)
  const [comment, setComment] = useState('原文如此，已核对')
  const state = finding.status === 'fail' && finding.accepted ? 'accepted' : finding.status
  const [badge, cls] = BADGES[state] ?? [state, 'na']
  const canAccept = finding.status === 'fail' && !finding.accepted

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (comment.trim() && (await onAccept(comment.trim()))) setAccepting(false)
  }

  return (
    <li className={`finding finding--${cls}${selected ? ' finding--selected' : ''}`} data-testid="finding" data-rule={finding.rule}>
      <button type="button" className="finding__main" onClick={onSelect} title="选中涉及的单元格">
        <span className={`badge badge--${cls}`}>{badge}</span>
        <span className="finding__message">{finding.message}</span>
      </button>
      {canAccept && finding.fault && <div className="finding__fault">{FAULTS[finding.fault]}</div>}
      {finding.quote && <blockquote className="finding__quote">{finding.quote}</blockquote>}
      {finding.accepted && (
        <div className="finding__accepted">
          {finding.accepted.comment}
          <span className="muted">
            {' '}
            — {finding.accepted.by}，{formatTime(finding.accepted.at)}
          </span>
        </div>
      )}
      {canAccept && !accepting && (
        <button type="button" className="button button--small" onClick={() => setAccepting(true)}>
          接受（原文如此）…
        </button>
      )}
      {accepting && (
        <form className="finding__accept" onSubmit={submit}>
          <input className="input" aria-label="接受说明" value={comment} onChange={(e) => setComment(e.target.value)} autoFocus />
          <button type="submit" className="button button--small button--primary" disabled={!comment.trim()}>
            确认接受
          </button>
          <button type="button" className="button button--small" onClick={() => setAccepting(false)}>
            取消
          </button>
        </form>
      )}
    </li>
  )
}

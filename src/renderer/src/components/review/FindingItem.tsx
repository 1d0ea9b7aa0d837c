import { useState } from 'react'
import type { ReportDetail } from '../../../../shared/types'
import { formatTime } from '../../format'

export type ReviewFinding = ReportDetail['findings'][number]

const BADGES: Record<string, [string, string]> = {
  fail: ['未通过', 'fail'],
  accepted: ['已接受', 'accepted'],
  uncertain: ['存疑', 'uncertain'],
  not_assessable: ['无法核验', 'na'],
  settled: ['已确认', 'accepted'],
  pass: ['通过', 'pass']
}

const FAULTS: Record<string, string> = { report: '多为报告本身的错误', extraction: '可能是提取有误，请对照原文' }

interface Props {
  finding: ReviewFinding
  selected: boolean
  onSelect: () => void
  onAccept: (comment: string) => Promise<boolean>
  /** For a missing table: record 原文无此表 with a comment. */
  onMarkAbsent?: (comment: string) => Promise<boolean>
}

export function findingId(f: ReviewFinding): string {
  return `${f.rule}|${[...f.cells].sort().join(',')}`
}

export function FindingItem({ finding, selected, onSelect, onAccept, onMarkAbsent }: Props): React.JSX.Element {
  const [accepting, setAccepting] = useState(false)
  const missingTable = finding.rule === 'tables.missing'
  const [comment, setComment] = useState(missingTable ? '已核对原文，确无此表' : '原文如此，已核对')
  const state = finding.accepted ? 'accepted' : finding.status === 'not_assessable' && !finding.open ? 'settled' : finding.status
  const [badge, cls] = BADGES[state] ?? [state, 'na']
  // A doubt is accepted like a failure: the reviewer confirms it against the original.
  const canAccept = (finding.status === 'fail' || finding.status === 'uncertain') && !finding.accepted
  const canMarkAbsent = missingTable && finding.open && !!onMarkAbsent
  const act = canMarkAbsent ? onMarkAbsent : onAccept

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (comment.trim() && (await act(comment.trim()))) setAccepting(false)
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
      {(canAccept || canMarkAbsent) && !accepting && (
        <button type="button" className="button button--small" onClick={() => setAccepting(true)}>
          {canMarkAbsent ? '记为原文无此表…' : '接受（原文如此）…'}
        </button>
      )}
      {accepting && (
        <form className="finding__accept" onSubmit={submit}>
          <input
            className="input"
            aria-label={canMarkAbsent ? '原文无此表的说明' : '接受说明'}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            autoFocus
          />
          <button type="submit" className="button button--small button--primary" disabled={!comment.trim()}>
            {canMarkAbsent ? '确认原文无此表' : '确认接受'}
          </button>
          <button type="button" className="button button--small" onClick={() => setAccepting(false)}>
            取消
          </button>
        </form>
      )}
    </li>
  )
}

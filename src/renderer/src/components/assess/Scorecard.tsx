// The review screen's 评估 scorecard: each indicator's points and why; a deduction selects its cells
// in the tables or highlights its words in the original.

import { useEffect, useState } from 'react'
import type { Assessment, Deduction, IndicatorResult } from '../../../../shared/assess'
import { PublishedDateControl } from './PublishedDateControl'

interface Props {
  reportId: number
  /** Changes whenever the report does: the score is asked again. */
  version: unknown
  /** A deduction's cells: select them. */
  onCells: (keys: string[]) => void
  /** A deduction's words in the original: highlight them. */
  onQuote: (quote: { start: number; end: number }) => void
  /** 及时性: the reviewer types the publication date ('' clears it); rejects with the refusal. */
  onSetPublished?: (value: string) => Promise<void>
}

const STATE_LABELS: Record<IndicatorResult['state'], string> = { pass: '满分', deducted: '扣分', unknown: '无法判断' }

function evidenceOf(d: Pick<Deduction, 'evidence'>): 'cells' | 'quote' | null {
  if (d.evidence.cells?.length) return 'cells'
  if (d.evidence.quote && d.evidence.quote.start >= 0) return 'quote'
  return null
}

export function Scorecard({ reportId, version, onCells, onQuote, onSetPublished }: Props): React.JSX.Element | null {
  const [assessment, setAssessment] = useState<Assessment | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [folded, setFolded] = useState(false)
  useEffect(() => {
    let current = true
    window.api.assessReport({ reportId }).then(
      (a) => current && (setAssessment(a), setError(null)),
      (e: Error) => current && setError(e.message)
    )
    return () => {
      current = false
    }
  }, [reportId, version])

  const show = (d: Pick<Deduction, 'evidence'>): void => {
    const kind = evidenceOf(d)
    if (kind === 'cells') onCells(d.evidence.cells!)
    else if (kind === 'quote') onQuote(d.evidence.quote!)
  }

  if (error) return <div className="banner banner--error">{error}</div>
  if (!assessment) return null
  return (
    <section className="scorecard" data-testid="scorecard" aria-label="评估">
      <header className="pane-title">
        <button type="button" className="findings__toggle" aria-expanded={!folded} onClick={() => setFolded((f) => !f)}>
          {folded ? '▸' : '▾'} 评估
        </button>
        <span className="scorecard__total" data-testid="scorecard-total">
          {assessment.total} / {assessment.max} 分
        </span>
        {assessment.unverified && (
          <span className="score-cell__unverified" title="报告尚未核验：得分依据的数字可能有误读">
            未核验
          </span>
        )}
      </header>
      {!folded && (
        <ul className="scorecard__list">
          {assessment.indicators.map((i) => (
            <li key={i.id} className={`scorecard__indicator scorecard__indicator--${i.state}`} data-testid="scorecard-indicator" data-indicator={i.id}>
              <div className="scorecard__head">
                <span className="scorecard__title">{i.title}</span>
                <span className="scorecard__points">
                  {i.points} / {i.max}
                </span>
                <span className={`badge badge--${i.state === 'pass' ? 'pass' : i.state === 'deducted' ? 'fail' : 'na'}`}>{STATE_LABELS[i.state]}</span>
              </div>
              {i.deductions.length === 0 ? (
                evidenceOf(i) ? (
                  <button type="button" className="scorecard__reason scorecard__link" onClick={() => show(i)} title="在原文中显示">
                    {i.reason}
                  </button>
                ) : (
                  <div className="scorecard__reason">{i.reason}</div>
                )
              ) : (
                <ul className="scorecard__deductions">
                  {i.deductions.map((d, n) => (
                    <li key={n}>
                      <button
                        type="button"
                        className="scorecard__deduction scorecard__link"
                        data-testid="scorecard-deduction"
                        disabled={!evidenceOf(d)}
                        title={evidenceOf(d) === 'cells' ? '选中涉及的单元格' : evidenceOf(d) === 'quote' ? '在原文中显示' : undefined}
                        onClick={() => show(d)}
                      >
                        <span className="scorecard__minus">−{d.points}</span> {d.reason}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {i.id === 'timeliness' && onSetPublished && (
                <PublishedDateControl typed={i.evidence.typed ?? i.deductions.find((d) => d.evidence.typed)?.evidence.typed} onSave={onSetPublished} />
              )}
            </li>
          ))}
        </ul>
      )}
      {!folded && (
        <p className="scorecard__rubric muted">
          评估标准：{assessment.rubric.name}（{assessment.rubric.version}）
        </p>
      )}
    </section>
  )
}

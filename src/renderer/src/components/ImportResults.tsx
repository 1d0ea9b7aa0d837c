import type { ImportOutcome } from '../../../shared/types'

const LABELS: Record<ImportOutcome['status'], string> = {
  imported: '已导入',
  duplicate: '已在资料库中，未重复导入',
  failed: '导入失败'
}

export function ImportResults({ outcomes, onClose }: { outcomes: ImportOutcome[]; onClose: () => void }): React.JSX.Element {
  const failed = outcomes.filter((o) => o.status === 'failed').length
  return (
    <section className={`import-results${failed ? ' import-results--error' : ''}`} data-testid="import-results" aria-live="polite">
      <header>
        <strong>
          导入完成：{outcomes.length} 个文件{failed ? `，其中 ${failed} 个失败` : ''}
        </strong>
        <button type="button" className="button button--link" onClick={onClose}>
          关闭
        </button>
      </header>
      <ul>
        {outcomes.map((o, i) => (
          <li key={i} className={`import-result import-result--${o.status}`} data-testid="import-result">
            <span className="import-result__name">{o.name}</span>
            <span className="import-result__status">{LABELS[o.status]}</span>
            {o.status === 'failed' && <span className="import-result__reason">{o.error}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}

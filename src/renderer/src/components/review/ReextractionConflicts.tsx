import type { ReportDetail } from '../../../../shared/types'
import { cellTitle } from '../../review/cell-title'

interface Props {
  conflicts: ReportDetail['conflicts']
  selectedKey: string | null
  onSelect: (key: string) => void
}

/**
 * Cells where a newer extraction read something other than the reviewer's correction: the
 * correction is kept, and each such cell is listed here for the reviewer to look at again.
 */
export function ReextractionConflicts({ conflicts, selectedKey, onSelect }: Props): React.JSX.Element | null {
  if (conflicts.length === 0) return null
  return (
    <div className="findings__group findings__group--reextract" data-testid="reextraction-conflicts">
      <div className="findings__heading">重新提取与人工修改不一致 {conflicts.length} 处（已保留人工修改）</div>
      <ul className="findings__list">
        {conflicts.map((c) => (
          <li key={c.key} className={`finding${selectedKey === c.key ? ' finding--selected' : ''}`}>
            <button type="button" className="finding__main" onClick={() => onSelect(c.key)}>
              <span className="finding__message">{cellTitle(c.key)}</span>
              <span className="finding__detail">
                人工修改“{c.edited || '（空白）'}” · 重新提取“{c.extracted || '（空白）'}”
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

import { formLabel } from '../../../../core/template/forms'
import { openReason, UNSTATED_META } from '../../../../shared/open-items'
import { STATUS_LABELS, type ReportDetail } from '../../../../shared/types'
import { formatTime } from '../../format'
import { MetaField } from './MetaField'
import { PaperMenu } from './PaperMenu'

interface Props {
  detail: ReportDetail
  saving: boolean
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  onBack: () => void
  onMeta: (field: 'agency' | 'year' | 'template', value: string) => Promise<boolean>
  onVerify: () => void
  onHelp: () => void
  onHistory: () => void
}

/** The options of 格式; a report without standard tables is laid out in the form of its year, and says so. */
function templateOptions(year: number | null): { value: string; label: string }[] {
  return [
    { value: '2021', label: '2021 版（国办公开办函〔2021〕30号）' },
    { value: '2019', label: '2019 版（试行）' },
    { value: '', label: formLabel({ template: null, year }) }
  ]
}

export function ReviewHeader({ detail, saving, canUndo, canRedo, onUndo, onRedo, onBack, onMeta, onVerify, onHelp, onHistory }: Props): React.JSX.Element {
  const { meta, summary } = detail
  // The same words the library refuses with: what is open, and what to do.
  const blocked = openReason(detail.open)
  const verified = summary.status === 'verified'
  const unknown = (field: 'agency' | 'year'): string => (detail.marks.meta.some((m) => m.target === `meta.${field}`) ? `（${UNSTATED_META}）` : '（未识别）')
  return (
    <header className="review-header" data-testid="review-header">
      <button type="button" className="button button--ghost" onClick={onBack}>
        ← 资料库
      </button>
      <div className="review-header__meta">
        <MetaField label="机关" value={meta.agency ?? ''} placeholder={unknown('agency')} width={260} onSave={(v) => onMeta('agency', v)} />
        <MetaField label="年度" value={meta.year ? String(meta.year) : ''} placeholder={unknown('year')} width={70} onSave={(v) => onMeta('year', v)} />
        <MetaField
          label="格式"
          value={meta.template ?? ''}
          placeholder={formLabel({ template: null, year: meta.year })}
          options={templateOptions(meta.year)}
          onSave={(v) => onMeta('template', v)}
        />
      </div>
      <span className="review-header__spacer" />
      {/* Icons only on a narrow screen (the words hidden by CSS), so the agency keeps its name. */}
      <button type="button" className="button button--ghost" disabled={!canUndo} onClick={onUndo} title="撤销（Ctrl+Z）" aria-label="↶ 撤销">
        ↶<span className="review-header__wide"> 撤销</span>
      </button>
      <button type="button" className="button button--ghost" disabled={!canRedo} onClick={onRedo} title="重做（Ctrl+Y）" aria-label="↷ 重做">
        ↷<span className="review-header__wide"> 重做</span>
      </button>
      <span className="review-header__saving" aria-live="polite">
        {saving ? '正在保存…' : '已保存'}
      </span>
      <span className={`status-badge status-badge--${summary.status}`} data-testid="report-status">
        {STATUS_LABELS[summary.status]}
      </span>
      {verified && detail.verifiedBy && (
        <span className="review-header__verified" data-testid="verified-by">
          {detail.verifiedBy} 于 {formatTime(detail.verifiedAt ?? '')} 核验
        </span>
      )}
      {!verified && (
        <button
          type="button"
          className="button button--primary"
          disabled={blocked !== null}
          title={blocked ?? '确认全部核对完毕'}
          data-testid="verify-button"
          onClick={onVerify}
        >
          标记为已核验
        </button>
      )}
      <PaperMenu reportIds={[summary.id]} verified={verified} />
      <button type="button" className="button button--ghost" onClick={onHistory} title="本报告的全部修改：单元格、机关/年度/格式与状态">
        修改记录
      </button>
      <button type="button" className="button button--ghost" onClick={onHelp} aria-label="快捷键帮助" title="快捷键（?）">
        ?
      </button>
    </header>
  )
}

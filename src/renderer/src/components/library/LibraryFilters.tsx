import { STATUS_LABELS, type ReportStatus } from '../../../../shared/types'
import type { ListFilters } from '../../library/browse'

export type Filters = ListFilters

interface Props {
  filters: Filters
  years: number[]
  onChange: (filters: Filters) => void
}

export function LibraryFilters({ filters, years, onChange }: Props): React.JSX.Element {
  return (
    <div className="filters">
      {filters.only && (
        <span className="filters__only" data-testid="list-only" title={`只显示统计图中选中的 ${filters.only.ids.length} 份报告`}>
          统计：{filters.only.label}（{filters.only.ids.length} 份）
          <button type="button" className="filters__only-clear" aria-label="取消统计筛选" onClick={() => onChange({ ...filters, only: null })}>
            ×
          </button>
        </span>
      )}
      <input
        type="search"
        className="input library__search"
        placeholder="搜索机关、年度、状态或文件名"
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.target.value })}
        aria-label="搜索报告"
        title="机关名称（简体或繁体）、年度（如 2021）、状态（如 待核验）或文件名；多个词以空格分隔，须同时符合"
      />
      <select
        className="input"
        aria-label="按年度筛选"
        value={filters.year ?? ''}
        onChange={(e) => onChange({ ...filters, year: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">全部年度</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y} 年度
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="按状态筛选"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ ...filters, status: (e.target.value || null) as ReportStatus | null })}
      >
        <option value="">全部状态</option>
        {(Object.keys(STATUS_LABELS) as ReportStatus[]).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  )
}

import { useMemo } from 'react'
import type { ReportDetail } from '../../../../shared/types'
import { reportLayouts } from '../../review/attention'
import { gridRows } from '../../review/cell-state'
import { Legend } from './Legend'
import { TableGrid, type CellEdit } from './TableGrid'

interface Props {
  detail: ReportDetail
  selectedKey: string | null
  focusKeys: ReadonlySet<string>
  onSelect: (key: string) => void
  onEdit: (edits: CellEdit[], note?: string) => void
}

/** Tables 二, 三 and 四 laid out like the official form, one grid each. */
export function TablesPane({ detail, selectedKey, focusKeys, onSelect, onEdit }: Props): React.JSX.Element {
  const layouts = useMemo(() => reportLayouts(detail), [detail])
  const rows = useMemo(() => layouts.map((l) => gridRows(l, detail, focusKeys)), [layouts, detail, focusKeys])
  return (
    <section className="tables-pane" aria-label="表格">
      <header className="pane-title">
        <span>提取的表格</span>
      </header>
      <Legend />
      <div className="tables-pane__scroll">
        {layouts.map((layout, i) => (
          <section key={layout.table} className="form-table" data-testid={`table-${layout.table}`}>
            <h3 className="form-table__title">
              {layout.title}
              <span className="form-table__template">{layout.template} 版</span>
            </h3>
            {detail.tables[layout.table] === 'missing' && (
              <div className="form-table__missing" data-testid={`missing-${layout.table}`}>
                原文中未找到此表（可能是图片或缺失）。可对照原文在下方空表中手工录入。
              </div>
            )}
            <TableGrid
              layout={layout}
              rows={rows[i]}
              selectedKey={selectedKey}
              readOnly={false}
              onSelect={onSelect}
              onEdit={onEdit}
            />
          </section>
        ))}
      </div>
    </section>
  )
}

import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReportDetail } from '../../../../shared/types'
import type { TableName, TemplateId } from '../../../../core/template/cells'
import { TABLE_SHORT_NAMES } from '../../../../core/template/tables'
import { readingOrder, reportLayouts } from '../../review/attention'
import { gridRows, legendCounts } from '../../review/cell-state'
import type { Refusal } from '../../review/useReview'
import { Legend } from './Legend'
import { TableGrid, type CellEdit } from './TableGrid'

interface Props {
  detail: ReportDetail
  selectedKey: string | null
  focusKeys: ReadonlySet<string>
  /** Values just refused, shown at their cells. */
  refused: Refusal[]
  onSelect: (key: string) => void
  onEdit: (edits: CellEdit[], note?: string) => void
  /** 表格格式: set the form of table 二 (the report's template) or table 三 (its （六） rows). */
  onForm: (table: 'active' | 'requests', form: '2021' | '2019') => void
  /** The panes beside the tables, folded away to give them room on a small screen. */
  panes: { source: boolean; side: boolean; openFindings: number; onSource: () => void; onSide: () => void }
}

/** Below this width the grids use compact columns, so table 三 shows all seven applicant columns. */
const COMPACT_BELOW = 760

/** Tables 二, 三 and 四 laid out like the official form, one grid each. */
export function TablesPane({ detail, selectedKey, focusKeys, refused, onSelect, onEdit, onForm, panes }: Props): React.JSX.Element {
  const layouts = useMemo(() => reportLayouts(detail), [detail])
  const refusedKeys = useMemo(() => new Set(refused.map((r) => r.key)), [refused])
  const rows = useMemo(() => layouts.map((l) => gridRows(l, detail, focusKeys, refusedKeys)), [layouts, detail, focusKeys, refusedKeys])
  const counts = useMemo(() => legendCounts(detail, readingOrder(layouts)), [detail, layouts])
  const scroller = useRef<HTMLDivElement>(null)
  const [compact, setCompact] = useState(false)
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = (): void => setCompact(el.clientWidth < COMPACT_BELOW)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A finding just selected: bring all its cells into view (as many as fit, from the first).
  useEffect(() => {
    if (focusKeys.size === 0) return
    let frame = requestAnimationFrame(() => {
      // After the grid has scrolled its focused cell into view (next frame).
      frame = requestAnimationFrame(() => revealAll(scroller.current))
    })
    return () => cancelAnimationFrame(frame)
  }, [focusKeys])

  return (
    <section className="tables-pane" aria-label="表格">
      <header className="pane-title">
        <button
          type="button"
          className="pane-toggle"
          aria-pressed={!panes.source}
          onClick={panes.onSource}
          title={panes.source ? '收起原文，给表格更多空间' : '显示原文'}
        >
          {panes.source ? '‹ 收起原文' : '› 显示原文'}
        </button>
        <span>提取的表格</span>
        <button
          type="button"
          className="pane-toggle pane-toggle--right"
          aria-pressed={!panes.side}
          onClick={panes.onSide}
          title={panes.side ? '收起右侧核验栏' : '显示右侧核验栏'}
        >
          {panes.side ? '收起核验栏 ›' : `‹ 核验栏${panes.openFindings ? `（${panes.openFindings} 项未解决）` : ''}`}
        </button>
      </header>
      <Legend counts={counts} />
      <div className="tables-pane__scroll" ref={scroller}>
        {layouts.map((layout, i) => (
          <section key={layout.table} className="form-table" data-testid={`table-${layout.table}`}>
            <h3 className="form-table__title">
              {layout.title}
              <FormSwitch table={layout.table} form={layout.template} chosen={layout.table === 'requests' && !!detail.meta.forms?.requests} onForm={onForm} />
            </h3>
            {detail.tables[layout.table] === 'missing' && (
              <div className="form-table__missing" data-testid={`missing-${layout.table}`}>
                原文中未找到此表（可能是图片或缺失）。可对照原文在下方空表中手工录入。
              </div>
            )}
            <TableGrid
              layout={layout}
              compact={compact}
              rows={rows[i]}
              selectedKey={selectedKey}
              readOnly={false}
              refusal={refused.find((r) => layout.rows.some((row) => row.keys.includes(r.key))) ?? null}
              onSelect={onSelect}
              onEdit={onEdit}
            />
          </section>
        ))}
      </div>
    </section>
  )
}

/**
 * The form of a table, switchable where the two forms differ (二, 三): a mixed report is laid out as
 * its original prints it. Table 四 is the same in both forms.
 */
function FormSwitch({ table, form, chosen, onForm }: { table: TableName; form: TemplateId; chosen: boolean; onForm: Props['onForm'] }): React.JSX.Element {
  if (table !== 'active' && table !== 'requests') return <span className="form-table__template">{form} 版（两版相同）</span>
  const name = TABLE_SHORT_NAMES[table]
  return (
    <select
      className="form-table__template form-table__form"
      aria-label={`${name}格式`}
      data-testid={`form-${table}`}
      value={form}
      title={
        table === 'active'
          ? '表二的格式即报告的格式：两版的行、列不同，切换后按所选格式显示，另一版读到的值保留'
          : `表三（六）其他处理：2019 版一行，2021 版三行。按原件所印切换${chosen ? '（已由核验人设定）' : ''}，记入修改记录`
      }
      onChange={(e) => onForm(table, e.target.value as TemplateId)}
    >
      <option value="2021">2021 版{table === 'requests' ? '（六）分三行' : ''}</option>
      <option value="2019">2019 版{table === 'requests' ? '（六）一行' : ''}</option>
    </select>
  )
}

/** Scrolls the tables so that the outlined cells of the selected finding show together (their first at the top when they cannot). */
function revealAll(scroller: HTMLElement | null): void {
  const cells = scroller ? Array.from(scroller.querySelectorAll<HTMLElement>('.rd-v--finding')) : []
  if (!scroller || cells.length === 0) return
  const view = scroller.getBoundingClientRect()
  const top = Math.min(...cells.map((c) => c.getBoundingClientRect().top))
  const bottom = Math.max(...cells.map((c) => c.getBoundingClientRect().bottom))
  if (top >= view.top && bottom <= view.bottom) return
  const fits = bottom - top <= view.height
  const shift = top < view.top || !fits ? top - view.top - 8 : bottom - view.bottom + 8
  scroller.scrollTop += shift
}

import { useMemo, useRef } from 'react'
import { formLabel } from '../../../../core/template/forms'
import { AgGridReact } from 'ag-grid-react'
import { SELECTION_COLUMN_ID, themeQuartz, type ColDef, type GridApi } from 'ag-grid-community'
import { STATUS_LABELS, type ReportSummary } from '../../../../shared/types'
import { AG_GRID_ZH } from '../../grid-locale'
import { formatTime } from '../../format'
import type { SortState } from '../../library/browse'
import { duplicateBadge } from '../../library/duplicate-badge'
import type { AssessSummary } from '../../../../shared/assess'
import { scoreColumn } from '../assess/score-column'

export const gridTheme = themeQuartz.withParams({
  // System fonts only: the app never loads a remote font.
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 34,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#f1f4f8',
  wrapperBorderRadius: 4
})

const FORMAT_LABELS: Record<string, string> = {
  docx: 'Word',
  doc: 'Word 97',
  odt: 'OpenDocument',
  html: '网页',
  mht: '网页存档',
  txt: '文本',
  pdf: 'PDF',
  image: '图片'
}

interface Props {
  reports: ReportSummary[]
  /** The sort to show (kept while a report is open) and the row to select (the report last open). */
  sort: SortState[]
  selectedId: number | null
  onSort: (sort: SortState[]) => void
  /** The 疑似重复 badge of a row: compare it with its near-duplicates. */
  onCompare: (id: number, others: number[]) => void
  /** Opens a report, with the ids of the rows in the order shown. */
  onOpen: (id: number, order: number[]) => void
  /** Each report's 评估 (the column shows them; absent: no column). */
  scores?: ReadonlyMap<number, AssessSummary>
  /** The rows picked together (two or more, by their boxes, Ctrl/Shift+click or Space), in the order shown; [] when none. */
  onPick: (ids: number[]) => void
}

/** The rows selected together, in the order shown: a selection of one is only the keyboard's row. */
function pickedRows(api: GridApi<ReportSummary>): number[] {
  const ids: number[] = []
  api.forEachNodeAfterFilterAndSort((n) => n.isSelected() && n.data && ids.push(n.data.id))
  return ids.length > 1 ? ids : []
}

/** The row ids in the order the grid shows them (its filter and sort). */
function shownOrder(api: GridApi<ReportSummary>): number[] {
  const ids: number[] = []
  api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id))
  return ids
}

/** Puts the keyboard on a row (the selected report, else the first), so Enter opens it. */
function focusRow(api: GridApi<ReportSummary>, id: number | null): boolean {
  const node = (id !== null ? api.getRowNode(String(id)) : undefined) ?? api.getDisplayedRowAtIndex(0)
  if (!node || node.rowIndex === null) return false
  api.ensureIndexVisible(node.rowIndex)
  api.setFocusedCell(node.rowIndex, 'agency')
  node.setSelected(true, true)
  return true
}

/**
 * The library list: sortable by any column; double-click or Enter opens a report. The keyboard lands
 * on a row (not a column header) when the list appears and when Tab enters it, so Enter always opens.
 */
export function ReportGrid({ reports, sort, selectedId, onSort, onOpen, onCompare, onPick, scores }: Props): React.JSX.Element {
  const api = useRef<GridApi<ReportSummary> | null>(null)
  const onCompareRef = useRef(onCompare)
  onCompareRef.current = onCompare
  const open = (id: number): void => onOpen(id, api.current ? shownOrder(api.current) : [id])
  const columns = useMemo<ColDef<ReportSummary>[]>(
    () => [
      {
        headerName: '机关',
        colId: 'agency',
        valueGetter: (p) => p.data?.agency ?? '（未识别）',
        flex: 2,
        minWidth: 200,
        // The badge follows the row's near-duplicates, which change while the agency does not.
        equals: () => false,
        cellRenderer: (p: { value: string; data?: ReportSummary }) => {
          const badge = p.data ? duplicateBadge(p.data) : null
          // The name shrinks to an ellipsis and the badge keeps its width: at 1024 px a long name
          // used to push the badge out of the cell, where the cell's own ellipsis hid it.
          return (
            <span className="agency-cell">
              <span className="agency-cell__name" title={p.value}>
                {p.value}
              </span>
              {badge && p.data && (
                <button
                  type="button"
                  className={badge.kind === 'same' ? 'near-dup-badge near-dup-badge--same' : 'near-dup-badge'}
                  data-testid={badge.kind === 'same' ? 'same-report-badge' : 'near-duplicate-badge'}
                  title={badge.title}
                  onClick={(e) => {
                    e.stopPropagation()
                    onCompareRef.current(p.data!.id, badge.ids)
                  }}
                  onDoubleClick={(e) => e.stopPropagation()}
                >
                  {badge.kind === 'same' ? '同一报告' : '疑似重复'}
                </button>
              )}
            </span>
          )
        }
      },
      { headerName: '年度', field: 'year', width: 80 },
      {
        headerName: '格式',
        field: 'template',
        width: 96,
        // One wording with the review header, the grids and the paper (a no-table report names the form of its year).
        valueGetter: (p) => (p.data ? formLabel(p.data) : ''),
        cellRenderer: (p: { value: string }) => <span title={p.value}>{p.value}</span>
      },
      { headerName: '文件类型', field: 'format', width: 96, valueFormatter: (p) => FORMAT_LABELS[p.value] ?? p.value },
      {
        headerName: '状态',
        field: 'status',
        width: 96,
        cellRenderer: (p: { value: ReportSummary['status'] }) => <span className={`status-badge status-badge--${p.value}`}>{STATUS_LABELS[p.value]}</span>,
        cellClass: 'status-cell'
      },
      {
        headerName: '未解决问题',
        field: 'openFindings',
        width: 110,
        type: 'numericColumn',
        cellClass: (p) => (p.value > 0 ? 'ag-right-aligned-cell open-findings--bad' : 'ag-right-aligned-cell muted')
      },
      ...(scores ? [scoreColumn(scores)] : []),
      { headerName: '最后修改', field: 'updatedAt', width: 150, valueFormatter: (p) => formatTime(p.value) },
      { headerName: '文件名', field: 'fileName', flex: 1.5, minWidth: 180, cellClass: 'muted' }
    ],
    [scores]
  )
  return (
    <div className="report-grid" data-testid="report-grid">
      <AgGridReact<ReportSummary>
        theme={gridTheme}
        rowData={reports}
        columnDefs={columns}
        defaultColDef={{ sortable: true, resizable: true }}
        getRowId={(p) => String(p.data.id)}
        localeText={AG_GRID_ZH}
        domLayout="normal"
        initialState={{ sort: { sortModel: sort } }}
        // The keyboard's row is the selected one; rows picked together (boxes, Ctrl/Shift+click, Space)
        // are what the batch 底稿 exports, and moving the keyboard does not drop them.
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true, selectAll: 'filtered' }}
        selectionColumnDef={{ width: 36, minWidth: 36, maxWidth: 36, resizable: false, sortable: false, suppressHeaderMenuButton: true }}
        onSelectionChanged={(e) => onPick(pickedRows(e.api))}
        onRowDataUpdated={(e) => onPick(pickedRows(e.api))}
        onGridReady={(e) => (api.current = e.api)}
        onFirstDataRendered={(e) => focusRow(e.api, selectedId)}
        focusGridInnerElement={(p) => focusRow(p.api, p.api.getSelectedNodes()[0]?.data?.id ?? selectedId)}
        onSortChanged={(e) =>
          onSort(
            e.api
              .getColumnState()
              .filter((c) => c.sort)
              .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
              .map((c) => ({ colId: c.colId, sort: c.sort as SortState['sort'] }))
          )
        }
        onCellFocused={(e) => {
          // a click on a row's selection box focuses its cell before the box toggles: selecting the
          // row alone there dropped the row picked before it, and the box then unticked its own row
          const onSelectionBox = typeof e.column === 'object' && e.column?.getColId() === SELECTION_COLUMN_ID
          if (!onSelectionBox && e.rowIndex != null && e.api.getSelectedNodes().length <= 1) e.api.getDisplayedRowAtIndex(e.rowIndex)?.setSelected(true, true)
        }}
        onRowDoubleClicked={(e) => e.data && open(e.data.id)}
        onCellKeyDown={(e) => {
          const key = (e.event as KeyboardEvent | null)?.key
          if (key === 'Enter' && e.data) open(e.data.id)
        }}
      />
    </div>
  )
}

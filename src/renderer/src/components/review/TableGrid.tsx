import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { CellEditRequestEvent, CellFocusedEvent, GridApi, NavigateToNextCellParams } from 'ag-grid-community'
import { reviewGridTheme } from './grid-theme'
import { AG_GRID_ZH } from '../../grid-locale'
import type { TableLayout } from '../../review/layout'
import { editableGrid } from '../../review/layout'
import type { GridRowData } from '../../review/cell-state'
import { columnDefs } from '../../review/columns'
import { parseTabular, placeBlock } from '../../review/paste'
import type { Refusal } from '../../review/useReview'

export interface CellEdit {
  key: string
  value: string
}

interface Props {
  layout: TableLayout
  /** Narrow pane: compact column widths. */
  compact: boolean
  rows: GridRowData[]
  selectedKey: string | null
  readOnly: boolean
  /** A value of this table the library just refused: said beside its cell. */
  refusal: Refusal | null
  onSelect: (key: string) => void
  onEdit: (edits: CellEdit[], note?: string) => void
}

function keyAt(rows: GridRowData[], rowIndex: number | null | undefined, colId: string | undefined): string | null {
  if (rowIndex == null || !colId) return null
  const row = rows[rowIndex]
  const index = Number(colId.slice(1))
  return colId.startsWith('c') && row ? (row.keys[index] ?? null) : null
}

/** One official table in AG Grid: keyboard correction, paste of a tab-separated block, focus in sync with the app. */
export function TableGrid({ layout, compact, rows, selectedKey, readOnly, refusal, onSelect, onEdit }: Props): React.JSX.Element {
  const api = useRef<GridApi<GridRowData> | null>(null)
  const rowsRef = useRef(rows)
  rowsRef.current = rows
  const wrapper = useRef<HTMLDivElement>(null)
  const columns = useMemo(() => columnDefs(layout, compact), [layout, compact])

  /** Keys this grid itself reported as focused: the app's selection echoing them back is not a move. */
  const ownFocus = useRef(new Set<string>())

  const selectedRef = useRef(selectedKey)
  selectedRef.current = selectedKey

  /** Follows the app's selection (from the source pane, a finding, F8 or opening the report); lets go when it is in another table. */
  const follow = useCallback(() => {
    const grid = api.current
    const key = selectedRef.current
    if (!grid) return
    // A selection the grid reported may arrive after the reviewer has already moved on (keys pressed
    // in quick succession): moving back to it would put the grid's focus and the keyboard's apart.
    // Echoes come back in the order the grid reported them, possibly several keys behind: an echo
    // settles the keys reported up to it, not the later ones (whose echoes are still to come).
    if (key !== null && ownFocus.current.has(key)) {
      for (const reported of [...ownFocus.current]) {
        ownFocus.current.delete(reported)
        if (reported === key) break
      }
      return
    }
    ownFocus.current.clear()
    const at = findKey(rowsRef.current, key)
    if (!at) {
      if (grid.getFocusedCell()) grid.clearFocusedCell()
      return
    }
    const focused = grid.getFocusedCell()
    if (focused?.rowIndex === at.rowIndex && focused.column.getColId() === at.colId) return
    grid.setFocusedCell(at.rowIndex, at.colId)
    requestAnimationFrame(() => {
      const cell = wrapper.current?.querySelector<HTMLElement>('.ag-cell-focus')
      cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      // The grid may mark the cell before it can take the keyboard (still drawing it): give it the keyboard
      // then, unless the reviewer is typing somewhere else meanwhile.
      // Never while a value is being typed (the editor holds the keyboard then).
      const active = document.activeElement
      const idle = active === document.body || (!!active?.classList.contains('ag-cell') && !!wrapper.current?.contains(active))
      if (cell && active !== cell && idle && grid.getEditingCells().length === 0) cell.focus()
    })
  }, [])

  useEffect(follow, [selectedKey, rows, follow])

  // The refusal note sits just under the refused cell.
  const [notePlace, setNotePlace] = useState<{ left: number; top: number } | null>(null)
  useLayoutEffect(() => {
    setNotePlace(null)
    if (!refusal) return
    // The grid restyles its cells a frame or two after new rows arrive: wait for the refused one.
    let tries = 0
    let frame = 0
    const place = (): void => {
      const box = wrapper.current?.getBoundingClientRect()
      const cell = wrapper.current?.querySelector<HTMLElement>('.rd-v--refused')
      if (box && cell) {
        const at = cell.getBoundingClientRect()
        setNotePlace({ left: Math.max(0, Math.min(at.left - box.left, box.width - 320)), top: at.bottom - box.top + 2 })
      } else if (tries++ < 30) frame = requestAnimationFrame(place)
    }
    place()
    return () => cancelAnimationFrame(frame)
  }, [refusal, rows])

  const onCellFocused = (e: CellFocusedEvent<GridRowData>): void => {
    const colId = typeof e.column === 'string' ? e.column : e.column?.getColId()
    const key = keyAt(rowsRef.current, e.rowIndex, colId)
    if (!key) return
    ownFocus.current.delete(key) // re-added last: the order is the order reported
    ownFocus.current.add(key)
    onSelect(key)
  }

  const onCellEditRequest = (e: CellEditRequestEvent<GridRowData>): void => {
    const key = keyAt(rowsRef.current, e.rowIndex, e.column.getColId())
    if (!key || readOnly) return
    const value = e.newValue == null ? '' : String(e.newValue).trim()
    if (value !== String(e.oldValue ?? '')) onEdit([{ key, value }])
  }

  const onPaste = (e: React.ClipboardEvent): void => {
    const grid = api.current
    if (!grid || readOnly || grid.getEditingCells().length > 0) return
    const focused = grid.getFocusedCell()
    const text = e.clipboardData.getData('text/plain')
    if (!focused || !text) return
    e.preventDefault()
    const leafRows = rowsRef.current.filter((r) => r.kind === 'leaf')
    const row = leafRows.indexOf(rowsRef.current[focused.rowIndex])
    const col = Number(focused.column.getColId().slice(1))
    if (row < 0 || Number.isNaN(col)) return
    const { placed, dropped } = placeBlock(editableGrid(layout), { row, col }, parseTabular(text))
    onEdit(placed, dropped ? `粘贴区域超出表格，${dropped} 个值未写入` : undefined)
  }

  return (
    <div className={`table-grid table-grid--${layout.table}`} ref={wrapper} onPaste={onPaste} data-testid={`grid-${layout.table}`}>
      <AgGridReact<GridRowData>
        theme={reviewGridTheme}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => p.data.id}
        localeText={AG_GRID_ZH}
        domLayout="autoHeight"
        headerHeight={layout.headerless ? 0 : undefined}
        groupHeaderHeight={layout.headerless ? 0 : undefined}
        defaultColDef={{
          sortable: false,
          resizable: true,
          suppressMovable: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
          suppressHeaderMenuButton: true
        }}
        readOnlyEdit
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressColumnVirtualisation
        rowClassRules={{ 'rd-row--section': (p) => p.data?.kind === 'section', 'rd-row--group': (p) => p.data?.kind === 'group' }}
        onGridReady={(e) => (api.current = e.api)}
        onFirstDataRendered={follow}
        onCellFocused={onCellFocused}
        onCellEditRequest={onCellEditRequest}
        navigateToNextCell={(p) => skipNonLeafRows(p, rowsRef.current)}
      />
      {refusal && notePlace && (
        <div className="cell-refusal" role="alert" data-testid="cell-refusal" data-key={refusal.key} style={notePlace}>
          未保存“{refusal.text}”：{refusal.message}
        </div>
      )}
    </div>
  )
}

function findKey(rows: GridRowData[], key: string | null): { rowIndex: number; colId: string } | null {
  if (!key) return null
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].keys.indexOf(key)
    if (c >= 0 && rows[r].kind === 'leaf') return { rowIndex: r, colId: `c${c}` }
  }
  return null
}

/** Up and down skip the caption and group rows, which hold no cell. */
function skipNonLeafRows(p: NavigateToNextCellParams<GridRowData>, rows: GridRowData[]) {
  const next = p.nextCellPosition
  if (!next || (p.key !== 'ArrowUp' && p.key !== 'ArrowDown') || next.rowPinned) return next
  const step = p.key === 'ArrowDown' ? 1 : -1
  let i = next.rowIndex
  while (rows[i] && rows[i].kind !== 'leaf') i += step
  return rows[i] ? { ...next, rowIndex: i } : p.previousCellPosition
}

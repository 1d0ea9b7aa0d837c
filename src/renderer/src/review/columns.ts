// AG Grid column definitions for a form layout: nested header groups from each column's header path,
// and cell classes from the cell's look (blank / 0 / "/", review, failing, corrected).

import type { CellClassParams, ColDef, ColGroupDef } from 'ag-grid-community'
import type { LayoutColumn, TableLayout } from './layout'
import type { CellLook, GridRowData } from './cell-state'

type Def = ColDef<GridRowData> | ColGroupDef<GridRowData>

function lookOf(p: CellClassParams<GridRowData>, id: string): CellLook | undefined {
  return p.data?.looks[id]
}

function valueColumn(col: LayoutColumn, index: number, minWidth: number): ColDef<GridRowData> {
  const id = col.id
  const is = (test: (l: CellLook) => boolean) => (p: CellClassParams<GridRowData>) => {
    const look = lookOf(p, id)
    return !!look && test(look)
  }
  return {
    colId: id,
    headerName: col.headers[col.headers.length - 1],
    valueGetter: (p) => p.data?.values[id] ?? '',
    editable: (p) => p.data?.kind === 'leaf' && !!p.data.keys[index],
    flex: 1,
    minWidth,
    tooltipValueGetter: (p) => p.data?.looks[id]?.note,
    cellClass: 'rd-v',
    cellClassRules: {
      'rd-v--blank': is((l) => l.kind === 'blank'),
      'rd-v--zero': is((l) => l.kind === 'zero'),
      'rd-v--dash': is((l) => l.kind === 'dash'),
      'rd-v--review': is((l) => l.review),
      'rd-v--failing': is((l) => l.failing),
      'rd-v--corrected': is((l) => l.corrected),
      'rd-v--ocr': is((l) => l.ocr),
      'rd-v--finding': is((l) => l.inFinding),
      'rd-v--refused': is((l) => l.refused),
      'rd-v--none': (p) => p.data?.kind === 'leaf' && !p.data.keys[index],
      'rd-v--caption': (p) => p.data?.kind === 'section',
      'rd-v--group': (p) => p.data?.kind === 'group'
    }
  }
}

/** Groups consecutive columns sharing a header at each depth, as the printed form does. */
function nest(columns: { col: LayoutColumn; index: number }[], depth: number, minWidth: number): Def[] {
  const out: Def[] = []
  let i = 0
  while (i < columns.length) {
    const { col, index } = columns[i]
    if (col.headers.length <= depth + 1) {
      out.push(valueColumn(col, index, minWidth))
      i++
      continue
    }
    const header = col.headers[depth]
    let j = i
    while (j < columns.length && columns[j].col.headers.length > depth + 1 && columns[j].col.headers[depth] === header) j++
    out.push({
      headerName: header,
      headerClass: 'rd-group-header',
      marryChildren: true,
      children: nest(columns.slice(i, j), depth + 1, minWidth)
    })
    i = j
  }
  return out
}

function labelColumn(layout: TableLayout, compact: boolean): ColDef<GridRowData> {
  return {
    colId: 'label',
    headerName: layout.labelHeader,
    field: 'label',
    pinned: 'left',
    width: layout.table === 'active' ? (compact ? 120 : 150) : compact ? 150 : 196,
    wrapText: true,
    autoHeight: true,
    suppressNavigable: true,
    cellClass: (p) => `rd-label rd-label--${p.data?.kind} rd-label--l${p.data?.level ?? 0}`
  }
}

/** Compact: narrower label and value columns for a small window (table 三's seven applicant columns still all show). */
export function columnDefs(layout: TableLayout, compact = false): Def[] {
  const minWidth = layout.table === 'appeals' ? (compact ? 34 : 40) : compact ? 46 : 54
  const values = nest(
    layout.columns.map((col, index) => ({ col, index })),
    0,
    minWidth
  )
  return layout.table === 'appeals' ? values : [labelColumn(layout, compact), ...values]
}

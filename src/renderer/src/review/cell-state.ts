// What a cell looks like at a glance, derived from the report: plain data the grid styles by.

import type { ReportDetail, ReviewCell } from '../../../shared/types'
import type { LayoutRow, TableLayout } from './layout'

export interface CellLook {
  /** '' blank, '0' zero, 'dash' for "/", "-", "—" and other non-numbers, 'number' otherwise. */
  kind: 'blank' | 'zero' | 'dash' | 'number'
  review: boolean
  failing: boolean
  corrected: boolean
  /** Read by OCR from a page image (and not since typed by a reviewer). */
  ocr: boolean
  /** Part of the finding the reviewer selected. */
  inFinding: boolean
  /** The value last typed here was refused (shown at the cell until the next action). */
  refused: boolean
  /** Why the engine flagged it, for the tooltip. */
  note?: string
}

export interface GridRowData extends LayoutRow {
  /** Display text per value column id. */
  values: Record<string, string>
  looks: Record<string, CellLook>
}

export function valueKind(cell: ReviewCell | undefined): CellLook['kind'] {
  const raw = cell?.raw.trim() ?? ''
  if (raw === '') return 'blank'
  if (cell?.value === null) return 'dash'
  if (cell?.value === 0) return 'zero'
  return 'number'
}

/** A cell the engine flagged (需核对) that no reviewer confirmed (确认) for the text it holds. */
export function needsConfirmation(cell: ReviewCell | undefined): boolean {
  return !!cell?.review && !cell.confirmed
}

/** The tooltip of a flagged cell: why, and who confirmed it. */
function flagNote(cell: ReviewCell): string {
  const why = cell.reviewReason ?? '提取时有推断'
  return cell.confirmed ? `需核对（${cell.confirmed.by} 已确认与原文一致）：${why}` : `需核对：${why}`
}

/** Keys of cells in a failing finding nobody accepted yet. */
export function failingKeys(detail: ReportDetail): Set<string> {
  const keys = new Set<string>()
  for (const f of detail.findings) if (f.status === 'fail' && !f.accepted) for (const k of f.cells) keys.add(k)
  return keys
}

export function gridRows(
  layout: TableLayout,
  detail: ReportDetail,
  focusKeys: ReadonlySet<string>,
  refusedKeys: ReadonlySet<string> = new Set()
): GridRowData[] {
  const failing = failingKeys(detail)
  return layout.rows.map((row) => {
    const values: Record<string, string> = {}
    const looks: Record<string, CellLook> = {}
    row.keys.forEach((key, i) => {
      const id = layout.columns[i]?.id ?? `c${i}`
      if (!key) return
      const cell = detail.cells[key]
      values[id] = cell?.raw ?? ''
      looks[id] = {
        kind: valueKind(cell),
        review: needsConfirmation(cell),
        failing: failing.has(key),
        corrected: !!cell?.corrected,
        ocr: !!cell?.ocr && !cell.corrected,
        inFinding: focusKeys.has(key),
        refused: refusedKeys.has(key),
        ...(cell?.review ? { note: flagNote(cell) } : {})
      }
    })
    if (row.kind === 'section') row.captions?.forEach((c, i) => (values[`c${i}`] = c))
    return { ...row, values, looks }
  })
}

export type LegendCounts = Record<'review' | 'failing' | 'corrected' | 'ocr' | 'zero' | 'dash' | 'blank', number>

/** How many cells of the report show each look, for the legend. */
export function legendCounts(detail: ReportDetail, keys: string[]): LegendCounts {
  const failing = failingKeys(detail)
  const counts: LegendCounts = { review: 0, failing: 0, corrected: 0, ocr: 0, zero: 0, dash: 0, blank: 0 }
  for (const key of keys) {
    const cell = detail.cells[key]
    const kind = valueKind(cell)
    if (kind !== 'number') counts[kind]++
    if (needsConfirmation(cell)) counts.review++
    if (failing.has(key)) counts.failing++
    if (cell?.corrected) counts.corrected++
    else if (cell?.ocr) counts.ocr++
  }
  return counts
}

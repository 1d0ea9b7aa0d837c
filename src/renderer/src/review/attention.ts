// The cells a reviewer must look at, in reading order (table 二, 三, 四; row by row): what the engine
// flagged as uncertain and nobody confirmed (确认) yet, cells of a failing or doubtful (存疑) check nobody accepted, and corrections a
// newer extraction disagrees with. Opening a report lands on the first of them; F8 / Shift+F8 walk through them.

import type { ReportDetail } from '../../../shared/types'
import type { TableName } from '../../../core/template/cells'
import type { TableLayout } from './layout'
import { tableForm } from '../../../core/template/forms'
import { editableGrid, tableLayout } from './layout'
import { failingKeys, needsConfirmation } from './cell-state'

const TABLES: TableName[] = ['active', 'requests', 'appeals']

/** Tables 二, 三 and 四 in the form each takes for this report (core/template/forms.ts tableForm). */
export function reportLayouts(detail: Pick<ReportDetail, 'cells' | 'meta'>): TableLayout[] {
  const keys = Object.keys(detail.cells)
  return TABLES.map((t) => tableLayout(t, tableForm(t, detail.meta, keys)))
}

/** Every cell of the layouts in reading order. */
export function readingOrder(layouts: TableLayout[]): string[] {
  return layouts.flatMap((l) => editableGrid(l).flat()).filter((k): k is string => !!k)
}

export function attentionKeys(detail: ReportDetail, layouts: TableLayout[]): string[] {
  const failing = failingKeys(detail)
  const doubtful = new Set(detail.findings.filter((f) => f.status === 'uncertain' && !f.accepted).flatMap((f) => f.cells))
  const disputed = new Set(detail.conflicts.map((c) => c.key))
  return readingOrder(layouts).filter((k) => needsConfirmation(detail.cells[k]) || failing.has(k) || doubtful.has(k) || disputed.has(k))
}

/** Where a report opens: the first cell needing review, else the first cell of table 三. */
export function landingKey(detail: ReportDetail, layouts: TableLayout[]): string | null {
  const first = attentionKeys(detail, layouts)[0]
  if (first) return first
  const requests = layouts.find((l) => l.table === 'requests')
  return requests ? (readingOrder([requests])[0] ?? null) : null
}

/** The next (or previous) cell needing review from the selected one, wrapping round; null when none. */
export function nextAttention(keys: string[], order: string[], selected: string | null, backwards: boolean): string | null {
  if (keys.length === 0) return null
  const position = selected ? order.indexOf(selected) : -1
  const rank = (k: string): number => order.indexOf(k)
  if (backwards) {
    const before = keys.filter((k) => position < 0 || rank(k) < position)
    return before.length ? before[before.length - 1] : keys[keys.length - 1]
  }
  return keys.find((k) => rank(k) > position) ?? keys[0]
}

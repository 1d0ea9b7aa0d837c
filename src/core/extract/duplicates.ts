// A table printed more than once (a web page repeating table 三, a report pasted twice). The first
// complete copy is read; the other copies are compared with it cell by cell, because keeping one
// of two different numbers without a word would be a silent guess.

import type { ExtractedCell } from '../report'
import type { Message } from '../messages'
import { warning } from '../messages'
import { TABLE_TITLES, type TableName } from '../template'
import type { RowHit } from './recognise'
import { locationOf } from './tokens'

/** The recogniser's copies of one table, in the order they appear. */
export function copiesOf(hits: RowHit[]): RowHit[][] {
  const copies = new Map<number, RowHit[]>()
  for (const h of hits) {
    if (!copies.has(h.instance)) copies.set(h.instance, [])
    copies.get(h.instance)!.push(h)
  }
  return [...copies.values()]
}

/** Blank, "/", "-" and 0 are different entries: two null values agree only when their text does. */
function sameEntry(a: ExtractedCell, b: ExtractedCell): boolean {
  return a.value === b.value && (a.value !== null || a.raw === b.raw)
}

const shown = (c: ExtractedCell): string => c.raw || '（空）'

/** Marks every read cell whose other copies say something else; returns how many were marked. */
export function markDifferences(kept: Record<string, ExtractedCell>, others: Record<string, ExtractedCell>[]): number {
  let differing = 0
  for (const [key, cell] of Object.entries(kept)) {
    // a cell the kept copy lacks is already marked as not found; there is nothing to compare
    if (!cell.source) continue
    const texts = [shown(cell)]
    for (const other of others) {
      const o = other[key]
      if (o?.source && !sameEntry(cell, o) && !texts.includes(shown(o))) texts.push(shown(o))
    }
    if (texts.length === 1) continue
    const reason = `表格重复出现且数值不同：${texts.join(' / ')}`
    cell.review = true
    cell.reviewReason = cell.reviewReason ? `${cell.reviewReason}；${reason}` : reason
    differing++
  }
  return differing
}

/** The warning for a repeated table: which copy was read and, if the copies disagree, in how many cells. */
export function duplicateMessage(table: TableName, copies: RowHit[][], differing: number): Message {
  const title = TABLE_TITLES[table]
  const at = locationOf(copies[1][0].values[0])
  if (!differing) return warning('extract.duplicate_table', `表格“${title}”出现了不止一次，取第一份完整的表格`, at)
  return {
    ...warning(
      'extract.duplicate_table',
      `表格“${title}”出现了不止一次，且有 ${differing} 个单元格数值不同；取第一份完整的表格，数值不同的单元格已标记待核`,
      at
    ),
    messageEn: `Table "${title}" appears more than once and ${differing} cell(s) differ between the copies; the first complete copy is kept and the differing cells are marked for review`
  }
}

// The list the reviewer is working through: the library's filter and sort as last shown, the order
// of its rows when a report was opened, and the row to select again on return. Reports are stepped
// through in that order, so verifying one (which changes its 最后修改) does not reshuffle the queue.

import type { ReportStatus } from '../../../shared/types'

export interface ListFilters {
  search: string
  year: number | null
  status: ReportStatus | null
  /** Only these reports, with what they are (a bar of the 统计 screen: "2021 年 · 新收申请"). */
  only: { ids: number[]; label: string } | null
}

export interface SortState {
  colId: string
  sort: 'asc' | 'desc'
}

export interface BrowseState {
  filters: ListFilters
  sort: SortState[]
  /** Report ids in the order the list showed them when a report was opened. */
  order: number[]
  /** The row to select when the list is shown again. */
  selectedId: number | null
}

export const INITIAL_BROWSE: BrowseState = {
  filters: { search: '', year: null, status: null, only: null },
  sort: [{ colId: 'updatedAt', sort: 'desc' }],
  order: [],
  selectedId: null
}

export type Step = 'next' | 'previous' | 'queue'

/** What still needs a reviewer: Ctrl+Enter goes on to the next of these. */
export function needsWork(status: ReportStatus | undefined): boolean {
  return status === 'pending' || status === 'problem'
}

/**
 * The report to open after `current`: the adjacent one for next/previous; for the queue, the first
 * report after it (then from the top of the list) still 待核验 or 有问题, by the statuses as they are now.
 * Reports no longer listed (deleted, filtered away) are passed over. null when there is none.
 */
export function stepFrom(order: number[], current: number, step: Step, statuses: ReadonlyMap<number, ReportStatus>): number | null {
  const listed = order.filter((id) => id === current || statuses.has(id))
  const at = listed.indexOf(current)
  if (step === 'next') return at >= 0 ? (listed[at + 1] ?? null) : (listed[0] ?? null)
  if (step === 'previous') return at > 0 ? listed[at - 1] : null
  const after = at >= 0 ? [...listed.slice(at + 1), ...listed.slice(0, at)] : listed
  return after.find((id) => id !== current && needsWork(statuses.get(id))) ?? null
}

/** The listReports arguments for the list's filters. */
export function listArgs({ search, year, status, only }: ListFilters): { search?: string; year?: number; status?: ReportStatus; ids?: number[] } {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(year ? { year } : {}),
    ...(status ? { status } : {}),
    ...(only ? { ids: only.ids } : {})
  }
}

// The badge beside a list row's agency: 疑似重复 while another report of the same agency, year and
// template is not yet settled; 同一报告 once a reviewer recorded every such report as this very
// report (统计 counts one), so a settled pair is no longer presented as a question.

import type { ReportSummary } from '../../../shared/types'

export type DuplicateBadge = { kind: 'suspect'; ids: number[]; title: string } | { kind: 'same'; ids: number[]; title: string } | null

export function duplicateBadge(row: Pick<ReportSummary, 'nearDuplicates' | 'sameReports'>): DuplicateBadge {
  const near = row.nearDuplicates ?? []
  if (!near.length) return null
  const same = new Set(row.sameReports ?? [])
  const open = near.filter((id) => !same.has(id))
  if (open.length) return { kind: 'suspect', ids: near, title: `资料库中另有 ${open.length} 份同一机关、年度与格式的报告：点击对照` }
  return { kind: 'same', ids: near, title: `已记为同一报告：${near.map((id) => `#${id}`).join('、')}，统计只计一份。点击对照` }
}

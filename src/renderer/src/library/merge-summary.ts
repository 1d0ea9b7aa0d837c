// What the merge's result banner says of the reports it reopened: they arrived 已核验 from the other
// library, but this library's verify gate is not met (issue 22, item 6), so they are back to
// 待核验 / 有问题; the reviewer must know which, and why, or the verification silently vanished.

import type { MergeOutcome } from '../../../shared/types'

const NAMED = 5

/** "。3 份对方已核验的报告在本库未满足核验条件，已重新打开：甲局 2022（…）、… 等" — or '' when none was. */
export function reopenedReports(reopened: MergeOutcome['reopened']): string {
  if (!reopened?.length) return ''
  const named = reopened.slice(0, NAMED).map((r) => `${r.agency ?? '（未识别机关）'} ${r.year ?? '年度不详'}（${r.reason}）`)
  return `。${reopened.length} 份对方已核验的报告在本库未满足核验条件，已重新打开：${named.join('、')}${reopened.length > NAMED ? ' 等' : ''}；详见各报告的修改记录`
}

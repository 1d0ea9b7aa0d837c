// What still keeps a report from 已核验, in words: the verify refusal (library) and the verify
// button's title and the review headline (renderer) say the same.

import { TABLE_SHORT_NAMES } from '../core/template/tables'
import type { OpenItems } from './types'

/** What a reviewer records when the report does not state its agency or year. */
export const UNSTATED_META = '原文未载明'
export const META_NAMES: Record<'agency' | 'year', string> = { agency: '机关', year: '年度' }

/** The key that confirms the selected flagged cell in the grid (the ? panel and README say so too). */
export const CONFIRM_KEY_LABEL = '空格'

/** Where the unsettled doubts are, by table and row: 表二“行政规范性文件”、表二“行政事业性收费”; at most four places. */
export function doubtPlaces(doubts: OpenItems['doubts']): string {
  const places = [...new Set(doubts.map((d) => `${TABLE_SHORT_NAMES[d.table] ?? d.table}“${d.row.split('/').join(' ')}”`))]
  return places.length > 4 ? `${places.slice(0, 4).join('、')}等 ${places.length} 处` : places.join('、')
}

/** Why a report cannot be verified yet, and what to do, in Chinese; null when nothing is open. */
export function openReason(open: OpenItems): string | null {
  if (open.total === 0) return null
  const parts: string[] = []
  if (open.missingMeta.length) {
    parts.push(`${open.missingMeta.map((f) => META_NAMES[f]).join('、')}不明（请在标题栏填写，或记为“${UNSTATED_META}”并说明）`)
  }
  if (open.missingTables.length) parts.push(`缺少${open.missingTables.map((t) => TABLE_SHORT_NAMES[t]).join('、')}（请对照原文填入，或记为“原文无此表”）`)
  if (open.unreadCells.length) parts.push(`${open.unreadCells.length} 个单元格空白未读出（请填入，或记为“原文空白”）`)
  if (open.doubts.length) {
    parts.push(`${open.doubts.length} 处需核对未确认：${doubtPlaces(open.doubts)}（请对照原文更正，或选中单元格按${CONFIRM_KEY_LABEL}确认）`)
  }
  if (open.failed) parts.push(`${open.failed} 项核验未通过（请更正，或核对原文后接受）`)
  if (open.notAssessable) parts.push(`${open.notAssessable} 项无法核验（请填入其空白单元格，或记为“原文空白”）`)
  if (open.uncertain) parts.push(`${open.uncertain} 项待确认（请核对后更正或接受）`)
  return `还不能标记为已核验：${parts.join('；')}。`
}

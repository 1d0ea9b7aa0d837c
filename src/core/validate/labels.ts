// Short Chinese names of rows, columns and cells, for findings a reviewer reads at a glance.
// The official labels (CELL_SPECS row/column paths) are too long for one-line messages.

import { CELL_SPECS } from '../template'

/** Table 三 applicant columns, in the order of the official form. */
export const REQUEST_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'] as const
export type RequestColumn = (typeof REQUEST_COLUMNS)[number]
export const REQUEST_PART_COLUMNS = REQUEST_COLUMNS.slice(0, 6)

export const REQUEST_COLUMN_LABELS: Record<RequestColumn, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他组织',
  total: '总计'
}

/** Table 三 rows (key segment between "requests." and the column). */
export const REQUEST_ROW_LABELS: Record<string, string> = {
  new_received: '本年新收',
  carried_over: '上年结转',
  granted: '予以公开',
  partially_granted: '部分公开',
  'denied.state_secret': '不予公开·属于国家秘密',
  'denied.prohibited_by_law': '不予公开·其他法律行政法规禁止公开',
  'denied.security_stability': '不予公开·危及“三安全一稳定”',
  'denied.third_party_rights': '不予公开·保护第三方合法权益',
  'denied.internal_affairs': '不予公开·属于三类内部事务信息',
  'denied.process_info': '不予公开·属于四类过程性信息',
  'denied.enforcement_files': '不予公开·属于行政执法案卷',
  'denied.administrative_query': '不予公开·属于行政查询事项',
  'unable.not_held': '无法提供·本机关不掌握',
  'unable.needs_creation': '无法提供·需要另行制作',
  'unable.still_unclear': '无法提供·补正后仍不明确',
  'not_processed.petition_complaint': '不予处理·信访举报投诉类',
  'not_processed.repeated': '不予处理·重复申请',
  'not_processed.publication': '不予处理·要求提供公开出版物',
  'not_processed.mass_repeated': '不予处理·无正当理由大量反复申请',
  'not_processed.confirm_existing': '不予处理·要求确认或重新出具已获取信息',
  other: '其他处理',
  'other.no_correction': '其他处理·逾期不补正',
  'other.unpaid_fee': '其他处理·逾期未缴费',
  'other.misc': '其他处理·其他',
  total: '办理结果总计',
  carried_forward: '结转下年度'
}

export const APPEAL_GROUPS = ['review', 'litigation_direct', 'litigation_after_review'] as const
export const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const

export const APPEAL_GROUP_LABELS: Record<string, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）'
}

export const APPEAL_COLUMN_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计'
}

function activeLabel(key: string): string | undefined {
  const spec = CELL_SPECS.find((c) => c.key === key)
  return spec ? `${spec.row}·${spec.column}` : undefined
}

function buildCellLabels(): Map<string, string> {
  const labels = new Map<string, string>()
  for (const spec of CELL_SPECS) {
    const parts = spec.key.split('.')
    const table = parts[0]
    const column = parts[parts.length - 1]
    const row = parts.slice(1, -1).join('.')
    if (table === 'requests') {
      labels.set(spec.key, `${REQUEST_ROW_LABELS[row] ?? row}·${REQUEST_COLUMN_LABELS[column as RequestColumn] ?? column}`)
    } else if (table === 'appeals') {
      labels.set(spec.key, `${APPEAL_GROUP_LABELS[row] ?? row}·${APPEAL_COLUMN_LABELS[column] ?? column}`)
    } else {
      labels.set(spec.key, activeLabel(spec.key) ?? spec.key)
    }
  }
  return labels
}

const CELL_LABELS = buildCellLabels()

/** A short Chinese name of a cell, e.g. 予以公开·自然人; the key itself when unknown. */
export function cellLabel(key: string): string {
  return CELL_LABELS.get(key) ?? key
}

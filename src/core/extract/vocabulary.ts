// The rows of the three standard tables as the recogniser knows them: key phrases (normalised,
// see normLabel) that identify a row wherever its label is printed, the row's full label for
// fuzzy matching, and its columns under each template. Built once at module load.

import type { TableName, TemplateId } from '../template'
import { normLabel } from './normalize'

export interface RowSpec {
  /** Key prefix without the column: 'active.licensing', 'requests.denied.state_secret'. */
  id: string
  table: TableName
  /** Normalised phrases; the row is the one whose phrase ends latest in the label text. */
  keys: string[]
  /** Normalised full label without numbering, for fuzzy matching. */
  full: string
  /** Table 三 group (（三）不予公开 → 'denied'), for rows whose label is only meaningful inside it. */
  group?: string
  /** A key so short or common ("其他", "总计") that it needs its numbering or group to count. */
  weak?: boolean
  /** A key that only names the row at the very end of its label (（六）其他处理 heads three sub-rows). */
  atEnd?: boolean
  /** Position in the official form, for inferring an unlabelled row from its neighbours. */
  order: number
}

export const REQUEST_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']
export const APPEAL_COLUMNS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`)
)

/** Table 二 columns by template and row. */
const ACTIVE_COLUMNS: Record<TemplateId, Record<string, string[]>> = {
  '2021': {
    regulations: ['issued', 'repealed', 'in_force'],
    normative_documents: ['issued', 'repealed', 'in_force'],
    licensing: ['decisions'],
    punishment: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount']
  },
  '2019': {
    regulations: ['made', 'published', 'total_public'],
    normative_documents: ['made', 'published', 'total_public'],
    licensing: ['previous_items', 'change', 'decisions'],
    other_services: ['previous_items', 'change', 'decisions'],
    punishment: ['previous_items', 'change', 'decisions'],
    coercion: ['previous_items', 'change', 'decisions'],
    fees: ['previous_items', 'change'],
    procurement: ['items', 'amount']
  }
}

/** Column keys of a row ('' for the appeals pseudo-row, whose 15 columns carry their group). */
export function columnsOf(spec: RowSpec, template: TemplateId): string[] | null {
  if (spec.table === 'requests') return REQUEST_COLUMNS
  if (spec.table === 'appeals') return spec.id === 'appeals' ? APPEAL_COLUMNS : APPEAL_GROUP_COLUMNS
  return ACTIVE_COLUMNS[template][spec.id.slice('active.'.length)] ?? null
}

function row(id: string, table: TableName, full: string, keys: string[], extra: Partial<RowSpec> = {}): RowSpec {
  const all = [...new Set([full, ...keys])].map((k) => normLabel(k))
  return { id, table, full: normLabel(full), keys: all, order: 0, ...extra }
}

const ACTIVE_ROWS: RowSpec[] = [
  row('active.regulations', 'active', '规章', ['规章']),
  row('active.normative_documents', 'active', '行政规范性文件', ['行政规范性文件', '规范性文件']),
  row('active.licensing', 'active', '行政许可', ['行政许可']),
  row('active.other_services', 'active', '其他对外管理服务事项', ['其他对外管理服务事项', '对外管理服务事项']),
  row('active.punishment', 'active', '行政处罚', ['行政处罚']),
  row('active.coercion', 'active', '行政强制', ['行政强制']),
  row('active.fees', 'active', '行政事业性收费', ['行政事业性收费', '事业性收费']),
  row('active.procurement', 'active', '政府集中采购', ['政府集中采购', '集中采购'])
]

const REQUEST_ROWS: RowSpec[] = [
  row('requests.new_received', 'requests', '本年新收政府信息公开申请数量', ['本年新收政府信息公开申请数量', '本年新收']),
  row('requests.carried_over', 'requests', '上年结转政府信息公开申请数量', ['上年结转政府信息公开申请数量', '上年结转']),
  row('requests.granted', 'requests', '予以公开', ['予以公开']),
  row('requests.partially_granted', 'requests', '部分公开', ['部分公开']),
  row('requests.denied.state_secret', 'requests', '属于国家秘密', ['属于国家秘密', '国家秘密'], { group: 'denied' }),
  row('requests.denied.prohibited_by_law', 'requests', '其他法律行政法规禁止公开', ['其他法律行政法规禁止公开', '法律行政法规禁止公开', '行政法规禁止公开'], {
    group: 'denied'
  }),
  row('requests.denied.security_stability', 'requests', '危及三安全一稳定', ['危及三安全一稳定', '三安全一稳定'], { group: 'denied' }),
  row('requests.denied.third_party_rights', 'requests', '保护第三方合法权益', ['保护第三方合法权益', '第三方合法权益'], { group: 'denied' }),
  row('requests.denied.internal_affairs', 'requests', '属于三类内部事务信息', ['属于三类内部事务信息', '内部事务信息'], { group: 'denied' }),
  row('requests.denied.process_info', 'requests', '属于四类过程性信息', ['属于四类过程性信息', '过程性信息'], { group: 'denied' }),
  row('requests.denied.enforcement_files', 'requests', '属于行政执法案卷', ['属于行政执法案卷', '行政执法案卷'], { group: 'denied' }),
  row('requests.denied.administrative_query', 'requests', '属于行政查询事项', ['属于行政查询事项', '行政查询事项'], { group: 'denied' }),
  row('requests.unable.not_held', 'requests', '本机关不掌握相关政府信息', ['本机关不掌握相关政府信息', '不掌握相关政府信息'], { group: 'unable' }),
  row('requests.unable.needs_creation', 'requests', '没有现成信息需要另行制作', ['没有现成信息需要另行制作', '需要另行制作'], { group: 'unable' }),
  row('requests.unable.still_unclear', 'requests', '补正后申请内容仍不明确', ['补正后申请内容仍不明确', '申请内容仍不明确'], { group: 'unable' }),
  row('requests.not_processed.petition_complaint', 'requests', '信访举报投诉类申请', ['信访举报投诉类申请', '信访举报投诉'], { group: 'not_processed' }),
  row('requests.not_processed.repeated', 'requests', '重复申请', ['重复申请'], { group: 'not_processed' }),
  row('requests.not_processed.publication', 'requests', '要求提供公开出版物', ['要求提供公开出版物', '公开出版物'], { group: 'not_processed' }),
  row('requests.not_processed.mass_repeated', 'requests', '无正当理由大量反复申请', ['无正当理由大量反复申请', '大量反复申请'], { group: 'not_processed' }),
  row(
    'requests.not_processed.confirm_existing',
    'requests',
    '要求行政机关确认或重新出具已获取信息',
    ['要求行政机关确认或重新出具已获取信息', '重新出具已获取信息', '确认或重新出具'],
    { group: 'not_processed' }
  ),
  row('requests.other', 'requests', '其他处理', ['其他处理'], { group: 'other', atEnd: true }),
  row('requests.other.no_correction', 'requests', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正'], { group: 'other' }),
  row(
    'requests.other.unpaid_fee',
    'requests',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['未按收费通知要求缴纳费用', '缴纳费用'],
    { group: 'other' }
  ),
  row('requests.other.misc', 'requests', '其他', ['其他'], { group: 'other', weak: true }),
  row('requests.total', 'requests', '总计', ['总计'], { weak: true }),
  row('requests.carried_forward', 'requests', '结转下年度继续办理', ['结转下年度继续办理', '结转下年度'])
]

export const APPEALS_ROW: RowSpec = row('appeals', 'appeals', '行政复议行政诉讼', ['行政复议', '行政诉讼'])

/** Table 四 set out as three rows of five (a transposed layout some reports use). */
export const APPEALS_GROUP_ROWS: RowSpec[] = [
  row('appeals.review', 'appeals', '行政复议', ['行政复议']),
  row('appeals.litigation_direct', 'appeals', '未经复议直接起诉', ['未经复议直接起诉', '直接起诉']),
  row('appeals.litigation_after_review', 'appeals', '复议后起诉', ['复议后起诉'])
].map((r, i) => ({ ...r, order: i }))
export const APPEAL_GROUP_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total']

export const ROW_SPECS: RowSpec[] = [...ACTIVE_ROWS, ...REQUEST_ROWS].map((r, i) => ({ ...r, order: i }))

/** Table 三 rows of a template, in form order ('other' is the 2019 single row). */
export function requestRowIds(template: TemplateId): string[] {
  return REQUEST_ROWS.filter((r) => (template === '2019' ? !r.id.startsWith('requests.other.') : r.id !== 'requests.other')).map((r) => r.id)
}

export function activeRowIds(template: TemplateId): string[] {
  return Object.keys(ACTIVE_COLUMNS[template]).map((r) => 'active.' + r)
}

/** Table 二 header words that tell the two templates apart. */
export const ACTIVE_2021_WORDS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额'].map((w) => normLabel(w))
export const ACTIVE_2019_WORDS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '采购项目数量',
  '采购总金额',
  '政府集中采购',
  '其他对外管理服务事项'
].map((w) => normLabel(w))

export const GROUP_KEYS: Array<[string, string]> = [
  ['不予公开', 'denied'],
  ['无法提供', 'unable'],
  ['不予处理', 'not_processed'],
  ['其他处理', 'other']
]

export const ANCHORS = {
  active: ['第二十条', '信息内容', '本年制发件数', '本年新制作数量'].map((w) => normLabel(w)),
  requests: ['申请人情况', '自然人', '法人或其他组织', '勾稽关系'].map((w) => normLabel(w)),
  appeals: ['行政复议', '行政诉讼'].map((w) => normLabel(w))
}

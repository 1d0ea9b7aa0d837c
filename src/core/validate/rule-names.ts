// The Chinese name of each check, for lists a person reads (the 问题清单 sheet of the export).
// Rule ids stay the stable keys; a rule without a name here is shown by its id.

export const RULE_NAMES: Record<string, string> = {
  'requests.balance': '表三：收到申请与办理、结转平衡',
  'requests.results_sum': '表三：办理结果各项之和等于总计',
  'requests.results_bound': '表三：办理结果不超过收到的申请',
  'requests.row_sum': '表三：各类申请人之和等于总计',
  'appeals.group_sum': '表四：各项结果之和等于总计',
  'active.published_within_total': '表二：本年新公开不超过对外公开总数',
  'active.items_change': '表二：件数变化不为负',
  'values.number': '数值格式',
  'values.unread': '未读出的数值',
  'cells.missing': '表格缺少单元格',
  'cells.orphan': '未找到的表格却有数值',
  'years.carry_over': '跨年度：上年结转等于上年报告的结转下年度',
  'years.in_force': '跨年度：现行有效件数衔接',
  'years.items': '跨年度：件数衔接',
  'text.received': '正文与表格：收到申请数',
  'text.concluded': '正文与表格：办结数',
  'text.carried_forward': '正文与表格：结转下年度数',
  'text.carried_over': '正文与表格：上年结转数',
  'text.review': '正文与表格：行政复议数',
  'text.litigation': '正文与表格：行政诉讼数',
  'text.normative_in_force': '正文与表格：现行有效规范性文件数',
  'text.regulations_in_force': '正文与表格：现行有效规章数',
  'text.normative_issued': '正文与表格：制发规范性文件数'
}

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule
}

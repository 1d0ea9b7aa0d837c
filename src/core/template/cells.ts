// The cells of both official templates, with their stable keys.
// Generated once from ../shared/spec/cells.tsv (the product spec); edit both together.

export type TemplateId = '2021' | '2019'
export type CellType = 'count' | 'amount' | 'signed'
export type TableName = 'active' | 'requests' | 'appeals'

export interface CellSpec {
  key: string
  /** Which template has this cell: one of them, or both. */
  template: TemplateId | 'both'
  /** The chapter the table belongs to: 二 主动公开, 三 申请, 四 复议诉讼. */
  chapter: '二' | '三' | '四'
  /** Row label path as printed in the official form, levels joined by '/'. */
  row: string
  /** Column label path as printed in the official form, levels joined by '/'. */
  column: string
  type: CellType
}

export const CELL_SPECS: readonly CellSpec[] = [
  { key: 'active.regulations.issued', template: '2021', chapter: '二', row: '规章', column: '本年制发件数', type: 'count' },
  { key: 'active.regulations.repealed', template: '2021', chapter: '二', row: '规章', column: '本年废止件数', type: 'count' },
  { key: 'active.regulations.in_force', template: '2021', chapter: '二', row: '规章', column: '现行有效件数', type: 'count' },
  { key: 'active.normative_documents.issued', template: '2021', chapter: '二', row: '行政规范性文件', column: '本年制发件数', type: 'count' },
  { key: 'active.normative_documents.repealed', template: '2021', chapter: '二', row: '行政规范性文件', column: '本年废止件数', type: 'count' },
  { key: 'active.normative_documents.in_force', template: '2021', chapter: '二', row: '行政规范性文件', column: '现行有效件数', type: 'count' },
  { key: 'active.licensing.decisions', template: '2021', chapter: '二', row: '行政许可', column: '本年处理决定数量', type: 'count' },
  { key: 'active.punishment.decisions', template: '2021', chapter: '二', row: '行政处罚', column: '本年处理决定数量', type: 'count' },
  { key: 'active.coercion.decisions', template: '2021', chapter: '二', row: '行政强制', column: '本年处理决定数量', type: 'count' },
  { key: 'active.fees.amount', template: '2021', chapter: '二', row: '行政事业性收费', column: '本年收费金额（单位：万元）', type: 'amount' },
  { key: 'active.regulations.made', template: '2019', chapter: '二', row: '规章', column: '本年新制作数量', type: 'count' },
  { key: 'active.regulations.published', template: '2019', chapter: '二', row: '规章', column: '本年新公开数量', type: 'count' },
  { key: 'active.regulations.total_public', template: '2019', chapter: '二', row: '规章', column: '对外公开总数量', type: 'count' },
  { key: 'active.normative_documents.made', template: '2019', chapter: '二', row: '规范性文件', column: '本年新制作数量', type: 'count' },
  { key: 'active.normative_documents.published', template: '2019', chapter: '二', row: '规范性文件', column: '本年新公开数量', type: 'count' },
  { key: 'active.normative_documents.total_public', template: '2019', chapter: '二', row: '规范性文件', column: '对外公开总数量', type: 'count' },
  { key: 'active.licensing.previous_items', template: '2019', chapter: '二', row: '行政许可', column: '上一年项目数量', type: 'count' },
  { key: 'active.licensing.change', template: '2019', chapter: '二', row: '行政许可', column: '本年增/减', type: 'signed' },
  { key: 'active.licensing.decisions', template: '2019', chapter: '二', row: '行政许可', column: '处理决定数量', type: 'count' },
  { key: 'active.other_services.previous_items', template: '2019', chapter: '二', row: '其他对外管理服务事项', column: '上一年项目数量', type: 'count' },
  { key: 'active.other_services.change', template: '2019', chapter: '二', row: '其他对外管理服务事项', column: '本年增/减', type: 'signed' },
  { key: 'active.other_services.decisions', template: '2019', chapter: '二', row: '其他对外管理服务事项', column: '处理决定数量', type: 'count' },
  { key: 'active.punishment.previous_items', template: '2019', chapter: '二', row: '行政处罚', column: '上一年项目数量', type: 'count' },
  { key: 'active.punishment.change', template: '2019', chapter: '二', row: '行政处罚', column: '本年增/减', type: 'signed' },
  { key: 'active.punishment.decisions', template: '2019', chapter: '二', row: '行政处罚', column: '处理决定数量', type: 'count' },
  { key: 'active.coercion.previous_items', template: '2019', chapter: '二', row: '行政强制', column: '上一年项目数量', type: 'count' },
  { key: 'active.coercion.change', template: '2019', chapter: '二', row: '行政强制', column: '本年增/减', type: 'signed' },
  { key: 'active.coercion.decisions', template: '2019', chapter: '二', row: '行政强制', column: '处理决定数量', type: 'count' },
  { key: 'active.fees.previous_items', template: '2019', chapter: '二', row: '行政事业性收费', column: '上一年项目数量', type: 'count' },
  { key: 'active.fees.change', template: '2019', chapter: '二', row: '行政事业性收费', column: '本年增/减', type: 'signed' },
  { key: 'active.procurement.items', template: '2019', chapter: '二', row: '政府集中采购', column: '采购项目数量', type: 'count' },
  { key: 'active.procurement.amount', template: '2019', chapter: '二', row: '政府集中采购', column: '采购总金额', type: 'amount' },
  { key: 'requests.new_received.natural', template: 'both', chapter: '三', row: '一、本年新收政府信息公开申请数量', column: '自然人', type: 'count' },
  {
    key: 'requests.new_received.commercial',
    template: 'both',
    chapter: '三',
    row: '一、本年新收政府信息公开申请数量',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.new_received.research',
    template: 'both',
    chapter: '三',
    row: '一、本年新收政府信息公开申请数量',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.new_received.nonprofit',
    template: 'both',
    chapter: '三',
    row: '一、本年新收政府信息公开申请数量',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.new_received.legal_service',
    template: 'both',
    chapter: '三',
    row: '一、本年新收政府信息公开申请数量',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.new_received.other_org',
    template: 'both',
    chapter: '三',
    row: '一、本年新收政府信息公开申请数量',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.new_received.total', template: 'both', chapter: '三', row: '一、本年新收政府信息公开申请数量', column: '总计', type: 'count' },
  { key: 'requests.carried_over.natural', template: 'both', chapter: '三', row: '二、上年结转政府信息公开申请数量', column: '自然人', type: 'count' },
  {
    key: 'requests.carried_over.commercial',
    template: 'both',
    chapter: '三',
    row: '二、上年结转政府信息公开申请数量',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.carried_over.research',
    template: 'both',
    chapter: '三',
    row: '二、上年结转政府信息公开申请数量',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.carried_over.nonprofit',
    template: 'both',
    chapter: '三',
    row: '二、上年结转政府信息公开申请数量',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.carried_over.legal_service',
    template: 'both',
    chapter: '三',
    row: '二、上年结转政府信息公开申请数量',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.carried_over.other_org',
    template: 'both',
    chapter: '三',
    row: '二、上年结转政府信息公开申请数量',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.carried_over.total', template: 'both', chapter: '三', row: '二、上年结转政府信息公开申请数量', column: '总计', type: 'count' },
  { key: 'requests.granted.natural', template: 'both', chapter: '三', row: '三、本年度办理结果/（一）予以公开', column: '自然人', type: 'count' },
  {
    key: 'requests.granted.commercial',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（一）予以公开',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.granted.research',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（一）予以公开',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.granted.nonprofit',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（一）予以公开',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.granted.legal_service',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（一）予以公开',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.granted.other_org',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（一）予以公开',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.granted.total', template: 'both', chapter: '三', row: '三、本年度办理结果/（一）予以公开', column: '总计', type: 'count' },
  {
    key: 'requests.partially_granted.natural',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.commercial',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.research',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.nonprofit',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.legal_service',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.other_org',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.partially_granted.total',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    column: '总计',
    type: 'count'
  },
  { key: 'requests.denied.state_secret.natural', template: 'both', chapter: '三', row: '（三）不予公开/1.属于国家秘密', column: '自然人', type: 'count' },
  {
    key: 'requests.denied.state_secret.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/1.属于国家秘密',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.state_secret.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/1.属于国家秘密',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.state_secret.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/1.属于国家秘密',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.state_secret.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/1.属于国家秘密',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.state_secret.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/1.属于国家秘密',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.denied.state_secret.total', template: 'both', chapter: '三', row: '（三）不予公开/1.属于国家秘密', column: '总计', type: 'count' },
  {
    key: 'requests.denied.prohibited_by_law.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.denied.prohibited_by_law.total',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/2.其他法律行政法规禁止公开',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.denied.security_stability.total',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/3.危及“三安全一稳定”',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.denied.third_party_rights.total',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/4.保护第三方合法权益',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.denied.internal_affairs.total',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/5.属于三类内部事务信息',
    column: '总计',
    type: 'count'
  },
  { key: 'requests.denied.process_info.natural', template: 'both', chapter: '三', row: '（三）不予公开/6.属于四类过程性信息', column: '自然人', type: 'count' },
  {
    key: 'requests.denied.process_info.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/6.属于四类过程性信息',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.process_info.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/6.属于四类过程性信息',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.process_info.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/6.属于四类过程性信息',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.process_info.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/6.属于四类过程性信息',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.process_info.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/6.属于四类过程性信息',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.denied.process_info.total', template: 'both', chapter: '三', row: '（三）不予公开/6.属于四类过程性信息', column: '总计', type: 'count' },
  {
    key: 'requests.denied.enforcement_files.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.enforcement_files.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.enforcement_files.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.enforcement_files.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.enforcement_files.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.enforcement_files.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/7.属于行政执法案卷',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.denied.enforcement_files.total', template: 'both', chapter: '三', row: '（三）不予公开/7.属于行政执法案卷', column: '总计', type: 'count' },
  {
    key: 'requests.denied.administrative_query.natural',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.commercial',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.research',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.legal_service',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.other_org',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.denied.administrative_query.total',
    template: 'both',
    chapter: '三',
    row: '（三）不予公开/8.属于行政查询事项',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.natural',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.commercial',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.research',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.legal_service',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.unable.not_held.other_org',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/1.本机关不掌握相关政府信息',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.unable.not_held.total', template: 'both', chapter: '三', row: '（四）无法提供/1.本机关不掌握相关政府信息', column: '总计', type: 'count' },
  {
    key: 'requests.unable.needs_creation.natural',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.commercial',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.research',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.legal_service',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.other_org',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.unable.needs_creation.total',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/2.没有现成信息需要另行制作',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.natural',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.commercial',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.research',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.legal_service',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.other_org',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.unable.still_unclear.total',
    template: 'both',
    chapter: '三',
    row: '（四）无法提供/3.补正后申请内容仍不明确',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.natural',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.commercial',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.research',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.legal_service',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.other_org',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.not_processed.petition_complaint.total',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/1.信访举报投诉类申请',
    column: '总计',
    type: 'count'
  },
  { key: 'requests.not_processed.repeated.natural', template: 'both', chapter: '三', row: '（五）不予处理/2.重复申请', column: '自然人', type: 'count' },
  {
    key: 'requests.not_processed.repeated.commercial',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/2.重复申请',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.not_processed.repeated.research',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/2.重复申请',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.repeated.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/2.重复申请',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.not_processed.repeated.legal_service',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/2.重复申请',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.repeated.other_org',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/2.重复申请',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  { key: 'requests.not_processed.repeated.total', template: 'both', chapter: '三', row: '（五）不予处理/2.重复申请', column: '总计', type: 'count' },
  {
    key: 'requests.not_processed.publication.natural',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.commercial',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.research',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.legal_service',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.other_org',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.not_processed.publication.total',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/3.要求提供公开出版物',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.natural',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.commercial',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.research',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.legal_service',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.other_org',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.not_processed.mass_repeated.total',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/4.无正当理由大量反复申请',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.natural',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.commercial',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.research',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.nonprofit',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.legal_service',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.other_org',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.not_processed.confirm_existing.total',
    template: 'both',
    chapter: '三',
    row: '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    column: '总计',
    type: 'count'
  },
  { key: 'requests.other.natural', template: '2019', chapter: '三', row: '（六）其他处理', column: '自然人', type: 'count' },
  { key: 'requests.other.commercial', template: '2019', chapter: '三', row: '（六）其他处理', column: '法人或其他组织/商业企业', type: 'count' },
  { key: 'requests.other.research', template: '2019', chapter: '三', row: '（六）其他处理', column: '法人或其他组织/科研机构', type: 'count' },
  { key: 'requests.other.nonprofit', template: '2019', chapter: '三', row: '（六）其他处理', column: '法人或其他组织/社会公益组织', type: 'count' },
  { key: 'requests.other.legal_service', template: '2019', chapter: '三', row: '（六）其他处理', column: '法人或其他组织/法律服务机构', type: 'count' },
  { key: 'requests.other.other_org', template: '2019', chapter: '三', row: '（六）其他处理', column: '法人或其他组织/其他', type: 'count' },
  { key: 'requests.other.total', template: '2019', chapter: '三', row: '（六）其他处理', column: '总计', type: 'count' },
  {
    key: 'requests.other.no_correction.natural',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.commercial',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.research',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.nonprofit',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.legal_service',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.other_org',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.other.no_correction.total',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    column: '总计',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.natural',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '自然人',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.commercial',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.research',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.nonprofit',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.legal_service',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.other_org',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '法人或其他组织/其他',
    type: 'count'
  },
  {
    key: 'requests.other.unpaid_fee.total',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    column: '总计',
    type: 'count'
  },
  { key: 'requests.other.misc.natural', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '自然人', type: 'count' },
  { key: 'requests.other.misc.commercial', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '法人或其他组织/商业企业', type: 'count' },
  { key: 'requests.other.misc.research', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '法人或其他组织/科研机构', type: 'count' },
  { key: 'requests.other.misc.nonprofit', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '法人或其他组织/社会公益组织', type: 'count' },
  {
    key: 'requests.other.misc.legal_service',
    template: '2021',
    chapter: '三',
    row: '（六）其他处理/3.其他',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  { key: 'requests.other.misc.other_org', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '法人或其他组织/其他', type: 'count' },
  { key: 'requests.other.misc.total', template: '2021', chapter: '三', row: '（六）其他处理/3.其他', column: '总计', type: 'count' },
  { key: 'requests.total.natural', template: 'both', chapter: '三', row: '三、本年度办理结果/（七）总计', column: '自然人', type: 'count' },
  { key: 'requests.total.commercial', template: 'both', chapter: '三', row: '三、本年度办理结果/（七）总计', column: '法人或其他组织/商业企业', type: 'count' },
  { key: 'requests.total.research', template: 'both', chapter: '三', row: '三、本年度办理结果/（七）总计', column: '法人或其他组织/科研机构', type: 'count' },
  {
    key: 'requests.total.nonprofit',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（七）总计',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.total.legal_service',
    template: 'both',
    chapter: '三',
    row: '三、本年度办理结果/（七）总计',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  { key: 'requests.total.other_org', template: 'both', chapter: '三', row: '三、本年度办理结果/（七）总计', column: '法人或其他组织/其他', type: 'count' },
  { key: 'requests.total.total', template: 'both', chapter: '三', row: '三、本年度办理结果/（七）总计', column: '总计', type: 'count' },
  { key: 'requests.carried_forward.natural', template: 'both', chapter: '三', row: '四、结转下年度继续办理', column: '自然人', type: 'count' },
  {
    key: 'requests.carried_forward.commercial',
    template: 'both',
    chapter: '三',
    row: '四、结转下年度继续办理',
    column: '法人或其他组织/商业企业',
    type: 'count'
  },
  {
    key: 'requests.carried_forward.research',
    template: 'both',
    chapter: '三',
    row: '四、结转下年度继续办理',
    column: '法人或其他组织/科研机构',
    type: 'count'
  },
  {
    key: 'requests.carried_forward.nonprofit',
    template: 'both',
    chapter: '三',
    row: '四、结转下年度继续办理',
    column: '法人或其他组织/社会公益组织',
    type: 'count'
  },
  {
    key: 'requests.carried_forward.legal_service',
    template: 'both',
    chapter: '三',
    row: '四、结转下年度继续办理',
    column: '法人或其他组织/法律服务机构',
    type: 'count'
  },
  { key: 'requests.carried_forward.other_org', template: 'both', chapter: '三', row: '四、结转下年度继续办理', column: '法人或其他组织/其他', type: 'count' },
  { key: 'requests.carried_forward.total', template: 'both', chapter: '三', row: '四、结转下年度继续办理', column: '总计', type: 'count' },
  { key: 'appeals.review.upheld', template: 'both', chapter: '四', row: '行政复议', column: '结果维持', type: 'count' },
  { key: 'appeals.review.corrected', template: 'both', chapter: '四', row: '行政复议', column: '结果纠正', type: 'count' },
  { key: 'appeals.review.other', template: 'both', chapter: '四', row: '行政复议', column: '其他结果', type: 'count' },
  { key: 'appeals.review.pending', template: 'both', chapter: '四', row: '行政复议', column: '尚未审结', type: 'count' },
  { key: 'appeals.review.total', template: 'both', chapter: '四', row: '行政复议', column: '总计', type: 'count' },
  { key: 'appeals.litigation_direct.upheld', template: 'both', chapter: '四', row: '行政诉讼/未经复议直接起诉', column: '结果维持', type: 'count' },
  { key: 'appeals.litigation_direct.corrected', template: 'both', chapter: '四', row: '行政诉讼/未经复议直接起诉', column: '结果纠正', type: 'count' },
  { key: 'appeals.litigation_direct.other', template: 'both', chapter: '四', row: '行政诉讼/未经复议直接起诉', column: '其他结果', type: 'count' },
  { key: 'appeals.litigation_direct.pending', template: 'both', chapter: '四', row: '行政诉讼/未经复议直接起诉', column: '尚未审结', type: 'count' },
  { key: 'appeals.litigation_direct.total', template: 'both', chapter: '四', row: '行政诉讼/未经复议直接起诉', column: '总计', type: 'count' },
  { key: 'appeals.litigation_after_review.upheld', template: 'both', chapter: '四', row: '行政诉讼/复议后起诉', column: '结果维持', type: 'count' },
  { key: 'appeals.litigation_after_review.corrected', template: 'both', chapter: '四', row: '行政诉讼/复议后起诉', column: '结果纠正', type: 'count' },
  { key: 'appeals.litigation_after_review.other', template: 'both', chapter: '四', row: '行政诉讼/复议后起诉', column: '其他结果', type: 'count' },
  { key: 'appeals.litigation_after_review.pending', template: 'both', chapter: '四', row: '行政诉讼/复议后起诉', column: '尚未审结', type: 'count' },
  { key: 'appeals.litigation_after_review.total', template: 'both', chapter: '四', row: '行政诉讼/复议后起诉', column: '总计', type: 'count' }
]

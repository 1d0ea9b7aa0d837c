// The official tables (二 主动公开 in the 2021 and 2019 forms, 三 申请, 四 复议诉讼) as HTML, with the real
// labels, rowspans and colspans (table 四's narrow header one character per line). Shared by the
// fixture generators: make-fixtures.ts (HTML/.docx) and make-scan-fixtures.ts (scanned pictures).

export type Value = number | null
export type Cells = Record<string, Value>

export { prng } from './bench/synthetic-report'

export const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total'] as const

export interface ResultGroup {
  label: string | null
  rows: [key: string, label: string][]
}

export const DENIED: ResultGroup = {
  label: '（三）不予公开',
  rows: [
    ['denied.state_secret', '1.属于国家秘密'],
    ['denied.prohibited_by_law', '2.其他法律行政法规禁止公开'],
    ['denied.security_stability', '3.危及“三安全一稳定”'],
    ['denied.third_party_rights', '4.保护第三方合法权益'],
    ['denied.internal_affairs', '5.属于三类内部事务信息'],
    ['denied.process_info', '6.属于四类过程性信息'],
    ['denied.enforcement_files', '7.属于行政执法案卷'],
    ['denied.administrative_query', '8.属于行政查询事项']
  ]
}
export const UNABLE: ResultGroup = {
  label: '（四）无法提供',
  rows: [
    ['unable.not_held', '1.本机关不掌握相关政府信息'],
    ['unable.needs_creation', '2.没有现成信息需要另行制作'],
    ['unable.still_unclear', '3.补正后申请内容仍不明确']
  ]
}
export const NOT_PROCESSED: ResultGroup = {
  label: '（五）不予处理',
  rows: [
    ['not_processed.petition_complaint', '1.信访举报投诉类申请'],
    ['not_processed.repeated', '2.重复申请'],
    ['not_processed.publication', '3.要求提供公开出版物'],
    ['not_processed.mass_repeated', '4.无正当理由大量反复申请'],
    ['not_processed.confirm_existing', '5.要求行政机关确认或重新出具已获取信息']
  ]
}
export const OTHER_2021: ResultGroup = {
  label: '（六）其他处理',
  rows: [
    ['other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['other.unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['other.misc', '3.其他']
  ]
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
export const shown = (v: Value): string => (v === null ? '&nbsp;' : String(v))
export function td(text: string, attrs = ''): string {
  return `<td${attrs ? ' ' + attrs : ''}><p align="center">${text}</p></td>`
}
/** One character per line, as table 四's narrow header cells print. */
export const vertical = (label: string): string => [...label].map(esc).join('<br>')

export function active2021(c: Cells): string {
  const v = (k: string): string => shown(c[`active.${k}`])
  const section = (title: string): string => `<tr>${td(title, 'colspan="4"')}</tr>`
  return `<table border="1" cellspacing="0" cellpadding="4">
${section('第二十条第（一）项')}
<tr>${td('信息内容')}${td('本年制发件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>
<tr>${td('规章')}${td(v('regulations.issued'))}${td(v('regulations.repealed'))}${td(v('regulations.in_force'))}</tr>
<tr>${td('行政规范性文件')}${td(v('normative_documents.issued'))}${td(v('normative_documents.repealed'))}${td(v('normative_documents.in_force'))}</tr>
${section('第二十条第（五）项')}
<tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>
<tr>${td('行政许可')}${td(v('licensing.decisions'), 'colspan="3"')}</tr>
${section('第二十条第（六）项')}
<tr>${td('信息内容')}${td('本年处理决定数量', 'colspan="3"')}</tr>
<tr>${td('行政处罚')}${td(v('punishment.decisions'), 'colspan="3"')}</tr>
<tr>${td('行政强制')}${td(v('coercion.decisions'), 'colspan="3"')}</tr>
${section('第二十条第（八）项')}
<tr>${td('信息内容')}${td('本年收费金额（单位：万元）', 'colspan="3"')}</tr>
<tr>${td('行政事业性收费')}${td(v('fees.amount'), 'colspan="3"')}</tr>
</table>`
}

export function active2019(c: Cells): string {
  const v = (k: string): string => shown(c[`active.${k}`])
  const section = (title: string): string => `<tr>${td(title, 'colspan="5"')}</tr>`
  const three = (a: string, b: string, d: string): string => `${td(a)}${td(b, 'colspan="2"')}${td(d)}`
  return `<table border="1" cellspacing="0" cellpadding="4">
${section('第二十条第（一）项')}
<tr>${td('信息内容')}${td('本年新<br>制作数量')}${td('本年新<br>公开数量', 'colspan="2"')}${td('对外公开总数量')}</tr>
<tr>${td('规章')}${td(v('regulations.made'))}${td(v('regulations.published'), 'colspan="2"')}${td(v('regulations.total_public'))}</tr>
<tr>${td('规范性文件')}${td(v('normative_documents.made'))}${td(v('normative_documents.published'), 'colspan="2"')}${td(v('normative_documents.total_public'))}</tr>
${section('第二十条第（五）项')}
<tr>${td('信息内容')}${three('上一年项目数量', '本年增/减', '处理决定数量')}</tr>
<tr>${td('行政许可')}${three(v('licensing.previous_items'), v('licensing.change'), v('licensing.decisions'))}</tr>
<tr>${td('其他对外管理服务事项')}${three(v('other_services.previous_items'), v('other_services.change'), v('other_services.decisions'))}</tr>
${section('第二十条第（六）项')}
<tr>${td('信息内容')}${three('上一年项目数量', '本年增/减', '处理决定数量')}</tr>
<tr>${td('行政处罚')}${three(v('punishment.previous_items'), v('punishment.change'), v('punishment.decisions'))}</tr>
<tr>${td('行政强制')}${three(v('coercion.previous_items'), v('coercion.change'), v('coercion.decisions'))}</tr>
${section('第二十条第（八）项')}
<tr>${td('信息内容')}${td('上一年项目数量', 'colspan="2"')}${td('本年增/减', 'colspan="2"')}</tr>
<tr>${td('行政事业性收费')}${td(v('fees.previous_items'), 'colspan="2"')}${td(v('fees.change'), 'colspan="2"')}</tr>
${section('第二十条第（九）项')}
<tr>${td('信息内容')}${td('采购项目数量', 'colspan="2"')}${td('采购总金额', 'colspan="2"')}</tr>
<tr>${td('政府集中采购')}${td(v('procurement.items'), 'colspan="2"')}${td(c['active.procurement.amount'] === null ? '&nbsp;' : `${c['active.procurement.amount']}元`, 'colspan="2"')}</tr>
</table>`
}

export function requestsTable(template: '2021' | '2019', c: Cells): string {
  const values = (row: string): string => COLUMNS.map((col) => td(shown(c[`requests.${row}.${col}`]))).join('')
  const groups: ResultGroup[] = [DENIED, UNABLE, NOT_PROCESSED, ...(template === '2021' ? [OTHER_2021] : [])]
  const resultRowCount = 2 + groups.reduce((n, g) => n + g.rows.length, 0) + (template === '2019' ? 1 : 0) + 1
  const rows: string[] = [
    `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan="3" rowspan="3"')}${td('申请人情况', 'colspan="7"')}</tr>`,
    `<tr>${td('自然人', 'rowspan="2"')}${td('法人或其他组织', 'colspan="5"')}${td('总计', 'rowspan="2"')}</tr>`,
    `<tr>${td('商业<br>企业')}${td('科研<br>机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>`,
    `<tr>${td('一、本年新收政府信息公开申请数量', 'colspan="3"')}${values('new_received')}</tr>`,
    `<tr>${td('二、上年结转政府信息公开申请数量', 'colspan="3"')}${values('carried_over')}</tr>`,
    `<tr>${td('三、本年度办理结果', `rowspan="${resultRowCount}"`)}${td('（一）予以公开', 'colspan="2"')}${values('granted')}</tr>`,
    `<tr>${td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'colspan="2"')}${values('partially_granted')}</tr>`
  ]
  for (const group of groups) {
    group.rows.forEach(([key, label], i) => {
      const head = i === 0 ? td(group.label!, `rowspan="${group.rows.length}"`) : ''
      rows.push(`<tr>${head}${td(label)}${values(key)}</tr>`)
    })
  }
  if (template === '2019') rows.push(`<tr>${td('（六）其他处理', 'colspan="2"')}${values('other')}</tr>`)
  rows.push(`<tr>${td('（七）总计', 'colspan="2"')}${values('total')}</tr>`)
  rows.push(`<tr>${td('四、结转下年度继续办理', 'colspan="3"')}${values('carried_forward')}</tr>`)
  return `<table border="1" cellspacing="0" cellpadding="4">\n${rows.join('\n')}\n</table>`
}

export function appealsTable(c: Cells): string {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
  const parts = ['upheld', 'corrected', 'other', 'pending', 'total']
  const values = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) => parts.map((p) => td(shown(c[`appeals.${g}.${p}`])))).join('')
  return `<table border="1" cellspacing="0" cellpadding="4">
<tr>${td('行政复议', 'colspan="5"')}${td('行政诉讼', 'colspan="10"')}</tr>
<tr>${heads.map((h) => td(vertical(h), 'rowspan="2"')).join('')}${td('未经复议直接起诉', 'colspan="5"')}${td('复议后起诉', 'colspan="5"')}</tr>
<tr>${[...heads, ...heads].map((h) => td(vertical(h))).join('')}</tr>
<tr>${values}</tr>
</table>`
}

/** Table 二 numbers for truths that do not score it (the pingtan texts): any plausible numbers, not in the truth. */
export function fillActive(template: '2021' | '2019', cells: Cells, rnd: () => number): Cells {
  const n = (max: number): number => Math.floor(rnd() * max)
  const filler: Cells =
    template === '2021'
      ? {
          'active.regulations.issued': 0,
          'active.regulations.repealed': 0,
          'active.regulations.in_force': n(3),
          'active.normative_documents.issued': n(9),
          'active.normative_documents.repealed': n(4),
          'active.normative_documents.in_force': 10 + n(60),
          'active.licensing.decisions': 100 + n(5000),
          'active.punishment.decisions': n(300),
          'active.coercion.decisions': n(20),
          'active.fees.amount': 0
        }
      : {
          'active.regulations.made': n(5),
          'active.regulations.published': n(5),
          'active.regulations.total_public': 10 + n(500),
          'active.normative_documents.made': n(60),
          'active.normative_documents.published': n(60),
          'active.normative_documents.total_public': n(400),
          'active.licensing.previous_items': n(200),
          'active.licensing.change': 0,
          'active.licensing.decisions': n(9000),
          'active.other_services.previous_items': n(50),
          'active.other_services.change': 0,
          'active.other_services.decisions': n(300),
          'active.punishment.previous_items': n(100),
          'active.punishment.change': 0,
          'active.punishment.decisions': n(500),
          'active.coercion.previous_items': n(10),
          'active.coercion.change': 0,
          'active.coercion.decisions': n(10),
          'active.fees.previous_items': n(5),
          'active.fees.change': 0,
          'active.procurement.items': n(20),
          'active.procurement.amount': 1000 + n(900000)
        }
  return { ...filler, ...cells }
}

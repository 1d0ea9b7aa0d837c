// Small hand-built reports for tests: the official form's rows and headers written out in each
// plain-text layout, with chosen values. Not used by the engine.

export type Layout = 'pipe' | 'tab' | 'tsv' | 'markdown' | 'glued'

export interface FormRow {
  label: string[]
  values: string[]
}

const REQUEST_HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '自 然 人',
  '法人或其他组织',
  '总计',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他'
]

export const REQUEST_LABELS_2021: string[][] = [
  ['一、本年新收政府信息公开申请数量'],
  ['二、上年结转政府信息公开申请数量'],
  ['三、本年度办理结果', '（一）予以公开'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['（三）不予公开', '1.属于国家秘密'],
  ['2.其他法律行政法规禁止公开'],
  ['3.危及“三安全一稳定”'],
  ['4.保护第三方合法权益'],
  ['5.属于三类内部事务信息'],
  ['6.属于四类过程性信息'],
  ['7.属于行政执法案卷'],
  ['8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['2.没有现成信息需要另行制作'],
  ['3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['2.重复申请'],
  ['3.要求提供公开出版物'],
  ['4.无正当理由大量反复申请'],
  ['5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['3.其他'],
  ['（七）总计'],
  ['四、结转下年度继续办理']
]

/** The same rows with the 2019 single （六）其他处理 row. */
export const REQUEST_LABELS_2019: string[][] = [...REQUEST_LABELS_2021.slice(0, 20), ['（六）其他处理'], ...REQUEST_LABELS_2021.slice(23)]

/** Row values that satisfy every identity of table 三 (row sums and column sums). */
export function consistentRequestValues(labels: string[][]): string[][] {
  const rows = labels.map(() => [0, 0, 0, 0, 0, 0])
  const resultRows = labels.map((_, i) => i).filter((i) => i >= 2 && i < labels.length - 2)
  // a few non-zero results, spread over columns
  rows[resultRows[0]] = [12, 3, 0, 1, 0, 0]
  rows[resultRows[4]] = [5, 0, 2, 0, 0, 1]
  rows[resultRows[resultRows.length - 1]] = [7, 1, 0, 0, 4, 0]
  const total = [0, 1, 2, 3, 4, 5].map((c) => resultRows.reduce((s, r) => s + rows[r][c], 0))
  rows[labels.length - 2] = total
  rows[labels.length - 1] = [2, 0, 0, 0, 1, 0] // carried forward
  rows[1] = [1, 0, 0, 0, 0, 0] // carried over
  rows[0] = total.map((t, c) => t + rows[labels.length - 1][c] - rows[1][c])
  return rows.map((r) => [...r, r.reduce((a, b) => a + b, 0)].map(String))
}

export function activeRows2021(): FormRow[] {
  return [
    { label: ['第二十条第（一）项'], values: [] },
    { label: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], values: [] },
    { label: ['规章'], values: ['0', '1', '5'] },
    { label: ['行政规范性文件'], values: ['3', '0', '12'] },
    { label: ['第二十条第（五）项'], values: [] },
    { label: ['信息内容', '本年处理决定数量'], values: [] },
    { label: ['行政许可'], values: ['887'] },
    { label: ['第二十条第（六）项'], values: [] },
    { label: ['信息内容', '本年处理决定数量'], values: [] },
    { label: ['行政处罚'], values: ['52'] },
    { label: ['行政强制'], values: ['0'] },
    { label: ['第二十条第（八）项'], values: [] },
    { label: ['信息内容', '本年收费金额（单位：万元）'], values: [] },
    { label: ['行政事业性收费'], values: ['1.5'] }
  ]
}

export const APPEALS_HEADER = [
  '行政复议',
  '行政诉讼',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
  '总计',
  '未经复议直接起诉',
  '复议后起诉',
  ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat()
]
export const APPEALS_VALUES = ['1', '0', '2', '0', '3', '12', '0', '0', '0', '12', '0', '0', '0', '1', '1']

export interface FormOptions {
  title?: string
  requestLabels?: string[][]
  requestValues?: string[][]
  active?: FormRow[] | null
  requests?: boolean
  appeals?: boolean
}

/** The report's tables as rows of cells (header rows have no values). */
export function formRows(options: FormOptions = {}): { heading: string; rows: FormRow[] }[] {
  const labels = options.requestLabels ?? REQUEST_LABELS_2021
  const values = options.requestValues ?? consistentRequestValues(labels)
  const parts: { heading: string; rows: FormRow[] }[] = []
  if (options.active !== null) parts.push({ heading: '二、主动公开政府信息情况', rows: options.active ?? activeRows2021() })
  if (options.requests !== false) {
    parts.push({
      heading: '三、收到和处理政府信息公开申请情况',
      rows: [{ label: REQUEST_HEADER, values: [] }, ...labels.map((label, i) => ({ label, values: values[i] }))]
    })
  }
  if (options.appeals !== false) {
    parts.push({
      heading: '四、政府信息公开行政复议、行政诉讼情况',
      rows: [
        { label: APPEALS_HEADER, values: [] },
        { label: [], values: APPEALS_VALUES }
      ]
    })
  }
  return parts
}

/** Writes a report in one of the plain-text layouts. */
export function writeReport(layout: Layout, options: FormOptions = {}): string {
  const out: string[] = [options.title ?? '测试市测试局2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我局认真贯彻落实《条例》。']
  for (const part of formRows(options)) {
    out.push(part.heading)
    for (const row of part.rows) {
      const cells = [...row.label, ...row.values]
      if (layout === 'pipe') out.push(...cells.map((c) => `${c} |`), '||')
      else if (layout === 'tab') out.push(...cells.map((c) => `\t${c}`), '')
      else if (layout === 'tsv') out.push(cells.join('\t'))
      else if (layout === 'markdown') out.push(`| ${cells.join(' | ')} |`)
      else out.push(row.label.join('') + row.values.join(''))
    }
    if (layout === 'glued') out.push(out.splice(out.indexOf(part.heading) + 1).join(''))
  }
  out.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。')
  return out.join('\n')
}

const td = (text: string, span = ''): string => `<td${span}>${text}</td>`

/** The 2021 form as an HTML page with the official row and column spans. */
export function writeHtml(options: { requestValues?: string[][]; verticalHeaders?: boolean } = {}): string {
  const values = options.requestValues ?? consistentRequestValues(REQUEST_LABELS_2021)
  const active = `<table>
<tr>${td('第二十条第（一）项', ' colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年制发件数')}${td('本年废止件数')}${td('现行有效件数')}</tr>
<tr>${td('规章')}${td('0')}${td('1')}${td('5')}</tr>
<tr>${td('行政规范性文件')}${td('3')}${td('0')}${td('12')}</tr>
<tr>${td('第二十条第（五）项', ' colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年处理决定数量', ' colspan="3"')}</tr>
<tr>${td('行政许可')}${td('887', ' colspan="3"')}</tr>
<tr>${td('第二十条第（六）项', ' colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年处理决定数量', ' colspan="3"')}</tr>
<tr>${td('行政处罚')}${td('52', ' colspan="3"')}</tr>
<tr>${td('行政强制')}${td('0', ' colspan="3"')}</tr>
<tr>${td('第二十条第（八）项', ' colspan="4"')}</tr>
<tr>${td('信息内容')}${td('本年收费金额（单位：万元）', ' colspan="3"')}</tr>
<tr>${td('行政事业性收费')}${td('1.5', ' colspan="3"')}</tr>
</table>`
  const groupSpans: Record<number, [string, number]> = {
    4: ['（三）不予公开', 8],
    12: ['（四）无法提供', 3],
    15: ['（五）不予处理', 5],
    20: ['（六）其他处理', 3]
  }
  const rows = REQUEST_LABELS_2021.map((label, i) => {
    const cells = values[i].map((v) => td(v)).join('')
    const sub = label[label.length - 1]
    if (i < 2 || i === 24) return `<tr>${td(sub, ' colspan="3"')}${cells}</tr>`
    const first = i === 2 ? td('三、本年度<br/>办理结果', ' rowspan="22"') : ''
    if (groupSpans[i]) return `<tr>${first}${td(groupSpans[i][0], ` rowspan="${groupSpans[i][1]}"`)}${td(sub)}${cells}</tr>`
    const inGroup = Object.entries(groupSpans).some(([s, [, n]]) => i > Number(s) && i < Number(s) + n)
    return `<tr>${first}${td(sub, inGroup ? '' : ' colspan="2"')}${cells}</tr>`
  }).join('\n')
  const requests = `<table>
<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>
<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>
<tr>${td('商业<br/>企业')}${td('科研<br/>机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>
${rows}
</table>`
  const v = (s: string) => (options.verticalHeaders ? [...s].join('<br/>') : s)
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => td(v(h))).join('')
  const appeals = `<table>
<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>
<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((h) => td(v(h), ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${five}${five}</tr>
<tr>${APPEALS_VALUES.map((x) => td(x)).join('')}</tr>
</table>`
  return `<html><head><meta charset="utf-8"><title>年报</title></head><body>
<h1>测试市测试局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2023年，我局认真贯彻落实《条例》。</p>
<p>二、主动公开政府信息情况</p>${active}<p>三、收到和处理政府信息公开申请情况</p>${requests}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${appeals}<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`
}

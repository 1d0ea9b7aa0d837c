// What each figure of 统计分析 adds up: the cell keys of every measure, per template (the 2019 form
// has one （六）其他处理 row, the 2021 form three), and the definitions of the rates. Pure data.

import { templateKeys, type TemplateId } from '../../core/template'
import type { MeasureId, RateId } from '../../shared/stats'

export type { MeasureId, RateId }

export interface Measure {
  id: MeasureId
  label: string
  unit: '件' | '万元'
  /** In Chinese: which rows and columns of which table it adds up, and how the two forms differ. */
  definition: string
  /** Which keys of a template it adds up. */
  keys: (key: string) => boolean
}

const exact = (k: string) => (key: string) => key === k
const subRowTotals = (prefix: string) => (key: string) => key.startsWith(prefix) && key.endsWith('.total')
const oneOf =
  (...ks: string[]) =>
  (key: string) =>
    ks.includes(key)

const SAME_IN_BOTH = '2019 与 2021 表样相同。'

export const MEASURES: readonly Measure[] = [
  {
    id: 'newReceived',
    label: '新收申请',
    unit: '件',
    keys: exact('requests.new_received.total'),
    definition: `表三“一、本年新收政府信息公开申请数量”行的“总计”列。${SAME_IN_BOTH}`
  },
  {
    id: 'carriedOver',
    label: '上年结转',
    unit: '件',
    keys: exact('requests.carried_over.total'),
    definition: `表三“二、上年结转政府信息公开申请数量”行的“总计”列；应等于上一年度报告的“结转下年度继续办理”。${SAME_IN_BOTH}`
  },
  {
    id: 'concluded',
    label: '办结（（七）总计）',
    unit: '件',
    keys: exact('requests.total.total'),
    definition: `表三“三、本年度办理结果”之“（七）总计”行的“总计”列，即本年办结的申请数，也是公开率的分母。${SAME_IN_BOTH}`
  },
  {
    id: 'carriedForward',
    label: '结转下年度',
    unit: '件',
    keys: exact('requests.carried_forward.total'),
    definition: `表三“四、结转下年度继续办理”行的“总计”列。${SAME_IN_BOTH}`
  },
  {
    id: 'granted',
    label: '予以公开',
    unit: '件',
    keys: exact('requests.granted.total'),
    definition: `表三“（一）予以公开”行的“总计”列。${SAME_IN_BOTH}`
  },
  {
    id: 'partiallyGranted',
    label: '部分公开',
    unit: '件',
    keys: exact('requests.partially_granted.total'),
    definition: `表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行的“总计”列。${SAME_IN_BOTH}`
  },
  {
    id: 'denied',
    label: '不予公开',
    unit: '件',
    keys: subRowTotals('requests.denied.'),
    definition: `表三“（三）不予公开”下 8 个子行（1.属于国家秘密 … 8.属于行政查询事项）“总计”列之和。${SAME_IN_BOTH}`
  },
  {
    id: 'unable',
    label: '无法提供',
    unit: '件',
    keys: subRowTotals('requests.unable.'),
    definition: `表三“（四）无法提供”下 3 个子行（本机关不掌握、需另行制作、补正后仍不明确）“总计”列之和。${SAME_IN_BOTH}`
  },
  {
    id: 'notProcessed',
    label: '不予处理',
    unit: '件',
    keys: subRowTotals('requests.not_processed.'),
    definition: `表三“（五）不予处理”下 5 个子行（信访举报投诉类 … 要求确认或重新出具已获取信息）“总计”列之和。${SAME_IN_BOTH}`
  },
  {
    // 2019: requests.other.total; 2021: requests.other.{no_correction,unpaid_fee,misc}.total.
    id: 'otherHandling',
    label: '其他处理',
    unit: '件',
    keys: subRowTotals('requests.other.'),
    definition:
      '表三“（六）其他处理”的“总计”列。2021 表样分 3 个子行（1.逾期不补正、2.逾期未缴纳费用、3.其他），取三者之和；2019 表样只有“（六）其他处理”一行。'
  },
  {
    id: 'reviewTotal',
    label: '行政复议总计',
    unit: '件',
    keys: exact('appeals.review.total'),
    definition: `表四“行政复议”的“总计”列。${SAME_IN_BOTH}`
  },
  {
    id: 'reviewCorrected',
    label: '行政复议结果纠正',
    unit: '件',
    keys: exact('appeals.review.corrected'),
    definition: `表四“行政复议”的“结果纠正”列。${SAME_IN_BOTH}`
  },
  {
    id: 'litigationTotal',
    label: '行政诉讼总计',
    unit: '件',
    keys: oneOf('appeals.litigation_direct.total', 'appeals.litigation_after_review.total'),
    definition: `表四“行政诉讼”中“未经复议直接起诉”与“复议后起诉”两部分的“总计”列之和。${SAME_IN_BOTH}`
  },
  {
    id: 'litigationCorrected',
    label: '行政诉讼结果纠正',
    unit: '件',
    keys: oneOf('appeals.litigation_direct.corrected', 'appeals.litigation_after_review.corrected'),
    definition: `表四“行政诉讼”中“未经复议直接起诉”与“复议后起诉”两部分的“结果纠正”列之和。${SAME_IN_BOTH}`
  },
  {
    id: 'licensingDecisions',
    label: '行政许可处理决定',
    unit: '件',
    keys: exact('active.licensing.decisions'),
    definition: '表二“行政许可”行的“本年处理决定数量”列（2019 表样为“处理决定数量”）。'
  },
  {
    id: 'punishmentDecisions',
    label: '行政处罚处理决定',
    unit: '件',
    keys: exact('active.punishment.decisions'),
    definition: '表二“行政处罚”行的“本年处理决定数量”列（2019 表样为“处理决定数量”）。'
  },
  {
    // Only the 2021 form has an amount; a 2019 report has none, so it is left out (not read as 0).
    id: 'feesAmount',
    label: '行政事业性收费（万元）',
    unit: '万元',
    keys: exact('active.fees.amount'),
    definition:
      '表二“行政事业性收费”行的“本年收费金额（单位：万元）”列。只有 2021 表样有此项；2019 表样只列收费项目数量、没有金额，其报告不计入合计（不视为 0，也不算空白，另行列出）。'
  }
]

export const MEASURE_BY_ID = new Map(MEASURES.map((m) => [m.id, m]))

/** Per template, per measure (in MEASURES order): the keys it adds up. Computed once; frozen, as every figure shares them. */
const keysIn = (template: TemplateId): string[][] => MEASURES.map((m) => Object.freeze(templateKeys(template).filter(m.keys)) as string[])
const KEYS_BY_TEMPLATE: Record<TemplateId, readonly string[][]> = { '2021': keysIn('2021'), '2019': keysIn('2019') }
const MEASURE_INDEX = new Map(MEASURES.map((m, i) => [m.id, i]))

/** The index of a measure in MEASURES. */
export const measureIndex = (id: MeasureId): number => MEASURE_INDEX.get(id)!

/** The keys of every measure, in MEASURES order, in a report of this template (a report without one is read as 2021). */
export function keysOfTemplate(template: TemplateId | null): readonly string[][] {
  return KEYS_BY_TEMPLATE[template ?? '2021']
}

/** The keys a measure adds up in a report of this template (a report without one is read as 2021). */
export function measureKeys(id: MeasureId, template: TemplateId | null): string[] {
  return keysOfTemplate(template)[measureIndex(id)]
}

export interface RateDefinition {
  id: RateId
  label: string
  numerator: MeasureId[]
  denominator: MeasureId
  definition: string
}

export const RATES: readonly RateDefinition[] = [
  {
    id: 'disclosure',
    label: '公开率',
    numerator: ['granted', 'partiallyGranted'],
    denominator: 'concluded',
    definition: '公开率 =（予以公开 + 部分公开）÷ 办理结果（七）总计，均取表三“总计”列。按机关汇总时分子、分母各自求和后相除；分母空白或为 0 时不计算。'
  },
  {
    id: 'reviewCorrection',
    label: '复议纠错率',
    numerator: ['reviewCorrected'],
    denominator: 'reviewTotal',
    definition: '复议纠错率 = 表四行政复议“结果纠正”÷ 行政复议“总计”。按机关汇总时分子、分母各自求和后相除；分母空白或为 0 时不计算。'
  },
  {
    id: 'litigationCorrection',
    label: '诉讼纠错率',
    numerator: ['litigationCorrected'],
    denominator: 'litigationTotal',
    definition:
      '诉讼纠错率 = 表四行政诉讼（未经复议直接起诉 + 复议后起诉）的“结果纠正”÷ 两者“总计”之和。按机关汇总时分子、分母各自求和后相除；分母空白或为 0 时不计算。'
  }
]

/** Fewer agencies with a value of a rate than this: nothing is flagged, and the result says so. */
export const MIN_OUTLIER_SAMPLE = 8
/** A robust z-score (0.6745 × (x − 中位数) ÷ MAD) beyond this flags a value (Iglewicz & Hoaglin). */
export const OUTLIER_Z = 3.5

/** 新收申请 changing by this factor or more from one year to the next (or to/from 0) is a jump… */
export const JUMP_FACTOR = 3
/** …when the larger of the two years is at least this many (small counts swing without meaning). */
export const JUMP_MIN_COUNT = 20
/** 公开率 moving by this many percentage points or more from one year to the next is a jump… */
export const JUMP_POINTS = 30
/** …when both years' （七）总计 are at least this. */
export const JUMP_MIN_DENOMINATOR = 10

export const GENERAL_NOTES: readonly string[] = [
  '数值取各单元格的当前值：有人工修改的取人工值，否则取提取值。',
  '空白、“/”不视为 0：某报告某项任一单元格空白或为“/”时，该项对该报告记为空白，不计入合计，并列出其报告。',
  '表样中没有的项目（2019 表样没有“本年收费金额”）：该报告不计入此项合计，既不视为 0 也不算空白，单独列出。',
  '比率按机关汇总：分子、分母各自求和后相除，只用该比率各项均有数值的报告；分母为 0 或空白时比率为空并注明原因。',
  `值得关注：对每个比率取筛选范围内各机关的中位数与 MAD（绝对离差中位数），稳健 z =0.6745×(值−中位数)÷MAD，|z|>${OUTLIER_Z} 标记；MAD 为 0 时改用 1.2533×平均绝对离差；有比率的机关少于 ${MIN_OUTLIER_SAMPLE} 个时不标记。`,
  `年度间大幅变化：同一机关（按机关名称归一后相同）相邻两个年度各有一份报告时比较。新收申请变化达 ${JUMP_FACTOR} 倍及以上（或由 0 变为非 0、由非 0 变为 0），且两年中较大者不少于 ${JUMP_MIN_COUNT} 件；公开率变动达 ${JUMP_POINTS} 个百分点及以上，且两年的（七）总计均不少于 ${JUMP_MIN_DENOMINATOR} 件。任一年空白或为“/”时不比较（不视为 0）；同一年度有多份报告时不比较。按超出规则的幅度排序。`,
  '默认只统计已核验的报告；选择“全部”时包含未核验的报告，并逐项标出。',
  '同一机关（名称归一后相同）、同一年度、同一表样的多份报告（如同一报告的 Word 版与文本版）只计一份：先取已核验的，再取核验（未核验的取修改）时间较晚的，再取编号较小的；其余列为“重复，未计入”。',
  '年度不详的报告只计入“年度不详”一栏，不计入按机关的统计，也不在机关历年对比中与其他年度并列，并单独列出。',
  '金额按原文的小数精确相加（不经二进制浮点运算），合计按各报告写出的最多小数位显示。'
]

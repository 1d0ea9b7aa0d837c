// What each figure of 统计分析 adds up: the cell keys of every measure, per template (the 2019 form
// has one （六）其他处理 row, the 2021 form three), and the definitions of the rates. Pure data.

import { templateKeys, type TemplateId } from '../../core/template'
import type { MeasureId, RateId } from '../../shared/stats'

export type { MeasureId, RateId }

export interface Measure {
  id: MeasureId
  label: string
  /** Which keys of a template it adds up. */
  keys: (key: string) => boolean
}

const exact = (k: string) => (key: string) => key === k
const subRowTotals = (prefix: string) => (key: string) => key.startsWith(prefix) && key.endsWith('.total')
const oneOf = (...ks: string[]) => (key: string) => ks.includes(key)

export const MEASURES: readonly Measure[] = [
  { id: 'newReceived', label: '新收申请', keys: exact('requests.new_received.total') },
  { id: 'carriedOver', label: '上年结转', keys: exact('requests.carried_over.total') },
  { id: 'concluded', label: '办结（（七）总计）', keys: exact('requests.total.total') },
  { id: 'carriedForward', label: '结转下年度', keys: exact('requests.carried_forward.total') },
  { id: 'granted', label: '予以公开', keys: exact('requests.granted.total') },
  { id: 'partiallyGranted', label: '部分公开', keys: exact('requests.partially_granted.total') },
  { id: 'denied', label: '不予公开', keys: subRowTotals('requests.denied.') },
  { id: 'unable', label: '无法提供', keys: subRowTotals('requests.unable.') },
  { id: 'notProcessed', label: '不予处理', keys: subRowTotals('requests.not_processed.') },
  // 2019: requests.other.total; 2021: requests.other.{no_correction,unpaid_fee,misc}.total.
  { id: 'otherHandling', label: '其他处理', keys: subRowTotals('requests.other.') },
  { id: 'reviewTotal', label: '行政复议总计', keys: exact('appeals.review.total') },
  { id: 'reviewCorrected', label: '行政复议结果纠正', keys: exact('appeals.review.corrected') },
  {
    id: 'litigationTotal',
    label: '行政诉讼总计',
    keys: oneOf('appeals.litigation_direct.total', 'appeals.litigation_after_review.total')
  },
  {
    id: 'litigationCorrected',
    label: '行政诉讼结果纠正',
    keys: oneOf('appeals.litigation_direct.corrected', 'appeals.litigation_after_review.corrected')
  },
  { id: 'licensingDecisions', label: '行政许可处理决定', keys: exact('active.licensing.decisions') },
  { id: 'punishmentDecisions', label: '行政处罚处理决定', keys: exact('active.punishment.decisions') },
  // Only the 2021 form has an amount; a 2019 report has none, so it is left out (not read as 0).
  { id: 'feesAmount', label: '行政事业性收费（万元）', keys: exact('active.fees.amount') }
]

export const MEASURE_BY_ID = new Map(MEASURES.map((m) => [m.id, m]))

/** Per template, per measure (in MEASURES order): the keys it adds up. Computed once. */
const KEYS_BY_TEMPLATE: Record<TemplateId, readonly string[][]> = {
  '2021': MEASURES.map((m) => templateKeys('2021').filter(m.keys)),
  '2019': MEASURES.map((m) => templateKeys('2019').filter(m.keys))
}
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

/** Every key any measure reads, in either template: what the SQL fetches. */
export const STAT_KEYS: readonly string[] = [
  ...new Set(MEASURES.flatMap((m) => [...measureKeys(m.id, '2021'), ...measureKeys(m.id, '2019')]))
]

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
    definition: '公开率 =（予以公开 + 部分公开）÷ 办理结果（七）总计。分母空白或为 0 时不计算。'
  },
  {
    id: 'reviewCorrection',
    label: '复议纠错率',
    numerator: ['reviewCorrected'],
    denominator: 'reviewTotal',
    definition: '复议纠错率 = 行政复议“结果纠正”÷ 行政复议“总计”。分母空白或为 0 时不计算。'
  },
  {
    id: 'litigationCorrection',
    label: '诉讼纠错率',
    numerator: ['litigationCorrected'],
    denominator: 'litigationTotal',
    definition:
      '诉讼纠错率 =（未经复议直接起诉 + 复议后起诉）的“结果纠正”÷ 两者“总计”之和。分母空白或为 0 时不计算。'
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
  '比率按机关汇总：分子、分母各自求和后相除，只用该比率各项均有数值的报告；分母为 0 或空白时比率为空并注明原因。',
  `值得关注：对每个比率取筛选范围内各机关的中位数与 MAD（绝对离差中位数），稳健 z =0.6745×(值−中位数)÷MAD，|z|>${OUTLIER_Z} 标记；MAD 为 0 时改用 1.2533×平均绝对离差；有比率的机关少于 ${MIN_OUTLIER_SAMPLE} 个时不标记。`,
  `年度间大幅变化：同一机关（按机关名称归一后相同）相邻两个年度各有一份报告时比较。新收申请变化达 ${JUMP_FACTOR} 倍及以上（或由 0 变为非 0、由非 0 变为 0），且两年中较大者不少于 ${JUMP_MIN_COUNT} 件；公开率变动达 ${JUMP_POINTS} 个百分点及以上，且两年的（七）总计均不少于 ${JUMP_MIN_DENOMINATOR} 件。任一年空白或为“/”时不比较（不视为 0）；同一年度有多份报告时不比较。按超出规则的幅度排序。`,
  '默认只统计已核验的报告；选择“全部”时包含未核验的报告，并逐项标出。'
]

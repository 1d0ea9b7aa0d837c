// The rubric: how many points each indicator of 年报质量评估 is worth and what each problem costs,
// with the words a deduction is explained in. A plain JSON file (resources/assess-rubric.json is the
// default), so an organisation can load its own; checked whole before use, every fault named in Chinese.

import { error, type Result } from '../messages'

export const RUBRIC_SCHEMA = 'report-desk/assess-rubric@1'

/** The indicators and, for each, the deductions the engine knows how to find. */
export const INDICATOR_DEDUCTIONS = {
  timeliness: ['late', 'undated'],
  conformity: ['wrong_form', 'no_form', 'chapter_missing', 'chapter_order', 'unit'],
  completeness: ['table_missing', 'cell_blank'],
  accuracy: ['relation_fail', 'text_mismatch', 'carry_over'],
  problems: ['only_none', 'missing'],
  fees: ['not_reported']
} as const

export type IndicatorId = keyof typeof INDICATOR_DEDUCTIONS
export const INDICATOR_IDS = Object.keys(INDICATOR_DEDUCTIONS) as IndicatorId[]

export interface RubricDeduction {
  id: string
  /** Points taken off (each time, when perItem). */
  points: number
  /** Taken once per problem found (each blank cell, each failing check) rather than once. */
  perItem?: boolean
  /** At most this many points in all for a perItem deduction. */
  cap?: number
  /** What the problem is, in the words of the rubric. */
  text: string
}

export interface RubricIndicator {
  id: IndicatorId
  title: string
  points: number
  description: string
  deductions: RubricDeduction[]
}

export interface Rubric {
  schema: typeof RUBRIC_SCHEMA
  id: string
  version: string
  name: string
  description?: string
  indicators: RubricIndicator[]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''
const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1000

/** Checks a rubric read from JSON; value is null with every fault listed (in Chinese) when it is not one. */
export function parseRubric(json: unknown): Result<Rubric | null> {
  const faults: string[] = []
  if (!isObject(json)) return fail(['文件内容不是一个 JSON 对象'])
  if (json.schema !== RUBRIC_SCHEMA) faults.push(`schema 应为“${RUBRIC_SCHEMA}”`)
  for (const field of ['id', 'version', 'name'] as const) if (!isText(json[field])) faults.push(`缺少 ${field}（文字）`)
  if (!Array.isArray(json.indicators)) return fail([...faults, '缺少 indicators（指标列表）'])
  const seen = new Set<string>()
  json.indicators.forEach((raw: unknown, i: number) => {
    const at = `第 ${i + 1} 项指标`
    if (!isObject(raw)) return faults.push(`${at}不是对象`)
    const id = raw.id as string
    if (!(id in INDICATOR_DEDUCTIONS)) return faults.push(`${at}的 id“${String(id)}”不是已知指标（${INDICATOR_IDS.join('、')}）`)
    if (seen.has(id)) faults.push(`指标 ${id} 出现了两次`)
    seen.add(id)
    if (!isText(raw.title)) faults.push(`指标 ${id} 缺少 title（名称）`)
    if (!isPoints(raw.points)) faults.push(`指标 ${id} 的 points（分值）应为 0–1000 的数`)
    if (raw.description !== undefined && typeof raw.description !== 'string') faults.push(`指标 ${id} 的 description 应为文字`)
    if (!Array.isArray(raw.deductions)) return faults.push(`指标 ${id} 缺少 deductions（扣分情形）`)
    const known: readonly string[] = INDICATOR_DEDUCTIONS[id as IndicatorId]
    const listed = new Set<string>()
    raw.deductions.forEach((d: unknown, j: number) => {
      const where = `指标 ${id} 第 ${j + 1} 个扣分情形`
      if (!isObject(d)) return faults.push(`${where}不是对象`)
      if (!known.includes(d.id as string)) return faults.push(`${where}的 id“${String(d.id)}”不是此指标的已知情形（${known.join('、')}）`)
      if (listed.has(d.id as string)) faults.push(`${where}（${String(d.id)}）重复`)
      listed.add(d.id as string)
      if (!isPoints(d.points)) faults.push(`${where}的 points（扣分）应为 0–1000 的数`)
      if (d.perItem !== undefined && typeof d.perItem !== 'boolean') faults.push(`${where}的 perItem 应为 true 或 false`)
      if (d.cap !== undefined && !isPoints(d.cap)) faults.push(`${where}的 cap（封顶）应为 0–1000 的数`)
      if (!isText(d.text)) faults.push(`${where}缺少 text（措辞）`)
    })
    for (const id2 of known) if (!listed.has(id2)) faults.push(`指标 ${id} 缺少扣分情形 ${id2}（不扣分请写 points: 0）`)
  })
  for (const id of INDICATOR_IDS) if (!seen.has(id)) faults.push(`缺少指标 ${id}`)
  if (faults.length) return fail(faults)
  return { value: json as unknown as Rubric, messages: [] }
}

function fail(faults: string[]): Result<null> {
  return {
    value: null,
    messages: [error('assess.bad_rubric', `评估标准文件有误：${faults.join('；')}`, `Invalid assessment rubric: ${faults.length} fault(s)`)]
  }
}

// A cell's text → its value. Blank, "/", "-", "—" and "无" are null (different from 0, and kept
// apart through `raw`); a number outside its column's domain is kept but marked for review.

import type { CellType } from '../template'
import { normValue } from './normalize'

export interface ParsedValue {
  value: number | null
  review?: string
}

const NULL_MARKS = /^(?:\/|\\|-|—+|–|─|无|空)$/
const NUMBER = /^([+-]?)(\d{1,3}(?:[,，]\d{3})+|\d{1,3}(?: \d{3})+|\d+)(\.\d+)?\s*(万元|元|件|个|条|项|次|人次|笔|宗|份|%)?$/

/**
 * Parses one cell. `unit` is the unit the column's header states ('万元' for 本年收费金额); a
 * different unit in the cell is kept as written but marked for review.
 */
export function parseValue(raw: string, type: CellType, headerUnit?: string): ParsedValue {
  const t = normValue(raw)
  if (t === '') return { value: null }
  if (NULL_MARKS.test(t)) return { value: null }
  const m = NUMBER.exec(t)
  if (!m) return { value: null, review: `“${raw}”不是数字` }
  const [, sign, digits, fraction, unit] = m
  const value = Number((sign === '-' ? '-' : '') + digits.replace(/[ ,，]/g, '') + (fraction ?? ''))
  if (!Number.isFinite(value)) return { value: null, review: `“${raw}”不是数字` }
  if (type === 'count' && (value < 0 || !Number.isInteger(value))) return { value, review: '数量应为非负整数' }
  if (type === 'signed' && !Number.isInteger(value)) return { value, review: '增减数应为整数' }
  if (type === 'amount' && value < 0) return { value, review: '金额不应为负数' }
  // more than four decimals is not how amounts are written: digits of two cells may have run together
  if (type === 'amount' && fraction && fraction.length > 5) return { value, review: '金额的小数位数异常，可能与相邻单元格连在一起' }
  if (unit && headerUnit && unit !== headerUnit) return { value, review: `单元格单位“${unit}”与表头单位“${headerUnit}”不一致，数值按原文保留` }
  if (/ /.test(digits)) return { value, review: '数字中有空格，按千位分隔理解' }
  return { value }
}

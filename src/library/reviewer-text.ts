// What a reviewer types into a cell, read the way the official form means it: '' is blank,
// "/" and dashes are kept as written with no number, and numbers obey the cell's type.

import { cellSpec, type CellType, type TemplateId } from '../core/template'
import { UserFacingError } from '../shared/contract'

export interface ParsedEntry {
  value: number | null
  raw: string
}

/** Placeholders that mean "not applicable / none" in these reports: kept as text, never a number. */
const PLACEHOLDERS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '―', '─'])

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/

/** Units a reviewer may type after a number ("12件", "3.5万元"): the number is what the cell holds; the text stays as typed. */
const UNIT = /(?:件|个|次|条|份|项|人次|人|家|起|篇|万元|元)$/

export function parseReviewerText(text: string, type: CellType): ParsedEntry {
  const raw = text.replace(/[\u00a0\u3000]/g, ' ').trim()
  if (raw === '') return { value: null, raw: '' }
  if (PLACEHOLDERS.has(raw)) return { value: null, raw }
  const compact = raw.normalize('NFKC').replace(/\s+/g, '').replace(/[−﹣]/g, '-').replace(UNIT, '')
  const match = NUMBER.exec(compact)
  if (!match) throw new UserFacingError('edit.not_a_number', `无法识别“${raw}”：请输入数字、“/”，或留空表示空白`)
  const [, sign, digits, decimals] = match
  if (decimals !== undefined && type !== 'amount') {
    throw new UserFacingError('edit.not_integer', `“${raw}”不是整数：该单元格只能填写整数`)
  }
  if (sign && type !== 'signed') {
    if (sign === '-') throw new UserFacingError('edit.negative', `“${raw}”是负数：该单元格不能为负数`)
    throw new UserFacingError('edit.sign', `“${raw}”带有正号：该单元格只填写数字`)
  }
  const value = Number(`${sign === '-' ? '-' : ''}${digits.replace(/,/g, '')}${decimals !== undefined ? '.' + decimals : ''}`)
  if (!Number.isFinite(value) || (decimals === undefined && !Number.isSafeInteger(value))) {
    throw new UserFacingError('edit.too_large', `“${raw}”超出可记录的范围`)
  }
  return { value: Object.is(value, -0) ? 0 : value, raw }
}

/** A cell key's type under a report's template; mixed-format reports may hold the other template's rows. */
export function cellTypeFor(key: string, template: TemplateId | null): CellType | undefined {
  const spec = (template ? cellSpec(key, template) : undefined) ?? cellSpec(key, '2021') ?? cellSpec(key, '2019')
  return spec?.type
}

// The rubric in use: the default of resources/, or an organisation's own file, checked before use.

import { readFileSync } from 'node:fs'
import defaultRubricJson from '../../../resources/assess-rubric.json'
import { parseRubric, type Rubric } from '../../core/assess'
import { UserFacingError } from '../../shared/contract'

export const DEFAULT_RUBRIC: Rubric = checked(defaultRubricJson)

function checked(json: unknown): Rubric {
  const parsed = parseRubric(json)
  if (!parsed.value) throw new UserFacingError('assess.bad_rubric', parsed.messages.map((m) => m.message).join('；'))
  return parsed.value
}

/** Reads and checks a rubric file; every fault is a Chinese error. */
export function loadRubric(path: string): Rubric {
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch (e) {
    throw new UserFacingError('assess.rubric_unreadable', `无法读取评估标准文件 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new UserFacingError('assess.rubric_not_json', `评估标准文件 ${path} 不是有效的 JSON：${(e as Error).message}`)
  }
  return checked(json)
}

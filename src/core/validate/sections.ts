// Part 五 (存在的主要问题及改进情况) of the report's prose: an advisory when it says only "无" or
// next to nothing, which the format does not allow. Part 六's 信息处理费 is deliberately not tied to
// table 二's 行政事业性收费: they are different things.

import type { Finding } from '../report'
import { normaliseProse } from './prose'

const PART_FIVE = /五[、.,]?存在的?主要问题(?:及|和|与)(?:其)?改进(?:措施|情况)?/g
const PART_SIX = /六[、.,]?其他需要报告的事项/
const NEAR_EMPTY = 6

/** The body of part 五 (its last heading: a table of contents may name it first), normalised, or null. */
function partFive(text: string): string | null {
  let last: RegExpExecArray | null = null
  PART_FIVE.lastIndex = 0
  for (let m = PART_FIVE.exec(text); m; m = PART_FIVE.exec(text)) last = m
  if (!last) return null
  const rest = text.slice(last.index + last[0].length)
  const six = rest.search(PART_SIX)
  return six < 0 ? rest : rest.slice(0, six)
}

const CACHE_SIZE = 16
const cache = new Map<string, Finding[]>()

/** text.problems_section: part 五 present but saying only "无" or next to nothing. Cached: checks re-run after every edit. */
export function checkProblemsSection(text: string | undefined): Finding[] {
  if (!text) return []
  let findings = cache.get(text)
  if (!findings) {
    findings = problemsSection(text)
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
    cache.set(text, findings)
  }
  return findings.map((f) => ({ ...f }))
}

function problemsSection(text: string): Finding[] {
  const body = partFive(normaliseProse(text).text)
  if (body === null) return []
  const words = body.replace(/[\p{P}\p{S}\s]/gu, '')
  if (words.length > NEAR_EMPTY && !/^(?:无|暂无|没有)$/.test(words)) return []
  const said = words ? `只写了“${body.trim().slice(0, 20)}”` : '没有内容'
  return [
    {
      rule: 'text.problems_section',
      status: 'uncertain',
      cells: [],
      message: `第五部分“存在的主要问题及改进情况”${said}：格式要求写明存在的问题和改进措施，请核对原文`,
      ...(words ? { quote: body.trim().slice(0, 40) } : {})
    }
  ]
}

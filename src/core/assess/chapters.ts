// The six parts of a report's prose, as the form names them, and where each stands in the text.

import { toSimplified } from '../extract/normalize'
import { normaliseProse, quoteOriginal, type Prose } from '../validate/prose'
import type { Quote } from './types'

export interface Chapter {
  numeral: string
  title: string
  /** Heading as it may be written: numeral, a separator, the words (some words vary between bodies). */
  pattern: RegExp
}

const SEP = '[、.,．]?'
/** Some bodies head parts 五 and 六 "政府信息公开工作存在的…". */
const OF_WORK = '(?:政府信息公开(?:工作)?)?'
export const CHAPTERS: readonly Chapter[] = [
  { numeral: '一', title: '总体情况', pattern: new RegExp(`一${SEP}(?:总体情况|概述)`, 'g') },
  { numeral: '二', title: '主动公开政府信息情况', pattern: new RegExp(`二${SEP}(?:主动公开政府信息情况|政府信息主动公开情况)`, 'g') },
  {
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    pattern: new RegExp(`三${SEP}(?:收到和处理政府信息公开申请情况|政府信息依申请公开情况)`, 'g')
  },
  { numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', pattern: new RegExp(`四${SEP}(?:政府信息公开)?行政复议(?:、|和|及)?行政诉讼`, 'g') },
  { numeral: '五', title: '存在的主要问题及改进情况', pattern: new RegExp(`五${SEP}${OF_WORK}存在的?(?:主要)?问题`, 'g') },
  { numeral: '六', title: '其他需要报告的事项', pattern: new RegExp(`六${SEP}${OF_WORK}其他需要报告的?事项`, 'g') }
]

export interface ChapterPlace {
  chapter: Chapter
  /** Offsets in the normalised prose. */
  at: number
  end: number
  quote: Quote
}

export interface ChapterReading {
  prose: Prose
  /** Each chapter's heading, in order: the first after the previous one; null when not after it. */
  found: (ChapterPlace | null)[]
  /** Chapters written somewhere, but before a later chapter (out of order). */
  misplaced: ChapterPlace[]
}

function quoteOf(prose: Prose, at: number, end: number): Quote {
  return { text: quoteOriginal(prose, at, end), start: prose.origin[at], end: prose.origin[end - 1] + 1 }
}

function firstMatch(prose: Prose, pattern: RegExp, from: number): ChapterPlace['at'] | null {
  pattern.lastIndex = from
  const m = pattern.exec(prose.text)
  return m ? m.index : null
}

/** Reads the chapter headings in order. A table of contents naming them first is passed over by the later ones. */
export function readChapters(text: string): ChapterReading {
  // A report in Traditional characters is read in Simplified (the converter keeps every offset),
  // and quoted as written.
  const simplified = toSimplified(text)
  const prose = simplified.length === text.length ? { ...normaliseProse(simplified), original: text } : normaliseProse(text)
  const found: (ChapterPlace | null)[] = []
  const misplaced: ChapterPlace[] = []
  let from = 0
  for (const chapter of CHAPTERS) {
    const at = firstMatch(prose, chapter.pattern, from)
    if (at !== null) {
      const end = chapter.pattern.lastIndex
      found.push({ chapter, at, end, quote: quoteOf(prose, at, end) })
      from = end
      continue
    }
    found.push(null)
    const anywhere = firstMatch(prose, chapter.pattern, 0)
    if (anywhere !== null) misplaced.push({ chapter, at: anywhere, end: chapter.pattern.lastIndex, quote: quoteOf(prose, anywhere, chapter.pattern.lastIndex) })
  }
  return { prose, found, misplaced }
}

/** The body of a chapter: from its heading to the next chapter found (or the end), as a quote. */
export function chapterBody(reading: ChapterReading, index: number, limit = 400): Quote | null {
  const place = reading.found[index]
  if (!place) return null
  const next = reading.found.slice(index + 1).find((p) => p !== null)
  const stop = Math.min(next ? next.at : reading.prose.text.length, place.end + limit)
  if (stop <= place.end) return { text: '', start: place.quote.end, end: place.quote.end }
  return quoteOf(reading.prose, place.end, stop)
}

// When a report was published, from its own text: a web page's "发布日期：2023-01-20" (the date the
// evaluators of 及时性 look at), else the 落款 date standing alone on a line under the signature
// ("2023年1月20日", also spelled "二〇二三年一月二十日"). Kept with its place in the text, so a
// deduction for lateness can show the very words it rests on. None found is its own answer (null).

export interface PublicationDate {
  /** ISO date, YYYY-MM-DD. */
  date: string
  /** 'published': a 发布日期/发布时间 label; 'signature': the 落款 date line. */
  kind: 'published' | 'signature'
  /** Offsets of the date's words in the text. */
  start: number
  end: number
  /** The words as written. */
  quote: string
}

const LABELLED = /(?:发布|發布|公开|公開|发文|成文|印发)(?:日期|时间|時間)\s*[:：]?\s*((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?:\s*日)?/g
const CN_DIGITS = '〇一二三四五六七八九'
const DATE_LINE = /^((?:19|20)\d\d|[〇零○Ｏ一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/
/** How far before the end the 落款 is looked for: saved web pages end with their site's footer. */
const TAIL = 12000
/** Where a labelled publication date is looked for: a page's header, before the report. */
const HEAD = 8000

function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  if (s.length === 4) return Number([...s].map((c) => String(Math.max(0, CN_DIGITS.indexOf(c.replace(/[零○Ｏ]/, '〇'))))).join(''))
  // 一 … 三十一
  const ten = s.indexOf('十')
  if (ten < 0) return CN_DIGITS.indexOf(s)
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(s[0])
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s[ten + 1])
  return tens * 10 + ones
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The publication date a report states, with its place; null when it states none. */
export function readPublicationDate(text: string): PublicationDate | null {
  const head = text.slice(0, HEAD)
  LABELLED.lastIndex = 0
  for (let m = LABELLED.exec(head); m; m = LABELLED.exec(head)) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    if (date) return { date, kind: 'published', start: m.index, end: m.index + m[0].length, quote: m[0].trim() }
  }
  const from = Math.max(0, text.length - TAIL)
  let end = text.length
  // the last line that is a date and nothing else
  while (end > from) {
    const start = text.lastIndexOf('\n', end - 1) + 1
    const raw = text.slice(start, end)
    const squeezed = raw.replace(/[\s\u00a0\u3000|]+/g, '')
    const m = DATE_LINE.exec(squeezed)
    if (m) {
      const date = isoDate(chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3]))
      if (date) {
        const lead = raw.length - raw.trimStart().length
        return { date, kind: 'signature', start: start + lead, end: start + raw.trimEnd().length, quote: raw.trim() }
      }
    }
    if (start === 0) break
    end = start - 1
  }
  return null
}

/** A date a reviewer typed: its ISO form, or why it is refused (in Chinese). */
export type TypedDate = { date: string; error?: never } | { date?: never; error: string }

const TYPED = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/

/**
 * The publication date a reviewer types: 2022-01-31, 2022/1/31 or 2022年1月31日 (full-width digits
 * too). Anything else, and a day the calendar has not (2022-02-30), is refused rather than guessed.
 */
export function parseTypedDate(input: string): TypedDate {
  const text = String(input ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
  const m = TYPED.exec(text)
  const example = '请按 2022-01-31、2022/1/31 或 2022年1月31日 填写'
  if (!m) return { error: `“${String(input ?? '').trim()}”不是日期：${example}` }
  const [y, mo, d] = [m[1], m[2] ?? m[4] ?? m[6], m[3] ?? m[5] ?? m[7]].map(Number)
  if (!(y >= 1990 && y <= 2100)) return { error: `“${text}”的年份不在 1990–2100 之间` }
  const date = isoDate(y, mo, d)
  if (!date) return { error: `没有 ${y} 年 ${mo} 月 ${d} 日这一天` }
  return { date }
}

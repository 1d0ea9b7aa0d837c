// A report's prose made searchable: Traditional → Simplified for the words the text rules use,
// full-width → ASCII (NFKC), whitespace removed (PDF lines break mid-sentence), with a map back
// to the original offsets so findings can quote the source as written.

// Only the characters the text rules look at (and their neighbours in the usual sentences);
// a general converter would cost far more on every check run.
const TRADITIONAL =
  '請请結结轉转辦办複复復复議议訟讼訴诉開开處处計计總总發发範范規规現现決决罰罚許许強强製制廢废數数關关' +
  '於于為为與与務务機机糾纠錯错敗败維维審审補补條条個个項项據据較较減减這这應应時时間间報报經经會会區区' +
  '縣县廳厅實实際际舉举訪访餘余萬万億亿兩两單单無无終终並并對对當当門门級级屬属統统違违認认確确證证執执' +
  '繳缴費费訊讯錄录產产歷历來来內内後后線线網网諮咨詢询問问題题們们鄉乡鎮镇約约積积級级長长轄辖據据' +
  '類类閱阅覽览檔档聯联責责習习與与愛爱齊齐雙双實实員员體体級级'

const TO_SIMPLIFIED = new Map<string, string>()
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TO_SIMPLIFIED.set(TRADITIONAL[i], TRADITIONAL[i + 1])

export interface Prose {
  /** Normalised text: Simplified, NFKC, no whitespace. */
  text: string
  /** For each character of text, its offset in the original. */
  origin: number[]
  original: string
}

/** Each character's normal form (Simplified, NFKC, whitespace gone), worked out once per character. */
const NORMAL_FORMS = new Map<string, string>()
const MAX_NORMAL_FORMS = 1 << 16

function normalForm(ch: string): string {
  let form = NORMAL_FORMS.get(ch)
  if (form === undefined) {
    form = /\s/.test(ch) ? '' : [...(TO_SIMPLIFIED.get(ch) ?? ch).normalize('NFKC')].filter((out) => !/\s/.test(out)).join('')
    if (NORMAL_FORMS.size < MAX_NORMAL_FORMS) NORMAL_FORMS.set(ch, form)
  }
  return form
}

export function normaliseProse(original: string): Prose {
  let text = ''
  const origin: number[] = []
  for (let i = 0; i < original.length; i++) {
    const form = normalForm(original[i])
    if (form.length === 1) {
      text += form
      origin.push(i)
    } else {
      for (const out of form) {
        text += out
        origin.push(i)
      }
    }
  }
  return { text, origin, original }
}

/** The original text between two normalised offsets, whitespace runs shown as one space. */
export function quoteOriginal(prose: Prose, start: number, end: number): string {
  if (start >= end) return ''
  const from = prose.origin[start]
  const to = prose.origin[end - 1] + 1
  return prose.original
    .slice(from, to)
    .replace(/\s*\n\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 }

function chineseNumber(text: string): number | null {
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]
    } else if (ch === '万') {
      section = (section + (digit ?? 0)) * 10000
      total += section
      section = 0
      digit = null
    } else if (ch in UNITS) {
      section += (digit ?? 1) * UNITS[ch]
      digit = null
    } else {
      return null
    }
  }
  return total + section + (digit ?? 0)
}

/** "1,295" → 1295, "十二" → 12; null when it is not a number. */
export function parseNumber(text: string): number | null {
  if (/^\d+(,\d{3})*$/.test(text)) return Number(text.replace(/,/g, ''))
  return chineseNumber(text)
}

/** Sentence boundaries in normalised text: 。；！？ (the comma stays inside a sentence). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const stops = /[。;!?]/
  let s = start
  while (s > 0 && !stops.test(text[s - 1])) s--
  let e = end
  while (e < text.length && !stops.test(text[e])) e++
  return { start: s, end: e }
}

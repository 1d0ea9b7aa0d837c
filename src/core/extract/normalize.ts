// Normalisation for matching only: the source text and every cell's raw stay as written.
// Traditional → Simplified, full-width → half-width (NFKC), no whitespace, one kind of quote
// and bracket, so 自 然 人 / 自然人 / 自然人 and （一）/(一) compare equal.

import * as OpenCC from 'opencc-js/t2cn'

/**
 * Characters that only occur in Traditional text and are common in these reports. A text holding
 * none of them is treated as Simplified, so the converter (≈50 ms to build) is never built for it.
 */
const HINT_CHARS = '開與為關們個國會發這來對時請資報處總數機單體務縣區廳屬於類決議訴訟複雜規範則許權費間結轉轄條辦統計劃組織義當讓變聯'
const TRADITIONAL_HINT = new RegExp(`[${HINT_CHARS}]`, 'g')

let converter: ((s: string) => string) | null = null

function toSimplifiedFull(s: string): string {
  if (!converter) converter = OpenCC.Converter({ from: 'hk', to: 'cn' })
  return converter(s)
}

/** Whether a text is Traditional: two or more characters found only in Traditional writing. */
export function looksTraditional(s: string): boolean {
  TRADITIONAL_HINT.lastIndex = 0
  return TRADITIONAL_HINT.exec(s) !== null && TRADITIONAL_HINT.exec(s) !== null
}

/** Simplified form of a string that may be Traditional (unchanged when it looks Simplified). */
export function toSimplified(s: string, traditional = looksTraditional(s)): string {
  return traditional ? toSimplifiedFull(s) : s
}

const PLAIN_VALUE = /^[0-9.,%+-]*$/
const QUOTES = /["'“”‘’「」『』〝〞]/g
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g

/** Labels repeat across every report of a batch; their normal forms are kept (bounded). */
const LABEL_CACHE_SIZE = 20_000
const labelCache: Record<'simplified' | 'traditional', Map<string, string>> = { simplified: new Map(), traditional: new Map() }

/** The matching form of a label: Simplified, half-width, no whitespace, no quotes, unified punctuation. */
export function normLabel(s: string, traditional = false): string {
  const cache = labelCache[traditional ? 'traditional' : 'simplified']
  let t = cache.get(s)
  if (t === undefined) {
    t = normaliseLabel(s, traditional)
    if (cache.size >= LABEL_CACHE_SIZE) cache.clear()
    cache.set(s, t)
  }
  return t
}

function normaliseLabel(s: string, traditional: boolean): string {
  let t = traditional ? toSimplifiedFull(s) : s
  t = t.normalize('NFKC')
  t = t.replace(/\[bookmark:[^\]]*\]/g, '')
  t = t.replace(WHITESPACE, '').replace(QUOTES, '')
  t = t
    .replace(/[．。]/g, '.')
    .replace(/[〔【\[]/g, '(')
    .replace(/[〕】\]]/g, ')')
    .replace(/[，]/g, ',')
    .replace(/\|/g, '')
  // characters that Traditional→Simplified sometimes leaves in two forms
  t = t.replace(/[於]/g, '于').replace(/後/g, '后')
  return t
}

/** Half-width form of a value's text for number parsing (full-width digits, minus signs, commas). */
export function normValue(s: string): string {
  // Most values are plain ASCII numbers already: nothing to normalise.
  if (PLAIN_VALUE.test(s)) return s
  return s
    .normalize('NFKC')
    .replace(WHITESPACE, ' ')
    .replace(/[−–—－]/g, (m) => (m === '—' ? m : '-'))
    .trim()
}

/** Levenshtein distance, capped: returns cap+1 as soon as the distance must exceed cap. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = cur[0]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (cur[j] < rowMin) rowMin = cur[j]
    }
    if (rowMin > cap) return cap + 1
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}

/** Full-width digits and point as ASCII, one character for one, so offsets stay valid. */
export function asciiDigits(s: string): string {
  return /[０-９．]/.test(s) ? s.replace(/[０-９．]/g, (d) => (d === '．' ? '.' : String.fromCharCode(d.charCodeAt(0) - 0xfee0))) : s
}

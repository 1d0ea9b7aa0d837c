// Whitespace as a browser renders it, for text built from HTML. Tags never add characters:
// Word-paste markup splits words and numbers across <span>/<font> (`<span>20</span><span>23</span>`
// is "2023"), so inline pieces are concatenated as they are.

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u{20000}-\u{3134f}]/u

/** Whitespace runs of HTML source, including no-break space (a `&nbsp;` cell is blank). */
const SPACE_RUN = /[ \t\n\r\f\u00a0]+/g
/** Anything beyond single spaces (the common case in Word-paste spans is none at all). */
const NEEDS_COLLAPSE = /[\t\n\r\f\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad]| {2}/
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g

/**
 * Collapses whitespace runs to one space. A run holding a line break between two CJK
 * characters is removed instead (CSS Text segment-break rule): HTML source wrapped inside a
 * Chinese label or number must not split it. A run with a no-break space is always a space.
 */
export function collapseWhitespace(raw: string): string {
  if (!NEEDS_COLLAPSE.test(raw)) return raw.trim()
  const text = raw.indexOf('\u200b') === -1 && raw.indexOf('\ufeff') === -1 && raw.indexOf('\u00ad') === -1 ? raw : raw.replace(INVISIBLE, '')
  return text
    .replace(SPACE_RUN, (run, offset: number, whole: string) => {
      if (run.indexOf('\n') === -1 && run.indexOf('\r') === -1) return ' '
      if (run.indexOf('\u00a0') !== -1) return ' '
      const before = whole[offset - 1]
      const after = whole[offset + run.length]
      return before && after && CJK.test(before) && CJK.test(after) ? '' : ' '
    })
    .trim()
}

/** A cell's lines, each collapsed and trimmed, blank lines dropped, joined with "\n". */
export function cellText(lines: string[]): string {
  let out = ''
  for (const line of lines) {
    const text = collapseWhitespace(line)
    if (!text) continue
    out = out ? out + '\n' + text : text
  }
  return out
}

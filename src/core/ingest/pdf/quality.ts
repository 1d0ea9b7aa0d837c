// Is there a usable text layer? A scan has none; a font without a Unicode map
// yields private-use codes, U+FFFD, or Latin gibberish instead of Chinese.
// Either way the numbers cannot be trusted, so the caller must not extract them.

import type { TextRun } from './geometry'

export type TextLayer = 'ok' | 'empty' | 'garbage'

/** Fewer meaningful characters than this per document is no text layer. */
const MIN_CHARS = 10
/** Characters every Chinese report uses often; a real text layer is full of them. */
const COMMON = new Set([...'的一是在不了有和人中为年政府信息公开申请件数工作部门情况本行'])

export function judgeTextLayer(runs: readonly TextRun[]): TextLayer {
  let chars = 0
  let bad = 0
  let cjk = 0
  let common = 0
  for (const run of runs) {
    for (const ch of run.str) {
      if (/\s/u.test(ch)) continue
      chars++
      const code = ch.codePointAt(0) ?? 0
      if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || code < 0x20 || (code >= 0xf0000 && code <= 0x10ffff)) bad++
      if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) {
        cjk++
        if (COMMON.has(ch)) common++
      }
    }
  }
  if (chars < MIN_CHARS) return 'empty'
  if (bad / chars > 0.2 || cjk === 0) return 'garbage'
  // Wrong Unicode maps give CJK characters, but not the common ones.
  if (cjk >= 200 && common / cjk < 0.02) return 'garbage'
  return 'ok'
}

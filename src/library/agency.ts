// Agency names for matching only (last year's report, search): the stored name stays as written.

import { toSimplified } from '../core/extract/normalize'

const NOISE = /[\s\u00a0\u3000\u200b\ufeff"'“”‘’「」『』()（）【】[\]·•.,，。、:：;；-]+/g

/** The matching form of an agency name: Simplified, half-width, without spaces and punctuation. */
export function agencyKey(agency: string | null | undefined): string | null {
  if (!agency) return null
  const key = toSimplified(agency.normalize('NFKC'), true).replace(NOISE, '')
  return key || null
}

/** The forms a search text may match: as typed and in Simplified characters. */
export function searchForms(search: string): string[] {
  const typed = search.normalize('NFKC').trim()
  if (!typed) return []
  const simplified = toSimplified(typed, true)
  return simplified === typed ? [typed] : [typed, simplified]
}

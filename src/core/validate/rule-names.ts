// The Chinese name of a check, from the rule catalogue (rules.ts), for lists a person reads (the
// 问题清单 sheet of the export). A rule the catalogue does not know is shown by its id.

import { RULES } from './rules'

const TITLES = new Map(RULES.map((r) => [r.id, r.title]))

export function ruleName(rule: string): string {
  return TITLES.get(rule) ?? rule
}

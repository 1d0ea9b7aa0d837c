import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULE_NAMES, ruleName } from './rule-names'

describe('rule names', () => {
  it('names every rule the checks can report', () => {
    const dir = __dirname
    const rules = new Set<string>()
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'rule-names.ts')) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/rule: '([a-z_]+\.[a-z_]+)'/g)) rules.add(m[1])
    }
    expect(rules.size).toBeGreaterThan(15)
    expect([...rules].filter((r) => !RULE_NAMES[r])).toEqual([])
  })

  it('an unknown rule keeps its id', () => {
    expect(ruleName('requests.balance')).toMatch(/^表三/)
    expect(ruleName('no.such_rule')).toBe('no.such_rule')
  })
})

import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ruleName } from './rule-names'

describe('rule names', () => {
  it('the catalogue names every rule the checks can report', () => {
    const rules = new Set<string>()
    for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'rules.ts')) {
      for (const m of readFileSync(join(__dirname, file), 'utf8').matchAll(/rule: '([a-z_]+\.[a-z_]+)'/g)) rules.add(m[1])
    }
    expect(rules.size).toBeGreaterThan(15)
    expect([...rules].filter((r) => ruleName(r) === r)).toEqual([])
  })

  it('an unknown rule keeps its id', () => {
    expect(ruleName('requests.balance')).toBe('收支平衡（每列）')
    expect(ruleName('no.such_rule')).toBe('no.such_rule')
  })
})

// The checks over the shared truth files: every real report must come out with the findings its
// real numbers imply. Set SHOW_FINDINGS=1 to print the messages for eyeballing.

import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RULE_IDS, runChecks } from '.'
import { loadTruths, SHARED, truthReport } from './fixtures'

const truths = loadTruths()

/** What the printed numbers imply (everything else passes or cannot be assessed). */
const EXPECTED_FAILS: Record<string, string[]> = {
  // table 四 as printed: 复议 维持 10, 纠正 1, 总计 0; 复议后起诉 维持 5, 总计 0
  'corpus/002_hongze_district_2023': ['appeals.group_sum:appeals.review.total', 'appeals.group_sum:appeals.litigation_after_review.total']
}

describe('checks over the truth files', () => {
  it('finds the truth files', () => {
    expect(truths.length).toBeGreaterThanOrEqual(10)
  })

  it.each(truths.map((t) => [t.name, t] as const))('%s', (name, truth) => {
    const findings = runChecks(truthReport(truth))
    if (process.env.SHOW_FINDINGS) for (const f of findings) if (f.status !== 'pass') console.log(name, f.status, f.rule, f.message)
    for (const f of findings) expect(RULE_IDS.has(f.rule), f.rule).toBe(true)
    const fails = findings.filter((f) => f.status === 'fail')
    const expected = EXPECTED_FAILS[name] ?? []
    expect(fails).toHaveLength(expected.length)
    for (const want of expected) {
      const [rule, key] = want.split(':')
      const fail = fails.find((f) => f.rule === rule && f.cells.includes(key))
      expect(fail, want).toBeDefined()
      expect(fail!.fault).toBe('report')
    }
    // The truth files leave out table 二 where it is not scored, and some print "/" or nothing in a
    // count cell (cells.placeholder names exactly those); nothing else may be in doubt.
    for (const f of findings.filter((f) => f.status === 'uncertain')) {
      if (f.rule === 'cells.placeholder') {
        expect(f.cells.every((k) => truth.cells[k] === null)).toBe(true)
        continue
      }
      expect(f.rule).toBe('cells.missing')
      expect(f.cells.every((k) => k.startsWith('active.'))).toBe(true)
    }
    if (truth.tables.requests === 'found') expect(findings.some((f) => f.rule === 'requests.balance')).toBe(true)
  })

  it('hongze 2023 says where table 四 goes wrong', () => {
    const truth = truths.find((t) => t.name === 'corpus/002_hongze_district_2023')!
    const fail = runChecks(truthReport(truth)).find((f) => f.status === 'fail' && f.cells.includes('appeals.review.total'))!
    expect(fail.message).toBe('行政复议：总计 0，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，相差 11')
    expect(fail.left).toEqual({ label: '总计', value: 0 })
    expect(fail.right).toEqual({ label: '各结果之和', value: 11 })
  })
})

describe('prose of the real reports against their truth tables', () => {
  const sources = truths.flatMap((truth) => {
    const [dir, base] = truth.name.split('/')
    const candidates = dir === 'seeds' ? [`${SHARED}/seeds/${base}.txt`] : ['txt', 'md', 'html'].map((e) => `${SHARED}/corpus/files/${base}.${e}`)
    const file = candidates.find((c) => existsSync(c))
    return file ? [[truth.name, truth, file] as const] : []
  })
  it.each(sources)('%s', (name, truth, file) => {
    // HTML: the words between tags are enough for the text rules.
    const text = readFileSync(file, 'utf8')
      .replace(/<[^>]*>/g, '\n')
      .replace(/&nbsp;/g, ' ')
    const findings = runChecks(truthReport(truth), { text }).filter((f) => f.rule.startsWith('text.'))
    if (process.env.SHOW_FINDINGS) for (const f of findings) console.log(name, f.status, f.rule, f.message, '|', f.quote)
    expect(findings.filter((f) => f.status === 'fail' || f.status === 'uncertain')).toEqual([])
  })
})

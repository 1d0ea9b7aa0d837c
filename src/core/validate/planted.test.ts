// Planted inconsistencies: change one cell of a consistent report and the checks must name it
// in a fail or uncertain finding — for every cell of tables 三 and 四 of both templates.

import { describe, expect, it } from 'vitest'
import type { ExtractedReport } from '../report'
import { runChecks } from '.'
import { cell, consistentReport, loadTruths, planKeys, truthReport } from './fixtures'

function flaggedCells(report: ExtractedReport): Set<string> {
  const flagged = new Set<string>()
  for (const f of runChecks(report)) if (f.status === 'fail' || f.status === 'uncertain') for (const k of f.cells) flagged.add(k)
  return flagged
}

function planted(report: ExtractedReport, key: string, value: number | null): ExtractedReport {
  return { ...report, cells: { ...report.cells, [key]: cell(value) } }
}

const shapes = [
  { name: '2021 format', template: '2021', shape: 'split' },
  { name: '2019 format', template: '2019', shape: 'single' },
  { name: '2021 table 二 with the old （六） row', template: '2021', shape: 'single' }
] as const

describe.each(shapes)('planted in a consistent $name report', ({ template, shape }) => {
  const base = consistentReport(template, shape)
  it('starts with no doubt at all', () => {
    expect(runChecks(base).filter((f) => f.status !== 'pass')).toEqual([])
  })
  const keys = planKeys(template, shape)
  it.each(keys)('%s', (key) => {
    const value = base.cells[key].value as number
    for (const changed of [value + 1, value - 1, value + 10, 0]) {
      if (changed < 0 || changed === value) continue
      expect(flaggedCells(planted(base, key, changed)).has(key), `${key} ${value} → ${changed}`).toBe(true)
    }
  })
})

describe('planted in the real reports (truth files)', () => {
  for (const truth of loadTruths()) {
    const base = truthReport(truth)
    const keys = Object.keys(base.cells).filter((k) => /^(requests|appeals)\./.test(k) && base.cells[k].value !== null)
    if (!keys.length) continue
    it(`${truth.name}: every number of tables 三 and 四, changed by one`, () => {
      const missed: string[] = []
      for (const key of keys) {
        const value = base.cells[key].value as number
        for (const changed of [value + 1, value - 1]) {
          if (changed < 0) continue
          if (!flaggedCells(planted(base, key, changed)).has(key)) missed.push(`${key}→${changed}`)
        }
      }
      expect(missed).toEqual([])
    })
  }
})

describe('planted where only the prose or last year can tell', () => {
  it("a changed 上年结转 is named against last year's report", () => {
    const previous = consistentReport('2021')
    previous.meta.year = 2020
    const report = consistentReport('2021')
    // carried-over cells of this year equal last year's carried-forward cells only by construction below
    for (const column of ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']) {
      previous.cells[`requests.carried_forward.${column}`] = cell(report.cells[`requests.carried_over.${column}`].value)
    }
    expect(runChecks(report, { previous }).filter((f) => f.status !== 'pass')).toEqual([])
    const changed = planted(report, 'requests.carried_over.research', (report.cells['requests.carried_over.research'].value as number) + 1)
    const findings = runChecks(changed, { previous }).filter((f) => f.rule === 'years.carry_over' && f.status === 'fail')
    expect(findings.flatMap((f) => f.cells)).toContain('requests.carried_over.research')
  })

  it('a changed table 二 figure is named against the prose when the prose states it', () => {
    const report = consistentReport('2021')
    report.tables.active = 'found'
    report.cells['active.normative_documents.in_force'] = cell(393)
    const text = '清理并集中发布现行有效行政规范性文件393件。'
    expect(runChecks(report, { text }).find((f) => f.rule === 'text.normative_in_force')!.status).toBe('pass')
    const changed = planted(report, 'active.normative_documents.in_force', 392)
    const finding = runChecks(changed, { text }).find((f) => f.rule === 'text.normative_in_force')!
    expect(finding).toMatchObject({ status: 'uncertain', cells: ['active.normative_documents.in_force'] })
  })
})

// Test helpers: reports built by hand or from the shared truth files (../shared/*/truth/*.json).

import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ExtractedCell, ExtractedReport } from '../report'
import { templateKeys, type TableName, type TemplateId } from '../template'

export const SHARED = resolve(__dirname, '../../../../shared')

export interface Truth {
  name: string
  meta: { agency: string[] | string; year: number | null; template: TemplateId | null }
  tables: Record<TableName, 'found' | 'missing'>
  cells: Record<string, number | null>
}

export function cell(value: number | null, review = false, raw?: string): ExtractedCell {
  return { value, raw: raw ?? (value === null ? '' : String(value)), review }
}

export function reportFrom(
  cells: Record<string, number | null>,
  options: { template?: TemplateId | null; year?: number | null; tables?: Partial<Record<TableName, 'found' | 'missing'>>; review?: string[] } = {}
): ExtractedReport {
  const review = new Set(options.review ?? [])
  return {
    meta: { agency: '测试机关', year: options.year ?? 2021, template: options.template === undefined ? '2021' : options.template },
    tables: { active: 'found', requests: 'found', appeals: 'found', ...options.tables },
    cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, cell(v, review.has(k))])),
    messages: []
  }
}

export function truthReport(truth: Truth): ExtractedReport {
  const report = reportFrom(truth.cells, { template: truth.meta.template, year: truth.meta.year, tables: truth.tables })
  report.meta.agency = [truth.meta.agency].flat()[0] ?? null
  return report
}

export function loadTruths(): Truth[] {
  const truths: Truth[] = []
  for (const dir of ['seeds/truth', 'corpus/truth']) {
    const full = join(SHARED, dir)
    if (!existsSync(full)) continue
    for (const file of readdirSync(full)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const json = JSON.parse(readFileSync(join(full, file), 'utf8'))
      truths.push({ name: `${dir.split('/')[0]}/${file.replace(/\.json$/, '')}`, meta: json.meta, tables: json.tables, cells: json.cells })
    }
  }
  return truths
}

/** A fully consistent report of a template: every table 三 and 四 cell filled so all sums hold. */
export function consistentReport(template: TemplateId, shape: 'split' | 'single' = template === '2019' ? 'single' : 'split'): ExtractedReport {
  const cells: Record<string, number | null> = {}
  for (const key of templateKeys(template)) cells[key] = 0
  for (const key of Object.keys(cells)) if (/^requests\.other\./.test(key)) delete cells[key]
  const otherRows = shape === 'split' ? ['other.no_correction', 'other.unpaid_fee', 'other.misc'] : ['other']
  const parts = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org']
  const resultRows = [
    'granted',
    'partially_granted',
    'denied.state_secret',
    'denied.prohibited_by_law',
    'denied.security_stability',
    'denied.third_party_rights',
    'denied.internal_affairs',
    'denied.process_info',
    'denied.enforcement_files',
    'denied.administrative_query',
    'unable.not_held',
    'unable.needs_creation',
    'unable.still_unclear',
    'not_processed.petition_complaint',
    'not_processed.repeated',
    'not_processed.publication',
    'not_processed.mass_repeated',
    'not_processed.confirm_existing',
    ...otherRows
  ]
  // Distinct small numbers so that no change of one cell can be compensated by chance.
  parts.forEach((column, c) => {
    let total = 0
    resultRows.forEach((row, r) => {
      const v = 1 + ((r * 7 + c * 3) % 11)
      cells[`requests.${row}.${column}`] = v
      total += v
    })
    const carriedOver = 2 + c
    const carriedForward = 3 + c
    cells[`requests.total.${column}`] = total
    cells[`requests.carried_over.${column}`] = carriedOver
    cells[`requests.carried_forward.${column}`] = carriedForward
    cells[`requests.new_received.${column}`] = total + carriedForward - carriedOver
  })
  for (const row of ['new_received', 'carried_over', ...resultRows, 'total', 'carried_forward']) {
    cells[`requests.${row}.total`] = parts.reduce((s, column) => s + (cells[`requests.${row}.${column}`] as number), 0)
  }
  ;['review', 'litigation_direct', 'litigation_after_review'].forEach((group, g) => {
    const values = [3 + g, 1 + g, 2, 1]
    ;['upheld', 'corrected', 'other', 'pending'].forEach((column, i) => (cells[`appeals.${group}.${column}`] = values[i]))
    cells[`appeals.${group}.total`] = values.reduce((a, b) => a + b, 0)
  })
  return reportFrom(cells, { template, year: template === '2019' ? 2019 : 2021 })
}

/** Every table 三 and 四 key of a template and （六） shape, all 0. */
export function zeroReport(template: TemplateId, shape: 'split' | 'single' = template === '2019' ? 'single' : 'split'): ExtractedReport {
  return reportFrom(Object.fromEntries(planKeys(template, shape).map((k) => [k, 0])), { template, tables: { active: 'missing' } })
}

/** The table 三 and 四 keys of a template with the given （六） shape. */
export function planKeys(template: TemplateId, shape: 'split' | 'single'): string[] {
  const own = templateKeys(template).filter((k) => /^(requests|appeals)\./.test(k) && !k.startsWith('requests.other.'))
  const otherTemplate = templateKeys(shape === 'split' ? '2021' : '2019').filter((k) => k.startsWith('requests.other.'))
  return [...own, ...otherTemplate]
}

/** A copy of a report with some cells set (value, review false unless listed). */
export function withCells(report: ExtractedReport, cells: Record<string, number | null>, review: string[] = []): ExtractedReport {
  const copy: ExtractedReport = { ...report, cells: { ...report.cells } }
  for (const [k, v] of Object.entries(cells)) copy.cells[k] = cell(v, review.includes(k))
  return copy
}

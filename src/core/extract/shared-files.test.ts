// Table-driven over every shared seed and corpus file (and test/fixtures document) that has a truth file: values, table
// statuses and meta must match, and no wrong cell may be left unmarked (a silent error).

import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, extname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SourceDocument } from '../document'
import { ingest } from '../ingest'
import { extractReport } from './index'

const shared = resolve(__dirname, '../../../../shared')
const fixtures = resolve(__dirname, '../../../test/fixtures')
const sets = [
  { files: join(shared, 'seeds'), truth: join(shared, 'seeds', 'truth') },
  { files: join(shared, 'corpus', 'files'), truth: join(shared, 'corpus', 'truth') },
  // generated fixtures: Word, OpenDocument, web pages, misnamed files, WPS .wps and split-table reports with their truth
  // beside each file,
  // PDF and .doc in files/ and truth/
  ...['docx', 'html', 'odt', 'misnamed', 'wps', 'split', 'split/docx', 'split/odt'].map((d) => ({ files: join(fixtures, d), truth: join(fixtures, d) })),
  ...['pdf', 'doc'].map((d) => ({ files: join(fixtures, d, 'files'), truth: join(fixtures, d, 'truth') }))
].filter((s) => existsSync(s.files))

interface Truth {
  meta: { agency: string | string[]; year: number; template: string | null }
  tables: Record<string, string>
  cells: Record<string, number | null>
}

async function documentOf(file: string): Promise<SourceDocument | null> {
  const result = await ingest({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) })
  return result.value
}

const cases = sets.flatMap((s) =>
  readdirSync(s.files)
    .filter((f) => !f.endsWith('.json') && existsSync(join(s.truth, basename(f, extname(f)) + '.json')))
    .map((f) => ({ name: f, file: join(s.files, f), truth: join(s.truth, basename(f, extname(f)) + '.json') }))
)

describe.skipIf(!cases.length)('extraction over the shared seeds, corpus and fixtures', () => {
  it.each(cases)('$name', async ({ file, truth: truthFile }) => {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth
    const doc = await documentOf(file)
    expect(doc).not.toBeNull()
    const report = extractReport(doc!)
    expect(report.tables).toEqual(truth.tables)
    expect([truth.meta.agency].flat()).toContain(report.meta.agency)
    expect(report.meta.year).toBe(truth.meta.year)
    expect(report.meta.template).toBe(truth.meta.template)
    const wrong: string[] = []
    const silent: string[] = []
    for (const [key, value] of Object.entries(truth.cells)) {
      const cell = report.cells[key]
      if (cell && cell.value === value) continue
      wrong.push(key)
      if (!cell?.review) silent.push(`${key}: ${cell?.value} (truth ${value})`)
    }
    expect(silent).toEqual([])
    expect(wrong.length).toBeLessThanOrEqual(Math.floor(Object.keys(truth.cells).length * 0.005))
    for (const [key, cell] of Object.entries(report.cells)) {
      expect(truth.tables[key.split('.')[0]]).toBe('found')
      if (cell.source) expect(cell.source.end).toBeGreaterThanOrEqual(cell.source.start)
      if (cell.source && cell.raw) expect(doc!.text.slice(cell.source.start, cell.source.end).trim()).toBe(cell.raw)
    }
  })
})

// Test fixtures for the library: temp folders, the shared seed reports, a reviewed library.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ReportJson } from '../../core/report'
import type { FilePayload } from '../../shared/contract'
import { agencyKey } from '../agency'
import { asExtractedFile, extractInProcess, type ExtractedFile, type Extractor } from '../extractor'
import { Library } from '../library'
import { tamper } from './hostile'

export const SHARED = resolve(__dirname, '../../../../shared')
export const SEEDS_DIR = join(SHARED, 'seeds')

const dirs: string[] = []
export function tempDir(prefix = 'report-desk-lib-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

export function seedFiles(): FilePayload[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) }))
}

const extracted = new Map<string, ExtractedFile>()
/** The real engine, memoised by file name so each seed is extracted once per test file. */
export const memoExtract: Extractor = async (file) => {
  const key = `${file.name}|${file.bytes.byteLength}`
  const hit = extracted.get(key)
  if (hit) return { value: hit, messages: [] }
  const result = await extractInProcess(file)
  const value = asExtractedFile(result.value)
  if (value) extracted.set(key, value)
  return result
}

/** A library holding the five seeds, with a reviewer set. Ids follow the seeds' order (000 → 1). */
export async function seededLibrary(reviewer = '张三'): Promise<Library> {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  await library.importFiles(seedFiles(), memoExtract)
  library.setReviewer(reviewer)
  return library
}

/**
 * 机关 names typing refuses (agency-input.ts) but a merged or crafted library may carry, written raw
 * into `library`'s file; returns the library opened again (its reviewer is stored in it). For the exports'
 * escaping: whatever reaches them must come out as written and harmless.
 */
export function plantAgencies(library: Library, agencies: Record<number, string>): Library {
  const { path } = library
  library.close()
  tamper(
    path,
    Object.entries(agencies).map(([id, agency]) => ['UPDATE reports SET agency = ?, agency_key = ? WHERE id = ?', agency, agencyKey(agency), Number(id)])
  )
  return new Library(path)
}

/** The reviewer's act for a report without tables: 原文无此表 for each one it lacks. */
export function recordNoTables(library: Library, reportId: number, comment = '已核对原文，确无此表'): void {
  for (const [table, status] of Object.entries(library.getReport(reportId).tables)) {
    if (status === 'missing') library.markTableAbsent(reportId, table, comment)
  }
}

/** A report JSON made by hand: every cell of `cells` found, tables found. */
export function handReport(name: string, agency: string, year: number, cells: Record<string, string>, template: '2021' | '2019' = '2021'): ExtractedFile {
  const json: ReportJson = {
    schema: 'report-desk/report@1',
    source: { name, sha256: '', format: 'txt' },
    meta: { agency, year, template },
    tables: { active: 'found', requests: 'found', appeals: 'found' },
    cells: Object.fromEntries(Object.entries(cells).map(([k, raw]) => [k, { value: raw === '' || raw === '/' ? null : Number(raw), raw, review: false }])),
    findings: [],
    messages: []
  }
  return { json, document: { text: `${agency}${year}年政府信息公开工作年度报告` } }
}

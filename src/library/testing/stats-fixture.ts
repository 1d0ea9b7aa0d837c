// A small library for 统计分析 whose every figure was worked out by hand (see stats/stats.test.ts):
// blanks, "/", a 2019-form report (no 收费金额 in its form), a report where （七）总计 is 0, and an
// unverified report; with { followingYear: true } also that agency's next year, whose 新收 and 公开率 jump.

import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { Extractor } from '../extractor'
import { Library } from '../library'
import { handReport, tempDir } from './fixtures'

const DENIED = [
  'state_secret',
  'prohibited_by_law',
  'security_stability',
  'third_party_rights',
  'internal_affairs',
  'process_info',
  'enforcement_files',
  'administrative_query'
]
const UNABLE = ['not_held', 'needs_creation', 'still_unclear']
const NOT_PROCESSED = ['petition_complaint', 'repeated', 'publication', 'mass_repeated', 'confirm_existing']
const OTHER_2021 = ['no_correction', 'unpaid_fee', 'misc']

interface Spec {
  newReceived: string
  carriedOver: string
  total: string
  carriedForward: string
  granted: string
  partial: string
  /** Sub-row → raw; the other sub-rows of the group are '0'. */
  denied?: Record<string, string>
  unable?: Record<string, string>
  notProcessed?: Record<string, string>
  /** 2021: sub-row → raw; 2019: { total }. */
  other?: Record<string, string>
  review: [total: string, corrected: string]
  direct: [total: string, corrected: string]
  afterReview: [total: string, corrected: string]
  /** 二 行政许可 / 行政处罚 处理决定数量. */
  licensing: string
  punishment: string
  /** 二 行政事业性收费 本年收费金额（万元）: the 2021 form only. */
  fees?: string
}

function group(prefix: string, rows: string[], given: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [`requests.${prefix}.${r}.total`, given[r] ?? '0']))
}

function cells(spec: Spec, template: '2021' | '2019'): Record<string, string> {
  return {
    'requests.new_received.total': spec.newReceived,
    'requests.carried_over.total': spec.carriedOver,
    'requests.total.total': spec.total,
    'requests.carried_forward.total': spec.carriedForward,
    'requests.granted.total': spec.granted,
    'requests.partially_granted.total': spec.partial,
    ...group('denied', DENIED, spec.denied),
    ...group('unable', UNABLE, spec.unable),
    ...group('not_processed', NOT_PROCESSED, spec.notProcessed),
    ...(template === '2019' ? { 'requests.other.total': spec.other?.total ?? '0' } : group('other', OTHER_2021, spec.other)),
    'appeals.review.total': spec.review[0],
    'appeals.review.corrected': spec.review[1],
    'appeals.litigation_direct.total': spec.direct[0],
    'appeals.litigation_direct.corrected': spec.direct[1],
    'appeals.litigation_after_review.total': spec.afterReview[0],
    'appeals.litigation_after_review.corrected': spec.afterReview[1],
    'active.licensing.decisions': spec.licensing,
    'active.punishment.decisions': spec.punishment,
    ...(template === '2021' ? { 'active.fees.amount': spec.fees ?? '' } : {})
  }
}

export interface FixtureReport {
  name: string
  agency: string
  year: number
  template: '2021' | '2019'
  verified: boolean
  spec: Spec
  /** When it was verified (else none is recorded). */
  verifiedAt?: string
  /** Stored with no year, as a report whose year was not read. */
  yearUnknown?: boolean
}

/** Ids 1…5 in this order. */
export const STATS_REPORTS: FixtureReport[] = [
  {
    name: 'a2021.txt',
    agency: '甲市教育局',
    year: 2021,
    template: '2021',
    verified: true,
    spec: {
      newReceived: '10',
      carriedOver: '2',
      total: '10',
      carriedForward: '2',
      granted: '5',
      partial: '1',
      denied: { state_secret: '1' },
      unable: { not_held: '1' },
      notProcessed: { repeated: '1' },
      other: { misc: '1' },
      review: ['4', '1'],
      direct: ['2', '1'],
      afterReview: ['2', '0'],
      licensing: '12',
      punishment: '30',
      fees: '1.5'
    }
  },
  {
    name: 'b2021.txt',
    agency: '乙县民政局',
    year: 2021,
    template: '2021',
    verified: true,
    spec: {
      // 行政许可 "/"; 收费 0 (a real 0, not blank).
      newReceived: '20',
      carriedOver: '0',
      total: '20',
      carriedForward: '0',
      granted: '10',
      partial: '6',
      denied: { process_info: '2' },
      other: { no_correction: '2' },
      review: ['/', '/'],
      direct: ['0', '0'],
      afterReview: ['0', '0'],
      licensing: '/',
      punishment: '5',
      fees: '0'
    }
  },
  {
    name: 'c2020.txt',
    agency: '丙区统计局',
    year: 2020,
    template: '2019',
    verified: true,
    spec: {
      // The 2019 form: 许可/处罚 decisions, but no 收费金额 cell at all.
      newReceived: '8',
      carriedOver: '1',
      total: '8',
      carriedForward: '1',
      granted: '4',
      partial: '0',
      unable: { not_held: '2' },
      other: { total: '2' },
      review: ['1', '1'],
      direct: ['1', '0'],
      afterReview: ['0', '0'],
      licensing: '7',
      punishment: '3'
    }
  },
  {
    // Blank 新收, "/" in one 不予公开 sub-row, 总计 0, blank 复议, blank 行政许可.
    name: 'a2022.txt',
    agency: '甲市教育局',
    year: 2022,
    template: '2021',
    verified: true,
    spec: {
      newReceived: '',
      carriedOver: '2',
      total: '0',
      carriedForward: '0',
      granted: '0',
      partial: '0',
      denied: { state_secret: '/' },
      review: ['', ''],
      direct: ['0', '0'],
      afterReview: ['0', '0'],
      licensing: '',
      punishment: '0',
      fees: '2.25'
    }
  },
  {
    name: 'e2021.txt',
    agency: '戊市财政局',
    year: 2021,
    template: '2021',
    verified: false,
    spec: {
      newReceived: '100',
      carriedOver: '0',
      total: '100',
      carriedForward: '0',
      granted: '100',
      partial: '0',
      review: ['2', '2'],
      direct: ['0', '0'],
      afterReview: ['0', '0'],
      licensing: '100',
      punishment: '0',
      fees: '10'
    }
  }
]

/** Id 6, only with statsLibrary({ followingYear: true }) (the 统计 screen's e2e counts five reports). */
export const FOLLOWING_YEAR_REPORT: FixtureReport = {
  // The year after report 5, also unverified: 新收 100 → 10 and 公开率 100% → 30%, both jumps.
  name: 'e2022.txt',
  agency: '戊市财政局',
  year: 2022,
  template: '2021',
  verified: false,
  spec: {
    newReceived: '10',
    carriedOver: '0',
    total: '10',
    carriedForward: '0',
    granted: '3',
    partial: '0',
    denied: { state_secret: '7' },
    review: ['0', '0'],
    direct: ['0', '0'],
    afterReview: ['0', '0'],
    licensing: '50',
    punishment: '0',
    fees: '10'
  }
}

/** A copy of a report under another file name, with changes (its spec's fields merged). */
export function copyOf(report: FixtureReport, name: string, changes: Partial<Omit<FixtureReport, 'spec'>> & { spec?: Partial<Spec> } = {}): FixtureReport {
  return { ...report, ...changes, name, spec: { ...report.spec, ...changes.spec } }
}

/**
 * The library file path; closed, so tests open it as they need (read-only like the CLI). `extra`
 * reports follow (ids from 6, or 7 with followingYear).
 */
export async function statsLibrary(options: { followingYear?: boolean; extra?: FixtureReport[] } = {}): Promise<string> {
  const reports = [...STATS_REPORTS, ...(options.followingYear ? [FOLLOWING_YEAR_REPORT] : []), ...(options.extra ?? [])]
  const path = join(tempDir(), 'stats.sqlite')
  const library = new Library(path)
  const byName = new Map(reports.map((r) => [r.name, r]))
  const extract: Extractor = async (file) => {
    const r = byName.get(file.name)!
    return { value: handReport(r.name, r.agency, r.year, cells(r.spec, r.template), r.template), messages: [] }
  }
  await library.importFiles(
    reports.map((r) => ({ name: r.name, bytes: new TextEncoder().encode(r.name) })),
    extract
  )
  library.close()
  // Verified as a reviewer would leave them; the hand figures do not add up for the checks, and the
  // checks are not what is under test here.
  const db = new Database(path)
  const verify = db.prepare("UPDATE reports SET status = 'verified', verified_by = '测试', verified_at = ? WHERE id = ?")
  const noYear = db.prepare('UPDATE reports SET year = NULL WHERE id = ?')
  reports.forEach((r, i) => {
    if (r.verified) verify.run(r.verifiedAt ?? null, i + 1)
    if (r.yearUnknown) noYear.run(i + 1)
  })
  db.close()
  return path
}

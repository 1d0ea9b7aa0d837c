// The 统计 screen's answer worked out directly (overview.ts) against the from-scratch path: every
// figure with its report lists (libraryStats), then counted (overviewOf). Equal for every filter, on
// the hand-checked fixture and on a generated library with every kind of cell the counts tell apart.

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { overviewOf, type StatsFilter, type StatsOverview } from '../../shared/stats'
import { removeTempDirs } from '../testing/fixtures'
import { copyOf, statsLibrary, STATS_REPORTS, type FixtureReport } from '../testing/stats-fixture'
import { libraryStats } from './index'
import { statsOverview } from './overview'

afterEach(removeTempDirs)

const FILTERS: StatsFilter[] = [
  {},
  { all: true },
  { years: [2021] },
  { all: true, years: [2020, 2022] },
  { all: true, agency: '甲' },
  { agency: '财政' },
  { all: true, years: [1999] }
]

function both(path: string, filter: StatsFilter): { direct: StatsOverview; fromScratch: StatsOverview } {
  const db = new Database(path, { readonly: true })
  try {
    return { direct: statsOverview(db, filter), fromScratch: overviewOf(libraryStats(db, filter)) }
  } finally {
    db.close()
  }
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 2 ** 32
  }
}

const AGENCIES = [
  '甲市教育局',
  '乙县民政局',
  '丙区统计局',
  '丁市公安局',
  '戊市财政局',
  '己县水利局',
  '庚区卫健委',
  '辛市交通局',
  '壬县农业局',
  '癸区文旅局',
  '子市商务局',
  '丑县林业局'
]

/** Reports of 12 agencies over 2019–2023: blanks, "/", 0, amounts with decimals, both forms, unverified, duplicates, a year unknown. */
function generated(seed: number): FixtureReport[] {
  const next = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
  const count = (): string => pick(['', '/', '0', String(Math.floor(next() * 40)), String(Math.floor(next() * 400)), String(Math.floor(next() * 40))])
  const filled = (): string => (next() < 0.9 ? String(Math.floor(next() * 60)) : count())
  const reports: FixtureReport[] = []
  AGENCIES.forEach((agency, a) => {
    for (let year = 2019; year <= 2023; year++) {
      if (next() < 0.15) continue
      const template = year <= 2020 && next() < 0.7 ? '2019' : '2021'
      const total = filled()
      // One agency discloses far less than the rest: an outlier to name.
      const granted = a === 3 && /^\d+$/.test(total) ? '0' : /^\d+$/.test(total) ? String(Math.floor(Number(total) * (0.5 + next() / 2))) : filled()
      reports.push({
        name: `g${reports.length}.txt`,
        agency,
        year,
        template,
        verified: next() < 0.75,
        verifiedAt: `2026-0${1 + Math.floor(next() * 9)}-01T00:00:00Z`,
        yearUnknown: next() < 0.03,
        spec: {
          newReceived: filled(),
          carriedOver: count(),
          total,
          carriedForward: count(),
          granted,
          partial: next() < 0.8 ? '0' : count(),
          denied: { state_secret: count() },
          review: [filled(), next() < 0.5 ? '0' : count()],
          direct: [filled(), count()],
          afterReview: [count(), '0'],
          licensing: count(),
          punishment: filled(),
          fees: pick(['', '/', '0', '1.5', '2.25', '0.1', '0.2', '3', '12.125'])
        }
      })
    }
  })
  // The same report twice (its .docx beside its .txt): counted once, listed as left out.
  reports.push(copyOf(reports[4], 'g-copy.docx'), copyOf(reports[9], 'g-copy2.docx', { verified: false }))
  return reports
}

describe('the 统计 screen’s answer, worked out directly, equals the from-scratch one', () => {
  it.each(FILTERS)('hand-checked fixture, filter %j', async (filter) => {
    const path = await statsLibrary({
      followingYear: true,
      extra: [copyOf(STATS_REPORTS[0], 'a2021.docx'), copyOf(STATS_REPORTS[2], 'c.txt', { yearUnknown: true })]
    })
    const { direct, fromScratch } = both(path, filter)
    expect(direct).toEqual(fromScratch)
  })

  it.each([1, 2, 3])('generated library (seed %i), every filter', async (seed) => {
    const path = await statsLibrary({ extra: generated(seed) })
    const seen = { flagged: 0, excludedReasons: 0, decimals: 0, notInForm: 0, blank: 0, unverified: 0, jumps: 0, leftOut: 0 }
    for (const filter of FILTERS) {
      const { direct, fromScratch } = both(path, filter)
      expect(direct, JSON.stringify(filter)).toEqual(fromScratch)
      seen.flagged += direct.outliers.reduce((n, o) => n + o.flagged.length, 0)
      seen.jumps += direct.jumps.length
      seen.leftOut += direct.leftOut.length
      for (const a of direct.byAgency) {
        seen.excludedReasons += Object.values(a.rates).reduce((n, r) => n + r.excludedReasons.length, 0)
        seen.decimals += a.measures.feesAmount.decimals ?? 0
        seen.notInForm += a.measures.feesAmount.notInForm
        seen.blank += Object.values(a.measures).reduce((n, m) => n + m.blank, 0)
        seen.unverified += a.unverified
      }
    }
    // The comparison covered every kind of count (else it could pass on a library without them).
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0)
  })
})

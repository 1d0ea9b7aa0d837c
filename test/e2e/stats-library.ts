// Generated libraries for the 统计 screen's screenshot and speed test: many agencies over several
// years, every report verified, figures drawn from a seeded generator (the same every run), a few
// agencies far from their peers and one whose requests jump, so 值得关注 has something to say.

import Database from 'better-sqlite3'
import { join } from 'node:path'
import { Library, type Extractor } from '../../src/library/library'
import { handReport } from '../../src/library/testing/fixtures'
import { prng } from '../../scripts/bench/synthetic-report'
import { templateKeys } from '../../src/core/template'

/** Every sub-row of the outcome groups, 0 unless a figure below says otherwise (blank would leave the report out). */
const OUTCOME_ZEROS = Object.fromEntries(
  templateKeys('2021')
    .filter((k) => /^requests\.(denied|unable|not_processed|other)\.[a-z_]+\.total$/.test(k))
    .map((k) => [k, '0'])
)

const PLACES = ['益阳市', '米易县', '东风区', '舟曲县', '平潭县', '淮安市', '洪泽区', '沭阳县', '舒城县', '临川区']
const OFFICES = [
  '教育局',
  '民政局',
  '财政局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '卫生健康委员会',
  '市场监督管理局',
  '人民政府办公室'
]

const split = (n: number, shares: number[]): number[] => {
  const parts = shares.map((s) => Math.floor(n * s))
  parts.push(n - parts.reduce((a, b) => a + b, 0))
  return parts
}

/** The stat cells of one report: 新收 → 办结 → outcomes that add up, 复议/诉讼, 许可/处罚/收费. */
function statCells(rnd: () => number, scale: number, openness: number): Record<string, string> {
  const received = Math.round(scale * (0.7 + rnd() * 0.6))
  const carriedOver = Math.round(rnd() * 4)
  const carriedForward = Math.round(rnd() * 5)
  const concluded = Math.max(0, received + carriedOver - carriedForward)
  const [granted, partial, denied, unable, notProcessed, other] = split(concluded, [openness, 0.12, 0.06, 0.1, 0.04])
  const review = Math.round(rnd() * scale * 0.08)
  const direct = Math.round(rnd() * scale * 0.05)
  const s = String
  return {
    ...OUTCOME_ZEROS,
    'requests.new_received.total': s(received),
    'requests.carried_over.total': s(carriedOver),
    'requests.total.total': s(concluded),
    'requests.carried_forward.total': s(carriedForward),
    'requests.granted.total': s(granted),
    'requests.partially_granted.total': s(partial),
    'requests.denied.state_secret.total': s(denied),
    'requests.unable.not_held.total': s(unable),
    'requests.not_processed.repeated.total': s(notProcessed),
    'requests.other.misc.total': s(other),
    'appeals.review.total': s(review),
    'appeals.review.corrected': s(Math.round(review * rnd() * 0.3)),
    'appeals.litigation_direct.total': s(direct),
    'appeals.litigation_direct.corrected': s(Math.round(direct * rnd() * 0.2)),
    'appeals.litigation_after_review.total': '0',
    'appeals.litigation_after_review.corrected': '0',
    'active.licensing.decisions': s(Math.round(rnd() * scale * 30)),
    'active.punishment.decisions': s(Math.round(rnd() * scale * 8)),
    'active.fees.amount': (rnd() * scale * 2).toFixed(2)
  }
}

/** A verified library of `agencies` agencies × `years` (ending 2023); returns its path. */
export async function generatedStatsLibrary(dir: string, agencies: number, years: number): Promise<string> {
  const path = join(dir, `stats-${agencies}x${years}.sqlite`)
  const library = new Library(path)
  const rnd = prng(20240601)
  const names = Array.from(
    { length: agencies },
    (_, i) => `${PLACES[i % PLACES.length]}${OFFICES[Math.floor(i / PLACES.length) % OFFICES.length]}${i >= 100 ? `第${Math.floor(i / 100)}分局` : ''}`
  )
  const scales = names.map(() => 10 + Math.round(rnd() * 140))
  // Two agencies that disclose far less than their peers.
  const openness = names.map((_, i) => (i === 3 || i === 11 ? 0.08 : 0.5 + rnd() * 0.1))
  const firstYear = 2023 - years + 1
  const byName = new Map<string, { agency: string; year: number; cells: Record<string, string> }>()
  for (let a = 0; a < agencies; a++) {
    for (let y = 0; y < years; y++) {
      const name = `r${a}_${firstYear + y}.txt`
      // One agency's requests quadruple in its last year: a year-on-year jump.
      const scale = a === 5 && y === years - 1 ? scales[a] * 4 : scales[a]
      byName.set(name, { agency: names[a], year: firstYear + y, cells: statCells(rnd, scale, openness[a]) })
    }
  }
  const extract: Extractor = async (file) => {
    const r = byName.get(file.name)!
    return { value: handReport(file.name, r.agency, r.year, r.cells), messages: [] }
  }
  for (const name of byName.keys()) await library.importFile({ name, bytes: new TextEncoder().encode(name) }, extract)
  library.close()
  const db = new Database(path)
  db.prepare("UPDATE reports SET status = 'verified', verified_by = '测试'").run()
  db.close()
  return path
}

// The 统计 screen asks again for a filter it showed a moment ago (back to every year, the agency box
// cleared): the answer is kept while the library's data is unchanged. A new filter reads each
// report's scores from report_stats (stored.ts), not its cells.
// Unchanged means neither this connection (total_changes) nor any other process (PRAGMA
// data_version) has written since.

import type { StatsFilter, StatsOverview } from '../../shared/stats'
import { sql, type Db } from '../db'
import { statsOverview } from './overview'

/** Answers kept: a screen toggles between a few filters; each is a few MB on a 10,000-report library. */
const KEPT = 4

export class OverviewCache {
  private version = ''
  private readonly answers = new Map<string, StatsOverview>()

  constructor(private readonly db: Db) {}

  get(filter: StatsFilter): StatsOverview {
    const version = this.dataVersion()
    if (version !== this.version) {
      this.answers.clear()
      this.version = version
    }
    const key = JSON.stringify([filter.years ?? [], filter.agency?.trim() ?? '', filter.all === true])
    let answer = this.answers.get(key)
    if (answer) this.answers.delete(key)
    else answer = statsOverview(this.db, filter)
    this.answers.set(key, answer) // newest last
    if (this.answers.size > KEPT) this.answers.delete(this.answers.keys().next().value!)
    return answer
  }

  private dataVersion(): string {
    const other = this.db.pragma('data_version', { simple: true }) as number
    const ours = sql(this.db, 'SELECT total_changes()').pluck().get() as number
    return `${other}:${ours}`
  }
}

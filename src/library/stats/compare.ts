// One agency over the years: its reports side by side, every cell's change, and the 上年结转 ↔
// 结转下年度 link between consecutive years.

import { UserFacingError } from '../../shared/contract'
import type { AgencyComparison } from '../../shared/stats'
import type { Db } from '../db'

export function compareAgency(db: Db, agencyKey: string, options: { all?: boolean } = {}): AgencyComparison {
  void db
  void options
  // Built on the stats-core branch.
  throw new UserFacingError('stats.compare_unbuilt', `尚不能对比：${agencyKey}`)
}

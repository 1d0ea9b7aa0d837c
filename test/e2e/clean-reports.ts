// Clean reports for the keyboard tests: seed 000 (every table found, every check passing) under other
// agencies' names, so each is a report of its own (no near-duplicate, no previous year).

import { readFileSync } from 'node:fs'
import type { DropFile } from './pages/LibraryPage'
import { seed } from './shared-files'

const SEED_AGENCY = '益阳市应急管理局'
export const CLEAN_AGENCIES = [
  '益阳市交通运输局',
  '益阳市水利局',
  '益阳市民政局',
  '益阳市司法局',
  '益阳市财政局',
  '益阳市商务局',
  '益阳市林业局',
  '益阳市审计局',
  '益阳市统计局',
  '益阳市医疗保障局',
  '益阳市市场监督管理局'
]

export function cleanReports(count: number): DropFile[] {
  const text = readFileSync(seed('000_'), 'utf8')
  return CLEAN_AGENCIES.slice(0, count).map((agency, i) => ({ name: `clean_${i}.txt`, bytes: Buffer.from(text.replaceAll(SEED_AGENCY, agency)) }))
}

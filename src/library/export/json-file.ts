// The JSON export as one file: every exported report (report-desk/report@1 with its review, as the
// folder export writes them one by one) in a single .json document. Which of the two an export
// writes follows the path the user chose: a .json file name that is not a folder means one file.

import { existsSync, statSync, writeFileSync } from 'node:fs'
import type { Db } from '../db'
import { writeWhole } from '../write-whole'
import { exportReports, type ExportOptions } from './data'
import { reviewedJson, type ReviewedReportJson } from './json'

export interface ReportsJsonFile {
  schema: 'report-desk/reports@1'
  exportedAt: string
  reports: ReviewedReportJson[]
}

/** True when an export to `path` should be one JSON file rather than a folder of them. */
export function isJsonFilePath(path: string): boolean {
  return /\.json$/i.test(path) && !(existsSync(path) && statSync(path).isDirectory())
}

export async function writeJsonFile(db: Db, path: string, options: ExportOptions = {}): Promise<number> {
  const reports = exportReports(db, options)
  const out: ReportsJsonFile = { schema: 'report-desk/reports@1', exportedAt: new Date().toISOString(), reports: [] }
  for (const [i, r] of reports.entries()) {
    out.reports.push(reviewedJson(db, r))
    if ((i + 1) % 100 === 0) {
      options.onProgress?.((i + 1) / reports.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  writeWhole(path, (temp) => writeFileSync(temp, JSON.stringify(out, null, 2) + '\n'))
  options.onProgress?.(1)
  return reports.length
}

// Two reviewers who verified the same report with different values: the makings of a merge conflict.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractInProcess, Library } from '../../src/library/library'
import { seed } from './shared-files'

export const NATURAL = 'requests.new_received.natural'

/** Sets 自然人/本年新收 to `raw`, accepts what then fails (原文如此) and verifies the report. */
export function verifyWith(library: Library, id: number, raw: string): void {
  library.editCell(id, NATURAL, raw)
  for (const f of library.getReport(id).findings.filter((x) => x.status === 'fail')) library.acceptFinding(id, f.rule, f.cells, '原文如此')
  library.verifyReport(id)
}

/** 李四's library in `dir`: seed 000 verified with 999. Returns its path. */
export async function theirLibrary(dir: string): Promise<string> {
  const path = join(dir, 'theirs.sqlite')
  const theirs = new Library(path)
  try {
    await theirs.importFile({ name: '000.txt', bytes: new Uint8Array(readFileSync(seed('000_'))) }, extractInProcess)
    theirs.setReviewer('李四')
    verifyWith(theirs, theirs.listReports()[0].id, '999')
  } finally {
    theirs.close()
  }
  return path
}

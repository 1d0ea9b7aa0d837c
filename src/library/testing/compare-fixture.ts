// One agency over five years for the compare view (stats/compare.test.ts and the e2e), every figure
// worked out by hand: a 2019-form report, a gap year (no 2020), a changed cell, a blank, a "/",
// a reviewer's correction, a 上年结转 link that holds, one that breaks and one that cannot be checked.
// Every cell of a report's form is "0" unless given below.

import Database from 'better-sqlite3'
import { join } from 'node:path'
import { templateKeys, type TemplateId } from '../../core/template'
import type { Extractor } from '../extractor'
import { Library } from '../library'
import { handReport } from './fixtures'

export const COMPARE_AGENCY = '甲市教育局'

interface FixtureReport {
  name: string
  agency: string
  year: number
  template: TemplateId
  verified: boolean
  cells: Record<string, string>
}

/** Ids 1…11 in this order. */
export const COMPARE_REPORTS: FixtureReport[] = [
  {
    name: 'jia2019.txt',
    agency: COMPARE_AGENCY,
    year: 2019,
    template: '2019',
    verified: true,
    cells: {
      'requests.new_received.natural': '5',
      'requests.new_received.total': '5',
      'requests.carried_forward.natural': '2',
      'requests.carried_forward.total': '2',
      'requests.other.total': '1',
      'active.licensing.decisions': '7'
    }
  },
  {
    // 2020 is missing: the link from 2019 cannot be checked, though the numbers would agree.
    name: 'jia2021.txt',
    agency: COMPARE_AGENCY,
    year: 2021,
    template: '2021',
    verified: true,
    cells: {
      'requests.new_received.natural': '8',
      'requests.new_received.total': '8',
      'requests.carried_over.natural': '2',
      'requests.carried_over.total': '2',
      'requests.carried_forward.natural': '3',
      'requests.carried_forward.commercial': '1',
      'requests.carried_forward.total': '4',
      'requests.other.misc.total': '2',
      'active.licensing.decisions': '9',
      'active.fees.amount': '12.5',
      'appeals.review.total': ''
    }
  },
  {
    // new_received.natural is read as 6 and corrected by the reviewer to 7 (see compareLibrary).
    name: 'jia2022.txt',
    agency: COMPARE_AGENCY,
    year: 2022,
    template: '2021',
    verified: true,
    cells: {
      'requests.new_received.natural': '6',
      'requests.new_received.total': '6',
      'requests.carried_over.natural': '3',
      'requests.carried_over.commercial': '1',
      'requests.carried_over.total': '4',
      'requests.carried_forward.natural': '5',
      'requests.carried_forward.total': '5',
      'active.licensing.decisions': '9',
      'active.fees.amount': '/',
      'appeals.review.total': '1'
    }
  },
  {
    // 上年结转 3 against 5 carried forward: the link breaks (自然人 and 总计); 法律服务机构 is "/".
    name: 'jia2023.txt',
    agency: COMPARE_AGENCY,
    year: 2023,
    template: '2021',
    verified: true,
    cells: {
      'requests.carried_over.natural': '3',
      'requests.carried_over.total': '3',
      'requests.carried_over.legal_service': '/',
      'requests.carried_forward.natural': '1',
      'requests.carried_forward.total': '1',
      'active.licensing.decisions': '9',
      'active.fees.amount': '0'
    }
  },
  {
    // Unverified: only with "all". 上年结转 总计 blank, the rest agrees: the link cannot be checked.
    name: 'jia2024.txt',
    agency: COMPARE_AGENCY,
    year: 2024,
    template: '2021',
    verified: false,
    cells: { 'requests.carried_over.natural': '1', 'requests.carried_over.total': '', 'active.licensing.decisions': '9' }
  },
  { name: 'yi2021.txt', agency: '乙县民政局', year: 2021, template: '2021', verified: true, cells: {} },
  { name: 'bing2022.txt', agency: '丙区统计局', year: 2022, template: '2021', verified: false, cells: {} },
  // Two reports of one year: nothing to link.
  { name: 'ding2021a.txt', agency: '丁县财政局', year: 2021, template: '2021', verified: true, cells: {} },
  { name: 'ding2021b.txt', agency: '丁县财政局', year: 2021, template: '2021', verified: true, cells: { 'requests.new_received.total': '3' } },
  // The second one's year and form are cleared by the reviewer (see compareLibrary): it comes last, unlinked.
  { name: 'wu2021.txt', agency: '戊市财政局', year: 2021, template: '2021', verified: true, cells: {} },
  { name: 'wu-unknown.txt', agency: '戊市财政局', year: 2022, template: '2021', verified: true, cells: { 'requests.new_received.total': '4' } }
]

function formCells(report: FixtureReport): Record<string, string> {
  return { ...Object.fromEntries(templateKeys(report.template).map((k) => [k, '0'])), ...report.cells }
}

/** Builds the library in `dir` and closes it; returns its path. */
export async function compareLibrary(dir: string): Promise<string> {
  const path = join(dir, 'compare.sqlite')
  const library = new Library(path)
  const byName = new Map(COMPARE_REPORTS.map((r) => [r.name, r]))
  const extract: Extractor = async (file) => {
    const r = byName.get(file.name)!
    return { value: handReport(r.name, r.agency, r.year, formCells(r), r.template), messages: [] }
  }
  try {
    await library.importFiles(
      COMPARE_REPORTS.map((r) => ({ name: r.name, bytes: new TextEncoder().encode(r.name) })),
      extract
    )
    library.setReviewer('测试')
    library.editCell(3, 'requests.new_received.natural', '7', '原文为 7')
    library.editMeta(11, 'year', '', '年度无法确认')
    library.editMeta(11, 'template', '', '格式无法确认')
  } finally {
    library.close()
  }
  // Verified as a reviewer would leave them; the hand figures do not add up for the checks, and the
  // checks are not what is under test here.
  const db = new Database(path)
  const verify = db.prepare("UPDATE reports SET status = 'verified', verified_by = '测试' WHERE id = ?")
  COMPARE_REPORTS.forEach((r, i) => r.verified && verify.run(i + 1))
  db.close()
  return path
}

// The report_stats table (migration 12) against the cells: after every write path the stored scores
// of every report are there, current, and equal to what its cells give from scratch; and the figures
// read through the table equal the figures worked out from the cells alone.

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { TemplateId } from '../../core/template'
import type { ExtractedFile, Extractor } from '../extractor'
import { Library } from '../library'
import { handReport, removeTempDirs, seededLibrary } from '../testing/fixtures'
import { statsLibrary } from '../testing/stats-fixture'
import { libraryStats } from './index'
import { scoresFromCells } from './read'
import { decodeScores, STATS_RULE } from './stored'

afterEach(removeTempDirs)

const NEW_RECEIVED = 'requests.new_received.total'
const GRANTED = 'requests.granted.total'

interface Row {
  id: number
  template: TemplateId | null
  storedTemplate: TemplateId | null
  rule: number | null
  scores: string | null
}

function storedRows(path: string): Row[] {
  const db = new Database(path, { readonly: true })
  try {
    return db
      .prepare(
        `SELECT r.id, r.template, s.template AS storedTemplate, s.rule, s.scores FROM reports r LEFT JOIN report_stats s ON s.report_id = r.id ORDER BY r.id`
      )
      .all() as Row[]
  } finally {
    db.close()
  }
}

/** Every report's row is there, for its template and today's rule, and equals its cells' scores from scratch. */
function expectRowsCurrent(path: string): void {
  const rows = storedRows(path)
  expect(rows.length).toBeGreaterThan(0)
  const db = new Database(path, { readonly: true })
  try {
    const fresh = scoresFromCells(db, rows)
    for (const row of rows) {
      expect({ id: row.id, template: row.storedTemplate, rule: row.rule }).toEqual({ id: row.id, template: row.template, rule: STATS_RULE })
      expect(decodeScores(row.scores!, row.template)).toEqual(fresh.get(row.id))
    }
  } finally {
    db.close()
  }
}

/** The figures through the table equal those worked out from the cells alone (the table emptied). */
function expectFiguresFromCells(path: string): void {
  const read = (): unknown => {
    const db = new Database(path, { readonly: true })
    try {
      return [libraryStats(db, { all: true }), libraryStats(db, {}), libraryStats(db, { all: true, years: [2021] })]
    } finally {
      db.close()
    }
  }
  const throughTable = read()
  const db = new Database(path)
  db.prepare('DELETE FROM report_stats').run()
  db.close()
  expect(storedRows(path).every((r) => r.scores === null)).toBe(true)
  expect(read()).toEqual(throughTable)
}

/** An engine reading report `name`'s cells as `cells` (the rest as the fixture has them). */
const engineReading =
  (cells: Record<string, string>): Extractor =>
  async (file) => {
    const json = structuredClone(handReport(file.name, '甲市教育局', 2021, {}).json)
    for (const [key, raw] of Object.entries(cells)) json.cells[key] = { value: raw === '/' ? null : Number(raw), raw, review: false }
    return { value: { json, document: { text: '甲市教育局2021年政府信息公开工作年度报告' } } satisfies ExtractedFile, messages: [] }
  }

type WritePath = [what: string, act: (lib: Library) => Promise<unknown> | unknown, library?: () => Promise<string>]

async function seeded(): Promise<string> {
  const library = await seededLibrary()
  library.close()
  return library.path
}

const WRITE_PATHS: WritePath[] = [
  [
    'import',
    (lib) =>
      lib.importFile({ name: 'new.txt', bytes: new TextEncoder().encode('new') }, async () => ({
        value: handReport('new.txt', '己县水利局', 2021, { [NEW_RECEIVED]: '7', [GRANTED]: '1.25' }),
        messages: []
      }))
  ],
  ['a cell corrected (reviewerAct)', (lib) => lib.editCell(1, NEW_RECEIVED, '41')],
  ['a cell corrected to "/"', (lib) => lib.editCell(2, GRANTED, '/')],
  ['a cell emptied', (lib) => lib.editCell(3, NEW_RECEIVED, '')],
  ['the template changed', (lib) => lib.editMeta(1, 'template', '2019')],
  ['the year changed', (lib) => lib.editMeta(2, 'year', '2022')],
  ['a table’s form chosen', (lib) => lib.setTableForm(1, 'requests', '2019')],
  ['cells marked blank', (lib) => lib.markCellsBlank(4, [NEW_RECEIVED], '原文空白')],
  // The seeded library's reports pass their checks (the stats fixture's hand figures do not).
  ['verified', (lib) => lib.verifyReport(1), seeded],
  ['re-extracted', (lib) => lib.reextract(1, engineReading({ [NEW_RECEIVED]: '99', [GRANTED]: '3' }))],
  [
    'merged from another library',
    async (lib) => {
      const theirPath = await statsLibrary()
      const theirs = new Library(theirPath)
      theirs.setReviewer('李四')
      theirs.editCell(3, NEW_RECEIVED, '88')
      theirs.close()
      lib.merge(theirPath)
    }
  ],
  ['deleted', (lib) => lib.deleteReport(2, '重复导入')]
]

describe('report_stats after each write path', () => {
  it.each(WRITE_PATHS)('%s: every row current, equal to its cells from scratch', async (_what, act, library) => {
    const path = await (library ?? (() => statsLibrary({ followingYear: true })))()
    const lib = new Library(path)
    lib.setReviewer('测试')
    // Before any stats read: the rows are written by the write paths themselves, not by a reader.
    expectRowsCurrent(path)
    await act(lib)
    lib.close()
    expectRowsCurrent(path)
    expectFiguresFromCells(path)
  })

  it('the re-extraction changed a stats cell (so the case above tests something)', async () => {
    const path = await statsLibrary()
    const lib = new Library(path)
    lib.setReviewer('测试')
    const before = storedRows(path).find((r) => r.id === 1)!.scores
    await lib.reextract(1, engineReading({ [NEW_RECEIVED]: '99' }))
    expect(lib.stats({ all: true }).byYear.find((y) => y.year === 2021)!.measures.newReceived.value).toBe(99 + 20 + 100)
    lib.close()
    expect(storedRows(path).find((r) => r.id === 1)!.scores).not.toBe(before)
  })
})

describe('report_stats after writes from outside the app’s write paths (another process, raw SQL)', () => {
  it.each([
    ['a stats cell changed', `UPDATE cells SET human_raw = '500', human_value = 500 WHERE report_id = 1 AND key = '${NEW_RECEIVED}'`],
    ['a stats cell deleted', `DELETE FROM cells WHERE report_id = 2 AND key = '${GRANTED}'`],
    ['a stats cell inserted', `INSERT INTO cells (report_id, key, ext_value, ext_raw) VALUES (3, 'active.fees.amount', 4.5, '4.50')`],
    ['a report’s template changed', `UPDATE reports SET template = '2019' WHERE id = 1`],
    ['a row written by another rule', `UPDATE report_stats SET rule = rule + 1`]
  ])('%s: the row is not used, the figures come from the cells, and the next reader rewrites it', async (_what, statement) => {
    const path = await statsLibrary()
    const other = new Database(path)
    other.prepare(statement).run()
    other.close()
    expectFiguresFromCells(path)
    // A writable reader fills the rows in again.
    const lib = new Library(path)
    lib.stats({ all: true })
    lib.close()
    expectRowsCurrent(path)
  })
})

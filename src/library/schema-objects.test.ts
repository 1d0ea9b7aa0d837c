// A library carrying SQL of its own (issue 22, item 5): a trigger that rewrote 总计 on every edit,
// a view, an index on an expression. Such a library is neither opened nor merged, and is left as it was.

import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Library } from './library'
import { tamper } from './testing/hostile'
import { removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

const TOTAL = 'requests.total.total'

async function closedSeeded(): Promise<string> {
  const library = await seededLibrary('李四')
  const path = library.path
  library.close()
  return path
}

describe('a library with SQL of its own', () => {
  it.each([
    [
      'a trigger on reports',
      `CREATE TRIGGER rewrite AFTER UPDATE ON reports BEGIN UPDATE cells SET human_raw = '999', human_value = 999 WHERE report_id = NEW.id AND key = '${TOTAL}'; END`,
      /trigger rewrite/
    ],
    ['a view', 'CREATE VIEW everything AS SELECT * FROM reports', /view everything/],
    ['an index on an expression', 'CREATE INDEX cells_lower ON cells(lower(ext_raw))', /index cells_lower/],
    ['one of our indexes redefined', 'DROP INDEX reports_updated; CREATE INDEX reports_updated ON reports(abs(id))', /index reports_updated/],
    [
      'one of our triggers (migration 12) redefined',
      `DROP TRIGGER report_stats_cell_delete; CREATE TRIGGER report_stats_cell_delete AFTER DELETE ON cells BEGIN UPDATE cells SET human_raw = '999' WHERE key = '${TOTAL}'; END`,
      /trigger report_stats_cell_delete/
    ]
  ])('%s: refused on open and on merge, the file unchanged', async (_what, statement, named) => {
    const path = await closedSeeded()
    tamper(
      path,
      statement.split(/;\s(?=CREATE)/).map((s) => [s] as [string])
    )
    const before = readFileSync(path)
    expect(() => new Library(path)).toThrow(named)
    expect(() => new Library(path)).toThrow(/含有年报核验台不会创建的触发器、视图或索引/)
    const ours = new Library(join(tempDir(), 'ours.sqlite'))
    expect(() => ours.merge(path)).toThrow(named)
    expect(ours.listReports()).toHaveLength(0)
    ours.close()
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(`${path}-wal`) && readFileSync(`${path}-wal`).length > 0).toBe(false)
  })

  it('a library of ours, with every index our migrations make, opens', async () => {
    const path = await closedSeeded()
    const library = new Library(path)
    expect(library.listReports()).toHaveLength(5)
    library.close()
  })
})

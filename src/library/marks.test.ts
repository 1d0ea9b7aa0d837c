// The verify gate and the reviewer's marks: a report with a missing table or unread cells is never
// 已核验 until a reviewer types the values or records, with a comment, 原文无此表 / 原文空白.

import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { Library } from './library'
import { SCHEMA_VERSION } from './migrations'
import { handReport, recordNoTables, removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'

afterEach(removeTempDirs)

/** Seeds 003 and 004 have no standard table: reports 4 and 5. */
const NO_TABLES = 4
const A = 'appeals.review.upheld'

async function oneHandReport(cells: Record<string, string>): Promise<{ library: Library; id: number }> {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  library.setReviewer('王五')
  await library.importFile({ name: 'hand.txt', bytes: new TextEncoder().encode(JSON.stringify(cells)) }, async () => ({
    value: handReport('hand.txt', '丁县民政局', 2023, cells),
    messages: []
  }))
  return { library, id: library.listReports()[0].id }
}

/** Every cell of a consistent 2021 report, as text, from seed 000 (益阳 2022, all tables, all numbers). */
async function fullCells(): Promise<Record<string, string>> {
  const seeded = await seededLibrary()
  const cells = Object.fromEntries(Object.entries(seeded.getReport(1).cells).map(([k, c]) => [k, c.raw]))
  seeded.close()
  return cells
}

describe('a report without tables', () => {
  it('is 有问题 with its three missing tables counted, and verifying is refused naming them', async () => {
    const library = await seededLibrary()
    const summary = library.listReports().find((r) => r.id === NO_TABLES)!
    expect(summary).toMatchObject({ status: 'problem', openFindings: 3 })
    const detail = library.getReport(NO_TABLES)
    expect(detail.open).toMatchObject({ missingTables: ['active', 'requests', 'appeals'], total: 3 })
    expect(detail.findings.filter((f) => f.rule === 'tables.missing').map((f) => f.open)).toEqual([true, true, true])
    expect(() => library.verifyReport(NO_TABLES)).toThrow('还不能标记为已核验：缺少表二、表三、表四（请对照原文填入，或记为“原文无此表”）。')
    library.close()
  })

  it('records 原文无此表 per table with a comment, in the audit trail, and then verifies', async () => {
    const library = await seededLibrary()
    expect(() => library.markTableAbsent(NO_TABLES, 'requests', '  ')).toThrow('请填写说明')
    expect(() => library.markTableAbsent(NO_TABLES, 'nope', '说明')).toThrow('未知的表格')
    expect(() => library.markTableAbsent(1, 'requests', '说明')).toThrow('表三已有内容')
    const after = library.markTableAbsent(NO_TABLES, 'requests', '原文只有文字说明')
    expect(after.open).toMatchObject({ missingTables: ['active', 'appeals'], total: 2 })
    expect(after.summary.openFindings).toBe(2)
    expect(after.marks.tables).toMatchObject([{ target: 'table.requests', comment: '原文只有文字说明', by: '张三' }])
    expect(library.history(NO_TABLES, 'table.requests')).toMatchObject([{ oldRaw: null, newRaw: '原文无此表', reviewer: '张三', reason: '原文只有文字说明' }])
    expect(() => library.verifyReport(NO_TABLES)).toThrow('缺少表二、表四')
    recordNoTables(library, NO_TABLES)
    expect(library.verifyReport(NO_TABLES).summary.status).toBe('verified')
    library.close()
  })

  it('a table typed in by hand is found: its blank cells are then unread until typed or recorded 原文空白', async () => {
    const library = await seededLibrary()
    recordNoTables(library, NO_TABLES)
    const typed = library.editCell(NO_TABLES, A, '0', '原文表四为图片')
    expect(typed.tables.appeals).toBe('found')
    // 表四 now has 14 cells left blank, and its marks are gone with the typed value
    expect(typed.marks.tables.map((m) => m.target)).toEqual(['table.active', 'table.requests'])
    expect(typed.open.unreadCells).toHaveLength(14)
    expect(typed.summary.status).toBe('problem')
    expect(() => library.verifyReport(NO_TABLES)).toThrow('14 个单元格空白未读出（请填入，或记为“原文空白”）')
    library.close()
  })
})

describe('原文空白', () => {
  it('one act, one comment: every blank cell blocking a check or left unread, recorded cell by cell', async () => {
    const cells = await fullCells()
    cells['appeals.review.upheld'] = ''
    cells['appeals.review.total'] = ''
    delete cells['appeals.review.pending']
    const { library, id } = await oneHandReport(cells)
    const before = library.getReport(id)
    expect(before.open.unreadCells.sort()).toEqual(['appeals.review.pending', 'appeals.review.total', 'appeals.review.upheld'])
    expect(before.open.notAssessable).toBeGreaterThan(0)
    expect(before.summary.status).toBe('problem')
    expect(() => library.settleBlankCells(id, '')).toThrow('请填写说明')
    const after = library.settleBlankCells(id, '原文此三格空白，已核对')
    expect(after.open.total).toBe(0)
    expect(after.marks.cells.map((m) => m.target).sort()).toEqual(['appeals.review.pending', 'appeals.review.total', 'appeals.review.upheld'])
    expect(library.history(id, 'appeals.review.total')).toMatchObject([{ oldRaw: '', newRaw: '原文空白', reason: '原文此三格空白，已核对', reviewer: '王五' }])
    expect(after.findings.filter((f) => f.status === 'not_assessable').every((f) => !f.open)).toBe(true)
    expect(() => library.settleBlankCells(id, '再来一次')).toThrow('没有需要记为原文空白的单元格')
    expect(library.verifyReport(id).summary.status).toBe('verified')
    library.close()
  })

  it('per cell: refused on a cell holding a number; a typed value replaces the mark', async () => {
    const cells = await fullCells()
    cells[A] = ''
    const { library, id } = await oneHandReport(cells)
    expect(() => library.markCellsBlank(id, ['appeals.review.total'], '原文空白')).toThrow('该单元格有数值')
    expect(() => library.markCellsBlank(id, ['no.such.cell'], '原文空白')).toThrow('未知的单元格')
    const marked = library.markCellsBlank(id, [A], '原文此格空白')
    expect(marked.open.unreadCells).toEqual([])
    expect(marked.cells[A].edits).toBe(1)
    const typed = library.editCell(id, A, '3')
    expect(typed.marks.cells).toEqual([])
    library.close()
  })
})

describe('the list after an upgrade', () => {
  it('a library from before the marks is re-derived on open: a report without tables becomes 有问题', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    // As schema 2 left it: no marks table, and the old count (failures only) of 0, 待核验.
    const db = new Database(path)
    db.exec("DROP TABLE marks; DELETE FROM schema_migrations WHERE id = 3; UPDATE reports SET open_findings = 0, status = 'pending'")
    db.close()
    const reopened = new Library(path)
    expect(reopened.info().schemaVersion).toBe(SCHEMA_VERSION)
    expect(reopened.listReports().find((r) => r.id === NO_TABLES)).toMatchObject({ status: 'problem', openFindings: 3 })
    reopened.close()
  })
})

describe('merging', () => {
  it("a colleague's library from before the marks merges as it is", async () => {
    const theirs = await seededLibrary('李四')
    theirs.verifyReport(1)
    const path = theirs.path
    theirs.close()
    const db = new Database(path)
    db.exec('DROP TABLE marks; DELETE FROM schema_migrations WHERE id = 3')
    db.close()
    const ours = new Library(join(tempDir(), 'ours.sqlite'))
    expect(ours.merge(path)).toMatchObject({ added: 5, conflicts: [] })
    expect(ours.getReport(ours.listReports({ search: '益阳' })[0].id)).toMatchObject({ verifiedBy: '李四', marks: { tables: [], cells: [] } })
    ours.close()
  })
})

describe('the export records the marks and where the values came from', () => {
  it('汇总 counts extracted / typed / OCR cells; 核验记录 lists 原文无此表', async () => {
    const library = await seededLibrary()
    recordNoTables(library, NO_TABLES, '原文只有文字')
    library.verifyReport(NO_TABLES)
    library.editCell(1, 'active.fees.amount', '12.35', '原文为 12.35 万元')
    library.verifyReport(1)
    const path = join(tempDir(), 'out.xlsx')
    await library.export('xlsx', path)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    const summary = wb.getWorksheet('汇总')!
    const header = summary.getRow(1).values as unknown[]
    const at = (name: string): number => header.indexOf(name)
    expect(at('提取单元格数')).toBeGreaterThan(0)
    const rows = summary
      .getRows(4, 2)!
      .map((r) => [r.getCell(1).value, r.getCell(at('提取单元格数')).value, r.getCell(at('人工填写单元格数')).value, r.getCell(at('OCR 识别单元格数')).value])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['益阳市应急管理局', 199, 1, 0],
        ['四川省应急管理厅', 0, 0, 0]
      ])
    )
    const edits = wb
      .getWorksheet('核验记录')!
      .getRows(2, wb.getWorksheet('核验记录')!.rowCount - 1)!
      .map((r) => [r.getCell(3).value, r.getCell(6).value, r.getCell(8).value])
    expect(edits).toContainEqual(['表三（整表）', '原文无此表', '原文只有文字'])
    // the verified report's three missing tables are findings of their own in 问题清单
    const issues = wb.getWorksheet('问题清单')!
    const messages = issues.getRows(2, issues.rowCount - 1)!.flatMap((r) => (r.values as unknown[]).filter((v) => typeof v === 'string'))
    expect(messages.filter((m) => (m as string).includes('：未找到此表'))).toHaveLength(3)
    // JSON carries the same counts and the marks
    const jsonDir = join(tempDir(), 'json')
    await library.export('json', jsonDir)
    const yiyang = JSON.parse(readFileSync(join(jsonDir, '000_445a8fa4a95c6cf5.json'), 'utf8'))
    expect(yiyang.review.cellOrigins).toEqual({ extracted: 199, typed: 1, ocr: 0 })
    library.close()
  })
})

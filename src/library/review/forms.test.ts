// 表格格式: a mixed report (a 2021 report whose （六）其他处理 is printed as the 2019 single row, read as
// three blank sub-rows) is settled truthfully by setting table 三's form, not by 原文空白 ×21. The
// switch is recorded in the trail, re-reads the table from what was extracted, drives the checks,
// the JSON export and the paper, and travels with a merge.

import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ReportJson } from '../../core/report'
import { Library } from '../library'
import { memoExtract, removeTempDirs, tempDir } from '../testing/fixtures'
import { papersOf } from '../export/paper'

afterEach(removeTempDirs)

/** Seed 000 (益阳 2022, 2021 form) with its three （六） sub-rows left blank, as the 洪泽 scan reads. */
const MIXED = 'yiyang_2022_blank_other_rows.txt'
const MIXED_PATH = resolve(__dirname, '../../../test/fixtures/forms', MIXED)
const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal_service', 'other_org', 'total']
const SINGLE = COLUMNS.map((c) => `requests.other.${c}`)
const SPLIT = ['no_correction', 'unpaid_fee', 'misc'].flatMap((r) => COLUMNS.map((c) => `requests.other.${r}.${c}`))

async function mixedLibrary(path = join(tempDir(), 'library.sqlite'), reviewer = '张三'): Promise<{ library: Library; id: number }> {
  const library = new Library(path)
  library.setReviewer(reviewer)
  const [outcome] = await library.importFiles([{ name: MIXED, bytes: new Uint8Array(readFileSync(MIXED_PATH)) }], memoExtract)
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`)
  return { library, id: outcome.reportId }
}

const verifyError = (library: Library, id: number): string => {
  try {
    library.verifyReport(id)
    return ''
  } catch (e) {
    return (e as Error).message
  }
}

describe('the form of table 三, set by the reviewer', () => {
  it('a report read as 2021 with three blank （六） rows is set to the 2019 single row, confirmed and verified, without 原文空白', async () => {
    const { library, id } = await mixedLibrary()
    const before = library.getReport(id)
    // Today's only way out: 21 blank cells to record 原文空白.
    for (const k of SPLIT) expect(before.cells[k]).toMatchObject({ raw: '', value: null })
    expect(verifyError(library, id)).toContain('21 个单元格空白未读出')

    const after = library.setTableForm(id, 'requests', '2019', '原文表三印的是 2019 版单行（六）')
    expect(after.meta.forms).toEqual({ requests: '2019' })
    for (const k of SPLIT) expect(after.cells[k]).toBeUndefined()
    for (const k of SINGLE) expect(after.cells[k]).toMatchObject({ value: 0, raw: '0', review: true })
    const trail = library.history(id, 'form.requests')
    expect(trail.map((e) => [e.oldRaw, e.newRaw, e.reviewer, e.reason])).toEqual([['2021', '2019', '张三', '原文表三印的是 2019 版单行（六）']])

    // The checks follow the single row: nothing blank is left, only the seven marked cells to confirm.
    expect(after.open.doubts.flatMap((d) => d.keys).sort()).toEqual([...SINGLE].sort())
    expect(after.findings.filter((f) => f.open).map((f) => f.rule)).not.toContain('cells.missing')
    // named by the row the 2019 form prints, not by key
    expect(verifyError(library, id)).toContain('7 处需核对未确认：表三“（六）其他处理”')
    for (const k of SINGLE) library.confirmCell(id, k)
    expect(verifyError(library, id)).toBe('')
    expect(library.history(id).filter((e) => e.target.startsWith('requests.other.') && e.newRaw === '原文空白')).toEqual([])

    // The JSON export and the paper show the table as set.
    const out = join(tempDir(), 'all.json')
    await library.export('json', out)
    const [json] = (JSON.parse(readFileSync(out, 'utf8')) as { reports: ReportJson[] }).reports
    expect(json.meta.forms).toEqual({ requests: '2019' })
    for (const k of SPLIT) expect(json.cells[k]).toBeUndefined()
    expect(json.cells['requests.other.total']).toMatchObject({ value: 0, review: true })
    const csvPath = join(tempDir(), 'all.csv')
    await library.export('csv', csvPath)
    expect(readFileSync(csvPath, 'utf8').split('\r\n')[1].split(',')[2]).toBe('2021（表三 2019 版）')
    const [paper] = papersOf(library, [id])
    expect(paper.tables.find((t) => t.table === 'requests')!.template).toBe('2019')

    // Switching back reopens the verified report and shows the three rows as read (kept, never deleted).
    const back = library.setTableForm(id, 'requests', '2021')
    expect(back.summary.status).not.toBe('verified')
    for (const k of SPLIT) expect(back.cells[k]).toMatchObject({ raw: '', value: null })
    expect(library.history(id, 'form.requests').map((e) => [e.oldRaw, e.newRaw])).toEqual([
      ['2021', '2019'],
      ['2019', '2021']
    ])
  })

  it('refuses table 四 (the same in both forms) and a form that is neither', async () => {
    const { library, id } = await mixedLibrary()
    expect(() => library.setTableForm(id, 'appeals' as 'requests', '2019')).toThrow('表四在两版格式中相同')
    expect(() => library.setTableForm(id, 'requests', '2020')).toThrow('表格格式只能是 2021 或 2019')
    expect(library.history(id)).toEqual([])
  })

  it('table 二’s form is the report’s template: set from the table, recorded as 格式', async () => {
    const { library, id } = await mixedLibrary()
    const detail = library.setTableForm(id, 'active', '2019')
    expect(detail.meta.template).toBe('2019')
    // The 2021 columns are hidden, the shared 处理决定数量 cells stay.
    expect(detail.cells['active.regulations.issued']).toBeUndefined()
    expect(detail.cells['active.licensing.decisions']).toBeDefined()
    expect(library.history(id).map((e) => [e.target, e.oldRaw, e.newRaw])).toEqual([['meta.template', '2021', '2019']])
  })

  it('a merge carries the choice: their new report, and their side taken', async () => {
    const { library: theirs, id: theirId } = await mixedLibrary(join(tempDir(), 'theirs.sqlite'), '李四')
    theirs.setTableForm(theirId, 'requests', '2019', '单行')
    for (const k of SINGLE) theirs.confirmCell(theirId, k)
    theirs.verifyReport(theirId)
    const theirPath = theirs.path
    theirs.close()

    const fresh = new Library(join(tempDir(), 'fresh.sqlite'))
    fresh.merge(theirPath)
    const added = fresh.listReports()[0].id
    expect(fresh.getReport(added).meta.forms).toEqual({ requests: '2019' })
    expect(fresh.getReport(added).summary.status).toBe('verified')

    // Ours unverified, read as 2021: their verified choice is taken over, and listed as a difference.
    const { library: ours, id } = await mixedLibrary(join(tempDir(), 'ours.sqlite'), '张三')
    ours.merge(theirPath)
    expect(ours.getReport(id).meta.forms).toEqual({ requests: '2019' })
    expect(ours.getReport(id).summary.status).toBe('verified')
    expect(ours.history(id, 'form.requests').map((e) => e.newRaw)).toContain('2019')
  })
})

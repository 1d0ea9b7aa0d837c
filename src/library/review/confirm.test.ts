// 确认: a flagged cell (需核对) blocks 已核验 until it is corrected or confirmed; the confirmation is
// the reviewer's recorded act, holds for the text confirmed, persists, and travels with a merge.

import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asExtractedFile, type ExtractedFile, type Extractor } from '../extractor'
import { Library } from '../library'
import { memoExtract, removeTempDirs, SHARED, tempDir } from '../testing/fixtures'
import { papersOf } from '../export/paper'
import { cellNote } from '../export/paper/data'
import ExcelJS from 'exceljs'

afterEach(removeTempDirs)

const PINGTAN = '008_pingtan_2021.txt'
/** Its three cells of 行政规范性文件 are one run of digits split a way the totals cannot confirm (one doubt, about the row). */
const ROW = ['active.normative_documents.issued', 'active.normative_documents.repealed', 'active.normative_documents.in_force']
/** Its 收费 amount has an odd number of decimals (a doubt about one cell). */
const FEES = 'active.fees.amount'

async function pingtanLibrary(path = join(tempDir(), 'library.sqlite'), reviewer = '张三'): Promise<{ library: Library; id: number }> {
  const library = new Library(path)
  library.setReviewer(reviewer)
  const bytes = new Uint8Array(readFileSync(join(SHARED, 'corpus/files', PINGTAN)))
  const [outcome] = await library.importFiles([{ name: PINGTAN, bytes }], memoExtract)
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

describe('需核对 cells must be settled before 已核验', () => {
  it('refuses to verify 008 平潭 2021 until its two doubts (four flagged cells) are confirmed, saying how many and where', async () => {
    const { library, id } = await pingtanLibrary()
    const before = library.getReport(id)
    expect(
      Object.values(before.cells)
        .filter((c) => c.review)
        .map((c) => c.key)
        .sort()
    ).toEqual([...ROW, FEES].sort())
    expect(before.open.doubts.map((d) => d.keys)).toEqual([ROW, [FEES]])
    expect(before.open.total).toBe(2)
    expect(library.listReports()[0].openFindings).toBe(2)
    expect(verifyError(library, id)).toBe(
      '还不能标记为已核验：2 处需核对未确认：表二“行政规范性文件”、表二“行政事业性收费”（请对照原文更正，或选中单元格按空格确认）。'
    )

    // One 确认 on any cell of the row settles the row's doubt: three cells, one act.
    const row = library.confirmCell(id, ROW[1])
    expect(row.open.doubts.map((d) => d.keys)).toEqual([[FEES]])
    for (const key of ROW) expect(row.cells[key].confirmed).toMatchObject({ by: '张三' })
    expect(row.cells[FEES].confirmed).toBeUndefined()
    const trail = library.history(id).filter((e) => e.newRaw === '已确认')
    expect(trail.map((e) => [e.target, e.oldRaw, e.reviewer])).toEqual(ROW.map((k) => [k, before.cells[k].raw, '张三']))
    expect(trail[0].reason).toContain('需核对：数字连在一起')
    expect(verifyError(library, id)).toContain('1 处需核对未确认：表二“行政事业性收费”')

    // Confirming again changes nothing and records nothing.
    library.confirmCell(id, ROW[0])
    expect(library.history(id).filter((e) => e.newRaw === '已确认')).toHaveLength(3)

    library.confirmCell(id, FEES)
    expect(verifyError(library, id)).toBe('')
    expect(library.getReport(id).summary.status).toBe('verified')
  })

  it('a correction settles a flagged cell, and a cell without a flag cannot be confirmed', async () => {
    const { library, id } = await pingtanLibrary()
    library.editCell(id, FEES, '2.311082', '原文核对')
    expect(library.getReport(id).open.doubts.map((d) => d.keys)).toEqual([ROW])
    expect(() => library.confirmCell(id, 'requests.new_received.natural')).toThrow('该单元格没有“需核对”标记，无需确认')
    expect(() => library.confirmCell(id, FEES)).toThrow('无需确认')
  })

  it('persists, and holds only while the cell reads what was confirmed (a re-extraction that reads it differently asks again)', async () => {
    const path = join(tempDir(), 'library.sqlite')
    const first = await pingtanLibrary(path)
    first.library.confirmCell(first.id, ROW[0])
    first.library.confirmCell(first.id, FEES)
    first.library.close()

    const library = new Library(path)
    expect(library.getReport(first.id).open.total).toBe(0)

    const rereads =
      (changes: Record<string, string>): Extractor =>
      async (file) => {
        const base = asExtractedFile((await memoExtract(file)).value) as ExtractedFile
        const json = structuredClone(base.json)
        for (const [key, raw] of Object.entries(changes)) json.cells[key] = { ...json.cells[key], raw, value: Number(raw) }
        return { value: { json, document: base.document }, messages: [] }
      }
    // The same reading: the confirmations stand.
    await library.reextract(first.id, rereads({}))
    expect(library.getReport(first.id).open.total).toBe(0)
    // One cell of the row read differently (still flagged): the row's doubt is open again, the fee's is not.
    await library.reextract(first.id, rereads({ [ROW[2]]: '365' }))
    const after = library.getReport(first.id)
    expect(after.open.doubts.map((d) => d.keys)).toEqual([ROW])
    expect(after.cells[ROW[2]].confirmed).toBeUndefined()
    expect(after.cells[ROW[0]].confirmed).toBeDefined()
  })

  it('a merge carries their confirmations with the report', async () => {
    const theirs = await pingtanLibrary(join(tempDir(), 'theirs.sqlite'), '李四')
    theirs.library.confirmCell(theirs.id, ROW[0])
    theirs.library.confirmCell(theirs.id, FEES)
    theirs.library.verifyReport(theirs.id)
    const theirPath = theirs.library.path
    theirs.library.close()

    const ours = new Library(join(tempDir(), 'ours.sqlite'))
    ours.setReviewer('张三')
    ours.merge(theirPath)
    const [merged] = ours.listReports()
    const detail = ours.getReport(merged.id)
    expect(detail.summary.status).toBe('verified')
    expect(detail.open.total).toBe(0)
    expect(detail.cells[FEES].confirmed).toMatchObject({ by: '李四' })
  })

  it('the 核验底稿 notes each confirmed cell with why it was flagged, who and when, and lists the confirmations in its trail', async () => {
    const { library, id } = await pingtanLibrary()
    library.confirmCell(id, ROW[0])
    library.confirmCell(id, FEES)
    library.verifyReport(id)
    const [paper] = papersOf(library, [id])
    const active = paper.tables.find((t) => t.table === 'active')!
    expect(cellNote(active.cells[FEES])).toMatch(/^需核对（金额的小数位数异常，可能与相邻单元格连在一起），已确认与原文一致：确认人 张三；\d{4}-\d\d-\d\d$/)
    for (const key of ROW) expect(cellNote(active.cells[key])).toContain('需核对（数字连在一起，无法确定拆分方式），已确认与原文一致')
    expect(paper.counts.confirmed).toBe(4)
    expect(paper.trail.filter((e) => e.newRaw === '已确认').map((e) => e.target)).toEqual([
      '表二｜行政规范性文件｜本年制发件数',
      '表二｜行政规范性文件｜本年废止件数',
      '表二｜行政规范性文件｜现行有效件数',
      '表二｜行政事业性收费｜本年收费金额（单位：万元）'
    ])
  })

  it('the exports say which flagged cells were confirmed, by whom and when: JSON, XLSX (核对) and CSV', async () => {
    const { library, id } = await pingtanLibrary()
    library.confirmCell(id, ROW[0])
    const dir = tempDir()
    await library.export('json', join(dir, 'all.json'), { all: true })
    const [json] = (JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { reports: { review: { confirmations: unknown[] } }[] }).reports
    expect(json.review.confirmations).toEqual(ROW.map((key) => ({ key, raw: expect.any(String), by: '张三', at: expect.stringMatching(/^\d{4}-/) })))

    await library.export('xlsx', join(dir, 'all.xlsx'), { all: true })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(dir, 'all.xlsx'))
    const active = book.getWorksheet('主动公开')!
    expect(active.getRow(1).getCell(9).value).toBe('核对')
    const notes = new Map<string, unknown>()
    active.eachRow((row, n) => n > 1 && notes.set(`${String(row.getCell(3).value)}|${String(row.getCell(4).value)}`, row.getCell(9).value))
    expect(notes.get('行政规范性文件|本年制发件数')).toMatch(/^需核对，已确认（张三 \d{4}-\d\d-\d\d \d\d:\d\d）$/)
    expect(notes.get('行政事业性收费|本年收费金额（单位：万元）')).toBe('需核对，未确认')
    expect(notes.get('规章|本年制发件数') ?? null).toBeNull()

    await library.export('csv', join(dir, 'all.csv'), { all: true })
    const [header, line] = readFileSync(join(dir, 'all.csv'), 'utf8').split('\r\n')
    expect(header.split(',').pop()).toBe('已确认（需核对）单元格数')
    expect(line.split(',').pop()).toBe('3')
  })

  it('a scan (test/fixtures/scan, OCR): every unsure cell is one doubt to settle, and verifying is refused until each is', async () => {
    const library = new Library(join(tempDir(), 'library.sqlite'))
    library.setReviewer('张三')
    const scan = join(__dirname, '../../../test/fixtures/scan/files/pingtan_2021_mixed.pdf')
    const [outcome] = await library.importFiles([{ name: 'pingtan_2021_mixed.pdf', bytes: new Uint8Array(readFileSync(scan)) }], memoExtract)
    if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`)
    const id = outcome.reportId
    const detail = library.getReport(id)
    const flagged = Object.values(detail.cells).filter((c) => c.review)
    expect(flagged.length).toBeGreaterThan(0)
    // Every flagged cell belongs to exactly one doubt.
    expect(detail.open.doubts.flatMap((d) => d.keys).sort()).toEqual(flagged.map((c) => c.key).sort())
    expect(verifyError(library, id)).toContain(`${detail.open.doubts.length} 处需核对未确认`)
    // Accept every failing check first, so that only the doubts are left between the scan and 已核验.
    for (const f of detail.findings.filter((x) => (x.status === 'fail' || x.status === 'uncertain') && !x.accepted))
      library.acceptFinding(id, f.rule, f.cells, '原文如此，已核对')
    for (const doubt of detail.open.doubts) library.confirmCell(id, doubt.keys[0])
    const after = library.getReport(id)
    expect(after.open.doubts).toEqual([])
    expect(library.history(id).filter((e) => e.newRaw === '已确认')).toHaveLength(flagged.length)
  }, 240_000)
})

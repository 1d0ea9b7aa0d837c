import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { templateKeys } from '../../../core/template'
import type { Library } from '../../library'
import { memoExtract, removeTempDirs, seededLibrary, SHARED, tempDir } from '../../testing/fixtures'
import { exportPapers, papersOf } from '.'
import { chromiumPdfRenderer, findChromium } from './chromium'
import { papersHtml } from './html'
import { paperGrids } from './layout'
import { FILLS, sheetNameFor } from './xlsx'

afterEach(removeTempDirs)

const NATURAL = 'requests.new_received.natural'
const PINGTAN = '006_pingtan_2019.txt'

function acceptFailsAndVerify(library: Library, id: number): void {
  for (const f of library.getReport(id).findings.filter((x) => x.status === 'fail' || x.status === 'uncertain')) {
    library.acceptFinding(id, f.rule, f.cells, '原文如此，已核对')
  }
  library.verifyReport(id)
}

/** Seed 1 corrected ("7", a "/") and verified; seed 2 left unverified; the 2019 Pingtan report corrected. */
async function paperLibrary(): Promise<{ library: Library; pingtan: number }> {
  const library = await seededLibrary()
  library.editCell(1, NATURAL, '7', '原文为 7')
  library.editCell(1, 'active.regulations.issued', '/', '原文为“/”')
  acceptFailsAndVerify(library, 1)
  const bytes = new Uint8Array(readFileSync(join(SHARED, 'corpus/files', PINGTAN)))
  const [outcome] = await library.importFiles([{ name: PINGTAN, bytes }], memoExtract)
  if (outcome.status !== 'imported') throw new Error(`corpus report not imported: ${outcome.status}`)
  library.editCell(outcome.reportId, 'appeals.review.upheld', '3', '原文表四第一格为 3')
  return { library, pingtan: outcome.reportId }
}

describe('working paper layout', () => {
  it.each(['2021', '2019'] as const)('places every cell of the %s form exactly once', (template) => {
    const placed = paperGrids(template).flatMap((g) => g.cells.filter((c) => c.kind === 'value').map((c) => c.key))
    expect(placed.sort()).toEqual(templateKeys(template).sort())
  })

  it.each(['2021', '2019'] as const)('heads 表三 with 申请人情况 over seven columns and 法人或其他组织 over five (%s)', (template) => {
    const requests = paperGrids(template)[1]
    const head = (text: string) => requests.cells.find((c) => c.kind === 'head' && c.text === text)
    expect(head('申请人情况')).toMatchObject({ row: 0, colSpan: 7 })
    expect(head('法人或其他组织')).toMatchObject({ row: 1, colSpan: 5 })
    expect(head('自然人')).toMatchObject({ row: 1, rowSpan: 2 })
    const group = requests.cells.find((c) => c.kind === 'label' && c.text === '三、本年度办理结果')!
    expect(group.rowSpan).toBe(template === '2021' ? 22 : 20)
  })

  it('heads 表四 with 行政复议 over five columns and 行政诉讼 over ten', () => {
    const appeals = paperGrids('2021')[2]
    expect(appeals.cells.find((c) => c.text === '行政复议')).toMatchObject({ colSpan: 5, rowSpan: 1 })
    expect(appeals.cells.find((c) => c.text === '行政诉讼')).toMatchObject({ colSpan: 10 })
    expect(appeals.cells.filter((c) => c.text === '未经复议直接起诉' || c.text === '复议后起诉').map((c) => c.colSpan)).toEqual([5, 5])
  })
})

describe('sheet names', () => {
  it.each([
    [[{ agency: '平潭综合实验区', year: 2019 }], ['平潭综合实验区2019']],
    [
      [
        { agency: '某某', year: 2021 },
        { agency: '某某', year: 2021 }
      ],
      ['某某2021', '某某2021(2)']
    ],
    [[{ agency: 'A/B:C*D?[E]', year: 2020 }], ['A_B_C_D__E_2020']],
    [[{ agency: null, year: null }], ['（机关未填）']],
    [[{ agency: "某局'办公室'", year: 2022 }], ['某局’办公室2022']],
    [
      [
        { agency: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', year: 2023 },
        { agency: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', year: 2023 }
      ],
      ['一二三四五六七八九十一二三四五六七八九十一二三四五六七2023', '一二三四五六七八九十一二三四五六七八九十一二三四2023(2)']
    ]
  ])('%j → %j', (papers, names) => {
    const used = new Set<string>()
    const got = papers.map((p) => sheetNameFor(p, used))
    expect(got).toEqual(names)
    for (const n of got) expect([...n].length).toBeLessThanOrEqual(31)
  })
})

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

/** The master cell showing `text` on the sheet, and its merged range. */
function findCell(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text && cell.isMerged ? cell.master === cell : !found && cell.value === text) found = cell
    })
  )
  return found
}

function mergeOf(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string | undefined {
  const merges = (ws as unknown as { _merges: Record<string, { range: string }> })._merges
  return merges[cell.address]?.range
}

describe('working paper XLSX', () => {
  it('lays out each report like the official form, numbers as numbers, corrections shaded with a note', async () => {
    const { library, pingtan } = await paperLibrary()
    const path = join(tempDir(), '底稿.xlsx')
    expect(await exportPapers(library, { ids: [1, 2, pingtan], format: 'xlsx', outPath: path })).toBe(3)
    const wb = await readBack(path)
    const names = wb.worksheets.map((w) => w.name)
    expect(names).toEqual(['益阳市应急管理局2022', '东风区应急管理局2021', '平潭综合实验区2019'])

    const ws = wb.worksheets[0]
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' })
    expect(ws.pageSetup.printArea).toBe(`A1:R${ws.rowCount}`)
    const applicants = findCell(ws, '申请人情况')!
    expect(mergeOf(ws, applicants)).toBe(`D${applicants.row}:R${applicants.row}`)
    const organisations = findCell(ws, '法人或其他组织')!
    expect(mergeOf(ws, organisations)).toBe(`F${organisations.row}:O${organisations.row}`)

    // The corrected cell: the number 7, shaded, its note with the old value, reviewer and reason.
    const natural = ws.getCell(applicants.row + 3, 4)
    expect(natural.value).toBe(7)
    expect((natural.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILLS.corrected)
    const note = typeof natural.note === 'string' ? natural.note : natural.note?.texts?.map((t) => t.text).join('')
    expect(note).toContain('原值 0')
    expect(note).toContain('张三')
    expect(note).toContain('原文为 7')
    // An uncorrected neighbour is a number and not shaded.
    const commercial = ws.getCell(applicants.row + 3, 6)
    expect(typeof commercial.value).toBe('number')
    expect((commercial.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined()
    // "/" stays as written, as text.
    const regulations = findCell(ws, '规章')!
    expect(ws.getCell(regulations.row, 4).value).toBe('/')
    expect(findCell(ws, '核验人（签名）')).toBeDefined()
    expect(findCell(ws, '复核人（签名）')).toBeDefined()
    expect(findCell(ws, library.getReport(1).summary.sha256)).toBeDefined()
    expect(findCell(wb.worksheets[0], '未核验')).toBeUndefined()

    // The unverified report carries the 未核验 banner; the 2019 report gets the trial form's rows.
    let banner = ''
    wb.worksheets[1].getRow(3).eachCell((c) => (banner ||= String(c.value)))
    expect(banner).toMatch(/^未核验/)
    const trial = wb.worksheets[2]
    expect(findCell(trial, '其他对外管理服务事项')).toBeDefined()
    expect(findCell(trial, '本年新制作数量')).toBeDefined()
    const review = findCell(trial, '行政复议')!
    expect(mergeOf(trial, review)).toBe(`D${review.row}:H${review.row}`)
    const upheld = trial.getCell(review.row + 3, 4)
    expect(upheld.value).toBe(3)
    expect((upheld.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILLS.corrected)
  }, 60_000)

  it('refuses to write onto the library, and a PDF of more than 20 papers', async () => {
    const library = await seededLibrary()
    let printed = 0
    const renderPdf = async () => (printed++, new Uint8Array())
    const many = Array.from({ length: 21 }, () => 1)
    const out = join(tempDir(), 'many.pdf')
    await expect(exportPapers(library, { ids: many, format: 'pdf', outPath: out, renderPdf })).rejects.toThrow('一份 PDF 底稿最多包含 20 份报告（已选 21 份）')
    expect(printed).toBe(0)
    await expect(exportPapers(library, { ids: [1], format: 'xlsx', outPath: library.path })).rejects.toThrow(/资料库文件/)
    await expect(exportPapers(library, { ids: [1], format: 'xlsx', outPath: `${library.path}-wal` })).rejects.toThrow(/资料库文件/)
  })
})

describe('working paper print view', () => {
  it('is one self-contained HTML document, nothing remote, text escaped', async () => {
    const { library, pingtan } = await paperLibrary()
    const html = papersHtml(papersOf(library, [1, 2, pingtan]))
    expect(html).not.toMatch(/<script|https?:|src=|url\(|@import/i)
    expect(html).toContain('益阳市应急管理局')
    expect(html.match(/<section class="paper"/g)).toHaveLength(3)
    expect(html).toContain('class="value corrected" data-key="requests.new_received.natural">7<sup')
    expect(html).toContain('<div class="banner">未核验')
  }, 60_000)

  it.skipIf(!findChromium())(
    'prints to an A4 PDF with the agency, the 表三 labels and the corrected value',
    async () => {
      const { library, pingtan } = await paperLibrary()
      const dir = tempDir()
      const path = join(dir, '底稿.pdf')
      expect(await exportPapers(library, { ids: [1, pingtan], format: 'pdf', outPath: path, renderPdf: await chromiumPdfRenderer() })).toBe(2)
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
      expect(pages).toBeGreaterThanOrEqual(4)
      expect(pages).toBeLessThanOrEqual(10)
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/)
      const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
      for (const expected of [
        '益阳市应急管理局',
        '平潭综合实验区',
        '申请人情况',
        '法人或其他组织',
        '（三）不予公开',
        '1.属于国家秘密',
        '原文为 7',
        '原文表四第一格为 3',
        '第 1 页，共',
        '核验人（签名）'
      ]) {
        expect(text, expected).toContain(expected)
      }
      // The page header names each paper's own agency and year; the unverified 2019 paper says 未核验.
      const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-'], { encoding: 'utf8' })
      expect(firstPage).toMatch(/益阳市应急管理局\s+2022 年度/)
      const lastPage = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', path, '-'], { encoding: 'utf8' })
      expect(lastPage).toMatch(/平潭综合实验区\s+2019 年度/)
      expect(lastPage).toContain('未核验')
    },
    120_000
  )
})

describe('working paper marks', () => {
  it('shows 原文无此表, tables typed by the reviewer and 原文空白 cells with who and why', async () => {
    const library = await seededLibrary()
    const id = 4
    expect(Object.values(library.getReport(id).tables)).toEqual(['missing', 'missing', 'missing'])
    library.editCell(id, 'appeals.review.upheld', '2', '原文正文载明行政复议 2 件')
    library.markTableAbsent(id, 'active', '已核对原文，确无表二')
    library.markTableAbsent(id, 'requests', '已核对原文，确无表三')
    library.markCellsBlank(id, ['appeals.review.corrected'], '原文此格空白')
    const [paper] = papersOf(library, [id])
    expect(paper.tables.map((t) => t.state)).toEqual(['absent', 'absent', 'typed'])
    expect(paper.tables[0].absentMark).toMatchObject({ comment: '已核对原文，确无表二', by: '张三' })
    const appeals = paper.tables[2].cells
    expect(appeals['appeals.review.upheld']).toMatchObject({
      value: 2,
      typed: true,
      correction: { oldRaw: null, reviewer: '张三', reason: '原文正文载明行政复议 2 件' }
    })
    expect(appeals['appeals.review.corrected']).toMatchObject({ raw: '', value: null, blank: { comment: '原文此格空白' } })
    expect(paper.trail.map((e) => e.target)).toEqual(['表四｜行政复议｜结果维持', '表二（整表）', '表三（整表）', '表四｜行政复议｜结果纠正'])

    const html = papersHtml([paper])
    expect(html).toContain('原文无此表：已核对原文，确无表二')
    expect(html).toContain('原文无此表，表内数值由核验人人工填写')
    expect(html).toContain('class="value typed" data-key="appeals.review.upheld">2<sup')
    expect(html).toContain('原文空白：原文此格空白')
    expect(html).toContain('class="banner"')

    const path = join(tempDir(), 'marks.xlsx')
    await exportPapers(library, { ids: [id], format: 'xlsx', outPath: path })
    const ws = (await readBack(path)).worksheets[0]
    const review = findCell(ws, '行政复议')!
    const typed = ws.getCell(review.row + 3, 4)
    expect(typed.value).toBe(2)
    expect((typed.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILLS.typed)
    const blank = ws.getCell(review.row + 3, 5)
    expect(blank.value).toBeNull()
    expect((blank.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(FILLS.blank)
  }, 60_000)
})

describe('the paper names every cell by its own row and column (cells.tsv, both forms)', () => {
  const spec = readFileSync(join(SHARED, 'spec/cells.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
  const expected = (template: '2021' | '2019'): Map<string, string> =>
    new Map(
      spec
        .filter(([, t]) => t === template || t === 'both')
        .map(([key, , chapter, row, column]) => [key, `表${chapter}｜${row.split('/').join(' / ')}｜${column.split('/').join(' / ')}`])
    )

  it.each(['2021', '2019'] as const)('a note on every cell of the %s form names that cell', async (template) => {
    const { library, pingtan } = await paperLibrary()
    const [paper] = papersOf(library, [template === '2021' ? 1 : pingtan])
    expect(paper.template).toBe(template)
    // Every cell corrected, so that every cell carries a note.
    for (const t of paper.tables) {
      t.state = 'found'
      for (const g of t.grid.cells) {
        if (g.kind !== 'value' || !g.key) continue
        t.cells[g.key] = {
          key: g.key,
          raw: '1',
          value: 1,
          typed: false,
          correction: { oldRaw: '0', reviewer: '张三', reason: null, at: '2024-01-01T00:00:00.000Z' }
        }
      }
    }
    const html = papersHtml([paper])
    const notes = [...html.matchAll(/<li>([^<]*)：已更正：原值 0/g)].map((m) => m[1].replaceAll('&amp;', '&'))
    const names = expected(template)
    expect(notes.sort()).toEqual([...names.values()].sort())
    expect(notes).toContain(template === '2021' ? '表二｜行政规范性文件｜本年制发件数' : '表二｜规范性文件｜本年新制作数量')
    expect(notes).toContain('表四｜行政诉讼 / 未经复议直接起诉｜结果纠正')
  })
})

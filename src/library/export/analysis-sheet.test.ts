import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { Library } from '../library'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { copyOf, statsLibrary, STATS_REPORTS, type FixtureReport } from '../testing/stats-fixture'
import { GENERAL_NOTES, MEASURES, RATES } from '../stats'

afterEach(removeTempDirs)

// The figures are those of stats.test.ts, worked out by hand from STATS_REPORTS.

async function analysisSheet(all: boolean, fixture: { followingYear?: boolean; extra?: FixtureReport[] } = {}): Promise<ExcelJS.Worksheet> {
  const library = new Library(await statsLibrary(fixture), { readOnly: true })
  const out = join(tempDir(), 'export.xlsx')
  try {
    await library.export('xlsx', out, { all })
  } finally {
    library.close()
  }
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(out)
  return wb.getWorksheet('分析')!
}

/** Every row whose first cell is `first`, top to bottom, as values from column 1. */
function rowsOf(ws: ExcelJS.Worksheet, first: string | number): ExcelJS.CellValue[][] {
  const rows: ExcelJS.Row[] = []
  ws.eachRow((r) => r.getCell(1).value === first && rows.push(r))
  return rows.map((row) => Array.from({ length: 24 }, (_, i) => row.getCell(i + 1).value))
}

/** The one row whose first cell is `first`. */
function rowOf(ws: ExcelJS.Worksheet, first: string | number): ExcelJS.CellValue[] {
  const rows = rowsOf(ws, first)
  expect(rows).toHaveLength(1)
  return rows[0]
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const found: string[] = []
  ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && found.push(c.value))))
  return found
}

function rowNumberOf(ws: ExcelJS.Worksheet, first: string): number {
  let n = -1
  ws.eachRow((r, i) => void (r.getCell(1).value === first && (n = i)))
  return n
}

describe('the 分析 sheet', () => {
  it('holds the by-year and by-agency aggregates as numbers, blanks blank with the reports left out', async () => {
    const ws = await analysisSheet(false)
    expect(ws.getCell('A1').value).toBe('统计范围：已核验的报告 4 份')
    // Columns: 年度, 报告数, 未核验, then MEASURES in order — 新收, 上年结转, 办结, 结转, 予以公开, 部分公开, 不予公开,
    // 无法提供, 不予处理, 其他处理, 复议总计, 复议纠正, 诉讼总计, 诉讼纠正, 许可, 处罚, 收费 — then what was left out.
    expect(rowOf(ws, 2021).slice(0, 21)).toEqual([
      2021,
      2,
      null,
      30,
      2,
      30,
      2,
      15,
      7,
      3,
      1,
      1,
      3,
      4,
      1,
      4,
      1,
      12,
      35,
      1.5,
      '行政复议总计：2；行政复议结果纠正：2；行政许可处理决定：2'
    ])
    // The 2019 form: 收费 blank (no such cell), and said so, not 0.
    expect(rowOf(ws, 2020).slice(0, 21)).toEqual([
      2020,
      1,
      null,
      8,
      1,
      8,
      1,
      4,
      0,
      0,
      2,
      0,
      2,
      1,
      1,
      1,
      0,
      7,
      3,
      null,
      '行政事业性收费（万元）：3（表样无此项）'
    ])
    // 2022: 新收 blank and 不予公开 "/" stay blank cells, not 0.
    const y2022 = rowOf(ws, 2022)
    expect(y2022.slice(3, 10)).toEqual([null, 2, 0, 0, 0, 0, null])
    expect(y2022.slice(17, 21)).toEqual([null, 0, 2.25, '新收申请：4；不予公开：4；行政复议总计：4；行政复议结果纠正：4；行政许可处理决定：4'])

    // 机关, 年度, 报告数, 未核验, 新收, 公开率, 复议纠错率, 诉讼纠错率, 许可, 处罚, 收费, 原因, 报告编号.
    // 甲 = 1 + 4: 许可 12 (4 blank), 处罚 30 + 0, 收费 1.5 + 2.25.
    const a = rowOf(ws, '甲市教育局')
    expect(a.slice(0, 13)).toEqual(['甲市教育局', '2021、2022', 2, null, 10, 0.6, 0.25, 0.25, 12, 30, 3.75, null, '1、4'])
    const b = rowOf(ws, '乙县民政局')
    expect(b.slice(4, 11)).toEqual([20, 0.8, null, null, null, 5, 0])
    expect(b[11]).toBe('复议纠错率：各报告的有关单元格均有空白或“/”；诉讼纠错率：行政诉讼总计为 0')
    expect(rowOf(ws, '丙区统计局').slice(4, 11)).toEqual([8, 0.5, 1, 0, 7, 3, null])
    // Rates are shares shown as percentages.
    expect(ws.getCell(rowNumberOf(ws, '甲市教育局'), 6).numFmt).toBe('0.0%')
  })

  it('says why no outlier or jump is flagged, and defines every measure and rate', async () => {
    const ws = await analysisSheet(false)
    expect(texts(ws)).toContain('样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    expect(texts(ws)).toContain('未发现年度间的大幅变化')
    for (const d of RATES) expect(rowOf(ws, d.label)[1]).toBe(d.definition)
    for (const m of MEASURES) expect(rowOf(ws, m.label)[1]).toBe(m.definition)
    expect(rowOf(ws, '其他处理')[2]).toBe(
      '单元格：2021 表样 requests.other.no_correction.total + requests.other.unpaid_fee.total + requests.other.misc.total；2019 表样 requests.other.total'
    )
    expect(rowOf(ws, '行政事业性收费（万元）')[2]).toBe('单元格：2021 表样 active.fees.amount；2019 表样 （无此项）')
    expect(rowsOf(ws, '说明').map((r) => r[1])).toEqual([...GENERAL_NOTES])
  })

  it('with all, counts the unverified report and names it', async () => {
    const ws = await analysisSheet(true)
    expect(ws.getCell('A1').value).toBe('统计范围：全部报告 5 份，其中未核验 1 份（已计入，见“未核验报告”列）')
    expect(rowOf(ws, 2021).slice(0, 4)).toEqual([2021, 3, '5', 130])
    expect(rowOf(ws, '戊市财政局').slice(2, 6)).toEqual([1, '5', 100, 1])
  })

  it('lists the jumps: 戊 with its following year (report 6)', async () => {
    const ws = await analysisSheet(true, { followingYear: true })
    expect(ws.getCell('A1').value).toBe('统计范围：全部报告 6 份，其中未核验 2 份（已计入，见“未核验报告”列）')
    // 戊 = 5 + 6: the agency row, then its two jumps (see jumps.test.ts): 新收 100 → 10, 公开率 100% → 30%.
    const [agency, received, disclosure] = rowsOf(ws, '戊市财政局')
    expect(agency.slice(2, 6)).toEqual([2, '5、6', 110, 103 / 110])
    expect(received.slice(0, 7)).toEqual([
      '戊市财政局',
      '新收申请',
      '2021→2022',
      100,
      10,
      expect.stringMatching(/^2021→2022 年：新收申请由 100 件减至 10 件/),
      '5、6'
    ])
    expect(disclosure.slice(0, 5)).toEqual(['戊市财政局', '公开率', '2021→2022', 1, 0.3])
    expect(disclosure[5]).toMatch(/降至 30\.0%（3\/10）.*；含未核验的报告$/)
  })

  it('counts a near-duplicate once and a report of unknown year in no agency row, and lists both (issue 21 items 3, 2)', async () => {
    // 6: 甲 2021 again, verified after report 1 with 新收 11; 7: 甲 with no year read (新收 33).
    const ws = await analysisSheet(false, {
      extra: [
        copyOf(STATS_REPORTS[0], 'a2021.docx', { verifiedAt: '2026-03-02T00:00:00.000Z', spec: { newReceived: '11' } }),
        copyOf(STATS_REPORTS[0], 'a-unknown.txt', { yearUnknown: true, spec: { newReceived: '33' } })
      ]
    })
    expect(ws.getCell('A1').value).toBe('统计范围：已核验的报告 5 份；另有 1 份重复，未计入；1 份年度不详，未计入按机关的统计')
    expect(rowOf(ws, 2021).slice(0, 4)).toEqual([2021, 2, null, 31])
    expect(rowOf(ws, '年度未识别').slice(0, 4)).toEqual(['年度未识别', 1, null, 33])
    // The agency row first (then the two listed below).
    expect(rowsOf(ws, '甲市教育局')[0].slice(0, 5)).toEqual(['甲市教育局', '2021、2022', 2, null, 11])
    const at = rowNumberOf(ws, '未计入的报告')
    const list = [at + 2, at + 3].map((n) => Array.from({ length: 5 }, (_, i) => ws.getRow(n).getCell(i + 1).value))
    expect(list).toEqual([
      ['甲市教育局', 2021, 1, 6, '重复，未计入：与报告 #6 为同一机关、年度与表样，计入核验较晚的那份'],
      ['甲市教育局', '年度不详', 7, null, '年度不详，未计入按机关的统计（只计入“年度不详”一栏）']
    ])
  })

  it('holds money sums as their exact decimal (issue 21 item 8)', async () => {
    const ws = await analysisSheet(false, {
      extra: [
        copyOf(STATS_REPORTS[1], 'x2023.txt', { agency: '庚县林业局', year: 2023, spec: { fees: '0.1' } }),
        copyOf(STATS_REPORTS[1], 'y2023.txt', { agency: '辛县水利局', year: 2023, spec: { fees: '0.2' } })
      ]
    })
    // Floating point: 0.30000000000000004.
    expect(rowOf(ws, 2023)[19]).toBe(0.3)
  })
})

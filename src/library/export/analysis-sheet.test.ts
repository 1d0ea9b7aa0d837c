import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { Library } from '../library'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { statsLibrary } from '../testing/stats-fixture'
import { RATES } from '../stats'

afterEach(removeTempDirs)

// The figures are those of stats.test.ts, worked out by hand from STATS_REPORTS.

async function analysisSheet(all: boolean): Promise<ExcelJS.Worksheet> {
  const library = new Library(await statsLibrary(), { readOnly: true })
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

/** The row whose first cell is `first`, as values from column 1. */
function rowOf(ws: ExcelJS.Worksheet, first: string | number): ExcelJS.CellValue[] {
  const rows: ExcelJS.Row[] = []
  ws.eachRow((r) => r.getCell(1).value === first && rows.push(r))
  expect(rows).toHaveLength(1)
  return Array.from({ length: 20 }, (_, i) => rows[0].getCell(i + 1).value)
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
    expect(rowOf(ws, 2021).slice(0, 17)).toEqual([2021, 2, null, 30, 30, 2, 15, 7, 3, 1, 1, 3, 4, 1, 4, 1, '行政复议总计：2；行政复议结果纠正：2'])
    expect(rowOf(ws, 2020).slice(0, 16)).toEqual([2020, 1, null, 8, 8, 1, 4, 0, 0, 2, 0, 2, 1, 1, 1, 0])
    // 2022: 新收 blank and 不予公开 "/" stay blank cells, not 0.
    const y2022 = rowOf(ws, 2022)
    expect(y2022.slice(3, 9)).toEqual([null, 0, 0, 0, 0, null])
    expect(y2022[16]).toBe('新收申请：4；不予公开：4；行政复议总计：4；行政复议结果纠正：4')

    const a = rowOf(ws, '甲市教育局')
    expect(a.slice(0, 10)).toEqual(['甲市教育局', '2021、2022', 2, null, 10, 0.6, 0.25, 0.25, null, '1、4'])
    const b = rowOf(ws, '乙县民政局')
    expect(b.slice(4, 8)).toEqual([20, 0.8, null, null])
    expect(b[8]).toBe('复议纠错率：各报告的有关单元格均有空白或“/”；诉讼纠错率：行政诉讼总计为 0')
    // Rates are shares shown as percentages.
    expect(ws.getCell(rowNumberOf(ws, '甲市教育局'), 6).numFmt).toBe('0.0%')
  })

  it('says why no outlier is flagged, and defines every rate', async () => {
    const ws = await analysisSheet(false)
    const texts: string[] = []
    ws.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))))
    expect(texts).toContain('样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    for (const d of RATES) expect(rowOf(ws, d.label)[1]).toBe(d.definition)
    expect(rowOf(ws, '其他处理')[1]).toBe(
      '单元格：2021 表样 requests.other.no_correction.total + requests.other.unpaid_fee.total + requests.other.misc.total；2019 表样 requests.other.total'
    )
  })

  it('with all, counts the unverified report and names it', async () => {
    const ws = await analysisSheet(true)
    expect(ws.getCell('A1').value).toBe('统计范围：全部报告 5 份，其中未核验 1 份（已计入，见“未核验报告”列）')
    expect(rowOf(ws, 2021).slice(0, 4)).toEqual([2021, 3, '5', 130])
    expect(rowOf(ws, '戊市财政局').slice(2, 6)).toEqual([1, '5', 100, 1])
  })
})

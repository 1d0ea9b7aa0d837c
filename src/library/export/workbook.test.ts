import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { columnName, WorkbookWriter, xmlText } from './workbook'

afterEach(removeTempDirs)

describe('column names', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD']
  ])('column %i is %s', (n, name) => expect(columnName(n)).toBe(name))
})

describe('XML text', () => {
  it.each([
    ['plain 申请', 'plain 申请'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['bell\u0007 and null\u0000', 'bell_x0007_ and null_x0000_'],
    ['tab\tline\n', 'tab\tline\n'],
    ['CR\r\nLF', 'CR_x000D_\nLF'],
    // A literal escape sequence in the text keeps its meaning as text.
    ['_x0041_', '_x005F_x0041_'],
    ['snake_case_x', 'snake_case_x']
  ])('%j is written as %j', (text, xml) => expect(xmlText(text)).toBe(xml))
})

async function written(build: (wb: WorkbookWriter) => void): Promise<ExcelJS.Workbook> {
  const dir = tempDir()
  const staging = join(dir, 'staging')
  mkdirSync(staging)
  const writer = new WorkbookWriter(staging, '年报核验台')
  build(writer)
  const path = join(dir, 'book.xlsx')
  await writer.commit(path)
  expect(readdirSync(staging)).toEqual([])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

describe('workbook writer', () => {
  it('writes numbers as numbers, texts as texts, and keeps blanks blank', async () => {
    const wb = await written((w) => {
      const s = w.addSheet('数据', { widths: [10, 10, 10, 10, 10] })
      s.row([1, 12.35, '/', null, ''])
      s.row([w.shared('重复的机关'), -0.5, ' 前后空格 ', '=1+1 stays text', 'a\u0001b\r\nc'])
      s.row([Infinity])
    })
    const ws = wb.getWorksheet('数据')!
    expect(ws.getRow(1).values).toEqual([undefined, 1, 12.35, '/'])
    expect(ws.getCell('D1').value).toBeNull()
    expect(ws.getCell('A2').value).toBe('重复的机关')
    expect(ws.getCell('B2').value).toBe(-0.5)
    expect(ws.getCell('C2').value).toBe(' 前后空格 ')
    expect(ws.getCell('D2').value).toBe('=1+1 stays text')
    expect(ws.getCell('D2').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('E2').value).toBe('a\u0001b\r\nc')
    // Not a number XML can hold: kept as its text rather than breaking the file.
    expect(ws.getCell('A3').value).toBe('Infinity')
    expect(ws.columns.map((c) => c.width)).toEqual([10, 10, 10, 10, 10])
  })

  it('puts a continuation sheet right after the sheet it continues', async () => {
    const wb = await written((w) => {
      const first = w.addSheet('申请情况', { widths: [8] })
      w.addSheet('主动公开', { widths: [8] })
      const second = w.addSheet('申请情况（续1）', { widths: [8] }, first)
      w.addSheet('申请情况（续2）', { widths: [8] }, second)
      first.row(['一'])
      second.row(['二'])
    })
    expect(wb.worksheets.map((s) => s.name)).toEqual(['申请情况', '申请情况（续1）', '申请情况（续2）', '主动公开'])
    expect(wb.getWorksheet('申请情况（续1）')!.getCell('A1').value).toBe('二')
  })

  it('freezes panes, merges header cells and styles the header', async () => {
    const wb = await written((w) => {
      const s = w.addSheet('汇总', { widths: [20, 8, 8], frozen: { rows: 2, columns: 1 }, autoFilter: true })
      s.row(['机关', '表三', ''], 'header')
      s.row(['', '自然人', '法人'], 'header')
      s.merge(1, 1, 2, 1)
      s.merge(1, 2, 1, 3)
      s.row(['某局', 3, 4])
    })
    const ws = wb.getWorksheet('汇总')!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 })
    expect(ws.getCell('A2').isMerged).toBe(true)
    expect(ws.getCell('C1').master.address).toBe('B1')
    expect(ws.getCell('B2').font?.bold).toBe(true)
    expect(ws.getCell('B3').font?.bold).toBeFalsy()
    expect(ws.autoFilter).toBe('A1:C1')
    expect(ws.getCell('C3').value).toBe(4)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { removeTempDirs, seededLibrary, tempDir } from '../testing/fixtures'
import { ruleName } from '../../core/validate/rule-names'
import { ExcelDate } from './workbook'

afterEach(removeTempDirs)

/** The local wall-clock time of a moment, as Excel shows a date cell (exceljs reads it back as UTC fields). */
const wallClock = (iso: string): string => {
  const d = new Date(iso)
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
const asRead = (d: Date): string => d.toISOString().replace('T', ' ').slice(0, 19)

describe('XLSX 问题清单 and 核验记录 for people', () => {
  it('names the rule and the cells in Chinese (keys hidden beside them); times are date cells in local time', async () => {
    const library = await seededLibrary('张三')
    library.editCell(1, 'requests.new_received.natural', '999')
    const failing = library.getReport(1).findings.find((f) => f.status === 'fail')!
    library.acceptFinding(1, failing.rule, failing.cells, '原文如此')
    const path = join(tempDir(), 'out.xlsx')
    await library.export('xlsx', path, { all: true })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path)

    const issues = workbook.getWorksheet('问题清单')!
    const header = issues.getRow(1).values as unknown[]
    expect(header.slice(1)).toEqual([
      '机关',
      '年度',
      '状态',
      '规则',
      '说明',
      '涉及单元格',
      '可能原因',
      '接受说明',
      '接受人',
      '接受时间',
      '报告状态',
      '文件名',
      '规则编号',
      '单元格编号'
    ])
    expect(issues.getColumn(13).hidden).toBe(true)
    expect(issues.getColumn(14).hidden).toBe(true)
    expect(issues.getColumn(4).hidden).toBe(false)
    const rows = issues.getRows(2, issues.rowCount - 1)!
    const accepted = rows.find((r) => r.getCell(13).value === failing.rule && r.getCell(14).value === failing.cells.join(', '))!
    expect(accepted.getCell(4).value).toBe(ruleName(failing.rule))
    expect(accepted.getCell(4).value).not.toBe(failing.rule)
    expect(String(accepted.getCell(6).value)).toContain('本年新收')
    expect(String(accepted.getCell(6).value)).not.toContain('requests.')
    const acceptedAt = library.getReport(1).findings.find((f) => f.accepted)!.accepted!.at
    expect(accepted.getCell(10).value).toBeInstanceOf(Date)
    expect(asRead(accepted.getCell(10).value as Date)).toBe(wallClock(acceptedAt))
    expect(accepted.getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm:ss')

    const edits = workbook.getWorksheet('核验记录')!
    const edit = edits.getRow(2)
    const at = library.history(1, 'requests.new_received.natural')[0].at
    expect(edit.getCell(9).value).toBeInstanceOf(Date)
    expect(asRead(edit.getCell(9).value as Date)).toBe(wallClock(at))
    library.close()
  })

  it('a date cell is the local wall-clock time as an Excel serial', () => {
    const iso = '2024-03-01T12:00:00.000Z'
    const d = new Date(iso)
    const local = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds())
    expect(new ExcelDate(iso).serial()).toBeCloseTo(local / 86_400_000 + 25_569, 9)
    expect(new ExcelDate('not a date').serial()).toBeNull()
  })
})

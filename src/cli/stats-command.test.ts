import { afterEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { yearsFrom } from './stats-command'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'
import { statsLibrary } from '../library/testing/stats-fixture'

afterEach(removeTempDirs)

// Figures worked out by hand from STATS_REPORTS (see library/stats/stats.test.ts).

describe('report-desk stats', () => {
  it('prints the by-year and by-agency tables of the verified reports', async () => {
    const library = await statsLibrary()
    const { code, out } = await run(['stats', '--library', library])
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines[0]).toBe('统计范围：已核验的报告 4 份')
    expect(lines).toContain('2021\t2\t\t30\t30\t2\t15\t7\t3\t1\t1\t3\t4\t1\t4\t1\t行政复议总计:2; 行政复议结果纠正:2')
    expect(lines).toContain('2022\t1\t\t\t0\t0\t0\t0\t\t0\t0\t0\t\t\t0\t0\t新收申请:4; 不予公开:4; 行政复议总计:4; 行政复议结果纠正:4')
    expect(lines).toContain('甲市教育局\t2021,2022\t2\t\t10\t60.0%\t25.0%\t25.0%\t\t1,4')
    expect(lines).toContain('乙县民政局\t2021\t1\t\t20\t80.0%\t\t\t复议纠错率:各报告的有关单元格均有空白或“/”; 诉讼纠错率:行政诉讼总计为 0\t2')
    expect(lines).toContain('公开率\t样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    expect(out).not.toContain('戊市财政局')
  })

  it('counts unverified reports with --all, filters years, and answers JSON', async () => {
    const library = await statsLibrary()
    const all = await run(['stats', '--library', library, '--all', '--year', '2021', '--json'])
    expect(all.code).toBe(0)
    const stats = JSON.parse(all.out)
    expect(stats.filter).toEqual({ years: [2021], agency: null, all: true })
    expect(stats.unverifiedReportIds).toEqual([5])
    expect(stats.byYear.map((y: { year: number }) => y.year)).toEqual([2021])
    expect(stats.byYear[0].measures.newReceived).toMatchObject({ value: 130, unverifiedReportIds: [5] })
    expect(stats.byAgency[0]).toMatchObject({ agency: '戊市财政局', unverifiedReportIds: [5] })
    const text = await run(['stats', '--library', library, '--all', '--year', '2020', '2022'])
    expect(text.out.split('\n')[0]).toBe('统计范围：全部报告 2 份，其中未核验 0 份')
    const none = await run(['stats', '--library', library, '--year', '1999'])
    expect(none.out.split('\n').slice(0, 2)).toEqual(['统计范围：已核验的报告 0 份', '没有符合条件的已核验报告（--all：统计全部报告，未核验的逐项标出）。'])
  })

  it('refuses a year that is not one, and opens no library at a mistyped path', async () => {
    expect(yearsFrom(['--year', '2021', '2022', '--all', '--year', '2019'])).toEqual([2021, 2022, 2019])
    const library = await statsLibrary()
    const bad = await run(['stats', '--library', library, '--year', '21'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('四位年份')
    expect((await run(['stats', '--library', library, '--year'])).code).toBe(2)
    const missing = join(tempDir(), 'nope.sqlite')
    expect((await run(['stats', '--library', missing])).code).toBe(1)
    expect(existsSync(missing)).toBe(false)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './testing'
import { byFrom, yearsFrom } from './stats-command'
import { removeTempDirs, tempDir } from '../library/testing/fixtures'
import { agencyKey } from '../library/agency'
import { tamper } from '../library/testing/hostile'
import { copyOf, statsLibrary, STATS_REPORTS } from '../library/testing/stats-fixture'

afterEach(removeTempDirs)

// Figures worked out by hand from STATS_REPORTS (see library/stats/stats.test.ts and jumps.test.ts).
// Year columns: 年度, 报告数, 未核验, 新收, 上年结转, 办结, 结转, 予以公开, 部分公开, 不予公开, 无法提供, 不予处理,
// 其他处理, 复议总计, 复议纠正, 诉讼总计, 诉讼纠正, 许可, 处罚, 收费, 未计入.
// Agency columns: 机关, 年度, 报告数, 未核验, 新收, 公开率, 复议纠错率, 诉讼纠错率, 许可, 处罚, 收费, 原因, 报告编号.

describe('report-desk stats', () => {
  it('prints the by-year and by-agency tables of the verified reports, then 值得关注 and the jumps', async () => {
    const library = await statsLibrary()
    const { code, out } = await run(['stats', '--library', library])
    expect(code).toBe(0)
    const lines = out.split('\n')
    expect(lines[0]).toBe('统计范围：已核验的报告 4 份')
    expect(lines).toContain('2021\t2\t\t30\t2\t30\t2\t15\t7\t3\t1\t1\t3\t4\t1\t4\t1\t12\t35\t1.5\t行政复议总计:2; 行政复议结果纠正:2; 行政许可处理决定:2')
    // The 2019 form has no 收费金额: blank and said so, not 0.
    expect(lines).toContain('2020\t1\t\t8\t1\t8\t1\t4\t0\t0\t2\t0\t2\t1\t1\t1\t0\t7\t3\t\t行政事业性收费（万元）:3(表样无此项)')
    expect(lines).toContain(
      '2022\t1\t\t\t2\t0\t0\t0\t0\t\t0\t0\t0\t\t\t0\t0\t\t0\t2.25\t新收申请:4; 不予公开:4; 行政复议总计:4; 行政复议结果纠正:4; 行政许可处理决定:4'
    )
    expect(lines).toContain('甲市教育局\t2021,2022\t2\t\t10\t60.0%\t25.0%\t25.0%\t12\t30\t3.75\t\t1,4')
    expect(lines).toContain('乙县民政局\t2021\t1\t\t20\t80.0%\t\t\t\t5\t0\t复议纠错率:各报告的有关单元格均有空白或“/”; 诉讼纠错率:行政诉讼总计为 0\t2')
    expect(lines).toContain('公开率\t样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    expect(lines.slice(lines.indexOf('年度间大幅变化'), lines.indexOf('年度间大幅变化') + 2)).toEqual(['年度间大幅变化', '未发现年度间的大幅变化'])
    expect(out).not.toContain('戊市财政局')
  })

  it('prints the jumps with --all: 戊 新收 100 → 10 and 公开率 100% → 30% (with its following year, report 6)', async () => {
    const { out } = await run(['stats', '--library', await statsLibrary({ followingYear: true }), '--all'])
    const lines = out.split('\n')
    const at = lines.indexOf('年度间大幅变化')
    expect(lines[at + 1]).toMatch(/^戊市财政局\t新收申请\t2021→2022\t2021→2022 年：新收申请由 100 件减至 10 件（×0\.10）.*；含未核验的报告\t5,6$/)
    expect(lines[at + 2]).toMatch(/^戊市财政局\t公开率\t2021→2022\t2021→2022 年：公开率由 100\.0%（100\/100）降至 30\.0%（3\/10）.*\t5,6$/)
  })

  it('--by year or --by agency prints just that table', async () => {
    const library = await statsLibrary()
    const year = await run(['stats', '--library', library, '--by', 'year'])
    expect(year.code).toBe(0)
    expect(year.out).toContain('按年度')
    expect(year.out).toContain('\n2021\t2\t')
    for (const absent of ['按机关', '甲市教育局', '值得关注', '年度间大幅变化']) expect(year.out).not.toContain(absent)
    const agency = await run(['stats', '--library', library, '--by=agency'])
    expect(agency.out).toContain('甲市教育局\t2021,2022\t2\t')
    for (const absent of ['按年度', '\n2021\t', '值得关注']) expect(agency.out).not.toContain(absent)
    const json = JSON.parse((await run(['stats', '--library', library, '--by', 'agency', '--json'])).out)
    expect(Object.keys(json)).toEqual(['filter', 'reportCount', 'leftOut', 'unverifiedReportIds', 'byAgency', 'definitions'])
    expect(json.byAgency.map((a: { agency: string }) => a.agency)).toEqual(['乙县民政局', '甲市教育局', '丙区统计局'])
  })

  it('counts the same report twice over once, and lists the copy and the report of unknown year (issue 21 items 3, 2)', async () => {
    // 6: 甲 2021 again (another file), verified; 7: 甲 with no year read, verified.
    const library = await statsLibrary({
      extra: [copyOf(STATS_REPORTS[0], 'a2021.docx'), copyOf(STATS_REPORTS[0], 'a-unknown.txt', { yearUnknown: true, spec: { newReceived: '33' } })]
    })
    const lines = (await run(['stats', '--library', library])).out.split('\n')
    expect(lines[0]).toBe('统计范围：已核验的报告 5 份；另有 1 份重复，未计入；1 份年度不详，未计入按机关的统计')
    // 新收 30, as without the copy; the agency row keeps its two years' reports 1 and 4.
    expect(lines.find((l) => l.startsWith('2021\t'))).toMatch(/^2021\t2\t\t30\t/)
    expect(lines.find((l) => l.startsWith('年度未识别\t'))).toMatch(/^年度未识别\t1\t\t33\t/)
    expect(lines).toContain('甲市教育局\t2021,2022\t2\t\t10\t60.0%\t25.0%\t25.0%\t12\t30\t3.75\t\t1,4')
    const at = lines.indexOf('未计入的报告')
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '报告编号\t机关\t年度\t原因',
      '6\t甲市教育局\t2021\t重复，未计入：与报告 #1 为同一机关、年度与表样，计入编号较小的那份',
      '7\t甲市教育局\t年度不详\t年度不详，未计入按机关的统计（只计入“年度不详”一栏）'
    ])
  })

  it('prints money sums at the precision written, never a binary fraction (issue 21 item 8)', async () => {
    // 2023: 收费 0.10 + 0.2 万元 in two agencies (floating point: 0.30000000000000004).
    const library = await statsLibrary({
      extra: [
        copyOf(STATS_REPORTS[1], 'x2023.txt', { agency: '庚县林业局', year: 2023, spec: { fees: '0.10' } }),
        copyOf(STATS_REPORTS[1], 'y2023.txt', { agency: '辛县水利局', year: 2023, spec: { fees: '0.2' } })
      ]
    })
    const { out } = await run(['stats', '--library', library, '--by', 'year'])
    expect(
      out
        .split('\n')
        .find((l) => l.startsWith('2023\t'))!
        .split('\t')[19]
    ).toBe('0.30')
    expect(out).not.toMatch(/\.\d*0000000\d/)
  })

  it('refuses a --by that is neither year nor agency', async () => {
    expect(byFrom(['--by', 'year'])).toBe('year')
    expect(byFrom(['--all'])).toBe(null)
    expect(byFrom(['--by'])).toBe('bad')
    const library = await statsLibrary()
    for (const bad of [['--by', 'month'], ['--by']]) {
      const r = await run(['stats', '--library', library, ...bad])
      expect(r.code).toBe(2)
      expect(r.err).toContain('--by 后应为 year（按年度）或 agency（按机关）')
    }
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
    // One year only: no consecutive years to compare.
    expect(stats.jumps).toEqual([])
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

  it('names --by in the help', async () => {
    const { out } = await run(['--help'])
    expect(out).toContain('report-desk stats --library PATH [--by year|agency] [--year Y…] [--agency TEXT] [--all] [--json]')
  })
})

describe('report-desk stats output opened in a spreadsheet (issue 22, item 11)', () => {
  it('neutralises text that would run as a formula, as the exports do', async () => {
    const path = await statsLibrary()
    // Typing refuses quotes in 机关 (agency-input.ts); a merged or crafted library may carry them.
    const agency = '=HYPERLINK("http://evil.example","甲")'
    tamper(path, [['UPDATE reports SET agency = ?, agency_key = ? WHERE id = 1', agency, agencyKey(agency)]])
    const { out } = await run(['stats', '--library', path, '--all', '--by', 'agency'])
    expect(out).toContain(`'=HYPERLINK("http://evil.example","甲")\t`)
    expect(out.split('\n').some((l) => l.startsWith('=HYPERLINK'))).toBe(false)
  })
})

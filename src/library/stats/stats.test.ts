import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { openReadOnly } from '../db'
import { Library } from '../library'
import { SCHEMA_VERSION, STATS_INDEXED_KEYS } from '../migrations'
import { cellsQuery, FULL_KEY_LISTS, reportsQuery, reportsWhere } from './read'
import { removeTempDirs } from '../testing/fixtures'
import { copyOf, statsLibrary, STATS_REPORTS, type FixtureReport } from '../testing/stats-fixture'
import { byAgency, median, outliers, type StatReport } from './compute'
import { DEFINITIONS, libraryStats } from './index'
import { MEASURES, measureKeys, RATES } from './measures'

afterEach(removeTempDirs)

// Every expected figure below was added up by hand from STATS_REPORTS (ids 1…5; 6 only with followingYear):
// 1 甲 2021, 2 乙 2021 (复议 "/", 行政许可 "/", 收费 0), 3 丙 2020 (2019 form: no 收费金额 cell),
// 4 甲 2022 (新收 blank, 不予公开 "/", 总计 0, 行政许可 blank), 5 戊 2021 and 6 戊 2022 unverified.
//                 上年结转  行政许可  行政处罚  收费（万元）
//   1 甲 2021        2        12        30        1.5
//   2 乙 2021        0        /          5        0
//   3 丙 2020        1         7         3        (no cell)
//   4 甲 2022        2      (blank)      0        2.25
//   5 戊 2021        0       100         0        10
//   6 戊 2022        0        50         0        10

async function stats(filter: Parameters<typeof libraryStats>[1] = {}, fixture: { followingYear?: boolean; extra?: FixtureReport[] } = {}) {
  const db = openReadOnly(await statsLibrary(fixture))
  try {
    return libraryStats(db, filter)
  } finally {
    db.close()
  }
}

describe('the measures', () => {
  it('group the sub-rows of each outcome, by template', () => {
    expect(measureKeys('otherHandling', '2019')).toEqual(['requests.other.total'])
    expect(measureKeys('otherHandling', '2021')).toEqual(['requests.other.no_correction.total', 'requests.other.unpaid_fee.total', 'requests.other.misc.total'])
    expect(measureKeys('denied', '2021')).toHaveLength(8)
    expect(measureKeys('unable', '2019')).toHaveLength(3)
    expect(measureKeys('notProcessed', '2021')).toHaveLength(5)
    expect(measureKeys('litigationCorrected', null)).toEqual(['appeals.litigation_direct.corrected', 'appeals.litigation_after_review.corrected'])
  })
})

describe('the definitions (the ? panel, the 分析 sheet)', () => {
  it('say for every measure which table, rows and column it adds up, and how the forms differ', () => {
    expect(DEFINITIONS.measures.map((m) => m.id)).toEqual(MEASURES.map((m) => m.id))
    for (const m of DEFINITIONS.measures) {
      expect(m.definition).not.toBe(m.label)
      expect(m.definition).toMatch(/^表[二三四]“/)
      expect(m.definition).toMatch(/列/)
    }
    const of = (id: string) => DEFINITIONS.measures.find((m) => m.id === id)!
    expect(of('otherHandling').definition).toMatch(/2021 表样分 3 个子行.*2019 表样只有“（六）其他处理”一行/)
    expect(of('feesAmount')).toMatchObject({ unit: '万元', definition: expect.stringMatching(/2019 表样.*没有金额.*不视为 0/) })
    expect(of('newReceived').unit).toBe('件')
  })

  it('state the blank, outlier (with its minimum sample) and jump rules', () => {
    const notes = DEFINITIONS.notes.join('\n')
    expect(notes).toMatch(/空白、“\/”不视为 0/)
    expect(notes).toMatch(/少于 8 个时不标记/)
    expect(notes).toMatch(/新收申请变化达 3 倍及以上.*不少于 20 件.*公开率变动达 30 个百分点及以上.*均不少于 10 件/)
    expect(DEFINITIONS.rates.map((r) => r.id)).toEqual(['disclosure', 'reviewCorrection', 'litigationCorrection'])
    expect(notes).toMatch(/同一年度、同一表样的多份报告.*只计一份.*“重复，未计入”/)
    expect(notes).toMatch(/年度不详的报告只计入“年度不详”一栏，不计入按机关的统计/)
    expect(notes).toMatch(/金额按原文的小数精确相加/)
  })
})

describe('the index of what 统计 reads of each report (migration 13)', () => {
  it.each([{}, { all: true }, { years: [2021, 2022] }, { all: true, agency: '甲 教育' }])(
    'is what the reports query scans for %j, not the wide rows',
    async (filter) => {
      const db = openReadOnly(await statsLibrary())
      try {
        const { where, params } = reportsWhere(filter)
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${reportsQuery(true, where)}`).all(params) as { detail: string }[]).map((r) => r.detail)
        expect(plan.filter((line) => /^(SCAN|SEARCH) r\b/.test(line))).toEqual(['SCAN r USING COVERING INDEX reports_stats_scope'])
      } finally {
        db.close()
      }
    }
  )
})

describe('the index of the stats cells (migration 7)', () => {
  it('holds every key a measure reads, in both forms', () => {
    const read = MEASURES.flatMap((m) => [...measureKeys(m.id, '2021'), ...measureKeys(m.id, '2019')])
    expect(read.filter((k) => !STATS_INDEXED_KEYS.includes(k))).toEqual([])
    // read.ts joins them with commas.
    expect(STATS_INDEXED_KEYS.filter((k) => !/^[a-z_.]+$/.test(k))).toEqual([])
  })

  it('is what the query scans, without reading the cells table', async () => {
    const db = openReadOnly(await statsLibrary())
    try {
      const lists = { full2021: FULL_KEY_LISTS['2021'], full2019: FULL_KEY_LISTS['2019'] }
      for (const where of ["r.status = 'verified'", null]) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${cellsQuery(where)}`).all(lists) as { detail: string }[]).map((r) => r.detail)
        // The cells are read once, through the index alone (no per-key probe of the table).
        expect(plan.filter((line) => /^(SCAN|SEARCH) c\b/.test(line))).toEqual(['SCAN c USING COVERING INDEX cells_stats'])
      }
    } finally {
      db.close()
    }
  })

  it('names the form instead of sending the key list of a report that has every key, and sends the list otherwise', async () => {
    const path = await statsLibrary()
    const writable = new Database(path)
    // Report 1 (甲 2021) loses one 不予公开 sub-row: its list is no longer the full one.
    writable.prepare("DELETE FROM cells WHERE report_id = 1 AND key = 'requests.denied.state_secret.total'").run()
    writable.close()
    const db = openReadOnly(path)
    try {
      const lists = { full2021: FULL_KEY_LISTS['2021'], full2019: FULL_KEY_LISTS['2019'] }
      const rows = db.prepare(cellsQuery(null)).raw().all(lists) as [number, string, string][]
      expect(rows.map(([id, keys]) => [id, keys.length > 4 ? 'list' : keys])).toEqual([
        [1, 'list'],
        [2, '2021'],
        [3, '2019'],
        [4, '2021'],
        [5, '2021']
      ])
      expect(rows[0][1].split(',')).toHaveLength(33)
      // The missing cell is blank, never 0: 2021's 不予公开 is report 2's 2 alone, and report 1 is listed.
      const denied = libraryStats(db).byYear.find((y) => y.year === 2021)!.measures.denied
      expect(denied).toMatchObject({ value: 2, reportIds: [2], blank: [{ reportId: 1, keys: ['requests.denied.state_secret.total'] }] })
    } finally {
      db.close()
    }
  })

  it('is built when a library from before it is opened, with the same figures', async () => {
    const path = await statsLibrary()
    const before = await stats({ all: true })
    const db = new Database(path)
    db.exec('DROP INDEX cells_stats; DELETE FROM schema_migrations WHERE id = 7')
    db.close()
    const library = new Library(path)
    try {
      expect(library.info().schemaVersion).toBe(SCHEMA_VERSION)
      expect(library.stats({ all: true })).toEqual(before)
    } finally {
      library.close()
    }
    const reopened = new Database(path, { readonly: true })
    const index = reopened.prepare("SELECT sql FROM sqlite_master WHERE name = 'cells_stats'").get() as { sql: string } | undefined
    reopened.close()
    expect(index?.sql).toContain('WHERE key IN (')
  })
})

describe('by year', () => {
  it('adds up verified reports only by default, blanks and "/" left out and listed', async () => {
    const s = await stats()
    expect(s.reportCount).toBe(4)
    expect(s.unverifiedReportIds).toEqual([])
    expect(s.byYear.map((y) => [y.year, y.reportIds])).toEqual([
      [2020, [3]],
      [2021, [1, 2]],
      [2022, [4]]
    ])
    const values = (year: number) => Object.fromEntries(Object.entries(s.byYear.find((y) => y.year === year)!.measures).map(([id, f]) => [id, f.value]))
    // 2021 = reports 1 + 2. 上年结转 2 + 0; 行政许可 12 (report 2's "/" left out); 行政处罚 30 + 5; 收费 1.5 + 0.
    expect(values(2021)).toEqual({
      newReceived: 30,
      carriedOver: 2,
      concluded: 30,
      carriedForward: 2,
      granted: 15,
      partiallyGranted: 7,
      denied: 3,
      unable: 1,
      notProcessed: 1,
      otherHandling: 3,
      reviewTotal: 4,
      reviewCorrected: 1,
      litigationTotal: 4,
      litigationCorrected: 1,
      licensingDecisions: 12,
      punishmentDecisions: 35,
      feesAmount: 1.5
    })
    // The 2019 form: （六）其他处理 is one row; it has no 收费金额, so 收费 is blank, not 0.
    expect(values(2020)).toEqual({
      newReceived: 8,
      carriedOver: 1,
      concluded: 8,
      carriedForward: 1,
      granted: 4,
      partiallyGranted: 0,
      denied: 0,
      unable: 2,
      notProcessed: 0,
      otherHandling: 2,
      reviewTotal: 1,
      reviewCorrected: 1,
      litigationTotal: 1,
      litigationCorrected: 0,
      licensingDecisions: 7,
      punishmentDecisions: 3,
      feesAmount: null
    })
    expect(values(2022)).toMatchObject({
      newReceived: null,
      carriedOver: 2,
      concluded: 0,
      denied: null,
      granted: 0,
      reviewTotal: null,
      litigationTotal: 0,
      licensingDecisions: null,
      punishmentDecisions: 0,
      feesAmount: 2.25
    })
    const y2021 = s.byYear[1].measures
    expect(y2021.reviewTotal.blank).toEqual([{ reportId: 2, keys: ['appeals.review.total'] }])
    expect(y2021.reviewTotal.reportIds).toEqual([1])
    expect(y2021.otherHandling.keys).toEqual(measureKeys('otherHandling', '2021'))
    const y2022 = s.byYear[2].measures
    expect(y2022.newReceived.blank).toEqual([{ reportId: 4, keys: ['requests.new_received.total'] }])
    expect(y2022.denied.blank).toEqual([{ reportId: 4, keys: ['requests.denied.state_secret.total'] }])
    expect(y2022.licensingDecisions).toMatchObject({ value: null, reportIds: [], blank: [{ reportId: 4, keys: ['active.licensing.decisions'] }] })
  })

  it('reads 行政许可 "/" as blank, 收费 0 as 0, and leaves the 2019 form out of 收费 without calling it blank', async () => {
    const s = await stats()
    const y2021 = s.byYear.find((y) => y.year === 2021)!.measures
    expect(y2021.licensingDecisions).toMatchObject({
      value: 12,
      reportIds: [1],
      keys: ['active.licensing.decisions'],
      blank: [{ reportId: 2, keys: ['active.licensing.decisions'] }]
    })
    // Report 2's 收费 is a real 0: counted.
    expect(y2021.feesAmount).toMatchObject({ value: 1.5, reportIds: [1, 2], keys: ['active.fees.amount'], blank: [], notInForm: [] })
    expect(y2021.carriedOver).toMatchObject({ value: 2, reportIds: [1, 2], keys: ['requests.carried_over.total'] })
    const y2020 = s.byYear.find((y) => y.year === 2020)!.measures
    expect(y2020.feesAmount).toEqual({ value: null, reportIds: [], keys: [], blank: [], notInForm: [3], unverifiedReportIds: [] })
    expect(y2020.licensingDecisions).toMatchObject({ value: 7, reportIds: [3], keys: ['active.licensing.decisions'] })
    // By agency: 甲 = reports 1 + 4: 收费 1.5 + 2.25 = 3.75, 上年结转 2 + 2 = 4, 行政许可 12 (4 blank).
    const a = s.byAgency.find((r) => r.agency === '甲市教育局')!.measures
    expect([a.feesAmount.value, a.carriedOver.value, a.licensingDecisions.value, a.punishmentDecisions.value]).toEqual([3.75, 4, 12, 30])
    const c = s.byAgency.find((r) => r.agency === '丙区统计局')!.measures
    expect(c.feesAmount).toMatchObject({ value: null, notInForm: [3], blank: [] })
  })

  it('counts unverified reports only with all, and flags them', async () => {
    const s = await stats({ all: true })
    expect(s.unverifiedReportIds).toEqual([5])
    const y2021 = s.byYear.find((y) => y.year === 2021)!
    expect(y2021.unverifiedReportIds).toEqual([5])
    expect(y2021.measures.newReceived).toMatchObject({ value: 130, reportIds: [1, 2, 5], unverifiedReportIds: [5] })
    expect(y2021.measures.granted.value).toBe(115)
    expect(y2021.measures.reviewTotal).toMatchObject({ value: 6, unverifiedReportIds: [5] })
    // 12 + 100 (report 2 "/"); 1.5 + 0 + 10.
    expect(y2021.measures.licensingDecisions).toMatchObject({ value: 112, reportIds: [1, 5], unverifiedReportIds: [5] })
    expect(y2021.measures.feesAmount).toMatchObject({ value: 11.5, reportIds: [1, 2, 5] })
  })

  it('with the following year of 戊 (report 6, unverified), adds it to 2022', async () => {
    const s = await stats({ all: true }, { followingYear: true })
    expect(s.unverifiedReportIds).toEqual([5, 6])
    // 2022 = reports 4 + 6: 新收 10 (4 blank); 收费 2.25 + 10; 行政许可 50 (4 blank); 办结 0 + 10.
    const y2022 = s.byYear.find((y) => y.year === 2022)!.measures
    expect(y2022.newReceived).toMatchObject({ value: 10, reportIds: [6], unverifiedReportIds: [6] })
    expect([y2022.feesAmount.value, y2022.licensingDecisions.value, y2022.concluded.value]).toEqual([12.25, 50, 10])
  })

  it('filters by year and by agency (Traditional input too)', async () => {
    expect((await stats({ years: [2020, 2022] })).byYear.map((y) => y.year)).toEqual([2020, 2022])
    expect((await stats({ agency: '甲市' })).byAgency.map((a) => a.reportIds)).toEqual([[1, 4]])
    expect((await stats({ agency: '乙縣' })).byAgency.map((a) => a.agency)).toEqual(['乙县民政局'])
    expect((await stats({ agency: '没有这个机关' })).byYear).toEqual([])
  })

  // Issue 22, item 11: the 机关 filter took the list's search, matching file names, years and statuses.
  it.each([['a2021'], ['2021'], ['txt'], ['已核验'], ['甲市 2021']])('the agency filter %j matches no file name, year or status', async (agency) => {
    expect((await stats({ agency, all: true })).byYear).toEqual([])
  })
})

describe('by agency', () => {
  it('gives 新收 and the rates with their sources; a blank or zero denominator is null with a reason', async () => {
    const s = await stats()
    expect(s.byAgency.map((a) => [a.agency, a.measures.newReceived.value])).toEqual([
      ['乙县民政局', 20],
      ['甲市教育局', 10],
      ['丙区统计局', 8]
    ])
    const [b, a, c] = s.byAgency
    // 甲: (5 + 1 + 0 + 0) / (10 + 0); 2022's 总计 0 adds nothing.
    expect(a.rates.disclosure).toMatchObject({ value: 0.6, numerator: 6, denominator: 10, reportIds: [1, 4], reason: null })
    expect(a.rates.disclosure.keys).toEqual(['requests.granted.total', 'requests.partially_granted.total', 'requests.total.total'])
    expect(a.measures.newReceived).toMatchObject({ value: 10, reportIds: [1], blank: [{ reportId: 4, keys: ['requests.new_received.total'] }] })
    expect(a.rates.reviewCorrection).toMatchObject({
      value: 0.25,
      reportIds: [1],
      excluded: [{ reportId: 4, reason: '行政复议结果纠正、行政复议总计空白或为“/”' }]
    })
    // Both kinds of 诉讼: (1 + 0) / (2 + 2).
    expect(a.rates.litigationCorrection).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 })
    expect(b.rates.disclosure.value).toBe(0.8)
    expect(b.rates.reviewCorrection).toMatchObject({ value: null, reason: '各报告的有关单元格均有空白或“/”', numerator: null })
    expect(b.rates.litigationCorrection).toMatchObject({ value: null, reason: '行政诉讼总计为 0', numerator: 0, denominator: 0 })
    expect(c.rates).toMatchObject({ disclosure: { value: 0.5 }, reviewCorrection: { value: 1 }, litigationCorrection: { value: 0 } })
  })

  it('where （七）总计 is 0 the 公开率 is null, never 0 or NaN', async () => {
    const [a] = (await stats({ years: [2022] })).byAgency
    expect(a.rates.disclosure).toMatchObject({ value: null, reason: '办结（（七）总计）为 0', numerator: 0, denominator: 0 })
  })

  it('flags unverified reports in the agency rows with all', async () => {
    const s = await stats({ all: true })
    expect(s.byAgency[0]).toMatchObject({ agency: '戊市财政局', unverifiedReportIds: [5] })
    expect(s.byAgency[0].rates.disclosure).toMatchObject({ value: 1, unverifiedReportIds: [5] })
    // With its following year: 戊 = reports 5 + 6: 新收 100 + 10; 公开率 (100 + 0 + 3 + 0) / (100 + 10).
    const [e] = (await stats({ all: true }, { followingYear: true })).byAgency
    expect(e).toMatchObject({ agency: '戊市财政局', years: [2021, 2022], unverifiedReportIds: [5, 6] })
    expect(e.measures.newReceived.value).toBe(110)
    expect(e.rates.disclosure).toMatchObject({ value: 103 / 110, numerator: 103, denominator: 110, unverifiedReportIds: [5, 6] })
  })
})

/** A report of an agency with only the 公开率 cells filled in. */
function disclosing(id: number, granted: number, total: number): StatReport {
  const cells = new Map([
    ['requests.granted.total', granted],
    ['requests.partially_granted.total', 0],
    ['requests.total.total', total]
  ])
  return { id, agency: `机关${id}`, agencyKey: `机关${id}`, year: 2021, template: '2021', verified: true, cells }
}

const disclosure = RATES[0]

describe('值得关注', () => {
  it('needs the minimum sample and says so', async () => {
    const s = await stats()
    expect(s.outliers[0]).toMatchObject({ rate: 'disclosure', n: 3, minSample: 8, flagged: [], median: null })
    expect(s.outliers[0].note).toBe('样本不足：有公开率的机关 3 个，少于 8 个，不作离群判断')
    const seven = [50, 52, 48, 50, 51, 49, 5].map((g, i) => disclosing(i + 1, g, 100))
    expect(outliers(byAgency(seven), disclosure).flagged).toEqual([])
  })

  it('flags by median and MAD, with why and the report ids', () => {
    // 0.05 .48 .49 .50 .50 .50 .50 .51 .52: median .50; |deviations| sorted 0 0 0 0 .01 .01 .02 .02 .45 → MAD .01;
    // z(0.05) = 0.6745 × (0.05 − 0.5) / 0.01 = −30.35; z(0.52) = 1.35, not flagged.
    const rows = byAgency([50, 52, 48, 50, 51, 49, 50, 50, 5].map((g, i) => disclosing(i + 1, g, 100)))
    const o = outliers(rows, disclosure)
    expect(o).toMatchObject({ n: 9, note: null })
    expect(o.median).toBeCloseTo(0.5, 10)
    expect(o.mad).toBeCloseTo(0.01, 10)
    expect(o.flagged).toHaveLength(1)
    expect(o.flagged[0]).toMatchObject({ agency: '机关9', value: 0.05, reportIds: [9], unverifiedReportIds: [] })
    expect(o.flagged[0].z).toBeCloseTo(-30.35, 1)
    expect(o.flagged[0].why).toBe('公开率 5.0%，低于同范围中位数 50.0%（稳健 z = -30.4，|z| > 3.5）')
  })

  it('uses the mean absolute deviation when MAD is 0, and flags nothing when all agree', () => {
    // Eight at .5, one at .1: MAD 0; mean |dev| = .4 / 9; z = −.4 / (1.253314 × .4 / 9) = −7.18.
    const o = outliers(byAgency([50, 50, 50, 50, 50, 50, 50, 50, 10].map((g, i) => disclosing(i + 1, g, 100))), disclosure)
    expect(o.mad).toBe(0)
    expect(o.flagged.map((f) => f.agency)).toEqual(['机关9'])
    expect(o.flagged[0].z).toBeCloseTo(-7.18, 2)
    const unverifiedOne = [50, 50, 50, 50, 50, 50, 50, 50, 10].map((g, i) => ({ ...disclosing(i + 1, g, 100), verified: i !== 8 }))
    const flaggedUnverified = outliers(byAgency(unverifiedOne), disclosure).flagged[0]
    expect(flaggedUnverified).toMatchObject({ reportIds: [9], unverifiedReportIds: [9] })
    expect(flaggedUnverified.why).toMatch(/；含未核验的报告$/)
    const same = outliers(byAgency(Array.from({ length: 9 }, (_, i) => disclosing(i + 1, 50, 100))), disclosure)
    expect(same).toMatchObject({ flagged: [], note: '各机关的公开率相同，无离群值' })
  })

  it('leaves agencies whose rate is null out of the sample', () => {
    const rows = byAgency([...Array.from({ length: 7 }, (_, i) => disclosing(i + 1, 50, 100)), disclosing(8, 0, 0)])
    expect(outliers(rows, disclosure).n).toBe(7)
  })

  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('near-duplicates count once (issue 21 item 3)', () => {
  // Report 6: 甲 2021 again (its agency written with a space and in Traditional 教育局 form: the same
  // matching key), 新收 11 instead of 10, verified after report 1.
  const copy = copyOf(STATS_REPORTS[0], 'a2021.docx', { agency: '甲市 教育局', verifiedAt: '2026-03-02T00:00:00.000Z', spec: { newReceived: '11' } })

  it('the one verified last is counted in every figure, the other listed as a duplicate', async () => {
    const s = await stats({}, { extra: [copy] })
    expect(s.reportCount).toBe(4)
    // Without the rule: 10 + 20 + 11 = 41.
    const y2021 = s.byYear.find((y) => y.year === 2021)!
    expect(y2021.reportIds).toEqual([2, 6])
    expect(y2021.measures.newReceived.value).toBe(31)
    const jia = s.byAgency.find((a) => a.agencyKey === '甲市教育局')!
    expect(jia.reportIds).toEqual([4, 6])
    expect(s.leftOut).toEqual([
      {
        reportId: 1,
        agency: '甲市教育局',
        year: 2021,
        kind: 'duplicate',
        keptReportId: 6,
        why: '重复，未计入：与报告 #6 为同一机关、年度与表样，计入核验较晚的那份'
      }
    ])
  })

  it('an unverified copy is left out of 全部（含未核验） too', async () => {
    const s = await stats({ all: true }, { extra: [{ ...copy, verified: false }] })
    expect(s.byYear.find((y) => y.year === 2021)!.measures.newReceived).toMatchObject({ value: 130, reportIds: [1, 2, 5] })
    expect(s.leftOut).toMatchObject([{ reportId: 6, kind: 'duplicate', keptReportId: 1, why: expect.stringContaining('计入已核验的那份') }])
    expect(s.unverifiedReportIds).toEqual([5])
  })

  it('reports of another template, or of no year, are not duplicates', async () => {
    const other = copyOf(STATS_REPORTS[0], 'a2021-2019.txt', { template: '2019' })
    const s = await stats({}, { extra: [other] })
    expect(s.leftOut).toEqual([])
    expect(s.byYear.find((y) => y.year === 2021)!.reportIds).toEqual([1, 2, 6])
  })
})

describe('a report of unknown year (issue 21 item 2)', () => {
  // Report 6: 甲 with no year read, verified; its 新收 33.
  const unknown = copyOf(STATS_REPORTS[0], 'a-unknown.txt', { yearUnknown: true, spec: { newReceived: '33' } })

  it('is counted in the 年度不详 row and never in its agency’s row, and is listed', async () => {
    const s = await stats({}, { extra: [unknown] })
    expect(s.reportCount).toBe(5)
    expect(s.byYear.map((y) => [y.year, y.reportIds])).toEqual([
      [2020, [3]],
      [2021, [1, 2]],
      [2022, [4]],
      [null, [6]]
    ])
    expect(s.byYear.at(-1)!.measures.newReceived.value).toBe(33)
    const jia = s.byAgency.find((a) => a.agencyKey === '甲市教育局')!
    // Before: reports [1, 4, 6], 新收 10 + 33 (4 blank).
    expect([jia.reportIds, jia.years, jia.measures.newReceived.value]).toEqual([[1, 4], [2021, 2022], 10])
    expect(s.leftOut).toEqual([
      { reportId: 6, agency: '甲市教育局', year: null, kind: 'yearUnknown', why: '年度不详，未计入按机关的统计（只计入“年度不详”一栏）' }
    ])
  })
})

describe('amounts add up in exact decimals (issue 21 item 8)', () => {
  // Two agencies of 2023 with 收费 0.10 and 0.2 万元: floating point says 0.30000000000000004.
  const x = copyOf(STATS_REPORTS[1], 'x2023.txt', { agency: '庚县林业局', year: 2023, spec: { fees: '0.10' } })
  const y = copyOf(STATS_REPORTS[1], 'y2023.txt', { agency: '辛县水利局', year: 2023, spec: { fees: '0.2' } })

  it('by year, with the decimals written', async () => {
    const s = await stats({}, { extra: [x, y] })
    expect(s.byYear.find((r) => r.year === 2023)!.measures.feesAmount).toMatchObject({ value: 0.3, decimals: 2, reportIds: [6, 7] })
    // 1.5 + 2.25 over 甲's two years: two decimals.
    expect(s.byAgency.find((a) => a.agencyKey === '甲市教育局')!.measures.feesAmount).toMatchObject({ value: 3.75, decimals: 2 })
    // Counts carry no decimals.
    expect(s.byYear.find((r) => r.year === 2023)!.measures.newReceived.decimals).toBeUndefined()
  })

  it('a reviewer’s correction is read at its precision too', async () => {
    const path = await statsLibrary({ extra: [x, y] })
    const library = new Library(path)
    library.setReviewer('张三')
    library.editCell(7, 'active.fees.amount', '0.200')
    library.close()
    const db = openReadOnly(path)
    try {
      // The edit reopened report 7: counted with all.
      expect(libraryStats(db, { all: true }).byYear.find((r) => r.year === 2023)!.measures.feesAmount).toMatchObject({ value: 0.3, decimals: 3 })
    } finally {
      db.close()
    }
  })
})

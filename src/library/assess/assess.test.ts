import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../library'
import { plantAgencies, removeTempDirs, seededLibrary, tempDir } from '../testing/fixtures'
import { DEFAULT_RUBRIC, loadRubric } from '.'

let library: Library
beforeAll(async () => {
  library = await seededLibrary()
})
afterAll(() => {
  library.close()
  removeTempDirs()
})

describe('assessment in the library', () => {
  it('scores every seed on six indicators, saying it is not verified', () => {
    const all = library.assessments()
    expect(all.length).toBe(5)
    for (const r of all) {
      expect(r.assessment.indicators.map((i) => i.id)).toEqual(DEFAULT_RUBRIC.indicators.map((i) => i.id))
      expect(r.assessment.unverified).toBe(true)
      expect(r.assessment.total).toBe(r.assessment.indicators.reduce((s, i) => s + i.points, 0))
    }
  })

  it('is recomputed when a cell changes', () => {
    const before = library.assess(1)
    const completeness = before.indicators.find((i) => i.id === 'completeness')!
    const key = 'requests.granted.natural'
    const raw = library.getReport(1).cells[key]?.raw ?? ''
    library.editCell(1, key, '/', '测试')
    const after = library.assess(1).indicators.find((i) => i.id === 'completeness')!
    expect(after.deductions.some((d) => d.evidence.cells?.includes(key))).toBe(true)
    expect(after.points).toBeLessThan(completeness.points === 0 ? 1 : completeness.points)
    library.editCell(1, key, raw, '复原')
    expect(library.assess(1).indicators.find((i) => i.id === 'completeness')!.points).toBe(completeness.points)
  })

  it('writes 评估结果 as XLSX, one row per report, text that could run as a formula neutralised', async () => {
    // Typed, such a name is refused; it still arrives by merge or a crafted library file.
    library = plantAgencies(library, { 2: '=HYPERLINK("http://x")' })
    const out = join(tempDir(), '评估结果.xlsx')
    expect(await library.exportAssessment('xlsx', out)).toBe(5)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.getWorksheet('评估结果')!
    expect(ws.rowCount).toBe(6)
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header).toContain('及时性（15）')
    expect(header).toContain('信息处理费·理由')
    const agencies = [2, 3, 4, 5, 6].map((n) => ws.getRow(n).getCell(1).value)
    expect(agencies).toContain('\'=HYPERLINK("http://x")')
    for (let n = 2; n <= 6; n++) expect(typeof ws.getRow(n).getCell(5).value).toBe('number')
  })

  it('writes 整改意见 per body as .docx that reads back with its problems and evidence', async () => {
    const folder = join(tempDir(), '整改意见')
    const written = await library.exportAssessment('docx', folder, { year: undefined })
    expect(written).toBeGreaterThanOrEqual(4)
    const files = readdirSync(folder).filter((f) => f.endsWith('.docx'))
    expect(files.length).toBe(written)
    const deducted = library.assessments().find((r) => r.assessment.indicators.some((i) => i.deductions.some((d) => d.points > 0)))!
    const file = files.find((f) => f.startsWith((deducted.agency ?? '').replace(/[\\/:*?"<>|]/g, '_')))!
    const { value } = await mammoth.extractRawText({ path: join(folder, file) })
    expect(value).toContain('整改意见')
    expect(value).toContain('尚未经人工核验')
    const first = deducted.assessment.indicators.flatMap((i) => i.deductions.filter((d) => d.points > 0))[0]
    expect(value).toContain(first.reason)
  })

  it('writes JSON with each report’s indicators', async () => {
    const out = join(tempDir(), 'assess.json')
    await library.exportAssessment('json', out, { year: 2022 })
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.schema).toBe('report-desk/assessment@1')
    expect(json.reports.every((r: { year: number }) => r.year === 2022)).toBe(true)
    expect(json.reports[0].assessment.indicators).toHaveLength(6)
  })

  it('ranks reports by score within each year', () => {
    const ranking = library.assessRanking()
    for (let i = 1; i < ranking.reports.length; i++) {
      const [a, b] = [ranking.reports[i - 1], ranking.reports[i]]
      if (a.year === b.year) expect(a.total).toBeGreaterThanOrEqual(b.total)
    }
    for (const s of ranking.spread) expect(s.full + s.partial + s.zero + s.unknown).toBe(ranking.reports.length)
  })

  it('refuses a bad rubric file in Chinese', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.json'), '{ not json')
    expect(() => loadRubric(join(dir, 'bad.json'))).toThrow(/不是有效的 JSON/)
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ schema: 'report-desk/assess-rubric@1', id: 'x', version: '1', name: 'x', indicators: [] }))
    expect(() => loadRubric(join(dir, 'wrong.json'))).toThrow(/评估标准文件有误：.*缺少指标 timeliness/)
    expect(() => loadRubric(join(dir, 'missing.json'))).toThrow(/无法读取评估标准文件/)
  })
})

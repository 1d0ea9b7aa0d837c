import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Library } from './library'
import { handReport, memoExtract, removeTempDirs, seededLibrary, tempDir } from './testing/fixtures'
import { extractInProcess, type Extractor } from './extractor'

afterEach(removeTempDirs)

const NATURAL = 'requests.new_received.natural'

describe('editing a report', () => {
  it('needs a reviewer name first', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const [outcome] = await library.importFiles([{ name: 'a.txt', bytes: new TextEncoder().encode('x') }], async () => ({
      value: handReport('a.txt', '甲市统计局', 2022, { [NATURAL]: '1' }),
      messages: []
    }))
    const id = outcome.status === 'imported' ? outcome.reportId : -1
    expect(library.getSettings()).toEqual({ reviewer: null })
    expect(() => library.editCell(id, NATURAL, '2')).toThrow('请先设置核验人姓名')
    expect(() => library.setReviewer('  ')).toThrow(/不能为空/)
    expect(library.setReviewer(' 李四 ')).toEqual({ reviewer: '李四' })
    expect(library.editCell(id, NATURAL, '2').cells[NATURAL]).toMatchObject({ value: 2, raw: '2', corrected: true, edits: 1 })
    library.close()
  })

  it('parses what the reviewer types and refuses what is not a number, in Chinese', async () => {
    const library = await seededLibrary()
    expect(library.editCell(1, NATURAL, '１２').cells[NATURAL]).toMatchObject({ value: 12, raw: '１２', corrected: true })
    expect(library.editCell(1, NATURAL, '/').cells[NATURAL]).toMatchObject({ value: null, raw: '/' })
    expect(library.editCell(1, NATURAL, '').cells[NATURAL]).toMatchObject({ value: null, raw: '' })
    expect(library.editCell(1, 'active.fees.amount', '3.25').cells['active.fees.amount']).toMatchObject({ value: 3.25 })
    expect(() => library.editCell(1, NATURAL, '2.5')).toThrow(/整数/)
    expect(() => library.editCell(1, NATURAL, 'abc')).toThrow(/无法识别/)
    expect(() => library.editCell(1, 'no.such.cell', '1')).toThrow(/未知的单元格/)
    expect(() => library.editCell(999, NATURAL, '1')).toThrow(/找不到该报告/)
    library.close()
  })

  it('re-runs the findings, refuses verification while a fail is open, and undo restores the extraction', async () => {
    const library = await seededLibrary()
    const before = library.getReport(1)
    expect(before.summary.status).toBe('pending')
    const original = before.cells[NATURAL]
    const edited = library.editCell(1, NATURAL, String((original.value ?? 0) + 1), '试改')
    expect(edited.summary.status).toBe('problem')
    expect(edited.summary.openFindings).toBeGreaterThan(0)
    expect(edited.findings.some((f) => f.status === 'fail' && f.cells.includes(NATURAL))).toBe(true)
    expect(() => library.verifyReport(1)).toThrow(/不能标记为已核验/)

    const undone = library.editCell(1, NATURAL, original.raw)
    expect(undone.cells[NATURAL]).toMatchObject({ value: original.value, raw: original.raw, corrected: false, edits: 2 })
    expect(undone.summary.status).toBe('pending')
    const history = library.history(1, NATURAL)
    expect(history.map((h) => [h.oldRaw, h.newRaw, h.reviewer])).toEqual([
      [original.raw, String((original.value ?? 0) + 1), '张三'],
      [String((original.value ?? 0) + 1), original.raw, '张三']
    ])
    expect(history[0].reason).toBe('试改')

    const verified = library.verifyReport(1)
    expect(verified.summary.status).toBe('verified')
    expect(verified.verifiedBy).toBe('张三')
    expect(verified.verifiedAt).toBeTruthy()
    library.close()
  })

  it('editing a verified report reopens it, recorded as an edit of status', async () => {
    const library = await seededLibrary()
    library.verifyReport(1)
    const reopened = library.editCell(1, 'active.licensing.decisions', '5', '复核')
    expect(reopened.summary.status).not.toBe('verified')
    expect(reopened.verifiedBy).toBeNull()
    const status = library.history(1, 'status')
    expect(status.map((s) => [s.oldRaw, s.newRaw])).toEqual([
      ['pending', 'verified'],
      ['verified', reopened.summary.status]
    ])
    library.close()
  })

  it('accepting a failing finding with a comment resolves it for verification', async () => {
    const library = await seededLibrary()
    const edited = library.editCell(1, NATURAL, '999')
    const fail = edited.findings.find((f) => f.status === 'fail')!
    expect(() => library.acceptFinding(1, fail.rule, fail.cells, '  ')).toThrow(/接受说明/)
    expect(() => library.acceptFinding(1, 'no.rule', ['x'], '原文如此')).toThrow(/不存在/)
    let detail = library.getReport(1)
    for (const f of detail.findings.filter((x) => x.status === 'fail')) detail = library.acceptFinding(1, f.rule, [...f.cells].reverse(), '原文如此，已核对')
    const accepted = detail.findings.find((f) => f.rule === fail.rule && f.cells.join() === fail.cells.join())!
    expect(accepted.accepted).toMatchObject({ comment: '原文如此，已核对', by: '张三' })
    expect(detail.summary).toMatchObject({ status: 'pending', openFindings: 0 })
    expect(library.verifyReport(1).summary.status).toBe('verified')
    library.close()
  })

  it('edits metadata with the same audit trail', async () => {
    const library = await seededLibrary()
    const detail = library.editMeta(1, 'year', '２０２３', '标题年份有误')
    expect(detail.meta.year).toBe(2023)
    expect(detail.extractedMeta?.year).toBe(2022)
    expect(library.history(1, 'meta.year')).toMatchObject([{ oldRaw: '2022', newRaw: '2023', reason: '标题年份有误' }])
    expect(() => library.editMeta(1, 'year', '23')).toThrow(/年份/)
    expect(() => library.editMeta(1, 'template', '2020')).toThrow(/模板/)
    expect(library.editMeta(1, 'agency', '益阳市应急管理局（测试）').summary.agency).toBe('益阳市应急管理局（测试）')
    library.close()
  })

  it('a table missing from the source can be typed in by hand', async () => {
    const library = await seededLibrary()
    const missing = library.getReport(4)
    expect(missing.tables.requests).toBe('missing')
    const typed = library.editCell(4, NATURAL, '3')
    expect(typed.tables.requests).toBe('found')
    expect(typed.cells[NATURAL]).toMatchObject({ value: 3, raw: '3', corrected: true, edits: 1 })
    expect(typed.cells[NATURAL].extracted).toBeUndefined()
    library.close()
  })

  it("checks this year's carry-over against last year's report of the same agency (Traditional name too)", async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    library.setReviewer('王五')
    const files: Record<string, ReturnType<typeof handReport>> = {
      'last.txt': handReport('last.txt', '益陽市統計局', 2021, { 'requests.carried_forward.natural': '4' }),
      'this.txt': handReport('this.txt', '益阳市统计局', 2022, { 'requests.carried_over.natural': '3' })
    }
    const extract: Extractor = async (f) => ({ value: files[f.name], messages: [] })
    await library.importFiles(
      Object.keys(files).map((name) => ({ name, bytes: new TextEncoder().encode(name) })),
      extract
    )
    const carry = (id: number) => library.getReport(id).findings.find((f) => f.rule === 'years.carry_over' && f.cells.includes('requests.carried_over.natural'))
    expect(carry(2)?.status).toBe('fail')
    library.editCell(1, 'requests.carried_forward.natural', '3')
    expect(carry(2)?.status).toBe('pass')
    library.close()
  })

  it('lists, searches (Simplified or Traditional input) and filters', async () => {
    const library = await seededLibrary()
    expect(library.listReports().length).toBe(5)
    expect(library.listReports({ search: '益陽' }).map((r) => r.agency)).toEqual(['益阳市应急管理局'])
    expect(library.listReports({ search: '应急管理' }).length).toBeGreaterThanOrEqual(3)
    expect(library.listReports({ year: 2022 }).every((r) => r.year === 2022)).toBe(true)
    library.verifyReport(2)
    expect(library.listReports({ status: 'verified' }).map((r) => r.id)).toEqual([2])
    expect(library.listReports()[0].id).toBe(2)
    void memoExtract
    library.close()
  })
})

describe('a report imported without its decoded document', () => {
  it('decodes the stored bytes once for the source pane', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const jsonOnly: Extractor = async (file) => {
      const result = await memoExtract(file)
      const value = result.value && !('schema' in result.value) ? result.value.json : result.value
      return { value, messages: result.messages }
    }
    const { seedFiles } = await import('./testing/fixtures')
    const [outcome] = await library.importFiles(seedFiles().slice(0, 1), jsonOnly)
    const id = outcome.status === 'imported' ? outcome.reportId : -1
    expect(library.getSource(id).text).toBe('')
    expect(await library.restoreDocument(id, extractInProcess)).toBe(true)
    expect(library.getSource(id).text).toContain('益阳市应急管理局')
    expect(await library.restoreDocument(id, extractInProcess)).toBe(false)
    library.close()
  })
})

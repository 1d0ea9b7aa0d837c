// Agency and year must be known to verify: typed, or recorded 原文未载明 with a comment.

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Library } from '../library'
import { handReport, removeTempDirs, tempDir } from '../testing/fixtures'
import { papersOf } from '../export/paper'
import { summaryPairs } from '../export/paper/data'

afterEach(removeTempDirs)

const A = 'requests.new_received.natural'

async function reportWithout(agency: string | null, year: number | null): Promise<{ library: Library; id: number }> {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  library.setReviewer('张三')
  const file = handReport('r.txt', agency ?? '', year ?? 2023, { [A]: '2' })
  file.json.meta = { ...file.json.meta, agency, year }
  const [outcome] = await library.importFiles([{ name: 'r.txt', bytes: new TextEncoder().encode(`${agency}${year}`) }], async () => ({
    value: file,
    messages: []
  }))
  if (outcome.status !== 'imported') throw new Error(`not imported: ${outcome.status}`)
  return { library, id: outcome.reportId }
}

const refusal = (library: Library, id: number): string => {
  try {
    library.verifyReport(id)
    return ''
  } catch (e) {
    return (e as Error).message
  }
}

describe('agency and year before 已核验', () => {
  const cases: { name: string; agency: string | null; year: number | null; missing: string[]; says: string }[] = [
    { name: 'no year', agency: '丙区教育局', year: null, missing: ['year'], says: '年度不明（请在标题栏填写，或记为“原文未载明”并说明）' },
    { name: 'no agency', agency: null, year: 2023, missing: ['agency'], says: '机关不明' },
    { name: 'neither', agency: null, year: null, missing: ['agency', 'year'], says: '机关、年度不明' }
  ]
  it.each(cases)('$name: refused, naming what is missing', async (c) => {
    const { library, id } = await reportWithout(c.agency, c.year)
    const detail = library.getReport(id)
    expect(detail.open.missingMeta).toEqual(c.missing)
    expect(refusal(library, id)).toContain(c.says)
  })

  it('a typed year settles it', async () => {
    const { library, id } = await reportWithout('丙区教育局', null)
    library.editMeta(id, 'year', '2023')
    expect(library.getReport(id).open.missingMeta).toEqual([])
  })

  it('原文未载明 with a comment settles it, in the trail; refused without a comment or for a known value; typing a year replaces it', async () => {
    const { library, id } = await reportWithout('丙区教育局', null)
    expect(() => library.markMetaUnstated(id, 'year', '  ')).toThrow('请填写说明')
    expect(() => library.markMetaUnstated(id, 'agency', '没有')).toThrow('机关已填写为“丙区教育局”，不能记为“原文未载明”')
    const marked = library.markMetaUnstated(id, 'year', '已通读原文，未载明年度')
    expect(marked.open.missingMeta).toEqual([])
    expect(marked.marks.meta).toEqual([expect.objectContaining({ target: 'meta.year', comment: '已通读原文，未载明年度', by: '张三' })])
    expect(marked.marks.cells).toEqual([])
    expect(library.history(id, 'meta.year')).toEqual([
      expect.objectContaining({ oldRaw: null, newRaw: '原文未载明', reason: '已通读原文，未载明年度', reviewer: '张三' })
    ])
    expect(refusal(library, id)).not.toContain('年度')

    library.editMeta(id, 'year', '2024')
    expect(library.getReport(id).marks.meta).toEqual([])
    // Blanked again: unknown again, the old record does not come back.
    library.editMeta(id, 'year', '')
    expect(library.getReport(id).open.missingMeta).toEqual(['year'])
  })

  it('the 核验底稿 says 原文未载明 with the comment, who and when, where the year would be', async () => {
    const { library, id } = await reportWithout('丙区教育局', null)
    library.markMetaUnstated(id, 'year', '已通读原文，未载明年度')
    const [paper] = papersOf(library, [id])
    expect(summaryPairs(paper).find((p) => p.label === '报告年度')?.value).toMatch(/^原文未载明（已通读原文，未载明年度；张三，\d{4}-\d\d-\d\d）$/)
    expect(paper.trail.find((e) => e.newRaw === '原文未载明')).toMatchObject({ target: '年度', reason: '已通读原文，未载明年度' })
  })
})

// Issue 22, item 4: 机关 typed with markup or control characters is refused, naming the character;
// nothing is written. The exports still escape what a merged or crafted library carries
// (export/paper/css-string.test.ts, export.test.ts).
describe('机关 typed with characters a name never holds', () => {
  it.each([
    ['某局</style><style>.banner{display:none}</style>', '“<”'],
    ['某局"; } @top-right { content: "伪造：已核验"; }', '“"”'],
    ["某局'办公室", "“'”"],
    ['某局\\"; color: red', '“\\”'],
    ['=HYPERLINK("http://x","y")', '“"”'],
    ['某局\u0007响铃', '控制字符 U+0007']
  ])('%j is refused, saying %s, and the report is unchanged', async (typed, named) => {
    const { library, id } = await reportWithout('丙区教育局', 2023)
    expect(() => library.editMeta(id, 'agency', typed, '测试')).toThrow(named)
    expect(library.getReport(id).meta.agency).toBe('丙区教育局')
    expect(library.history(id, 'meta.agency')).toEqual([])
  })

  it('line breaks and spaces pasted around a name are folded, not refused', async () => {
    const { library, id } = await reportWithout('丙区教育局', 2023)
    expect(library.editMeta(id, 'agency', ' 丙区\r\n教育局（办公室） ').meta.agency).toBe('丙区 教育局（办公室）')
  })
})

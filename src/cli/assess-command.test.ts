import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import mammoth from 'mammoth'
import { afterEach, describe, expect, it } from 'vitest'
import { removeTempDirs, seededLibrary, tempDir } from '../library/testing/fixtures'
import defaultRubric from '../../resources/assess-rubric.json'
import { run } from './testing'

afterEach(() => removeTempDirs())

async function libraryFile(): Promise<string> {
  const library = await seededLibrary()
  library.close()
  return library.path
}

describe('report-desk assess', () => {
  it('writes JSON with every report’s indicators, filtered by year', async () => {
    const library = await libraryFile()
    const out = join(tempDir(), 'a.json')
    const all = await run(['assess', '--library', library, '--format', 'json', '--out', out])
    expect(all.code).toBe(0)
    expect(all.out).toContain('已评估 5 份报告')
    expect(all.err).toContain('5 份报告尚未核验')
    const json = JSON.parse(readFileSync(out, 'utf8'))
    expect(json.reports).toHaveLength(5)
    for (const r of json.reports) expect(r.assessment.indicators.map((i: { title: string }) => i.title)).toContain('及时性')
    const one = await run(['assess', '--library', library, '--year', '2022', '--format', 'json', '--out', out])
    expect(one.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8')).reports.every((r: { year: number }) => r.year === 2022)).toBe(true)
  }, 60_000)

  it('writes one 整改意见 per body and an organisation’s rubric changes the points', async () => {
    const library = await libraryFile()
    const dir = tempDir()
    const rubric = structuredClone(defaultRubric)
    rubric.version = '本单位 2027'
    rubric.indicators.find((i) => i.id === 'problems')!.deductions.forEach((d) => (d.points = 0))
    writeFileSync(join(dir, 'rubric.json'), JSON.stringify(rubric))
    const res = await run(['assess', '--library', library, '--rubric', join(dir, 'rubric.json'), '--format', 'docx', '--out', join(dir, 'docs')])
    expect(res.code).toBe(0)
    const files = readdirSync(join(dir, 'docs'))
    expect(files.length).toBeGreaterThan(1)
    const text = (await mammoth.extractRawText({ path: join(dir, 'docs', files[0]) })).value
    expect(text).toContain('本单位 2027')
    expect(text).not.toContain('【问题与改进】')
  }, 60_000)

  it.each([
    [['--format', 'pdf', '--out', 'x'], 2, '格式只能是 xlsx、docx 或 json'],
    [['--format', 'json', '--out', 'x', '--year', '二〇二二'], 2, '--year 应为四位年份'],
    [['--format', 'json'], 1, '请用 --out 指定'],
    [['--format', 'json', '--out', 'x', '--colour'], 2, '未知选项 --colour']
  ])('%j → exit %i, in Chinese', async (args, code, words) => {
    const res = await run(['assess', '--library', join(tempDir(), 'l.sqlite'), ...args])
    expect(res.code).toBe(code)
    expect(res.err).toContain(words)
  })

  it('refuses a bad rubric before opening the library', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...defaultRubric, indicators: [] }))
    const res = await run(['assess', '--library', join(dir, 'new.sqlite'), '--rubric', join(dir, 'bad.json'), '--format', 'json', '--out', join(dir, 'o.json')])
    expect(res.code).toBe(1)
    expect(res.err).toContain('评估标准文件有误')
    expect(readdirSync(dir)).toEqual(['bad.json'])
  })

  it('is listed in --help', async () => {
    const res = await run(['--help'])
    expect(res.out).toContain('report-desk assess --library PATH')
  })
})

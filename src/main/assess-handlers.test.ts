import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import defaultRubric from '../../resources/assess-rubric.json'
import { invokeHandler } from '../shared/contract'
import { Library } from '../library/library'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from '../library/testing/fixtures'
import { createHandlers, type Dialogs } from './handlers'

afterEach(removeTempDirs)

class Scripted implements Dialogs {
  save: (string | null)[] = []
  open: (string | null)[] = []
  async chooseSavePath(): Promise<string | null> {
    return this.save.shift() ?? null
  }
  async chooseOpenPath(): Promise<string | null> {
    return this.open.shift() ?? null
  }
}

async function setup(): Promise<{ handlers: ReturnType<typeof createHandlers>; dialogs: Scripted; path: string }> {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  const dialogs = new Scripted()
  const handlers = createHandlers({ library, extract: memoExtract, dialogs, openLibrary: () => library })
  await handlers.importFiles({ files: seedFiles() })
  return { handlers, dialogs, path: library.path }
}

describe('assessment handlers', () => {
  it('scores the list, refuses bad ids, and follows the rubric chosen for the session', async () => {
    const { handlers, dialogs } = await setup()
    const list = await handlers.assessList({})
    expect(list.map((s) => s.reportId).sort()).toEqual([1, 2, 3, 4, 5])
    expect(await invokeHandler(handlers, 'assessList', { ids: [0] })).toMatchObject({ ok: false, error: { code: 'ipc.bad_args' } })
    expect(await invokeHandler(handlers, 'assessReport', { reportId: -1 })).toMatchObject({ ok: false, error: { code: 'report.bad_id' } })

    const dir = tempDir()
    const own = structuredClone(defaultRubric)
    own.version = '本单位'
    own.indicators.find((i) => i.id === 'fees')!.deductions[0].points = 0
    writeFileSync(join(dir, 'own.json'), JSON.stringify(own))
    writeFileSync(join(dir, 'bad.json'), '{')
    dialogs.open.push(join(dir, 'bad.json'))
    expect(await invokeHandler(handlers, 'chooseRubric', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是有效的 JSON') } })
    dialogs.open.push(join(dir, 'own.json'))
    expect(await handlers.chooseRubric({})).toMatchObject({ version: '本单位' })
    const fees = (await handlers.assessReport({ reportId: 1 })).indicators.find((i) => i.id === 'fees')!
    expect(fees.points).toBe(fees.max)
    expect((await handlers.chooseRubric({ reset: true }))!.version).toBe(defaultRubric.version)
    expect((await handlers.assessReport({ reportId: 1 })).rubric.version).toBe(defaultRubric.version)
  })

  it('takes a typed 发布日期 through the handler table, refusing a bad one in Chinese', async () => {
    const { handlers } = await setup()
    await handlers.setReviewer({ name: '张三' })
    expect(await invokeHandler(handlers, 'setPublishedDate', { reportId: 1, value: '2023-02-29' })).toMatchObject({
      ok: false,
      error: { code: 'edit.bad_date', message: '没有 2023 年 2 月 29 日这一天' }
    })
    expect(await invokeHandler(handlers, 'setPublishedDate', { reportId: 1, value: 7 as never })).toMatchObject({ ok: false, error: { code: 'ipc.bad_args' } })
    await handlers.setPublishedDate({ reportId: 1, value: '2023/1/20', reason: '网站发布页' })
    const timeliness = (await handlers.assessReport({ reportId: 1 })).indicators.find((i) => i.id === 'timeliness')!
    expect(timeliness.reason).toContain('由核验人张三于')
    expect((await handlers.reportHistory({ reportId: 1 })).filter((e) => e.target === 'meta.published')).toMatchObject([{ newRaw: '2023-01-20' }])
  })

  it('a report whose stored findings are damaged has no score; the others keep theirs', async () => {
    const { handlers, path } = await setup()
    const db = new Database(path)
    db.prepare('UPDATE reports SET findings = ? WHERE id = 2').run(Buffer.from('not deflate'))
    db.close()
    expect((await handlers.assessList({})).map((s) => s.reportId).sort()).toEqual([1, 3, 4, 5])
    expect(await invokeHandler(handlers, 'assessReport', { reportId: 2 })).toMatchObject({ ok: false, error: { code: 'report.damaged_findings' } })
  })

  it('exports 评估结果 where the dialog says, and nothing when it is cancelled', async () => {
    const { handlers, dialogs } = await setup()
    expect(await handlers.exportAssessment({ format: 'json' })).toBeNull()
    const path = join(tempDir(), 'a.json')
    dialogs.save.push(path)
    expect(await handlers.exportAssessment({ format: 'json', year: 2021 })).toEqual({ path, reports: 2 })
    expect(JSON.parse(readFileSync(path, 'utf8')).reports).toHaveLength(2)
    expect(await invokeHandler(handlers, 'exportAssessment', { format: 'pdf' as never })).toMatchObject({ ok: false, error: { code: 'assess.bad_format' } })
  })
})

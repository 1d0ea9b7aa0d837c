import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { invokeHandler, type Handlers } from '../shared/contract'
import { Library } from '../library/library'
import { memoExtract, removeTempDirs, seedFiles, tempDir } from '../library/testing/fixtures'
import { createHandlers, type Dialogs } from './handlers'
import { emptyDatabase, foreignDatabase } from '../library/testing/hostile'

afterEach(removeTempDirs)

class Scripted implements Dialogs {
  save: (string | null)[] = []
  open: (string | null)[] = []
  asked: { title: string; folder?: boolean }[] = []
  async chooseSavePath(o: { title: string; folder?: boolean }): Promise<string | null> {
    this.asked.push(o)
    return this.save.shift() ?? null
  }
  async chooseOpenPath(o: { title: string }): Promise<string | null> {
    this.asked.push(o)
    return this.open.shift() ?? null
  }
}

async function setup(): Promise<{ handlers: Handlers; dialogs: Scripted; library: Library; opened: Library[] }> {
  const library = new Library(join(tempDir(), 'library.sqlite'))
  const dialogs = new Scripted()
  const opened: Library[] = []
  const handlers = createHandlers({
    library,
    extract: memoExtract,
    dialogs,
    openLibrary: (path) => (opened.push(new Library(path, { existingOnly: true })), opened.at(-1)!)
  })
  await handlers.importFiles({ files: seedFiles() })
  return { handlers, dialogs, library, opened }
}

describe('handlers', () => {
  it('verifyReport beside a verified near-duplicate: the refusal keeps its code, sameReportAs is checked and passed on', async () => {
    const { handlers } = await setup()
    await handlers.setReviewer({ name: '张三' })
    // Seed 000 again as another file (one more line): the same report.
    const copy = { name: 'copy.txt', bytes: new Uint8Array([...seedFiles()[0].bytes, 0x0a]) }
    const [imported] = await handlers.importFiles({ files: [copy] })
    if (imported.status !== 'imported') throw new Error('copy did not import')
    await handlers.verifyReport({ reportId: 1 })
    const refused = await invokeHandler(handlers, 'verifyReport', { reportId: imported.reportId })
    expect(refused).toMatchObject({ ok: false, error: { code: 'verify.near_duplicate' } })
    for (const bad of [[0], ['1'], 1, [1.5]]) {
      expect(await invokeHandler(handlers, 'verifyReport', { reportId: imported.reportId, sameReportAs: bad as never })).toMatchObject({
        ok: false,
        error: { code: 'ipc.bad_args' }
      })
    }
    const verified = await invokeHandler(handlers, 'verifyReport', { reportId: imported.reportId, sameReportAs: [1] })
    expect(verified).toMatchObject({ ok: true, value: { summary: { status: 'verified' } } })
  })

  it('review operations: reviewer first, edit, history, accept, verify — errors in Chinese', async () => {
    const { handlers, library } = await setup()
    const refused = await invokeHandler(handlers, 'editCell', { reportId: 1, key: 'requests.new_received.natural', raw: '3' })
    expect(refused).toEqual({ ok: false, error: { code: 'settings.no_reviewer', message: '请先设置核验人姓名' } })
    expect(await handlers.setReviewer({ name: '张三' })).toEqual({ reviewer: '张三' })
    expect(await handlers.getSettings({})).toEqual({ reviewer: '张三' })
    const edited = await handlers.editCell({ reportId: 1, key: 'requests.new_received.natural', raw: '3', reason: '核对' })
    expect(edited.cells['requests.new_received.natural']).toMatchObject({ value: 3, corrected: true })
    expect(await handlers.cellHistory({ reportId: 1, target: 'requests.new_received.natural' })).toHaveLength(1)
    const bad = await invokeHandler(handlers, 'editCell', { reportId: 1, key: 'requests.new_received.natural', raw: '三' })
    expect(bad.ok ? '' : bad.error.message).toMatch(/无法识别/)
    const verify = await invokeHandler(handlers, 'verifyReport', { reportId: 1 })
    expect(verify.ok ? '' : verify.error.message).toMatch(/不能标记为已核验/)
    for (const f of edited.findings.filter((x) => x.status === 'fail')) {
      await handlers.acceptFinding({ reportId: 1, rule: f.rule, cells: f.cells, comment: '原文如此' })
    }
    expect((await handlers.verifyReport({ reportId: 1 })).summary.status).toBe('verified')
    expect((await handlers.listReports({ status: 'verified' })).map((r) => r.id)).toEqual([1])
    expect((await handlers.editMeta({ reportId: 2, field: 'year', value: '2020' })).meta.year).toBe(2020)
    const source = await handlers.getSource({ reportId: 1 })
    expect(source).toMatchObject({ format: 'txt', name: '000_445a8fa4a95c6cf5.txt' })
    expect(source.text).toContain('益阳市应急管理局')
    const missing = await invokeHandler(handlers, 'getReport', { reportId: 12345 })
    expect(missing.ok ? '' : missing.error.message).toMatch(/找不到该报告/)
    library.close()
  })

  it('marks: 原文无此表 per table, 原文空白 per cell and the one act — arguments checked, errors in Chinese', async () => {
    const { handlers, library } = await setup()
    await handlers.setReviewer({ name: '张三' })
    // report 4 is seed 003, without tables
    const refused = await invokeHandler(handlers, 'verifyReport', { reportId: 4 })
    expect(refused.ok ? '' : refused.error.message).toBe('还不能标记为已核验：缺少表二、表三、表四（请对照原文填入，或记为“原文无此表”）。')
    const noComment = await invokeHandler(handlers, 'markTableAbsent', { reportId: 4, table: 'requests', comment: '' })
    expect(noComment.ok ? '' : noComment.error.code).toBe('mark.no_comment')
    const badKeys = await invokeHandler(handlers, 'markCellsBlank', { reportId: 4, keys: 'appeals.review.total' as unknown as string[], comment: 'x' })
    expect(badKeys.ok ? '' : badKeys.error.message).toBe('参数无效：单元格列表')
    for (const table of ['active', 'requests', 'appeals']) await handlers.markTableAbsent({ reportId: 4, table, comment: '原文无表格' })
    const nothing = await invokeHandler(handlers, 'settleBlankCells', { reportId: 4, comment: '原文空白' })
    expect(nothing.ok ? '' : nothing.error.code).toBe('mark.nothing_blank')
    expect((await handlers.verifyReport({ reportId: 4 })).summary.status).toBe('verified')
    library.close()
  })

  it('reports the progress of a running export, refuses a second one meanwhile, and says null after', async () => {
    const { handlers, dialogs, library } = await setup()
    const dir = tempDir()
    expect(await handlers.exportProgress({})).toBeNull()
    dialogs.save.push(join(dir, 'a.xlsx'))
    const running = handlers.exportReports({ format: 'xlsx', all: true })
    const tick = (): Promise<void> => new Promise((r) => setImmediate(r))
    let first = await handlers.exportProgress({})
    for (let i = 0; first === null && i < 1000; i++, await tick()) first = await handlers.exportProgress({})
    expect(first, 'progress while the export runs').not.toBeNull()
    const second = await invokeHandler(handlers, 'exportReports', { format: 'csv' })
    expect(second).toEqual({ ok: false, error: { code: 'export.busy', message: '已有一项导出正在进行，请稍候' } })
    const seen = [first!.share]
    for (;;) {
      const p = await handlers.exportProgress({})
      if (p === null) break
      seen.push(p.share)
      await tick()
    }
    expect((await running)?.reports).toBe(5)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((s) => s >= 0 && s <= 1)).toBe(true)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(await handlers.exportProgress({})).toBeNull()
    library.close()
  })

  it('export, backup and merge go through the dialogs; cancelling returns null', async () => {
    const { handlers, dialogs, library } = await setup()
    const dir = tempDir()
    expect(await handlers.exportReports({ format: 'xlsx', all: true })).toBeNull()
    dialogs.save.push(join(dir, 'out.xlsx'))
    expect(await handlers.exportReports({ format: 'xlsx', all: true })).toEqual({ path: join(dir, 'out.xlsx'), reports: 5 })
    dialogs.save.push(join(dir, 'json'))
    expect(await handlers.exportReports({ format: 'json', all: true })).toEqual({ path: join(dir, 'json'), reports: 5 })
    expect(dialogs.asked.at(-1)).toMatchObject({ folder: true })
    // One file holding every report: a save dialog for a .json name (the extension added when left off).
    dialogs.save.push(join(dir, 'all-reports'))
    expect(await handlers.exportReports({ format: 'json', all: true, jsonAs: 'file' })).toEqual({ path: join(dir, 'all-reports.json'), reports: 5 })
    expect(dialogs.asked.at(-1)).toMatchObject({ folder: false, extensions: ['json'] })
    expect(JSON.parse(readFileSync(join(dir, 'all-reports.json'), 'utf8')).reports).toHaveLength(5)
    // Nothing verified yet: refused with the way out, before any dialog.
    const asked = dialogs.asked.length
    const none = await invokeHandler(handlers, 'exportReports', { format: 'xlsx' })
    expect(none).toMatchObject({ ok: false, error: { code: 'export.nothing', message: expect.stringContaining('包括未核验的报告') } })
    expect(dialogs.asked.length).toBe(asked)

    expect(await handlers.backupLibrary({})).toBeNull()
    dialogs.save.push(join(dir, 'backup.sqlite'))
    expect(await handlers.backupLibrary({})).toEqual({ path: join(dir, 'backup.sqlite') })
    const copy = new Library(join(dir, 'backup.sqlite'))
    expect(copy.info().reportCount).toBe(5)
    copy.close()

    expect(await handlers.mergeLibrary({})).toBeNull()
    dialogs.open.push(join(dir, 'backup.sqlite'))
    expect(await handlers.mergeLibrary({})).toEqual({ added: 0, updated: 0, unchanged: 5, conflicts: [], updates: [], refused: [] })
    dialogs.open.push(library.path)
    const self = await invokeHandler(handlers, 'mergeLibrary', {})
    expect(self.ok ? '' : self.error.message).toMatch(/自身/)
    dialogs.open.push(join(dir, 'out.xlsx'))
    const notLibrary = await invokeHandler(handlers, 'mergeLibrary', {})
    expect(notLibrary.ok).toBe(false)
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(true)
    library.close()
  })

  it('opens another library (restoring a backup): checked first, the old one closed, every call follows', async () => {
    const { handlers, dialogs, library, opened } = await setup()
    const dir = tempDir()
    dialogs.save.push(join(dir, 'backup.sqlite'))
    await handlers.backupLibrary({})
    await handlers.setReviewer({ name: '张三' })
    await handlers.editCell({ reportId: 1, key: 'requests.new_received.natural', raw: '77' })

    expect(await handlers.openLibrary({})).toBeNull()
    // Not a library: refused in Chinese, and the file is left exactly as it was.
    const text = join(dir, 'notes.sqlite')
    writeFileSync(text, 'not a database')
    dialogs.open.push(text)
    const refused = await invokeHandler(handlers, 'openLibrary', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'library.open' } })
    expect(readFileSync(text, 'utf8')).toBe('not a database')
    expect((await handlers.listReports({})).length).toBe(5)

    dialogs.open.push(join(dir, 'backup.sqlite'))
    expect(await handlers.openLibrary({})).toMatchObject({ path: join(dir, 'backup.sqlite'), reportCount: 5 })
    expect(opened).toHaveLength(1)
    expect(() => library.listReports()).toThrow() // closed
    // The backup holds the value from before the edit.
    const detail = await handlers.getReport({ reportId: 1 })
    expect(detail.cells['requests.new_received.natural'].raw).not.toBe('77')
    opened[0].close()
  })

  it('no dialog answer can make export, backup or merge write over the open library', async () => {
    const { handlers, dialogs, library } = await setup()
    for (const target of [library.path, `${library.path}-wal`, `${library.path}-journal`, library.path.replace('library.sqlite', 'LIBRARY.sqlite')]) {
      dialogs.save.push(target)
      const exported = await invokeHandler(handlers, 'exportReports', { format: 'csv', all: true })
      expect(exported).toMatchObject({ ok: false, error: { code: 'export.same_file', message: expect.stringContaining('不能导出到资料库文件本身') } })
      dialogs.save.push(target)
      const backedUp = await invokeHandler(handlers, 'backupLibrary', {})
      expect(backedUp).toMatchObject({ ok: false, error: { code: 'backup.same_file' } })
    }
    dialogs.open.push(`${library.path}-wal`)
    expect(await invokeHandler(handlers, 'mergeLibrary', {})).toMatchObject({ ok: false, error: { code: 'merge.same_file' } })
    expect(readFileSync(library.path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect(await handlers.listReports({})).toHaveLength(5)
    library.close()
  })

  it('a read-only library: info says why, every change is refused in Chinese, merge before its dialog', async () => {
    const { library } = await setup()
    const path = library.path
    library.close()
    chmodSync(path, 0o444)
    try {
      const readOnly = new Library(path)
      const dialogs = new Scripted()
      const handlers = createHandlers({ library: readOnly, extract: memoExtract, dialogs, openLibrary: (p) => new Library(p) })
      expect(await handlers.getLibraryInfo({})).toMatchObject({ reportCount: 5, readOnly: '文件为只读' })
      const refused = { ok: false, error: { code: 'library.read_only', message: expect.stringContaining('不能修改') } }
      expect(await invokeHandler(handlers, 'importFiles', { files: seedFiles().slice(0, 1) })).toMatchObject(refused)
      expect(await invokeHandler(handlers, 'setReviewer', { name: '张三' })).toMatchObject(refused)
      expect(await invokeHandler(handlers, 'mergeLibrary', {})).toMatchObject(refused)
      expect(dialogs.asked).toHaveLength(0)
      dialogs.save.push(join(tempDir(), 'all.xlsx'))
      expect(await handlers.exportReports({ format: 'xlsx', all: true })).toMatchObject({ reports: 5 })
      readOnly.close()
    } finally {
      chmodSync(path, 0o644)
    }
  })

  it('打开资料库… refuses an empty file, an empty database and another program’s database, each unchanged', async () => {
    const { handlers, dialogs, library } = await setup()
    const dir = tempDir()
    const zero = join(dir, 'zero.sqlite')
    writeFileSync(zero, '')
    const empty = join(dir, 'empty.sqlite')
    emptyDatabase(empty)
    const foreign = join(dir, 'contacts.db')
    foreignDatabase(foreign)
    for (const path of [zero, empty, foreign]) {
      const before = readFileSync(path)
      dialogs.open.push(path)
      const refused = await invokeHandler(handlers, 'openLibrary', {})
      expect(refused, path).toMatchObject({ ok: false, error: { message: expect.stringMatching(/空文件|不是年报核验台的资料库/) } })
      expect(readFileSync(path).equals(before), path).toBe(true)
    }
    expect((await handlers.getLibraryInfo({})).path).toBe(library.path)
    library.close()
  })
})

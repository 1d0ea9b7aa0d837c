import { describe, expect, it } from 'vitest'
import { invokeHandler, OPERATIONS, UserFacingError, type Handlers } from './contract'

// Only the operations this test calls; the envelope logic is the same for all.
const handlers = {
  getLibraryInfo: () => ({ path: '/x', reportCount: 3, schemaVersion: 1, staleReports: 0 }),
  importFiles: () => {
    throw new UserFacingError('import.too_many', '一次最多导入 1000 个文件')
  },
  listReports: () => {
    throw new Error('disk on fire')
  },
  exportReports: () => {
    throw Object.assign(new Error("ENOSPC: no space left on device, write '/x/out.xlsx'"), { code: 'ENOSPC', path: '/x/out.xlsx' })
  }
} as unknown as Handlers

describe('invokeHandler', () => {
  it('wraps a result', async () => {
    expect(await invokeHandler(handlers, 'getLibraryInfo', {} as Record<string, never>)).toEqual({
      ok: true,
      value: { path: '/x', reportCount: 3, schemaVersion: 1, staleReports: 0 }
    })
  })
  it('passes a user-facing error through as data', async () => {
    expect(await invokeHandler(handlers, 'importFiles', { files: [] })).toEqual({
      ok: false,
      error: { code: 'import.too_many', message: '一次最多导入 1000 个文件' }
    })
  })
  it('turns an unexpected error into a Chinese message', async () => {
    const env = await invokeHandler(handlers, 'listReports', {})
    expect(env.ok).toBe(false)
    expect(!env.ok && env.error.message).toMatch(/^操作失败：disk on fire/)
  })
  it('says what a file-system failure means, in Chinese', async () => {
    expect(await invokeHandler(handlers, 'exportReports', {} as never)).toEqual({
      ok: false,
      error: { code: 'fs.ENOSPC', message: '操作失败：磁盘空间不足（/x/out.xlsx）' }
    })
  })
  it('rejects a call whose argument is not one object', async () => {
    expect(await invokeHandler(handlers, 'listReports', 'x' as never)).toMatchObject({ ok: false, error: { code: 'ipc.bad_args' } })
    expect(await invokeHandler(handlers, 'listReports', null as never)).toMatchObject({ ok: false, error: { code: 'ipc.bad_args' } })
  })
  it('rejects an operation that is not in the contract', async () => {
    expect(await invokeHandler(handlers, 'dropTables' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'ipc.unknown' } })
  })
  it('lists each operation once', () => {
    expect(new Set(OPERATIONS).size).toBe(OPERATIONS.length)
  })
})

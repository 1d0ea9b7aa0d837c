// report-desk merge: reports that arrive 已核验 but fail this library's verify gate are reopened
// (issue 22, item 6), and the command says which and why.

import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { run } from './testing'
import { Library } from '../library/library'
import { tamper } from '../library/testing/hostile'
import { removeTempDirs, seededLibrary, tempDir } from '../library/testing/fixtures'

afterEach(removeTempDirs)

describe('report-desk merge of reports verified elsewhere with findings open here', () => {
  it('prints each report reopened, with its agency, year and why', async () => {
    const theirs = await seededLibrary('李四')
    theirs.editCell(1, 'requests.new_received.natural', '999', '原文第3页')
    const { agency, year } = theirs.getReport(1).summary
    const path = theirs.path
    theirs.close()
    tamper(path, [["UPDATE reports SET status = 'verified', verified_by = '李四', verified_at = '2026-01-01' WHERE id = 1"]])
    const ours = join(tempDir(), 'ours.sqlite')
    new Library(ours).close()

    const { code, out } = await run(['merge', '--library', ours, '--from', path])
    expect(code).toBe(0)
    expect(out).toContain('重新打开 1')
    const line = out.split('\n').find((l) => l.startsWith('重新打开\t'))
    expect(line?.split('\t').slice(0, 4)).toEqual(['重新打开', '#1', agency, String(year)])
    expect(line?.split('\t')[4]).toMatch(/\S/)

    const json = JSON.parse((await run(['merge', '--library', join(tempDir(), 'again.sqlite'), '--from', path, '--json'])).out)
    expect(json.reopened).toEqual([{ reportId: 1, agency, year, reason: expect.any(String) }])
  }, 60_000)
})

import { afterEach, describe, expect, it } from 'vitest'
import type { ExtractedFile, Extractor } from './extractor'
import { memoExtract, removeTempDirs, seededLibrary } from './testing/fixtures'
import { asExtractedFile } from './extractor'

afterEach(removeTempDirs)

/** The engine after an "upgrade": reads the given cells differently. */
function upgradedEngine(changes: Record<string, string>): Extractor {
  return async (file) => {
    const base = asExtractedFile((await memoExtract(file)).value) as ExtractedFile
    const json = structuredClone(base.json)
    for (const [key, raw] of Object.entries(changes)) json.cells[key] = { value: raw === '/' ? null : Number(raw), raw, review: false }
    return { value: { json, document: base.document }, messages: [] }
  }
}

const A = 'requests.new_received.natural'
const B = 'active.licensing.decisions'
const C = 'appeals.review.upheld'

describe('re-extraction', () => {
  it('never overwrites a human edit and lists the cells where the new reading disagrees', async () => {
    const library = await seededLibrary()
    const before = library.getReport(1)
    library.editCell(1, A, '7')
    library.editCell(1, C, '5')
    const outcome = await library.reextract(1, upgradedEngine({ [A]: '9', [B]: '41', [C]: '5' }))
    expect(outcome.conflicts).toBe(1)
    const after = library.getReport(1)
    expect(after.cells[A]).toMatchObject({ value: 7, raw: '7', corrected: true, extracted: { value: 9, raw: '9' } })
    expect(after.cells[B]).toMatchObject({ value: 41, corrected: false })
    expect(after.cells[C]).toMatchObject({ value: 5 })
    expect(after.conflicts).toEqual([{ key: A, edited: '7', extracted: '9' }])
    expect(before.cells[B].raw).not.toBe('41')
    // Confirming the edit by typing it again settles the conflict.
    expect(library.editCell(1, A, '7').conflicts).toEqual([])
    library.close()
  })

  it('keeps acceptances (they match by rule and cells) and reopens a verified report whose values changed', async () => {
    const library = await seededLibrary()
    let detail = library.editCell(1, A, '999')
    for (const f of detail.findings.filter((x) => x.status === 'fail')) detail = library.acceptFinding(1, f.rule, f.cells, '原文如此')
    const accepted = detail.findings.filter((f) => f.accepted).length
    expect(accepted).toBeGreaterThan(0)
    library.verifyReport(1)
    await library.reextract(1, upgradedEngine({}))
    const same = library.getReport(1)
    expect(same.findings.filter((f) => f.accepted).length).toBe(accepted)
    expect(same.summary.status).toBe('verified')
    await library.reextract(1, upgradedEngine({ [B]: '12345' }))
    const changed = library.getReport(1)
    expect(changed.summary.status).not.toBe('verified')
    expect(changed.findings.filter((f) => f.accepted).length).toBe(accepted)
    expect(library.history(1, 'status').at(-1)).toMatchObject({ oldRaw: 'verified' })
    library.close()
  })

  it('finds reports extracted by an older engine', async () => {
    const library = await seededLibrary()
    expect(library.staleReports()).toEqual([])
    library.close()
  })
})

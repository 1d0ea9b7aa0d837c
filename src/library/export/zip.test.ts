import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import yauzl from 'yauzl'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { StagedMember, ZipArchive } from './zip'

afterEach(removeTempDirs)

interface ReadEntry {
  name: string
  text: string
  crcInHeader: number
  utf8Name: boolean
}

/** Reads every member with yauzl, an independent reader that checks sizes as it inflates. */
async function readZip(path: string): Promise<ReadEntry[]> {
  const zip = await yauzl.openPromise(path, { validateEntrySizes: true, strictFileNames: true })
  const out: ReadEntry[] = []
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    out.push({
      name: entry.fileName,
      text: Buffer.concat(chunks).toString('utf8'),
      crcInHeader: entry.crc32,
      utf8Name: (entry.generalPurposeBitFlag & 0x800) !== 0
    })
  }
  return out
}

describe('ZIP writer', () => {
  it('writes members that another reader inflates byte for byte, with matching CRCs', async () => {
    const dir = tempDir()
    const staging = join(dir, 'staging')
    mkdirSync(staging)
    // Long enough to cross many chunks, with multi-byte characters falling on every boundary.
    const pieces = Array.from({ length: 40_000 }, (_, i) => `<row r="${i}">申请情况${i % 7 ? 'é' : '𠀀'}</row>`)
    const member = new StagedMember(join(staging, 'a'), 1)
    for (const p of pieces) member.write(p)
    await member.settle()
    const zip = new ZipArchive()
    zip.addText('[Content_Types].xml', '<Types/>')
    zip.addStaged('xl/worksheets/汇总.xml', await member.close())
    zip.addText('empty.txt', '')
    const path = join(dir, 'out.zip')
    zip.writeTo(path)
    zip.discardStaging()

    const entries = await readZip(path)
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/汇总.xml', 'empty.txt'])
    expect(entries[1].text).toBe(pieces.join(''))
    for (const e of entries) {
      expect(e.crcInHeader).toBe(crc32(Buffer.from(e.text, 'utf8')))
      expect(e.utf8Name).toBe(true)
    }
    expect(readdirSync(staging)).toEqual([])
  })

  // /dev/full answers every write with ENOSPC: a full disk, on demand (Linux, as on CI).
  it.runIf(existsSync('/dev/full'))('reports a full disk when the member is closed, instead of crashing', async () => {
    const member = new StagedMember('/dev/full', 1)
    for (let i = 0; i < 2000; i++) member.write('<row>满</row>'.repeat(100))
    await expect(member.close()).rejects.toThrow(/ENOSPC/)
  })

  it('abort removes the staging file', async () => {
    const dir = tempDir()
    const member = new StagedMember(join(dir, 'a'), 1)
    member.write('x'.repeat(100_000))
    member.abort()
    expect(existsSync(join(dir, 'a'))).toBe(false)
  })
})

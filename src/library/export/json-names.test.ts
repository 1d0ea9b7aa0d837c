import { afterEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Library } from '../library'
import { handReport, removeTempDirs, tempDir } from '../testing/fixtures'
import { uniqueJsonName } from './json'

afterEach(removeTempDirs)

describe('JSON export file names', () => {
  it.each([
    [
      'a.txt, a-3.txt, a.html (the third falls back onto the second)',
      [
        ['a.txt', 1],
        ['a-3.txt', 2],
        ['a.html', 3]
      ],
      ['a.json', 'a-3.json', 'a-3-2.json']
    ],
    [
      'names differing only in case (Windows, macOS)',
      [
        ['Report.txt', 1],
        ['report.docx', 2],
        ['REPORT.pdf', 3]
      ],
      ['Report.json', 'report-2.json', 'REPORT-3.json']
    ],
    [
      'the same name in two Unicode forms (macOS)',
      [
        ['\u00e9.txt', 1],
        ['e\u0301.txt', 2]
      ],
      ['\u00e9.json', 'e\u0301-2.json']
    ],
    [
      'a fallback that an earlier report already has',
      [
        ['x-2.txt', 1],
        ['x.txt', 5],
        ['x.pdf', 2],
        ['x.doc', 7]
      ],
      ['x-2.json', 'x.json', 'x-2-2.json', 'x-7.json']
    ],
    [
      'names Windows refuses, unsafe characters, leading and trailing dots',
      [
        ['con.txt', 1],
        ['a:b?.txt', 2],
        ['dots...txt', 3],
        ['.txt', 4],
        ['..', 5]
      ],
      ['con_.json', 'a_b_.json', 'dots.json', 'txt.json', 'report-5.json']
    ]
  ] as [string, [string, number][], string[]][])('%s', (_, files, expected) => {
    const taken = new Set<string>()
    expect(files.map(([name, id]) => uniqueJsonName(name, id, taken))).toEqual(expected)
  })

  it('never gives a name the caller forbids (the library file in that folder)', () => {
    expect(uniqueJsonName('library.txt', 4, new Set(), (name) => name === 'library.json')).toBe('library-4.json')
  })

  it('writes one file per report when names collide after the fallback', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    for (const [name, agency] of [
      ['a.txt', '甲局'],
      ['a-3.txt', '乙局'],
      ['a.html', '丙局']
    ]) {
      await library.importFile({ name, bytes: new TextEncoder().encode(agency) }, async () => ({ value: handReport(name, agency, 2022, {}), messages: [] }))
    }
    expect(
      library
        .listReports()
        .map((r) => [r.id, r.fileName])
        .sort()
    ).toEqual([
      [1, 'a.txt'],
      [2, 'a-3.txt'],
      [3, 'a.html']
    ])
    const folder = join(tempDir(), 'json')
    expect(await library.export('json', folder, { all: true })).toBe(3)
    const files = readdirSync(folder).sort()
    expect(files).toHaveLength(3)
    const sources = files.map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')).source.name).sort()
    expect(sources).toEqual(['a-3.txt', 'a.html', 'a.txt'])
    library.close()
  })
})

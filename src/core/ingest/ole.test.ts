import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { damagedDocs, fixtureDoc } from '../../../scripts/hostile-files'
import { checkOleStructure } from './ole'

const DOC_FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'doc', 'files')

describe('checkOleStructure', () => {
  it.each(readdirSync(DOC_FIXTURES).filter((f) => f.endsWith('.doc')))('accepts the real .doc %s', (name) => {
    expect(checkOleStructure(new Uint8Array(readFileSync(join(DOC_FIXTURES, name))))).toBeNull()
  })

  const EXPECTED: Record<string, RegExp> = {
    'fat-cycle': /数据流的扇区链存在循环/,
    'directory-chain-cycle': /目录的扇区链存在循环/,
    'sector-size': /扇区大小无效/,
    'fat-count-beyond-file': /扇区分配表数量（2147483647）超出文件实际扇区数/,
    'difat-cycle': /主扇区分配表链存在循环/,
    'chain-beyond-file': /数据流的扇区链超出文件范围/,
    'directory-tree-cycle': /目录结构存在循环/,
    'directory-index-beyond-table': /目录条目编号超出目录范围/,
    truncated: /超出文件范围|截断/
  }
  const variants = damagedDocs(fixtureDoc())
  it('has an expectation for every damaged variant', () => {
    expect(Object.keys(variants).sort()).toEqual(Object.keys(EXPECTED).sort())
  })
  it.each(Object.keys(EXPECTED))('refuses %s with a Chinese reason', (what) => {
    const problem = checkOleStructure(variants[what])
    expect(problem?.zh).toMatch(EXPECTED[what])
    expect(problem?.en).toBeTruthy()
  })

  it.each([
    ['empty', new Uint8Array(0)],
    ['a header and nothing else', fixtureDoc().slice(0, 512)],
    ['not an OLE file', new TextEncoder().encode('x'.repeat(2048))]
  ])('refuses %s', (_what, bytes) => {
    expect(checkOleStructure(bytes)).not.toBeNull()
  })
})

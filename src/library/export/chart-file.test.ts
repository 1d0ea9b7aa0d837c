import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserFacingError } from '../../shared/contract'
import { removeTempDirs, tempDir } from '../testing/fixtures'
import { writeChartFile, type ChartFormat } from './chart-file'

afterEach(removeTempDirs)

const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
// A 1×1 PNG's bytes (signature, IHDR, IDAT, IEND): the writer checks the signature and keeps the bytes as they are.
const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010800000000' + '3a7e9b550000000a49444154789c63600000000200010d0a2db40000000049454e44ae426082',
  'hex'
)

/** A folder with a library file in it, as the app has: the chart goes beside it. */
function setup(): { dir: string; library: string } {
  const dir = tempDir()
  const library = join(dir, 'library.sqlite')
  writeFileSync(library, 'the library')
  return { dir, library }
}

function refusal(fn: () => void): UserFacingError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(UserFacingError)
    return e as UserFacingError
  }
  throw new Error('not refused')
}

describe('writeChartFile', () => {
  it('writes an SVG as text and a PNG from base64 (with or without the data: prefix)', () => {
    const { dir, library } = setup()
    writeChartFile(library, join(dir, 'by-year.svg'), 'svg', SVG)
    expect(readFileSync(join(dir, 'by-year.svg'), 'utf8')).toBe(SVG)
    writeChartFile(library, join(dir, 'a.png'), 'png', PNG_BYTES.toString('base64'))
    writeChartFile(library, join(dir, 'b.png'), 'png', `data:image/png;base64,${PNG_BYTES.toString('base64')}`)
    expect(readFileSync(join(dir, 'a.png'))).toEqual(PNG_BYTES)
    expect(readFileSync(join(dir, 'b.png'))).toEqual(PNG_BYTES)
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'b.png', 'by-year.svg', 'library.sqlite'])
  })

  it('refuses what is not an SVG or a PNG, in Chinese, writing nothing', () => {
    const { dir, library } = setup()
    const cases: [ChartFormat, string, string, string][] = [
      ['svg', 'x.svg', '<html><body>not a chart</body></html>', '图表内容不是 SVG，未保存'],
      ['png', 'x.png', Buffer.from('GIF89a not a png').toString('base64'), '图表内容不是 PNG 图片，未保存'],
      ['png', 'x.png', SVG, '图表内容不是 PNG 图片，未保存'],
      ['jpg' as ChartFormat, 'x.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'), '图表只能导出为 PNG 或 SVG']
    ]
    for (const [format, name, content, message] of cases) {
      expect(refusal(() => writeChartFile(library, join(dir, name), format, content)).message).toBe(message)
    }
    expect(readdirSync(dir)).toEqual(['library.sqlite'])
  })

  it('never writes onto the library or its -wal file', () => {
    const { dir, library } = setup()
    for (const target of [library, `${library}-wal`]) {
      const e = refusal(() => writeChartFile(library, target, 'svg', SVG))
      expect(e.code).toBe('export.same_file')
      expect(e.message).toMatch(/^不能导出到资料库文件本身/)
    }
    expect(readFileSync(library, 'utf8')).toBe('the library')
    expect(readdirSync(dir)).toEqual(['library.sqlite'])
  })

  it('leaves no .part file behind when the write fails', () => {
    const { dir, library } = setup()
    // A folder (not empty) where the file should go: the rename onto it fails after the bytes were written.
    const taken = join(dir, 'chart.svg')
    mkdirSync(taken)
    writeFileSync(join(taken, 'inside.txt'), 'x')
    expect(() => writeChartFile(library, taken, 'svg', SVG)).toThrow()
    expect(readdirSync(dir).sort()).toEqual(['chart.svg', 'library.sqlite'])
    expect(readdirSync(taken)).toEqual(['inside.txt'])
  })
})

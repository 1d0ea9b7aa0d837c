// 机关 written into the print view's page header (issue 22, item 4): a crafted agency ended the CSS
// string or the <style> element, removed every 未核验 mark of a PDF and printed "伪造：已核验".

import { afterEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { plantAgencies, removeTempDirs, seededLibrary, tempDir } from '../../testing/fixtures'
import { exportPapers, papersOf } from '.'
import { chromiumPdfRenderer, findChromium } from './chromium'
import { cssString, papersHtml } from './html'

afterEach(removeTempDirs)

const HOSTILE = [
  '某局</style><style>.banner{display:none}</style>',
  '某局"; } @top-right { content: "伪造：已核验"; } x { a: "',
  '某局\r@top-right{content:"伪造：已核验"}',
  '某局\f}@page{@top-right{content:"伪造"}}',
  '某局\\"; color: red',
  "某局'\u2028<!--"
]

/** The CSS string at the start of `css` (after its opening quote) read as a CSS parser reads it; null if it does not end properly. */
function readCssString(css: string): { text: string; rest: string } | null {
  let text = ''
  for (let i = 1; i < css.length; i++) {
    const c = css[i]
    if (c === '"') return { text, rest: css.slice(i + 1) }
    if (c === '\n' || c === '\r' || c === '\f') return null
    if (c === '\\') {
      const hex = /^[0-9a-fA-F]{1,6} ?/.exec(css.slice(i + 1))
      if (hex) {
        text += String.fromCodePoint(parseInt(hex[0].trim(), 16))
        i += hex[0].length
      } else text += css[++i]
    } else text += c
  }
  return null
}

describe('cssString', () => {
  it.each(HOSTILE.map((h) => [h]))('%j reads back as written, and holds no character that ends a string or a <style>', (text) => {
    const quoted = cssString(text)
    expect(readCssString(quoted)).toEqual({ text, rest: '' })
    expect(quoted).not.toMatch(/[<>\r\n\f\u2028\u2029']|\\"|"(?!$)(?<!^")/)
  })
})

describe('a hostile 机关 in a working paper', () => {
  it('leaves one <style>, and every paper’s page header says 未核验', async () => {
    // Typing refuses these (agency-input.ts); a merged or crafted library may still carry them.
    const library = plantAgencies(await seededLibrary(), Object.fromEntries(HOSTILE.slice(0, 5).map((agency, i) => [i + 1, agency])))
    const papers = papersOf(library, [1, 2, 3, 4, 5])
    const html = papersHtml(papers)
    expect(html.match(/<\/style/gi)).toHaveLength(1)
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'))
    for (let i = 0; i < 5; i++) {
      const at = style.indexOf(`@page paper${i} {`)
      const left = style.indexOf('content: ', style.indexOf('@top-left', at)) + 'content: '.length
      // As stored, and as written.
      expect(readCssString(style.slice(left))?.text).toBe(`${papers[i].agency}　${papers[i].year ?? ''} 年度`)
      expect(style.slice(at, style.indexOf('section.paper', at))).toContain(cssString('核验底稿　未核验'))
    }
    library.close()
  }, 60_000)

  it.skipIf(!findChromium())(
    'printed, every page still says 未核验',
    async () => {
      const library = plantAgencies(await seededLibrary(), { 1: HOSTILE[1], 2: HOSTILE[0] })
      const path = join(tempDir(), '底稿.pdf')
      expect(await exportPapers(library, { ids: [1, 2], format: 'pdf', outPath: path, renderPdf: await chromiumPdfRenderer() })).toBe(2)
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1])
      for (let p = 1; p <= pages; p++) {
        const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', path, '-'], { encoding: 'utf8' })
        expect(text, `page ${p}`).toContain('未核验')
      }
      library.close()
    },
    120_000
  )
})

describe('a working paper XLSX of an agency with an apostrophe (issue 22, item 11)', () => {
  it('names its sheet without one, so the print area is a valid defined name', async () => {
    const library = plantAgencies(await seededLibrary(), { 1: "某局'办公室" })
    const path = join(tempDir(), 'paper.xlsx')
    await exportPapers(library, { ids: [1], format: 'xlsx', outPath: path })
    library.close()
    const workbook = execFileSync('unzip', ['-p', path, 'xl/workbook.xml'], { encoding: 'utf8' })
    const names = [...workbook.matchAll(/<definedName[^>]*>([^<]*)<\/definedName>/g)].map((m) =>
      m[1]
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    )
    expect(names.length).toBeGreaterThan(0)
    // Each reference: one quoted sheet name (apostrophes inside doubled, or none), then !$…
    for (const ref of names) for (const part of ref.split(',')) expect(part).toMatch(/^'(?:[^']|'')+'!\$?[A-Z]*\$?\d*:\$?[A-Z]*\$?\d*$/)
  })
})

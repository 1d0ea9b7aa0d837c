import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ingest } from '../core/ingest'
import { parseHtml, type HtmlElement } from '../core/ingest/html-tree'
import { sanitiseStoredHtml } from './display-html'
import { Library } from './library'
import { HOSTILE_DISPLAY_HTML, tamper } from './testing/hostile'
import { removeTempDirs, seededLibrary } from './testing/fixtures'

afterEach(removeTempDirs)

const FIXTURES = resolve(__dirname, '../../test/fixtures')
const ALLOWED_ATTRIBUTE = /^(colspan|rowspan|border|align|valign|width|height|cellspacing|cellpadding|class|data-rd-(start|end|table|row|col))$/
const FORBIDDEN_TAGS = ['style', 'meta', 'img', 'a', 'iframe', 'base', 'link', 'script']

/** Every element and attribute, as a browser would parse the HTML. */
function inventory(html: string): { tags: Set<string>; attributes: [string, string][] } {
  const tags = new Set<string>()
  const attributes: [string, string][] = []
  const stack: HtmlElement[] = [parseHtml(html)]
  while (stack.length) {
    const el = stack.pop()!
    tags.add(el.name)
    attributes.push(...Object.entries(el.attribs))
    for (const child of el.children) if (child.type === 'tag') stack.push(child)
  }
  return { tags, attributes }
}

function expectHarmless(html: string): void {
  const { tags, attributes } = inventory(html)
  for (const tag of FORBIDDEN_TAGS) expect(tags.has(tag), `<${tag}> in ${html}`).toBe(false)
  for (const [name, value] of attributes) {
    expect(name, html).toMatch(ALLOWED_ATTRIBUTE)
    if (name === 'class') expect(value).toBe('rd-source')
    else expect(value, `${name}="${value}"`).toMatch(/^[\w.%]+$/)
  }
}

describe('display HTML read back from a library', () => {
  it('keeps only what the import would have written', () => {
    const out = sanitiseStoredHtml(HOSTILE_DISPLAY_HTML)
    expectHarmless(out)
    expect(out).toContain('原文正文')
    expect(out).toContain('链接文字') // a link's text stays, the link goes
    expect(out).not.toContain('本年新收 999')
    // Numbers are read as numbers; an offset that is not one goes; a class other than the import's goes.
    expect(out).toContain('<td colspan="2" data-rd-table="0" data-rd-row="0" data-rd-col="0">7</td>')
    expect(out).toContain('<div data-rd-start="0">')
  })

  it.each(['docx/lo_2021_linchuan.docx', 'html/gbk_2021_nanling_portal.html', 'html/lo_2019_donghu.html'])(
    'passes what the import wrote unchanged: %s',
    async (file) => {
      const doc = (await ingest({ name: file, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) })).value
      expect(doc?.displayHtml).toBeTruthy()
      expect(sanitiseStoredHtml(doc!.displayHtml!)).toBe(doc!.displayHtml)
    }
  )

  it('getSource sanitises a crafted library row', async () => {
    const library = await seededLibrary()
    const path = library.path
    library.close()
    tamper(path, [['UPDATE documents SET display_html = ? WHERE report_id = 1', HOSTILE_DISPLAY_HTML]])
    const reopened = new Library(path)
    const view = reopened.getSource(1)
    expectHarmless(view.displayHtml!)
    expect(view.displayHtml).toContain('原文正文')
    reopened.close()
  })
})

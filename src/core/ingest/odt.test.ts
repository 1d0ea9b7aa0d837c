import { describe, expect, it } from 'vitest'
import { ingest } from './index'
import { isOpenDocument, odfContentToHtml, odtToDocument } from './odt'
import { makeZip, type ZipInput } from './testing/make-zip'
import { DOCX_XML_LIMITS } from './docx'

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'))

function content(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t" xmlns:table="ta">' +
    '<office:automatic-styles><style:style style:name="P1"><text:p>样式里的字不是正文</text:p></style:style></office:automatic-styles>' +
    `<office:body><office:text>${body}</office:text></office:body></office:document-content>`
  )
}

function odt(body: string, mime = 'application/vnd.oasis.opendocument.text', extra: ZipInput[] = []): Uint8Array {
  return makeZip([{ name: 'mimetype', data: utf8(mime), store: true }, { name: 'content.xml', data: utf8(content(body)) }, ...extra])
}

const cell = (text: string, attrs = ''): string => `<table:table-cell ${attrs}><text:p>${text}</text:p></table:table-cell>`

describe('odt: content.xml to HTML', () => {
  it.each([
    ['heading level', '<text:h text:outline-level="1">标题</text:h>', '<h1>标题</h1>'],
    ['spaces, tabs, line breaks', '<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p>', '<p>a   b\tc<br>d</p>'],
    ['entities stay escaped', '<text:p>1 &lt; 2 &amp; 3</text:p>', '<p>1 &lt; 2 &amp; 3</p>'],
    [
      'deleted changes and notes are not text',
      '<text:tracked-changes><text:p>删掉的</text:p></text:tracked-changes><text:p>正文<text:note><text:note-body><text:p>注</text:p></text:note-body></text:note></text:p>',
      '<p>正文</p>'
    ],
    [
      'spans and covered cells',
      `<table:table><table:table-column table:number-columns-repeated="3"/><table:table-row>${cell('A', 'table:number-columns-spanned="2" table:number-rows-spanned="2"')}<table:covered-table-cell/>${cell('B')}</table:table-row><table:table-row><table:covered-table-cell table:number-columns-repeated="2"/>${cell('C')}</table:table-row></table:table>`,
      '<table><tr><td colspan="2" rowspan="2"><p>A</p></td><td><p>B</p></td></tr><tr><td><p>C</p></td></tr></table>'
    ],
    [
      'repeated cells are copied',
      `<table:table><table:table-row>${cell('0', 'table:number-columns-repeated="3"')}</table:table-row></table:table>`,
      '<table><tr><td><p>0</p></td><td><p>0</p></td><td><p>0</p></td></tr></table>'
    ]
  ])('%s', (_name, body, html) => {
    expect(odfContentToHtml(content(body))).toBe(`<!doctype html><html><body>${html}</body></html>`)
  })

  it('caps absurd repeat counts', () => {
    const html = odfContentToHtml(content(`<table:table><table:table-row table:number-rows-repeated="1048576">${cell('x')}</table:table-row></table:table>`))
    expect(html.match(/<tr>/g)!.length).toBe(64)
  })
})

describe('odt: package', () => {
  it('reads a table with spans into grid cells with source positions and display HTML', async () => {
    const body = `<text:p>二、主动公开政府信息情况</text:p><table:table><table:table-row>${cell('甲', 'table:number-rows-spanned="2"')}${cell('12')}</table:table-row><table:table-row><table:covered-table-cell/>${cell('34')}</table:table-row></table:table>`
    const result = await ingest({ name: 'x.odt', bytes: odt(body) })
    const doc = result.value!
    expect(doc.format).toBe('odt')
    const table = doc.blocks.find((b) => b.kind === 'table')!
    expect(table.kind === 'table' && table.rows[1].map((c) => [c.row, c.col, doc.text.slice(c.start, c.end)])).toEqual([[1, 1, '34']])
    expect(doc.displayHtml).toContain('rowspan="2"')
    expect(doc.displayHtml).not.toContain('样式里的字')
  })

  it('is told from a .docx by its parts, whatever the name', () => {
    expect(isOpenDocument(odt('<text:p>x</text:p>'))).toBe(true)
    expect(isOpenDocument(makeZip([{ name: 'word/document.xml', data: utf8('<w:document/>') }]))).toBe(false)
  })

  it.each([
    ['a spreadsheet', odt('', 'application/vnd.oasis.opendocument.spreadsheet'), 'ingest.odt_not_text', '表格或演示文稿'],
    [
      'a content.xml without a body',
      makeZip([
        { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.text'), store: true },
        { name: 'content.xml', data: utf8('<office:document-content/>') }
      ]),
      'ingest.odt_no_content',
      'content.xml'
    ],
    [
      'no content.xml',
      makeZip([{ name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.text'), store: true }]),
      'ingest.odt_no_content',
      'content.xml'
    ],
    [
      'an oversized content.xml',
      makeZip([
        { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.text'), store: true },
        { name: 'content.xml', data: utf8('x'), declaredSize: DOCX_XML_LIMITS.maxPartBytes + 1 }
      ]),
      'ingest.docx_part_too_large',
      'content.xml'
    ],
    [
      'content.xml inflating past its cap',
      makeZip([
        { name: 'mimetype', data: utf8('application/vnd.oasis.opendocument.text'), store: true },
        { name: 'content.xml', data: new Uint8Array(DOCX_XML_LIMITS.maxPartBytes + 10).fill(0x20), declaredSize: 100 }
      ]),
      'ingest.zip_bomb',
      '压缩炸弹'
    ]
  ])('refuses %s with a Chinese reason', async (_name, bytes, code, words) => {
    const result = await odtToDocument(bytes)
    expect(result.value).toBeNull()
    expect(result.messages[0].code).toBe(code)
    expect(result.messages[0].message).toContain(words)
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOCX_XML_LIMITS, checkDocxPackage, docxToDocument } from './docx'
import { makeDocx, makeZip, type ZipInput } from './testing/make-zip'

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'docx')
const MB = 1024 * 1024

/** Stored (not deflated) filler: ratio 1:1, so only the size caps can refuse it. */
const filler = (bytes: number): Uint8Array => new Uint8Array(bytes).fill(0x20)
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'))

function docxWith(parts: ZipInput[]): Uint8Array {
  const replaced = new Set(parts.map((p) => p.name))
  const base: ZipInput[] = [
    { name: '[Content_Types].xml', data: utf8('<Types/>') },
    { name: '_rels/.rels', data: utf8('<Relationships/>') },
    { name: 'word/document.xml', data: utf8('<w:document/>') }
  ]
  return makeZip([...base.filter((p) => !replaced.has(p.name)), ...parts])
}

describe('docx: bounds on the XML mammoth parses', () => {
  it('refuses an oversized document.xml before mammoth sees it, with the size in the message', async () => {
    const bytes = docxWith([{ name: 'word/document.xml', data: filler(DOCX_XML_LIMITS.maxPartBytes + MB), store: true }])
    const started = performance.now()
    const result = await docxToDocument(bytes)
    expect(performance.now() - started).toBeLessThan(500)
    expect(result.value).toBeNull()
    const [message] = result.messages
    expect(message).toMatchObject({ type: 'error', code: 'ingest.docx_part_too_large' })
    expect(message.message).toBe('Word 文件的正文部分过大（解压后 17.0 MB），超出上限 16 MB，可能是异常或恶意文件，未读取。')
    expect(message.messageEn).toContain('word/document.xml')
  })

  it('names any other oversized XML part (mammoth may be pointed at it by _rels/.rels)', () => {
    const message = checkDocxPackage(docxWith([{ name: 'word/big.xml', data: filler(20 * MB), store: true }]))
    expect(message?.code).toBe('ingest.docx_part_too_large')
    expect(message?.message).toContain('组成部分 word/big.xml 过大（解压后 20.0 MB）')
  })

  it('refuses XML parts that are each within the cap but too large together', () => {
    const message = checkDocxPackage(
      docxWith([
        { name: 'word/document.xml', data: filler(12 * MB), store: true },
        { name: 'word/footnotes.xml', data: filler(9 * MB), store: true }
      ])
    )
    expect(message?.code).toBe('ingest.docx_part_too_large')
    expect(message?.message).toContain('XML 部分合计过大（解压后 21.0 MB），超出上限 20 MB')
  })

  it('accepts a document.xml of exactly the cap (the check only; mammoth is not run)', () => {
    expect(checkDocxPackage(docxWith([{ name: 'word/document.xml', data: filler(DOCX_XML_LIMITS.maxPartBytes), store: true }]))).toBeNull()
  })

  it('catches a document.xml that declares a small size but inflates past it', () => {
    const xml = utf8('<w:document>' + Array.from({ length: 200_000 }, (_, i) => `<w:p>${i}</w:p>`).join('') + '</w:document>')
    const message = checkDocxPackage(docxWith([{ name: 'word/document.xml', data: xml, declaredSize: 4096 }]))
    expect(message?.code).toBe('ingest.zip_bomb')
  })

  it('images and other non-XML parts are not held to the XML cap', () => {
    const message = checkDocxPackage(makeDocx('<w:p/>', [{ name: 'word/media/image1.png', data: filler(30 * MB), store: true }]))
    expect(message).toBeNull()
  })

  it.runIf(existsSync(FIXTURES))('the real fixtures sit far below the caps', () => {
    for (const name of ['lo_2019_donghu.docx', 'lo_2021_beishan_hant.docx', 'lo_2021_linchuan.docx']) {
      expect(checkDocxPackage(new Uint8Array(readFileSync(join(FIXTURES, name))))).toBeNull()
    }
  })
})

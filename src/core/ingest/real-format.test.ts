import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingest } from './index'
import { extensionNote, oleKindOf } from './real-format'

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures')
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'))

/** An OLE2 header and one directory sector holding the given stream names (enough for oleKindOf and the refusal). */
function oleWith(...streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  const names = ['Root Entry', ...streams]
  names.forEach((name, i) => {
    const at = 512 + i * 128
    const encoded = Buffer.from(name + '\0', 'utf16le')
    bytes.set(encoded, at)
    bytes[at + 64] = encoded.length
    bytes[at + 66] = i === 0 ? 5 : 2
  })
  return bytes
}

describe('OLE2 files that are not Word', () => {
  it.each([
    [['WordDocument', '1Table'], 'word'],
    [['EncryptionInfo', 'EncryptedPackage'], 'encrypted'],
    [['Workbook'], 'excel'],
    [['PowerPoint Document'], 'powerpoint'],
    [['CONTENTS', 'SPELLING'], 'works'],
    [['Something'], 'unknown']
  ])('%j is %s', (streams, kind) => {
    expect(oleKindOf(oleWith(...streams))).toBe(kind)
  })

  it.each([
    ['报告.doc', ['EncryptionInfo', 'EncryptedPackage'], 'ingest.ole_encrypted', '设有打开密码'],
    ['报告.doc', ['Workbook'], 'ingest.ole_excel', 'Excel 表格'],
    ['报告.wps', ['CONTENTS'], 'ingest.ole_works', '早期 WPS']
  ])('%s holding %j: refused, naming the file and what it is, and how to save it', async (name, streams, code, words) => {
    const result = await ingest({ name, bytes: oleWith(...streams) })
    expect(result.value).toBeNull()
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0]).toMatchObject({ type: 'error', code })
    expect(result.messages[0].message).toContain(`“${name}”`)
    expect(result.messages[0].message).toContain(words)
    expect(result.messages[0].message).toContain('.docx')
  })
})

describe('RTF named .doc', () => {
  it('is refused naming the file, saying it is RTF and to save it as .docx', async () => {
    const rtf = '{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\trowd\\cellx1000 \\intbl 12\\cell\\row}'
    const result = await ingest({ name: '某县2021年报.doc', bytes: utf8(rtf) })
    expect(result.value).toBeNull()
    const [m] = result.messages
    expect(m.code).toBe('ingest.rtf')
    expect(m.message).toMatch(/^“某县2021年报\.doc”：这个文件实际是 RTF 格式/)
    expect(m.message).toContain('另存为” .docx')
  })
})

describe('a file whose name says another format', () => {
  it.each([
    ['misnamed/lo_2021_linchuan_docx.doc', 'docx', '.doc', 'Word 2007 及以后（.docx）'],
    ['misnamed/lo_2019_active_split_doc.docx', 'doc', '.docx', 'Word 97–2003（.doc）'],
    ['misnamed/lo_2019_donghu_html.doc', 'html', '.doc', '网页（HTML）'],
    ['misnamed/lo_2021_linchuan_odt.doc', 'odt', '.doc', 'OpenDocument']
  ])('%s is read as %s, with a note', async (file, format, ext, words) => {
    const name = file.split('/')[1]
    const result = await ingest({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) })
    expect(result.value?.format).toBe(format)
    const note = result.messages.find((m) => m.code === 'ingest.extension_mismatch')!
    expect(note.type).toBe('info')
    expect(note.message).toContain(`扩展名是 ${ext}`)
    expect(note.message).toContain(words)
  })

  it('a WPS .wps holding a Word 97 file is read as .doc without a note', async () => {
    const result = await ingest({ name: 'lo_2021_split.wps', bytes: new Uint8Array(readFileSync(join(FIXTURES, 'wps', 'lo_2021_split.wps'))) })
    expect(result.value?.format).toBe('doc')
    expect(result.messages.some((m) => m.code === 'ingest.extension_mismatch')).toBe(false)
  })

  it.each([
    ['a.docx', 'docx', false],
    ['a.DOC', 'docx', true],
    ['a.htm', 'html', false],
    ['a.txt', 'html', false],
    ['a.txt', 'pdf', true],
    ['no-extension', 'pdf', false],
    ['a.unknown', 'pdf', false]
  ] as const)('%s read as %s: note %s', (name, format, noted) => {
    expect(extensionNote(name, format) !== null).toBe(noted)
  })
})

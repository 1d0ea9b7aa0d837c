import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { declaredCharset, decodeBytes, normaliseCharsetLabel, scanUtf8 } from './decode'

const TEXT = '政府信息公开工作年度报告：本年新收申请数量 26 件，予以公开 20 件。'
const enc = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding))
const page = (charset: string, body = TEXT): string => `<html><head><meta charset="${charset}"><title>t</title></head><body><p>${body}</p></body></html>`
const httpEquiv = (charset: string): string =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>${TEXT}</p></body></html>`

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(TEXT, 'utf8')]), 'utf-8', 'bom'],
    ['UTF-16LE BOM', new Uint8Array([0xff, 0xfe, ...enc(TEXT, 'utf16le')]), 'utf-16le', 'bom'],
    ['UTF-16BE BOM', new Uint8Array([0xfe, 0xff, ...enc(TEXT, 'utf16-be')]), 'utf-16be', 'bom'],
    ['plain UTF-8', enc(TEXT, 'utf8'), 'utf-8', 'utf8-valid'],
    ['GBK without any declaration', enc(TEXT, 'gbk'), 'gb18030', 'detected'],
    ['GB18030 four-byte characters', enc(TEXT + '㐀䶵', 'gb18030'), 'gb18030', 'detected']
  ] as const)('%s', async (_, bytes, encoding, source) => {
    const decoded = await decodeBytes(bytes)
    expect(decoded.encoding).toBe(encoding)
    expect(decoded.source).toBe(source)
    expect(decoded.text).toContain(TEXT)
    expect(decoded.invalid).toBe(0)
  })

  it.each([
    ['<meta charset=gbk>', page('gbk')],
    ['<meta charset=GB2312>', page('GB2312')],
    ['http-equiv content-type gb2312', httpEquiv('gb2312')],
    ['http-equiv content-type GB18030', httpEquiv('GB18030')]
  ])('markup declaring %s is decoded as gb18030', async (_, html) => {
    const decoded = await decodeBytes(enc(html, 'gbk'), { markup: true })
    expect(decoded.encoding).toBe('gb18030')
    expect(decoded.source).toBe('meta')
    expect(decoded.text).toContain(TEXT)
  })

  it('a stale <meta charset=gb2312> on a page re-saved as UTF-8 loses to valid UTF-8', async () => {
    const decoded = await decodeBytes(enc(page('gb2312'), 'utf8'), { markup: true })
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text).toContain(TEXT)
  })

  it('a UTF-8 file cut in the middle of its last character is still UTF-8', async () => {
    const bytes = enc(TEXT.repeat(3) + '报', 'utf8')
    const decoded = await decodeBytes(bytes.subarray(0, bytes.length - 1))
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text.startsWith(TEXT)).toBe(true)
  })

  it('one stray byte in plenty of UTF-8 does not flip the file to GB18030', async () => {
    const good = enc(TEXT.repeat(20), 'utf8')
    const bytes = new Uint8Array([...good.subarray(0, 300), 0xff, ...good.subarray(300)])
    const decoded = await decodeBytes(bytes)
    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.invalid).toBeGreaterThan(0)
  })

  it('UTF-16LE without a BOM is recognised by its NUL pattern', async () => {
    const decoded = await decodeBytes(enc('Report 2021: ' + TEXT, 'utf16le'))
    expect(decoded.encoding).toBe('utf-16le')
    expect(decoded.text).toContain(TEXT)
  })

  it('Big5 Traditional text is recognised', async () => {
    const traditional = '政府資訊公開工作年度報告，本年度辦理結果予以公開。行政複議、行政訴訟情況。'.repeat(8)
    const decoded = await decodeBytes(enc(traditional, 'big5'))
    expect(decoded.encoding).toBe('big5')
    expect(decoded.text).toBe(traditional)
  })

  it('pure ASCII is utf-8', async () => {
    expect((await decodeBytes(enc('hello 123', 'utf8'))).encoding).toBe('utf-8')
  })
})

describe('charset helpers', () => {
  it.each([
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['utf8', 'utf-8'],
    ['Big5', 'big5'],
    ['klingon', null]
  ])('label %s → %s', (label, expected) => expect(normaliseCharsetLabel(label)).toBe(expected))

  it('finds a declared charset only in the first 4 KB', () => {
    expect(declaredCharset(enc(page('gbk'), 'utf8'))).toBe('gbk')
    expect(declaredCharset(enc(' '.repeat(5000) + page('gbk'), 'utf8'))).toBeNull()
  })

  it('scanUtf8 counts sequences and notices a cut-off tail', () => {
    expect(scanUtf8(enc('报告', 'utf8'))).toEqual({ multibyte: 2, invalid: 0, truncatedTail: false })
    expect(scanUtf8(new Uint8Array([0xe6, 0x8a]))).toEqual({ multibyte: 0, invalid: 0, truncatedTail: true })
    expect(scanUtf8(new Uint8Array([0xc0, 0x80])).invalid).toBeGreaterThan(0)
  })
})

import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { ingest } from './index'
import { makeDocx, makeZip } from './testing/make-zip'
import { manyEntriesZip } from '../../../scripts/hostile-files'
import type { SourceFormat } from '../document'
import { looksLikeMarkup, sniffContainer } from './detect'

const ROOT = join(__dirname, '..', '..', '..')
const SHARED = join(ROOT, '..', 'shared')
const FIXTURES = join(ROOT, 'test', 'fixtures')

const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path))
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'))

function filesIn(dir: string, pattern: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => pattern.test(f))
        .map((f) => join(dir, f))
    : []
}

/** The format each real file must be detected as, from its content (the name is not consulted). */
const KNOWN_FILES: [string, SourceFormat][] = [
  ...filesIn(join(SHARED, 'seeds'), /\.txt$/).map((f): [string, SourceFormat] => [f, 'txt']),
  ...filesIn(join(SHARED, 'corpus', 'files'), /\.(html|txt|md)$/).map((f): [string, SourceFormat] => [f, f.endsWith('.html') ? 'html' : 'txt']),
  ...filesIn(join(FIXTURES, 'html'), /\.html$/).map((f): [string, SourceFormat] => [f, 'html']),
  ...filesIn(join(FIXTURES, 'docx'), /\.docx$/).map((f): [string, SourceFormat] => [f, 'docx'])
]

/** Every stored file, PDFs and .doc included, sorted by its magic bytes (cheap: no parsing). */
const ALL_FILES: [string, string][] = [
  ...filesIn(join(SHARED, 'seeds'), /\.txt$/),
  ...filesIn(join(SHARED, 'corpus', 'files'), /./),
  ...['html', 'docx', 'pdf', 'doc'].flatMap((d) => filesIn(join(FIXTURES, d), /\.(html|docx|pdf|doc)$/))
].map((f): [string, string] => {
  const ext = f.split('.').pop()!
  const expected = ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'zip' : ext === 'doc' ? 'ole2' : ext === 'html' ? 'markup' : 'text'
  return [f, expected]
})

describe('sniffing every stored file', () => {
  it.each(ALL_FILES)('%s → %s', (path, expected) => {
    const bytes = bytesOf(path)
    const container = sniffContainer(bytes)
    const kind = container !== 'other' ? container : looksLikeMarkup(bytes) ? 'markup' : 'text'
    expect(kind).toBe(expected)
  })
})

describe('ingest: format from content', () => {
  it.each(KNOWN_FILES)('%s', async (path, format) => {
    const result = await ingest({ name: 'renamed.bin', bytes: bytesOf(path) })
    expect(result.messages.filter((m) => m.type === 'error')).toEqual([])
    expect(result.value?.format).toBe(format)
    expect(result.value!.text.length).toBeGreaterThan(500)
  })

  it('ignores the file name: an HTML page named .txt is html, a docx named .html is docx', async () => {
    const page = await ingest({ name: 'x.txt', bytes: utf8('<!DOCTYPE html><html><body><p>正文</p></body></html>') })
    expect(page.value?.format).toBe('html')
    const docx = await ingest({ name: 'x.html', bytes: makeDocx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>') })
    expect(docx.value?.format).toBe('docx')
    expect(docx.value?.text).toBe('正文')
  })

  it.each([
    ['fragment starting with <p>', '<p>第一段</p><p>第二段</p>', 'html'],
    ['fragment starting with <table>', '<table><tr><td>a</td><td>b</td></tr></table>', 'html'],
    ['BOM, whitespace and a comment first', '\ufeff\n  <!-- saved -->\n<div>内容</div>', 'html'],
    ['XML prolog then XHTML', '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html><body>x</body></html>', 'html'],
    ['markdown with pipes is text', '# 标题\n\n| 规章 | 0 |\n|---|---|\n', 'txt'],
    ['prose mentioning <p> later is text', '正文第一行\n说明：网页中的 <p> 标签\n', 'txt']
  ] as const)('%s', async (_, content, format) => {
    const result = await ingest({ name: 'f', bytes: utf8(content) })
    expect(result.value?.format).toBe(format)
  })
})

/** Every refusal is one error with a Chinese and an English message, and no document. */
async function expectRefusal(bytes: Uint8Array, code: string): Promise<void> {
  const started = performance.now()
  const result = await ingest({ name: 'hostile', bytes })
  expect(performance.now() - started).toBeLessThan(5000)
  expect(result.value).toBeNull()
  const errors = result.messages.filter((m) => m.type === 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0].code).toBe(code)
  expect(errors[0].message).toMatch(/[\u4e00-\u9fff]/)
  expect(errors[0].messageEn).toMatch(/[a-z]{3}/)
}

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n)
  let s = seed
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0
    out[i] = s >>> 24
  }
  return out
}

describe('ingest: hostile and unreadable input', () => {
  const fixtureDocx = join(FIXTURES, 'docx', 'lo_2021_linchuan.docx')

  it('refuses a zero-byte file', () => expectRefusal(new Uint8Array(0), 'ingest.empty'))

  it.each([1, 2, 3])('refuses random binary garbage (seed %i)', (seed) => expectRefusal(randomBytes(50_000, seed), 'ingest.binary'))

  it('refuses control-character soup without NUL bytes', () => {
    const bytes = randomBytes(20_000, 9).map((b) => (b === 0 ? 1 : b))
    return expectRefusal(bytes, 'ingest.binary')
  })

  it('refuses RTF (often named .doc)', () => expectRefusal(utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl}}'), 'ingest.rtf'))

  it.runIf(existsSync(fixtureDocx))('refuses a truncated docx (half the file)', () => {
    const bytes = bytesOf(fixtureDocx)
    return expectRefusal(bytes.subarray(0, bytes.length >> 1), 'ingest.docx_truncated')
  })

  it.runIf(existsSync(fixtureDocx))('refuses a docx missing only its last bytes', () => {
    const bytes = bytesOf(fixtureDocx)
    return expectRefusal(bytes.subarray(0, bytes.length - 10), 'ingest.docx_truncated')
  })

  it('refuses a zip that is not a Word document', () =>
    expectRefusal(makeZip([{ name: 'content.xml', data: utf8('<office:document/>') }]), 'ingest.zip_not_docx'))

  it('refuses a zip bomb declaring a huge entry', () => {
    const zeros = new Uint8Array(60 * 1024 * 1024)
    return expectRefusal(makeDocx('<w:p/>', [{ name: 'word/bomb.xml', data: zeros }]), 'ingest.zip_bomb')
  })

  it('refuses an entry with an absurd compression ratio', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024)
    return expectRefusal(makeDocx('<w:p/>', [{ name: 'word/styles.xml', data: zeros }]), 'ingest.zip_bomb')
  })

  it('refuses an entry that inflates beyond its declared size (lying header)', () => {
    const big = utf8('<w:p>' + 'x'.repeat(2_000_000) + '</w:p>')
    return expectRefusal(makeDocx('<w:p/>', [{ name: 'word/footnotes.xml', data: big, declaredSize: 1000 }]), 'ingest.zip_bomb')
  })

  it('refuses a zip with too many entries', () => {
    const entries = Array.from({ length: 2100 }, (_, i) => ({ name: `word/x${i}.xml`, data: utf8('<a/>'), store: true }))
    return expectRefusal(makeZip([{ name: 'word/document.xml', data: utf8('<w:document/>') }, ...entries]), 'ingest.zip_bomb')
  })

  it('calls more than 100 000 entries a zip bomb, in Chinese, not a damaged zip', async () => {
    const { value, messages } = await ingest({ name: 'many.docx', bytes: manyEntriesZip(100_001) })
    expect(value).toBeNull()
    expect(messages).toMatchObject([{ code: 'ingest.zip_bomb', message: expect.stringMatching(/压缩炸弹.*100001 entries/) }])
  })

  it('refuses a damaged docx (corrupt deflate data in document.xml)', () => {
    const docx = makeDocx('<w:p><w:r><w:t>' + '正文'.repeat(500) + '</w:t></w:r></w:p>')
    const damaged = docx.slice()
    const at = Buffer.from(damaged).indexOf('word/document.xml') + 'word/document.xml'.length
    for (let i = at; i < at + 40; i++) damaged[i] = 0xff
    return expectRefusal(damaged, 'ingest.docx_truncated')
  })

  it('refuses a 200 MB text file quickly, before decoding it', () => {
    const huge = new Uint8Array(200 * 1024 * 1024).fill(0x41)
    return expectRefusal(huge, 'ingest.too_large')
  })

  it('refuses text over the character limit (refuse, not truncate)', () => {
    const text = new Uint8Array(Buffer.from('数'.repeat(5_100_000), 'utf8'))
    return expectRefusal(text, 'ingest.text_too_long')
  })

  it('reads a whitespace-only page as an empty document with a warning, not an error', async () => {
    const result = await ingest({ name: 'x.html', bytes: utf8('<html><body>  <img src="a.png"> </body></html>') })
    expect(result.value?.text).toBe('')
    expect(result.messages.map((m) => m.code)).toEqual(['ingest.no_text'])
  })
})

describe('ingest: decoding recorded on the document', () => {
  it('GBK page with <meta charset=gb2312> decodes and records gb18030', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>政府信息公开工作年度报告</p></body></html>'
    const result = await ingest({ name: 'p.htm', bytes: new Uint8Array(iconv.encode(html, 'gbk')) })
    expect(result.value?.encoding).toBe('gb18030')
    expect(result.value?.text).toBe('政府信息公开工作年度报告')
  })

  it('the GBK fixture page reads its tables', async () => {
    const path = join(FIXTURES, 'html', 'gbk_2021_nanling_portal.html')
    const result = await ingest({ name: 'p', bytes: bytesOf(path) })
    expect(result.value?.encoding).toBe('gb18030')
    expect(result.value?.text).toContain('南岭县人民政府2021年政府信息公开工作年度报告')
    expect(result.value?.blocks.filter((b) => b.kind === 'table')).toHaveLength(3)
  })
})

import { describe, expect, it } from 'vitest'
import { sniffContainer } from '../detect'
import { pictureTargets } from './docx'
import { IMAGE_LIMITS, MHT_LIMITS } from './limits'
import { localFiles } from './local-files'
import { looksLikeMht, parseMht, quotedPrintable } from './mht'
import { pictureImages, tiffChainLength } from './picture'
import { pictureSize, sniffPicture } from './sniff'

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))

/** A PNG signature and IHDR claiming `width` × `height` (no pixel data: nothing may decode it). */
function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0)
  b.writeUInt32BE(13, 8)
  b.write('IHDR', 12, 'latin1')
  b.writeUInt32BE(width, 16)
  b.writeUInt32BE(height, 20)
  return new Uint8Array(b)
}

function mht(parts: string[], boundary = 'B0UND'): string {
  return (
    `From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n` +
    parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') +
    `--${boundary}--\r\n`
  )
}

describe('format from bytes', () => {
  it.each([
    ['png', pngHeader(800, 600), 'picture'],
    ['jpeg', latin1('\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00'), 'picture'],
    ['tiff (little-endian)', latin1('II*\x00\x08\x00\x00\x00\x00\x00\x00\x00'), 'picture'],
    ['bmp', latin1('BM' + '\x00'.repeat(12) + '\x28\x00\x00\x00' + '\x10\x00\x00\x00\x10\x00\x00\x00\x01\x00\x08\x00'), 'picture'],
    ['mht', latin1(mht(['Content-Type: text/html\r\n\r\n<p>x</p>'])), 'mht'],
    ['an email that is not a saved page', latin1('From: a@b\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello'), 'other'],
    ['text starting with BM', new Uint8Array(Buffer.from('BMW 汽车政府信息公开工作年度报告', 'utf8')), 'other']
  ])('%s', (_, bytes, container) => {
    expect(sniffContainer(bytes)).toBe(container)
  })

  it('reads picture sizes from headers alone', () => {
    expect(pictureSize(pngHeader(1241, 1754), 'png')).toEqual({ width: 1241, height: 1754 })
    const jpeg = latin1('\xff\xd8\xff\xe0\x00\x04\x00\x00\xff\xc0\x00\x11\x08\x06\xda\x04\xd9\x01')
    expect(sniffPicture(jpeg)).toBe('jpeg')
    expect(pictureSize(jpeg, 'jpeg')).toEqual({ width: 1241, height: 1754 })
  })
})

describe('pictures are bounded before decoding', () => {
  it('refuses a picture whose header claims too many pixels, with its size in the message', async () => {
    const started = performance.now()
    const result = await pictureImages({ bytes: pngHeader(30_000, 30_000), origin: 'bomb.png' })
    expect(performance.now() - started).toBeLessThan(200)
    expect(result.value).toEqual([])
    expect(result.messages[0]).toMatchObject({ type: 'warning', code: 'ingest.image_too_large' })
    expect(result.messages[0].message).toBe('图片 bomb.png 未读取：图片尺寸过大（30000 × 30000 像素）。')
  })

  it('leaves icons out silently and names a non-picture', async () => {
    expect(await pictureImages({ bytes: pngHeader(16, 16), origin: 'icon.png' })).toEqual({ value: [], messages: [] })
    const notPicture = await pictureImages({ bytes: latin1('GIF? no, just text here'), origin: 'x.png' })
    expect(notPicture.messages[0].code).toBe('ingest.image_not_picture')
  })

  it('a TIFF whose page directories loop is refused before the decoder follows them forever', async () => {
    // II*, first directory at 8: one entry, then "next directory" pointing back at 8.
    const b = Buffer.alloc(8 + 2 + 12 + 4)
    b.write('II*\x00', 0, 'latin1')
    b.writeUInt32LE(8, 4)
    b.writeUInt16LE(1, 8)
    b.writeUInt16LE(256, 10)
    b.writeUInt16LE(3, 12)
    b.writeUInt32LE(1, 14)
    b.writeUInt16LE(100, 18)
    b.writeUInt32LE(8, 22)
    const looping = new Uint8Array(b)
    expect(tiffChainLength(looping)).toBeNull()
    const result = await pictureImages({ bytes: looping, origin: 'loop.tif' })
    expect(result.value).toEqual([])
    expect(result.messages[0].message).toContain('循环引用')
    b.writeUInt32LE(0, 22)
    expect(tiffChainLength(new Uint8Array(b))).toBe(1)
  })

  it('bounds are what an auditor needs and no more', () => {
    expect(IMAGE_LIMITS.maxPixels).toBeGreaterThan(2480 * 3508 * 4)
    expect(IMAGE_LIMITS.maxImages).toBeGreaterThanOrEqual(100)
  })
})

describe('.mht parser', () => {
  const page = '<html><body><p>报告</p><img src=3D"images/t.png"><img src=3D"cid:pic2@x"></body></html>'
  const archive = mht([
    'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: http://x.gov.cn/a/index.html\r\n\r\n' +
      page.replace('报告', '=E6=8A=A5=\r\n=E5=91=8A'),
    'Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://x.gov.cn/a/images/t.png\r\n\r\n' +
      Buffer.from('PNGDATA').toString('base64'),
    'Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <pic2@x>\r\n\r\n' +
      Buffer.from('JPEGDATA')
        .toString('base64')
        .replace(/(.{4})/g, '$1\r\n')
  ])

  it('splits parts, decodes quoted-printable (soft breaks inside a character) and base64 (with line breaks)', () => {
    const parsed = parseMht(latin1(archive))!
    expect(parsed.parts.map((p) => [p.contentType, p.location ?? p.contentId])).toEqual([
      ['text/html', 'http://x.gov.cn/a/index.html'],
      ['image/png', 'http://x.gov.cn/a/images/t.png'],
      ['image/jpeg', 'pic2@x']
    ])
    expect(Buffer.from(parsed.root!.bytes).toString('utf8')).toContain('<p>报告</p><img src="images/t.png">')
    expect(Buffer.from(parsed.parts[1].bytes).toString()).toBe('PNGDATA')
    expect(Buffer.from(parsed.parts[2].bytes).toString()).toBe('JPEGDATA')
  })

  it('keeps a bare = that starts no escape', () => {
    expect(Buffer.from(quotedPrintable('a=b=3D=ZZ')).toString('latin1')).toBe('a=b==ZZ')
  })

  it('stops at the part limit and at the nesting limit', () => {
    const many = mht(Array.from({ length: MHT_LIMITS.maxParts + 50 }, (_, i) => `Content-Type: image/png\r\nContent-Location: p${i}\r\n\r\nx`))
    expect(parseMht(latin1(many))!.parts.length).toBe(MHT_LIMITS.maxParts)
    let nested = 'Content-Type: text/html\r\n\r\n<p>deep</p>'
    for (let d = 0; d < MHT_LIMITS.maxDepth + 2; d++) nested = `Content-Type: multipart/related; boundary="b${d}"\r\n\r\n--b${d}\r\n${nested}\r\n--b${d}--`
    expect(parseMht(latin1(mht([nested])))).toBeNull()
  })

  it('is not fooled by a message without parts or headers', () => {
    expect(parseMht(latin1('no headers at all'))).toBeNull()
    expect(looksLikeMht(latin1('<html>MIME-Version: 1.0\nContent-Type: multipart/related</html>'))).toBe(false)
  })
})

describe('saved pages: pictures from the dropped folder only', () => {
  const files = [
    { name: 'image001.jpg', path: '报告_files/image001.jpg', bytes: new Uint8Array([1]) },
    { name: 'Image002.JPG', path: '报告_files/Image002.JPG', bytes: new Uint8Array([2]) },
    { name: 'logo.png', path: 'other/logo.png', bytes: new Uint8Array([3]) },
    { name: 'logo.png', path: 'more/logo.png', bytes: new Uint8Array([4]) }
  ]
  const find = localFiles('报告.html', files).find
  it.each([
    ['relative', './报告_files/image001.jpg', 1],
    ['percent-encoded, other case', '%E6%8A%A5%E5%91%8A_files/image002.jpg', 2],
    ['Windows absolute path Word kept', 'file:///C:/Users/a/Desktop/报告_files/image001.jpg', 1],
    ['web address of the same folder and name (matched locally, never fetched)', 'http://www.gov.cn/x/报告_files/image002.jpg?v=1', 2],
    ['a name two dropped files share: ambiguous', 'http://cdn.example.com/logo.png', null],
    ['not dropped', 'http://www.gov.cn/x/table.png', null],
    ['data: URL', 'data:image/png;base64,AAAA', null]
  ])('%s', (_, src, expected) => {
    const hit = find(src)
    expect(hit ? hit.bytes[0] : null).toBe(expected)
  })
})

describe('docx picture order', () => {
  it('follows document.xml, skips mc:Choice as mammoth does, and marks linked pictures external', () => {
    const rels =
      '<Relationships><Relationship Id="rId2" Type="…/image" Target="media/image1.png"/><Relationship Id="rId3" Type="…/image" Target="media/image2.jpeg"/>' +
      '<Relationship Id="rId4" Type="…/image" Target="file:///C:/secret.png" TargetMode="External"/></Relationships>'
    const doc =
      '<w:body><w:p><a:blip r:embed="rId3"/></w:p><mc:AlternateContent><mc:Choice Requires="wps"><a:blip r:embed="rId2"/></mc:Choice>' +
      '<mc:Fallback><v:imagedata r:id="rId2"/></mc:Fallback></mc:AlternateContent><a:blip r:link="rId4"/></w:body>'
    expect(pictureTargets(doc, rels)).toEqual([
      { path: 'word/media/image2.jpeg', external: false },
      { path: 'word/media/image1.png', external: false },
      { path: 'file:///C:/secret.png', external: true }
    ])
  })
})

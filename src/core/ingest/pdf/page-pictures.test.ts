// What a PDF page paints, read from the file without decoding (issue 23, item 7): the plain case is
// read, anything else is left to pdf.js (null), and what is read is what pdf.js's drawing list says.

import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { pdfOfObjects, scannedPagesPdf } from '../../../../scripts/hostile-files'
import { scannedPages } from '../images/pdf'
import { IMAGE_LIMITS } from '../images/limits'
import { loadPdfJs, openPdf } from './loader'
import { pagePictures, PdfObjects, type PaintedPicture } from './page-pictures'

const stream = (dict: string, data: string | Buffer): Buffer => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
  return Buffer.concat([Buffer.from(`${dict.replace(/>>$/, ` /Length ${bytes.length} >>`)}\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')])
}

/** A white grey picture of w × h, deflated. */
const picture = (w: number, h: number, extra = ''): Buffer =>
  stream(
    `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ${extra}>>`,
    deflateSync(Buffer.alloc(w * h, 0xff))
  )

interface PageSpec {
  /** Entries of the page dictionary besides /Type /Parent /MediaBox. */
  page?: string
  pages?: string
  content?: string | Buffer
  /** Objects 5 onwards (object 5 the picture /Im0 by default). */
  more?: (string | Buffer)[]
}

/** One A4 page (object 3), its content (object 4) and picture /Im0 (object 5). */
function onePage({ page, pages = '', content = 'q 595 0 0 842 0 0 cm /Im0 Do Q', more = [picture(124, 175)] }: PageSpec = {}): Uint8Array {
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count 1 ${pages}>>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${page ?? '/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R'} >>`,
    typeof content === 'string' ? stream('<< >>', content) : content,
    ...more
  ])
}

/**
 * A PDF 1.5: the `packed` objects in one deflated object stream, the others in the clear, found
 * through a cross-reference stream (as Acrobat and Word write them). Objects are numbered 1, 2, … in order.
 */
function packedPdf(objects: { body: string | Buffer; packed?: boolean }[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let offset = parts[0].length
  const entries: [number, number, number][] = [[0, 0, 65535]]
  const write = (num: number, body: string | Buffer): void => {
    const whole = Buffer.concat([
      Buffer.from(`${num} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1')
    ])
    entries[num] = [1, offset, 0]
    parts.push(whole)
    offset += whole.length
  }
  const stm = objects.length + 1
  const packed = objects.map((o, i) => ({ ...o, num: i + 1 })).filter((o) => o.packed)
  let body = ''
  const header: string[] = []
  packed.forEach((o, i) => {
    header.push(`${o.num} ${body.length}`)
    body += `${o.body as string}\n`
    entries[o.num] = [2, stm, i]
  })
  objects.forEach((o, i) => o.packed || write(i + 1, o.body))
  const first = header.join(' ') + '\n'
  write(stm, stream(`<< /Type /ObjStm /N ${packed.length} /First ${first.length} /Filter /FlateDecode >>`, deflateSync(Buffer.from(first + body, 'latin1'))))
  const xref = stm + 1
  entries[xref] = [1, offset, 0]
  const rows = Array.from({ length: xref + 1 }, (_, n) => entries[n] ?? [0, 0, 0])
  const data = Buffer.alloc(rows.length * 7)
  rows.forEach(([type, field, index], n) => (data.writeUInt8(type, n * 7), data.writeUInt32BE(field, n * 7 + 1), data.writeUInt16BE(index, n * 7 + 5)))
  const at = offset
  write(xref, stream(`<< /Type /XRef /Size ${xref + 1} /W [1 4 2] /Root 1 0 R >>`, data))
  parts.push(Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1'))
  return new Uint8Array(Buffer.concat(parts))
}

/** onePage's objects, the catalog, page tree and page packed in an object stream. */
const packedPage = (page = '/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R'): Uint8Array =>
  packedPdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>', packed: true },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', packed: true },
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${page} >>`, packed: true },
    { body: stream('<< >>', 'q 595 0 0 842 0 0 cm /Im0 Do Q') },
    { body: picture(124, 175) }
  ])

const A4: PaintedPicture = { width: 124, height: 175, matrix: [595, 0, 0, 842, 0, 0] }
const picturesOf = (pdf: Uint8Array): PaintedPicture[] | null => {
  const objects = PdfObjects.of(pdf)
  return objects && pagePictures(objects, { num: 3, gen: 0 }, IMAGE_LIMITS.maxPixels)
}

// Read without pdf.js: these pages are plain, and each picture comes with the matrix it is painted with.
const plain: [string, Uint8Array, PaintedPicture[]][] = [
  ['one picture over the page', onePage(), [A4]],
  [
    'a page turned a quarter (/Rotate 90), its picture placed sideways',
    onePage({ page: '/Rotate 90 /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R', content: 'q 0 842 -595 0 595 0 cm /Im0 Do Q' }),
    [{ ...A4, matrix: [0, 842, -595, 0, 595, 0] }]
  ],
  [
    'resources, picture list, length and contents as references',
    onePage({
      page: '/Resources 6 0 R /Contents [4 0 R 8 0 R]',
      content: Buffer.concat([Buffer.from('<< /Length 7 0 R >>\nstream\nq 595 0 0 842 0 0 cm\nendstream', 'latin1')]),
      more: [picture(124, 175), '<< /XObject 9 0 R >>', '21', stream('<< /Filter /FlateDecode >>', deflateSync(Buffer.from('/Im0 Do Q'))), '<< /Im0 5 0 R >>']
    }),
    [A4]
  ],
  ['resources inherited from the page tree', onePage({ page: '/Contents 4 0 R', pages: '/Resources << /XObject << /Im0 5 0 R >> >>' }), [A4]],
  [
    'deflated content with comments, strings, marked content and text',
    onePage({
      content: stream(
        '<< /Filter [/FlateDecode] >>',
        deflateSync(
          Buffer.from('% scanner\n/Artifact <</MCID 0>> BDC q 1 0 0 1 10 20 cm [(a\\)b) <4142>] TJ q 297.5 0 0 421 0 0 cm /Im0 Do Q Q EMC BT (x) Tj ET')
        )
      )
    }),
    [{ ...A4, matrix: [297.5, 0, 0, 421, 10, 20] }]
  ],
  ['a restore too many keeps the matrix', onePage({ content: 'Q Q 595 0 0 842 0 0 cm /Im0 Do' }), [A4]],
  [
    'a picture past the pixel cap is left out, as pdf.js leaves it out',
    onePage({ more: [picture(1, 1).toString('latin1').replace('/Width 1 /Height 1', '/Width 99999999 /Height 99999999')] }),
    []
  ],
  ['no contents: nothing painted', onePage({ page: '/Resources << >>' }), []],
  ['page and page tree packed in a compressed object stream', packedPage(), [A4]],
  ['a picture named but never painted', onePage({ content: 'q 595 0 0 842 0 0 cm Q' }), []]
]

// Left to pdf.js: anything this reader does not follow, or that is malformed.
const notPlain: [string, Uint8Array | null][] = [
  ['a picture without /Width', onePage({ more: [picture(124, 175).toString('latin1').replace('/Width 124 ', '')] })],
  ['/Width as a reference', onePage({ more: [picture(124, 175).toString('latin1').replace('/Width 124', '/Width 6 0 R'), '124'] })],
  ['a huge number in the matrix', onePage({ content: `q ${'9'.repeat(400)} 0 0 842 0 0 cm /Im0 Do Q` })],
  ['a number with a sign inside', onePage({ content: 'q 59-5 0 0 842 0 0 cm /Im0 Do Q' })],
  [
    'a content stream cut short (its length past the end)',
    onePage({ content: Buffer.from('<< /Length 9999 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1') })
  ],
  [
    'a deflated content stream cut short',
    onePage({ content: stream('<< /Filter /FlateDecode >>', deflateSync(Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q')).subarray(0, 12)) })
  ],
  ['a content stream in another filter', onePage({ content: stream('<< /Filter /ASCIIHexDecode >>', '71>') })],
  ['an inline picture', onePage({ content: 'q 595 0 0 842 0 0 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \xff\xff\xff\xff EI Q' })],
  ['a form', onePage({ more: [stream('<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] >>', '')] })],
  ['a mask', onePage({ more: [picture(124, 175, '/ImageMask true')] })],
  [
    'annotations (a stamp may be a picture)',
    onePage({ page: '/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R]', more: [picture(124, 175), '<< /Subtype /Stamp >>'] })
  ],
  ['a picture painted twice (pdf.js merges repeats)', onePage({ content: 'q 595 0 0 842 0 0 cm /Im0 Do Q q 595 0 0 842 0 0 cm /Im0 Do Q' })],
  ['a name that is no picture of the page', onePage({ content: 'q 595 0 0 842 0 0 cm /Im9 Do Q' })],
  ['a matrix of five numbers', onePage({ content: 'q 595 0 0 842 0 cm /Im0 Do Q' })],
  ['arrays nested 100 000 deep', onePage({ content: `${'['.repeat(100_000)}${']'.repeat(100_000)} q 595 0 0 842 0 0 cm /Im0 Do Q` })],
  ['an unclosed string', onePage({ content: 'q 595 0 0 842 0 0 cm (never closed /Im0 Do Q' })],
  ['resources up a page tree that loops', onePage({ page: '/Contents 4 0 R', pages: '/Parent 2 0 R' })],
  ['a page not in the file', pdfOfObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'])],
  ['garbage', new Uint8Array(Buffer.from('%PDF-1.4\n3 0 obj << /Type /Page /Contents 4 0 R >> endobj 4 0 obj << /Length 5 >> stream\n\x00\x01', 'latin1'))]
]

describe('pagePictures (what a page paints, read from the file)', () => {
  it.each(plain)('%s', (_what, pdf, expected) => {
    expect(picturesOf(pdf)).toEqual(expected)
  })

  it.each(notPlain)('left to pdf.js: %s', (_what, pdf) => {
    expect(picturesOf(pdf!)).toBeNull()
  })

  it('an object both packed and in the clear is left to pdf.js (which one is meant is the cross-reference’s to say)', () => {
    const twice = Buffer.concat([Buffer.from(packedPage()), Buffer.from('3 0 obj\n<< /Type /Page /Contents 4 0 R >>\nendobj\n', 'latin1')])
    expect(picturesOf(new Uint8Array(twice))).toBeNull()
  })

  it.each([
    ['a header cut short', '<< /Type /ObjStm /N 3 /First 4 >>', '3 0 '],
    ['a header past its data', '<< /Type /ObjStm /N 1 /First 99 >>', '3 0 <<>>'],
    ['an object stream that is none', '<< /Type /ObjStmX /N 1 /First 4 >>', '3 0 <<>>']
  ])('a file whose object stream has %s is left to pdf.js', (_what, dict, data) => {
    expect(PdfObjects.of(onePage({ more: [picture(124, 175), stream(dict.replace('/Type /ObjStmX', '/Type /X /ObjStm'), data)] }))).toBeNull()
  })

  it('an encrypted file is left to pdf.js (its streams are not what they seem)', () => {
    const pdf = Buffer.from(onePage({ more: [picture(124, 175), '<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'] }))
    expect(PdfObjects.of(new Uint8Array(Buffer.from(pdf.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 6 0 R'), 'latin1')))).toBeNull()
  })

  it('a file of 250 000 objects is not indexed, and left to pdf.js', () => {
    const many = Buffer.from(Array.from({ length: 250_000 }, (_, i) => `${i} 0 obj null endobj\n`).join(''), 'latin1')
    expect(PdfObjects.of(new Uint8Array(many))).toBeNull()
  })

  it('the last of an object updated in place wins, as in an updated file', () => {
    const updated = Buffer.concat([Buffer.from(onePage()), Buffer.from('5 0 obj\n', 'latin1'), picture(248, 350), Buffer.from('\nendobj\n', 'latin1')])
    expect(picturesOf(new Uint8Array(updated))).toEqual([{ ...A4, width: 248, height: 350 }])
  })
})

describe('scanned pages found from the file agree with pdf.js', () => {
  const FILES = resolve(__dirname, '../../../../test/fixtures/scan/files')
  const fixtures = readdirSync(FILES)
    .filter((f) => f.endsWith('.pdf'))
    .map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(resolve(FILES, f)))])
  const built = plain.map(([what, pdf]): [string, Uint8Array] => [what, pdf])

  it.each([...fixtures, ...built, ['a generated 3-page scan', scannedPagesPdf(3, { width: 1240, height: 1754 })] as [string, Uint8Array]])(
    '%s',
    async (_what, pdf) => {
      const pdfjs = await loadPdfJs()
      const objects = PdfObjects.of(pdf)
      const doc = await openPdf(pdfjs, pdf).promise
      try {
        expect(doc.numPages).toBeGreaterThan(0)
        // every page of these is plain: the file is read, not pdf.js's drawing list
        for (let p = 1; p <= doc.numPages; p++) expect(pagePictures(objects!, (await doc.getPage(p)).ref!, IMAGE_LIMITS.maxPixels)).not.toBeNull()
        const found = (await scannedPages(doc, pdfjs, objects)).map(({ page, dpi }) => ({ page, dpi }))
        expect(found).toEqual(await scannedPages(doc, pdfjs, null))
      } finally {
        await doc.destroy()
      }
    },
    60_000
  )
})

// A page that paints one plain JPEG and nothing else is drawn by drawing the JPEG (skia's libjpeg-turbo)
// where pdf.js would draw it (issue 23, item 7): the same pixels, to within the two decoders' rounding,
// for half the CPU; anything else on the page, or a JPEG the two decoders may read apart, goes to pdf.js.

import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it, vi } from 'vitest'
import { pdfOfObjects } from '../../../../scripts/hostile-files'
import { IMAGE_LIMITS } from './limits'
import { loadPdfJs, openPdf } from '../pdf/loader'
import { jpegFrame, pagePictures, PdfObjects } from '../pdf/page-pictures'
import { multiplied, pdfPageImages, pixelForPixel } from './pdf'
import type { Raster } from '../../page-image'

/** A JPEG without its segments of `marker` (skia's encoder writes an ICC profile, APP2). */
function without(jpeg: Buffer, marker: number): Buffer {
  const parts: Buffer[] = [jpeg.subarray(0, 2)]
  let at = 2
  while (jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const end = at + 2 + jpeg.readUInt16BE(at + 2)
    if (jpeg[at + 1] !== marker) parts.push(jpeg.subarray(at, end))
    at = end
  }
  parts.push(jpeg.subarray(at))
  return Buffer.concat(parts)
}

/** A 1240 × 1754 (150 dpi on A4) colour JPEG: ruled lines and a red block, not symmetric (a turn would show). */
function scanJpeg(): Buffer {
  const canvas = createCanvas(1240, 1754)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, 1240, 1754)
  ctx.fillStyle = '#000'
  for (let y = 100; y < 1650; y += 100) ctx.fillRect(80, y, 1080, 3)
  ctx.fillStyle = '#c00'
  ctx.fillRect(120, 240, 240, 80)
  return without(canvas.encodeSync('jpeg', 90), 0xe2)
}

const stream = (dict: string, data: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${dict.replace(/>>$/, ` /Length ${data.length} >>`)}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])

/** One A4 page painting the JPEG over the page (or turned a quarter, the page /Rotate 90; or `shift` pt right), then `after`. */
function jpegPage({ jpeg = scanJpeg(), space = '/DeviceRGB', extra = '', turned = false, after = '', shift = 0 } = {}): Uint8Array {
  const place = turned ? 'q 0 595 -842 0 842 0 cm /Im0 Do Q' : `q 595 0 0 842 ${shift} 0 cm /Im0 Do Q`
  const box = turned ? '[0 0 842 595] /Rotate 90' : '[0 0 595 842]'
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox ${box} /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>`,
    stream('<< >>', Buffer.from(`${place} ${after}`, 'latin1')),
    stream(`<< /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode ${extra}>>`, jpeg)
  ])
}

const jpegOf = (pdf: Uint8Array): Uint8Array | undefined => pagePictures(PdfObjects.of(pdf)!, { num: 3, gen: 0 }, IMAGE_LIMITS.maxPixels)?.[0]?.jpeg

/** A JPEG with a segment put in after its SOI marker. */
const withSegment = (jpeg: Buffer, marker: number, body: string): Buffer => {
  const data = Buffer.from(body, 'latin1')
  const head = Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff])
  return Buffer.concat([jpeg.subarray(0, 2), head, data, jpeg.subarray(2)])
}

/** The JPEG with an Exif segment saying "turned 180°" (orientation 3), which pdf.js ignores. */
const turnedBy180Exif = (jpeg: Buffer): Buffer =>
  withSegment(jpeg, 0xe1, 'Exif\0\0' + 'MM\0\x2a\0\0\0\x08' + '\0\x01' + '\x01\x12\0\x03\0\0\0\x01\0\x03\0\0' + '\0\0\0\0')

describe('a page of one plain JPEG', () => {
  it.each([
    { what: 'a colour scan', pdf: jpegPage(), drawn: true },
    { what: 'a scan turned a quarter on a page set /Rotate 90', pdf: jpegPage({ turned: true }), drawn: true },
    { what: 'a line drawn over it', pdf: jpegPage({ after: '0 0 m 100 100 l S' }), drawn: false },
    { what: 'a graphics state set (it may make it transparent)', pdf: jpegPage({ after: '/GS0 gs' }), drawn: false },
    { what: 'an ICC colour space', pdf: jpegPage({ space: '[/ICCBased 9 0 R]' }), drawn: false },
    { what: 'grey declared for a colour JPEG', pdf: jpegPage({ space: '/DeviceGray' }), drawn: false },
    { what: 'a decode array (inverted)', pdf: jpegPage({ extra: '/Decode [1 0 1 0 1 0] ' }), drawn: false },
    { what: 'a soft mask', pdf: jpegPage({ extra: '/SMask 9 0 R ' }), drawn: false },
    { what: 'Exif (taken out before decoding)', pdf: jpegPage({ jpeg: turnedBy180Exif(scanJpeg()) }), drawn: true },
    { what: 'an ICC profile (taken out before decoding)', pdf: jpegPage({ jpeg: withSegment(scanJpeg(), 0xe2, 'ICC_PROFILE\0') }), drawn: true },
    { what: 'an Adobe segment (its colour transform)', pdf: jpegPage({ jpeg: withSegment(scanJpeg(), 0xee, 'Adobe\0d\0\0\0\0\0') }), drawn: false },
    { what: 'a JPEG cut short before its frame', pdf: jpegPage({ jpeg: scanJpeg().subarray(0, 10) }), drawn: false }
  ])('$what: drawn as its JPEG $drawn', ({ pdf, drawn }) => {
    expect(jpegOf(pdf) !== undefined).toBe(drawn)
  })

  it('a frame of another size than declared is left to pdf.js', () => {
    const pdf = Buffer.from(jpegPage()).toString('latin1').replace('/Width 1240 /Height 1754', '/Width 1240 /Height 1753')
    expect(jpegOf(new Uint8Array(Buffer.from(pdf, 'latin1')))).toBeUndefined()
  })

  it.each([
    ['arithmetic coding (SOF9)', 0xc9],
    ['lossless (SOF3)', 0xc3]
  ])('a JPEG in %s is left to pdf.js', (_what, sof) => {
    const jpeg = Buffer.from(scanJpeg())
    const at = jpeg.indexOf(Buffer.from([0xff, 0xc0]))
    jpeg[at + 1] = sof
    expect(jpegFrame(jpeg)).toBeNull()
  })

  it('12-bit samples are left to pdf.js', () => {
    const jpeg = Buffer.from(scanJpeg())
    jpeg[jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 4] = 12
    expect(jpegFrame(jpeg)).toBeNull()
  })

  const same = (a: Raster, b: Raster): { mean: number; far: number } => {
    expect([a.width, a.height]).toEqual([b.width, b.height])
    let sum = 0
    let far = 0
    for (let i = 0; i < a.data.length; i++) {
      const d = Math.abs(a.data[i] - b.data[i])
      sum += d
      if (d > 48) far++
    }
    return { mean: sum / a.data.length, far: far / a.data.length }
  }

  it.each([
    ['upright', {}],
    ['turned a quarter', { turned: true }],
    ['with Exif saying "turned 180°", which pdf.js ignores', { jpeg: turnedBy180Exif(scanJpeg()) }],
    ['with the sRGB profile skia writes', { jpeg: withSegment(scanJpeg(), 0xe2, 'ICC_PROFILE\0\x01\x01') }]
  ])(
    '%s: the JPEG drawn is what pdf.js draws, and pdf.js draws nothing',
    async (_what, options) => {
      const pdfjs = await loadPdfJs()
      const probe = await openPdf(pdfjs, jpegPage()).promise
      const pageProxy = Object.getPrototypeOf(await probe.getPage(1)) as { _pumpOperatorList(): void }
      await probe.destroy()
      const built = vi.spyOn(pageProxy, '_pumpOperatorList')
      let drawn: Raster
      try {
        const read = await pdfPageImages(jpegPage(options))
        expect(read.value).toHaveLength(1)
        drawn = await read.value[0].decode()
        expect(read.value[0].bytes.slice(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]))
        expect(built).not.toHaveBeenCalled()
      } finally {
        built.mockRestore()
      }
      // The same page with a no-op path after the picture (`n` ends a path unpainted) is pdf.js's to draw.
      const byPdfJs = await pdfPageImages(jpegPage({ ...options, after: '0 0 m n' }))
      const reference = await byPdfJs.value[0].decode()
      const { mean, far } = same(drawn, reference)
      expect(mean).toBeLessThan(1)
      expect(far).toBeLessThan(0.001)
      // and it is the page, not a blank: its ruled lines are dark
      expect(drawn.data.filter((v) => v < 128).length).toBeGreaterThan(1000)
    },
    60_000
  )

  // The page image the reviewer sees: the scan's own JPEG when the page is that picture pixel for
  // pixel (no re-encoding: half a second of CPU on a 10-page scan, and no second loss), else the
  // drawn page encoded.
  it.each([
    { what: 'upright, pixel for pixel', options: {}, own: true },
    { what: 'with Exif (shown without it, as drawn)', options: { jpeg: turnedBy180Exif(scanJpeg()) }, own: true },
    { what: 'turned a quarter on a page turned back (/Rotate 90): the page shown is the picture', options: { turned: true }, own: true },
    { what: 'moved 10 pt across the page', options: { shift: 10 }, own: false }
  ])('$what: shown as its own JPEG $own', async ({ options, own }) => {
    const read = await pdfPageImages(jpegPage(options))
    // the page image is drawn when OCR first asks for it
    await read.value[0].decode()
    const shown = Buffer.from(read.value[0].bytes)
    expect(shown.equals(scanJpeg())).toBe(own)
    expect(shown.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
  })
})

describe('pixelForPixel', () => {
  const picture = { width: 100, height: 50 }
  // a page 100 × 50 px drawn from its picture: viewport (flips y) × the picture's matrix × the unit square
  const viewport = [1, 0, 0, -1, 0, 50]
  const unit = [1 / 100, 0, 0, -1 / 50, 0, 1]
  const drawn = (m: number[]): ReturnType<typeof multiplied> => multiplied(multiplied(viewport, m), unit)
  it.each([
    { what: 'the picture over the whole page', m: [100, 0, 0, 50, 0, 0], size: [100, 50], yes: true },
    { what: 'shrunk', m: [90, 0, 0, 45, 0, 0], size: [100, 50], yes: false },
    { what: 'moved by a pixel', m: [100, 0, 0, 50, 1, 0], size: [100, 50], yes: false },
    { what: 'turned a half', m: [-100, 0, 0, -50, 100, 50], size: [100, 50], yes: false },
    { what: 'on a canvas of another size', m: [100, 0, 0, 50, 0, 0], size: [101, 50], yes: false }
  ])('$what: $yes', ({ m, size, yes }) => {
    expect(pixelForPixel(drawn(m), picture, size[0], size[1])).toBe(yes)
  })
})

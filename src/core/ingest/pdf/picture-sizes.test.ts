import { describe, expect, it } from 'vitest'
import { oversizedPdfPictures } from './picture-sizes'
import { pictureBombPdf } from '../../../../scripts/hostile-files'

const pdfWith = (dicts: string[]): Uint8Array =>
  new TextEncoder().encode(`%PDF-1.4\n${dicts.map((d, i) => `${i + 1} 0 obj\n${d}\nstream\nxx\nendstream\nendobj\n`).join('')}%%EOF\n`)

describe('oversizedPdfPictures (picture sizes a PDF declares, read without decoding)', () => {
  it.each([
    ['one 20000² picture', ['<< /Type /XObject /Subtype /Image /Width 20000 /Height 20000 /BitsPerComponent 8 >>'], [{ width: 20000, height: 20000 }]],
    ['a picture at the cap', ['<< /Subtype /Image /Width 7745 /Height 7745 >>'], []],
    ['just past the cap', ['<< /Subtype/Image/Width 8000/Height 7501 >>'], [{ width: 8000, height: 7501 }]],
    ['sizes as references are left to pdf.js', ['<< /Subtype /Image /Width 5 0 R /Height 6 0 R >>'], []],
    ['a mask key is not a picture', ['<< /ImageMask true /Width 30000 /Height 30000 >>'], []],
    ['the neighbour’s size is not taken', ['<< /Subtype /Form /Width 90000 /Height 90000 >>', '<< /Subtype /Image /Width 100 /Height 100 >>'], []]
  ])('%s', (_what, dicts, expected) => {
    expect(oversizedPdfPictures(pdfWith(dicts))).toEqual(expected)
  })

  it('finds the generated picture bomb', () => {
    expect(oversizedPdfPictures(pictureBombPdf(20_000, 20_000, 1))).toEqual([{ width: 20000, height: 20000 }])
  })
})

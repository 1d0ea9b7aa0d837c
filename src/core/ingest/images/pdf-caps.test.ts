// A PDF painting one picture past the pictures' pixel cap (issue 22, item 2): pdf.js must leave it
// out undecoded (a 389 KB file painting a 20000² picture took 2.5–5.6 GB), and the reviewer is told why.

import { describe, expect, it } from 'vitest'
import { pictureBombPdf } from '../../../../scripts/hostile-files'
import { analyse } from '../../analyse'
import { ingest } from '../index'
import { pageImagesOf } from './index'

describe('PDF pictures and the pixel cap', () => {
  it('a picture past 60 M pixels is not decoded, and its size is said', async () => {
    // 1 bit a pixel: cheap to make, and cheap even where the cap is missing (pdf.js keeps 1-bit grey packed).
    const input = { name: 'bomb.pdf', bytes: pictureBombPdf(8000, 7600, 1) }
    const images = await pageImagesOf(input, (await ingest(input)).value!)
    expect(images.value).toHaveLength(0)
    expect(images.messages).toMatchObject([{ code: 'ingest.image_too_large', message: expect.stringMatching(/8000 × 7600 像素，超过 6000 万像素的上限/) }])
  })

  it('a picture under the cap is still drawn and read', async () => {
    const input = { name: 'fine.pdf', bytes: pictureBombPdf(4000, 5000, 1) }
    const images = await pageImagesOf(input, (await ingest(input)).value!)
    expect(images.value.map((i) => i.pdfPage)).toEqual([1])
    expect(images.messages).toEqual([])
  })

  it('the reason reaches the report’s messages though no picture was left to read', async () => {
    const result = await analyse({ name: 'bomb.pdf', bytes: pictureBombPdf(8000, 7600, 1) })
    expect(result.value?.json.messages.map((m) => m.code)).toContain('ingest.image_too_large')
  })
})

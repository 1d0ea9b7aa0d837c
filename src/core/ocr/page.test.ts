// A page photographed under uneven light is flattened before its way up is told (page.ts
// litUpright): the dark end of the photo otherwise turns to ink under one threshold, the text height
// comes out wrong and the sampled lines read as blots.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodePicture } from '../ingest/images/raster'
import { turnClockwise, type Quarters } from './orientation'
import { litUpright, textHeights, unitOf } from './page'
import type { Raster } from './raster'

const PHOTO = resolve(__dirname, '../../../test/fixtures/scan/files/dongfeng_2021_photos/表三.jpg')

/** The page lit from its right-hand side: the light falls to `dim` of full at the left edge. */
function litFromTheRight(page: Raster, dim: number): Raster {
  const data = new Uint8Array(page.data.length)
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) data[y * page.width + x] = Math.round(page.data[y * page.width + x] * (dim + ((1 - dim) * x) / page.width))
  return { width: page.width, height: page.height, data }
}

describe('a page photo under uneven light', () => {
  let photo: Raster
  let unit: number
  beforeAll(async () => {
    photo = await decodePicture(readFileSync(PHOTO))
    unit = unitOf(photo)
  })

  it.each([
    { dim: 0.6, turned: 0 },
    { dim: 0.6, turned: 1 },
    { dim: 0.5, turned: 3 },
    { dim: 0.4, turned: 0 },
    { dim: 0.4, turned: 2 }
  ] as { dim: number; turned: Quarters }[])(
    'lit down to $dim and turned $turned quarters: set upright, at the text height of the page evenly lit',
    async ({ dim, turned }) => {
      const taken = turnClockwise(litFromTheRight(photo, dim), turned)
      const read = await litUpright(taken, textHeights(taken))
      expect(read.quarters).toBe((4 - turned) % 4)
      expect(read.sure).toBe(true)
      expect(Math.abs(read.unit - unit)).toBeLessThanOrEqual(1)
      expect([read.page.width, read.page.height]).toEqual([photo.width, photo.height])
    },
    60_000
  )
})

describe('textHeights', () => {
  let photo: Raster
  beforeAll(async () => {
    photo = await decodePicture(readFileSync(PHOTO))
  })

  it.each([1, 3] as Quarters[])('measures across a page turned %s quarters the height of the page upright', (turned) => {
    const upright = textHeights(photo)
    const turnedPage = textHeights(turnClockwise(photo, turned))
    expect(turnedPage.across).toBe(upright.unit)
    expect(turnedPage.unit).toBe(upright.across)
  })

  it("of a page turned a quarter, the larger measure is the upright page's (its way up is looked for at it)", () => {
    const turned = textHeights(turnClockwise(photo, 1))
    expect(Math.max(turned.unit, turned.across)).toBe(textHeights(photo).unit)
  })
})

// A picture a page shows again and again is decoded and read once (issue 22, item 9: forty
// showings of one blank picture at the pixel cap took minutes).

import { describe, expect, it } from 'vitest'
import { plainPng } from '../../../../scripts/hostile-files'
import { ingest } from '../index'
import { pageImagesOf } from './index'

describe('a picture shown several times', () => {
  it.each([1, 3, 40])('a saved page showing one picture %d times gives one page image', async (times) => {
    const html = `<p>年度报告</p>${'<img src="page_files/t.png">'.repeat(times)}<img src="page_files/u.png">`
    const input = {
      name: 'page.html',
      path: 'page.html',
      bytes: new TextEncoder().encode(html),
      attachments: [
        { name: 't.png', path: 'page_files/t.png', bytes: plainPng(120, 80, 0) },
        { name: 'u.png', path: 'page_files/u.png', bytes: plainPng(90, 60, 0) }
      ]
    }
    const images = await pageImagesOf(input, (await ingest(input)).value!)
    expect(images.value.map((i) => i.origin)).toEqual(['page_files/t.png', 'page_files/u.png'])
  })
})

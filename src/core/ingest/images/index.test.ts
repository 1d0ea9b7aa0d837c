import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ingest } from '../index'
import { pageImagesOf, needsOcr, storedPageImage } from './index'
import type { IngestAttachment } from '../../page-image'

// The generated scans (scripts/make-scan-fixtures.ts): one report per container.
const FILES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'scan', 'files')
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FILES, path)))
const folder = (dir: string, prefix: string): IngestAttachment[] =>
  readdirSync(join(FILES, dir))
    .filter((f) => !f.endsWith('.txt'))
    .map((f) => ({ name: f, path: `${prefix}${f}`, bytes: read(join(dir, f)) }))

interface Case {
  kind: string
  name: string
  /** Path within the drop, when not the bare name. */
  path?: string
  bytes: () => Uint8Array
  attachments?: () => IngestAttachment[]
  format: string
  /** [origin, mime, width, height] of each page image, in order. */
  images: [string, string, number, number][]
  /** For pictures placed in text: the heading each picture follows. */
  after?: string[]
  pdfPages?: number[]
}

const TABLE_HEADINGS = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']

const CASES: Case[] = [
  {
    kind: 'image-only PDF: every page rendered at 150 dpi',
    name: 'huaian_2024_scan.pdf',
    bytes: () => read('huaian_2024_scan.pdf'),
    format: 'pdf',
    images: [1, 2, 3].map((p) => [`第 ${p} 页`, 'image/jpeg', 1241, 1754]),
    pdfPages: [1, 2, 3]
  },
  {
    kind: 'text PDF with scanned table pages: only the scanned pages',
    name: 'pingtan_2021_mixed.pdf',
    bytes: () => read('pingtan_2021_mixed.pdf'),
    format: 'pdf',
    images: [2, 3].map((p) => [`第 ${p} 页`, 'image/jpeg', 1241, 1754]),
    pdfPages: [2, 3]
  },
  {
    kind: '.docx with the tables pasted as pictures',
    name: 'yiyang_2022_pictures.docx',
    bytes: () => read('yiyang_2022_pictures.docx'),
    format: 'docx',
    images: [
      ['word/media/image1.png', 'image/png', 557, 961],
      ['word/media/image2.png', 'image/png', 1089, 2006],
      ['word/media/image3.png', 'image/png', 531, 368]
    ],
    after: TABLE_HEADINGS
  },
  {
    kind: '.mht archive (quoted-printable page, base64 pictures named by address)',
    name: 'shanghai_2019_page.mht',
    bytes: () => read('shanghai_2019_page.mht'),
    format: 'mht',
    images: [2, 3, 4].map((t, i) => [`http://www.example.gov.cn/xxgk/ndbg/images/table${t}.jpg`, 'image/jpeg', [619, 1089, 531][i], [1252, 1836, 368][i]]),
    after: TABLE_HEADINGS
  },
  {
    kind: '.html dropped with its _files folder',
    name: 'shuyang_2023_page.html',
    bytes: () => read('shuyang_2023_page.html'),
    attachments: () => folder('shuyang_2023_page_files', 'shuyang_2023_page_files/'),
    format: 'html',
    images: [1, 2, 3].map((n, i) => [`shuyang_2023_page_files/image00${n}.jpg`, 'image/jpeg', [557, 1089, 531][i], [961, 2006, 368][i]]),
    after: TABLE_HEADINGS
  },
  {
    kind: 'multi-page bi-level TIFF (CCITT G4), pages re-encoded as PNG',
    name: 'pingtan_2019_fax.tif',
    bytes: () => read('pingtan_2019_fax.tif'),
    format: 'image',
    images: [1, 2, 3, 4].map((p) => [`pingtan_2019_fax.tif 第 ${p} 页`, 'image/png', 1654, 2339])
  },
  {
    kind: 'narrative text with page photos (.png, .jpg, .bmp as PNG) dropped with it as a folder, in name order, named from its folder',
    name: '正文.txt',
    path: 'dongfeng_2021_photos/正文.txt',
    bytes: () => read('dongfeng_2021_photos/正文.txt'),
    attachments: () => folder('dongfeng_2021_photos', 'dongfeng_2021_photos/'),
    format: 'txt',
    images: [
      ['表二.png', 'image/png', 557, 961],
      ['表三.jpg', 'image/jpeg', 1089, 2006],
      ['表四.bmp', 'image/png', 531, 368]
    ]
  }
]

describe('page images from every container (generated scans)', () => {
  it.each(CASES)(
    '$kind',
    async (c) => {
      const input = { name: c.name, path: c.path ?? c.name, bytes: c.bytes(), attachments: c.attachments?.() }
      const document = (await ingest(input)).value!
      expect(document.format).toBe(c.format)
      const result = await pageImagesOf(input, document)
      expect(result.messages).toEqual([])
      const images = result.value
      expect(images.map((i) => [i.origin, i.mime, i.width, i.height])).toEqual(c.images)
      expect(images.map((i) => i.index)).toEqual(c.images.map((_, i) => i))
      if (c.pdfPages) expect(images.map((i) => i.pdfPage)).toEqual(c.pdfPages)
      if (c.after) {
        // Each picture sits right after its table's heading in the document's own text.
        expect(images.map((i) => document.text.slice(0, i.anchor).trimEnd().endsWith(c.after![images.indexOf(i)]))).toEqual(c.after.map(() => true))
      }
      if (c.format === 'txt') expect(images.every((i) => i.anchor === document.text.length)).toBe(true)
      // Decoded grey pixels match the encoded size, and the page is mostly white paper with dark ink.
      const raster = await images[images.length - 1].decode()
      expect([raster.width, raster.height, raster.data.length]).toEqual([
        images.at(-1)!.width,
        images.at(-1)!.height,
        images.at(-1)!.width * images.at(-1)!.height
      ])
      const dark = raster.data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / raster.data.length
      expect(dark).toBeGreaterThan(0.005)
      expect(dark).toBeLessThan(0.3)
      expect(Object.keys(storedPageImage(images[0]))).not.toContain('decode')
    },
    60_000
  )

  it('a saved page without its folder: pictures missing, said once, nothing fetched', async () => {
    const input = { name: 'shuyang_2023_page.html', bytes: read('shuyang_2023_page.html') }
    const result = await pageImagesOf(input, (await ingest(input)).value!)
    expect(result.value).toEqual([])
    expect(result.messages.map((m) => m.code)).toEqual(['ingest.image_missing'])
    expect(result.messages[0].message).toContain('3 张图片不在随附的文件中')
  })

  it('.doc pictures are not supported, and the message says what to do', async () => {
    const result = await pageImagesOf({ name: 'a.doc', bytes: new Uint8Array(8) }, { format: 'doc', text: '', blocks: [] })
    expect(result.value).toEqual([])
    expect(result.messages[0]).toMatchObject({ code: 'ingest.doc_pictures' })
    expect(result.messages[0].message).toContain('另存为 .docx')
  })
})

describe('needsOcr', () => {
  it.each([
    ['images and a missing table', { active: 'found', requests: 'missing', appeals: 'found' }, 1, true],
    ['every table read from text', { active: 'found', requests: 'found', appeals: 'found' }, 3, false],
    ['no images', { active: 'missing', requests: 'missing', appeals: 'missing' }, 0, false]
  ] as const)('%s', (_, tables, count, expected) => {
    expect(needsOcr({ tables }, new Array(count).fill(null))).toBe(expected)
  })
})

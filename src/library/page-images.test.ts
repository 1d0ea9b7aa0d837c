import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Library } from './library'
import { asExtractedFile, extractInProcess, type ExtractedFile, type Extractor } from './extractor'
import type { FilePayload } from '../shared/contract'
import { removeTempDirs, tempDir } from './testing/fixtures'
import { cellOrigins } from './export/data'

afterEach(removeTempDirs)

const OCR_KEY = 'requests.granted.natural'

const SCAN = join(__dirname, '..', '..', 'test', 'fixtures', 'scan', 'files')
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(SCAN, path)))

/** The saved page as dropped in a folder: 年报/page.html with 年报/page_files/…. */
function savedPage(): FilePayload {
  const folder = 'shuyang_2023_page_files'
  return {
    name: 'shuyang_2023_page.html',
    path: '年报/shuyang_2023_page.html',
    bytes: bytes('shuyang_2023_page.html'),
    attachments: readdirSync(join(SCAN, folder)).map((f) => ({ name: f, path: `年报/${folder}/${f}`, bytes: bytes(join(folder, f)) }))
  }
}

/** The engine, plus page images as OCR leaves them on the document; records what it was given. */
function withPageImages(seen: FilePayload[]): Extractor {
  return async (file) => {
    seen.push(file)
    // The page alone (no pictures, so no OCR: fast); the pictures become page images below as OCR would leave them.
    const base = asExtractedFile((await extractInProcess({ name: file.name, bytes: file.bytes })).value) as ExtractedFile
    const pageImages = (file.attachments ?? []).map((a, index) => ({
      index,
      origin: a.path ?? a.name,
      mime: 'image/jpeg' as const,
      width: 100 + index,
      height: 200,
      anchor: 10 * index,
      bytes: a.bytes
    }))
    const json = structuredClone(base.json)
    json.cells[OCR_KEY] = { value: 3, raw: '3', review: true, reviewReason: '识别不确定', ocr: { confidence: 0.62, read: '3', alternatives: ['8'] } }
    return { value: { json, document: { ...base.document!, pageImages } }, messages: [] }
  }
}

describe('library: files that came with a report, and its page images', () => {
  it('keeps the attachments, gives the source pane the page images, and re-extracts with the same files', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const seen: FilePayload[] = []
    const [outcome] = await library.importFiles([savedPage()], withPageImages(seen))
    expect(outcome.status).toBe('imported')
    const id = outcome.status === 'imported' ? outcome.reportId : -1
    const source = library.getSource(id)
    expect(source.format).toBe('html')
    expect(source.images?.map((i) => [i.index, i.origin, i.width, i.anchor, i.bytes.length])).toEqual(
      savedPage().attachments!.map((a, i) => [i, a.path, 100 + i, 10 * i, a.bytes.length])
    )
    expect(library.getReport(id).cells[OCR_KEY].ocr).toEqual({ confidence: 0.62, read: '3', alternatives: ['8'] })
    await library.reextract(id, withPageImages(seen))
    // Re-extraction reads the same pictures, relative to the page's own folder.
    expect(seen[1].attachments?.map((a) => [a.path, a.bytes.length])).toEqual(
      savedPage().attachments!.map((a) => [a.path!.replace('年报/', ''), a.bytes.length])
    )
    expect(library.getSource(id).images).toHaveLength(3)
    library.close()
  })

  it('counts the cells OCR read apart from text-layer readings and typed ones, for the export', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const [outcome] = await library.importFiles([savedPage()], withPageImages([]))
    const id = outcome.status === 'imported' ? outcome.reportId : -1
    library.setReviewer('王五')
    library.editCell(id, 'requests.granted.research', '4', '对照原件')
    const db = (library as unknown as { db: Parameters<typeof cellOrigins>[0] }).db
    const origins = cellOrigins(db, id)
    expect(origins.ocr).toBe(1)
    expect(origins.typed).toBe(1)
    const filled = Object.values(library.getReport(id).cells).filter((c) => c.raw !== '' || c.corrected).length
    expect(origins.extracted + origins.ocr + origins.typed).toBeLessThanOrEqual(filled + 1)
    library.close()
  })

  it('a report without page images has none in its source view', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const [outcome] = await library.importFiles([{ name: 'a.html', bytes: bytes('shuyang_2023_page.html') }], extractInProcess)
    expect(outcome.status === 'imported' && library.getSource(outcome.reportId).images).toBeUndefined()
    library.close()
  })
})

// Issue 22, item 8: a saved page imported first without its `_files` folder (no pictures, so no
// tables) and again with it was "已在资料库中": identity was the page's bytes alone.
describe('library: a saved page that comes again with its pictures', () => {
  it('takes the richer payload: same report, its pictures kept, re-extracted, the correction kept', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    library.setReviewer('王五')
    const seen: FilePayload[] = []
    const { attachments, ...alone } = savedPage()
    const [first] = await library.importFiles([alone], withPageImages(seen))
    if (first.status !== 'imported') throw new Error(first.status)
    expect(library.getSource(first.reportId).images).toBeUndefined()
    library.editCell(first.reportId, 'requests.granted.research', '4', '对照原件')

    const [again] = await library.importFiles([savedPage()], withPageImages(seen))
    expect(again).toMatchObject({ status: 'imported', reportId: first.reportId, morePictures: attachments!.length })
    expect(again.status === 'imported' && again.warnings[0]).toContain(`已在资料库中（报告 #${first.reportId}），这次多带来 3 张图片`)
    expect(seen[1].attachments).toHaveLength(3)
    expect(library.listReports()).toHaveLength(1)
    expect(library.getSource(first.reportId).images).toHaveLength(3)
    expect((library.fileOf(first.reportId) as FilePayload).attachments).toHaveLength(3)
    const detail = library.getReport(first.reportId)
    expect(detail.cells[OCR_KEY].ocr?.confidence).toBe(0.62)
    expect(detail.cells['requests.granted.research']).toMatchObject({ raw: '4', corrected: true })

    // Nothing more to bring: the same page with the same pictures, or alone, or with fewer.
    const [withSame] = await library.importFiles([savedPage()], withPageImages(seen))
    const [withFewer] = await library.importFiles([{ ...savedPage(), attachments: attachments!.slice(0, 1) }], withPageImages(seen))
    const [aloneAgain] = await library.importFiles([alone], withPageImages(seen))
    for (const o of [withSame, withFewer, aloneAgain]) expect(o).toEqual({ name: alone.name, status: 'duplicate', reportId: first.reportId })
    expect(seen).toHaveLength(2)
    library.close()
  })

  it('a payload missing a picture the stored copy has is no richer, even with another one', async () => {
    const library = new Library(join(tempDir(), 'l.sqlite'))
    const page = savedPage()
    const [first] = await library.importFiles([{ ...page, attachments: page.attachments!.slice(0, 2) }], withPageImages([]))
    const [other] = await library.importFiles([{ ...page, attachments: page.attachments!.slice(1) }], withPageImages([]))
    expect(other).toMatchObject({ status: 'duplicate', reportId: first.status === 'imported' ? first.reportId : -1 })
    library.close()
  })
})

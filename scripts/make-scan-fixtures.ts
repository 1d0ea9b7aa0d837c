// Generates the scanned-report fixtures (issue #13): reports whose tables reach us only as pictures.
// From truth we already have (../shared/corpus/truth, ../shared/seeds/truth) it renders each report with
// the official tables as HTML, has LibreOffice print it to PDF, rasterises the pages (poppler, 150 dpi),
// "scans" them (ImageMagick: rotation, noise, blur, JPEG quality 60, all from fixed seeds) and wraps the
// pictures the ways they reach auditors: an image-only PDF, a text PDF with scanned table pages, a .docx
// with the tables pasted as pictures, a saved .mht page, an .html with its _files folder, a multi-page
// G4 .tif, and a folder holding the narrative as text plus page photos (.png, .jpg, .bmp).
//
//   npx tsx scripts/make-scan-fixtures.ts        (needs soffice, pdftoppm, pdfseparate/pdfunite, convert, img2pdf)
//
// Outputs: test/fixtures/scan/files/<name>.<ext> (or a folder <name>/), truth in test/fixtures/scan/truth/<name>.json
// (the source truth with `source` set to the fixture's name).

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { mhtArchive } from './scan-containers'
import { active2019, active2021, appealsTable, fillActive, prng, requestsTable, type Cells } from './official-tables'

const ROOT = join(__dirname, '..')
const SHARED = join(ROOT, '..', 'shared')
const OUT = join(ROOT, 'test', 'fixtures', 'scan')
const FILES = join(OUT, 'files')
const TRUTH = join(OUT, 'truth')
const WORK = join(OUT, '.work')
const DPI = 150

type Form = 'pdf' | 'mixed-pdf' | 'docx' | 'mht' | 'html-folder' | 'tif' | 'photos'

interface ScanSpec {
  name: string
  truth: string
  form: Form
  seed: number
  /** A cell whose printed number an ink blot half covers (as a smudged 公章 or a spill does), for OCR to mark. */
  blot?: string
}

const SPECS: ScanSpec[] = [
  { name: 'huaian_2024_scan', truth: 'corpus/truth/001_huaian_city_2024.json', form: 'pdf', seed: 101 },
  { name: 'pingtan_2021_mixed', truth: 'corpus/truth/008_pingtan_2021.json', form: 'mixed-pdf', seed: 102, blot: 'requests.granted.natural' },
  { name: 'yiyang_2022_pictures', truth: 'seeds/truth/000_445a8fa4a95c6cf5.json', form: 'docx', seed: 103 },
  { name: 'shanghai_2019_page', truth: 'corpus/truth/004_shanghai_gov_office_2019.json', form: 'mht', seed: 104 },
  { name: 'shuyang_2023_page', truth: 'corpus/truth/005_shuyang_fgj_2023.json', form: 'html-folder', seed: 105 },
  { name: 'pingtan_2019_fax', truth: 'corpus/truth/006_pingtan_2019.json', form: 'tif', seed: 106 },
  { name: 'dongfeng_2021_photos', truth: 'seeds/truth/001_f174b1ddd8dd595e.json', form: 'photos', seed: 107 }
]

interface Truth {
  schema: string
  source: string
  meta: { agency: string[]; year: number; template: '2021' | '2019' }
  tables: Record<string, string>
  cells: Cells
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 })
}

interface ReportParts {
  title: string
  /** Title, date line and the narrative before table 二. */
  opening: string
  tables: { lead: string; html: string }[]
  closing: string
  /** The numbers printed in the tables. */
  cells: Cells
}

function reportParts(truth: Truth, seed: number): ReportParts {
  const rnd = prng(seed)
  const agency = truth.meta.agency[0]
  const year = truth.meta.year
  const cells = fillActive(truth.meta.template, truth.cells, rnd)
  const otherRows = 'requests.other.total' in truth.cells ? '2019' : '2021'
  const received = truth.cells['requests.new_received.total']
  const title = `${agency}${year}年政府信息公开工作年度报告`
  const p = (text: string): string => `<p style="text-indent:2em">${text}</p>`
  const opening = `<h1 align="center">${title}</h1>
<p align="center">（${year + 1}年1月${10 + Math.floor(rnd() * 18)}日）</p>
${p(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`)}
<p><b>一、总体情况</b></p>
${p(`${year}年，${agency}深入贯彻落实《条例》，坚持以公开为常态、不公开为例外，全年主动公开政府信息${100 + Math.floor(rnd() * 900)}条。`)}
${p(`依申请公开方面，全年新收政府信息公开申请${received ?? 0}件，均在法定期限内予以答复。`)}
${p('政府信息管理方面，严格落实公开前保密审查制度，及时更新政府信息公开指南和目录。平台建设方面，持续优化政府网站信息公开专栏。')}`
  const tables = [
    { lead: '<p><b>二、主动公开政府信息情况</b></p>', html: truth.meta.template === '2021' ? active2021(cells) : active2019(cells) },
    { lead: '<p style="page-break-before:always"><b>三、收到和处理政府信息公开申请情况</b></p>', html: requestsTable(otherRows, cells) },
    { lead: '<p><b>四、政府信息公开行政复议、行政诉讼情况</b></p>', html: appealsTable(cells) }
  ]
  const closing = `<p><b>五、存在的主要问题及改进情况</b></p>
${p('一是公开内容的全面性和及时性有待提高；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。')}
<p><b>六、其他需要报告的事项</b></p>
${p('本年度未收取信息处理费。')}
<p align="right">${agency}</p>`
  return { title, opening, tables, closing, cells }
}

const STYLE =
  '<style>body{font-family:"Droid Sans Fallback";font-size:11pt} table{border-collapse:collapse;width:100%} td{font-size:9pt} td p{margin:0}</style>'

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${STYLE}\n</head>\n<body>\n${body}\n</body>\n</html>\n`
}

function wholeReport(parts: ReportParts): string {
  return page(parts.title, [parts.opening, ...parts.tables.flatMap((t) => [t.lead, t.html]), parts.closing].join('\n'))
}

/** HTML → PDF by LibreOffice, then each page → grey PNG at `dpi`. Returns the page PNG paths. */
function renderPages(html: string, stem: string, dpi = DPI): string[] {
  const dir = join(WORK, stem)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${stem}.html`), html)
  // Imported as a Writer document (not Writer/Web), so the page has A4 margins like a printed report.
  run('soffice', ['--headless', '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, join(dir, `${stem}.html`)])
  run('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, `${stem}.pdf`), join(dir, 'page')])
  return readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort()
    .map((f) => join(dir, f))
}

/** One table alone, as a tight picture (pages of a long table stacked). */
function tablePicture(html: string, stem: string): string {
  const pages = renderPages(page(stem, html), stem)
  const out = join(WORK, `${stem}.png`)
  run('convert', [...pages.flatMap((p) => ['(', p, '-trim', '+repage', ')']), '-append', '-bordercolor', 'white', '-border', '12', out])
  return out
}

interface Scan {
  /** Degrees; the scanner's feed is never straight. */
  angle: number
  noise: number
  blur: number
  quality: number
}

function scanOf(rnd: () => number): Scan {
  const sign = rnd() < 0.5 ? -1 : 1
  return { angle: sign * (0.5 + rnd()), noise: 0.25 + rnd() * 0.2, blur: 0.4 + rnd() * 0.3, quality: 60 }
}

/** A page through the "scanner": rotated (canvas kept), grey noise, slight blur, JPEG. */
function degrade(png: string, out: string, scan: Scan, seed: number): void {
  const size = execFileSync('identify', ['-format', '%wx%h', png], { encoding: 'utf8' }).trim()
  run('convert', [
    png,
    '-colorspace',
    'Gray',
    '-background',
    'white',
    '-rotate',
    scan.angle.toFixed(2),
    '-gravity',
    'center',
    '-extent',
    size,
    '-seed',
    String(seed),
    '-attenuate',
    scan.noise.toFixed(2),
    '+noise',
    'Gaussian',
    '-blur',
    `0x${scan.blur.toFixed(2)}`,
    '-quality',
    String(scan.quality),
    '-sampling-factor',
    '1x1',
    '-strip',
    '-units',
    'PixelsPerInch',
    '-density',
    String(DPI),
    `JPEG:${out}`
  ])
}

function writeTruth(name: string, source: string, truth: Truth): void {
  writeFileSync(join(TRUTH, `${name}.json`), JSON.stringify({ ...truth, source }, null, 1) + '\n')
}

/**
 * Where `text` is printed, alone, in the PDF LibreOffice made (pdftotext's word boxes, in points):
 * its page index and box in pixels at DPI. The number must occur once on the report's table pages.
 */
function printedBox(pdf: string, text: string): { page: number; box: [number, number, number, number] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  const hits: { page: number; box: [number, number, number, number] }[] = []
  html
    .split('<page ')
    .slice(1)
    .forEach((pageHtml, page) => {
      for (const m of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        if (m[5] === text) hits.push({ page, box: [1, 2, 3, 4].map((k) => (Number(m[k]) * DPI) / 72) as [number, number, number, number] })
      }
    })
  const onTables = hits.filter((h) => h.page > 0)
  if (onTables.length !== 1) throw new Error(`blot: "${text}" is printed ${onTables.length} times on the table pages, not once`)
  return onTables[0]
}

/** A dark ink blot over the right part of the box (the last digit), drawn in place on the page PNG. */
function blot(png: string, [x0, y0, x1, y1]: [number, number, number, number], seed: number): void {
  const rnd = prng(seed)
  const h = y1 - y0
  const cx = x1 - (x1 - x0) * 0.25
  const cy = (y0 + y1) / 2
  const ellipse = (dx: number, dy: number, rx: number, ry: number): string =>
    `ellipse ${(cx + dx).toFixed(1)},${(cy + dy).toFixed(1)} ${rx.toFixed(1)},${ry.toFixed(1)} 0,360`
  // One main drop and two splashes, their offsets from the seed.
  const drops = [
    ellipse(0, 0, h * 0.3, h * 0.42),
    ellipse(h * (0.2 + rnd() * 0.1), -h * 0.35, h * 0.12, h * 0.1),
    ellipse(h * 0.05, h * (0.35 + rnd() * 0.1), h * 0.14, h * 0.1)
  ]
  run('convert', [png, '-fill', 'gray30', ...drops.flatMap((d) => ['-draw', d]), png])
}

function scannedPages(parts: ReportParts, spec: ScanSpec): string[] {
  const rnd = prng(spec.seed)
  const pages = renderPages(wholeReport(parts), spec.name)
  if (spec.blot) {
    const value = parts.cells[spec.blot]
    if (typeof value !== 'number') throw new Error(`blot: ${spec.blot} holds no number`)
    const { page, box } = printedBox(join(WORK, spec.name, `${spec.name}.pdf`), String(value))
    blot(pages[page], box, spec.seed)
  }
  return pages.map((png, i) => {
    const jpg = png.replace(/\.png$/, '.jpg')
    degrade(png, jpg, scanOf(rnd), spec.seed * 100 + i)
    return jpg
  })
}

function tablePictures(parts: ReportParts, spec: ScanSpec, degraded: boolean): string[] {
  const rnd = prng(spec.seed + 1)
  return parts.tables.map((t, i) => {
    const png = tablePicture(t.html, `${spec.name}-table${i + 2}`)
    if (!degraded) return png
    const jpg = png.replace(/\.png$/, '.jpg')
    degrade(png, jpg, { ...scanOf(rnd), angle: 0 }, spec.seed * 100 + i)
    return jpg
  })
}

const b64 = (path: string): string => readFileSync(path).toString('base64')
const mimeOf = (path: string): string => (path.endsWith('.png') ? 'image/png' : 'image/jpeg')

/** The narrative with each table replaced by its picture; `src(i, path)` says how the picture is referenced. */
function pictureReport(parts: ReportParts, pictures: string[], src: (i: number, path: string) => string): string {
  const body = [
    parts.opening,
    ...parts.tables.flatMap((t, i) => [t.lead, `<p align="center"><img src="${src(i, pictures[i])}" width="640"></p>`]),
    parts.closing
  ]
  return page(parts.title, body.join('\n'))
}

function makePdf(parts: ReportParts, spec: ScanSpec): string {
  const file = `${spec.name}.pdf`
  run('img2pdf', ['--nodate', '--producer', '', '-o', join(FILES, file), ...scannedPages(parts, spec)])
  return file
}

/** A text PDF (LibreOffice's) whose table pages were replaced by their scans, as offices do after stamping. */
function makeMixedPdf(parts: ReportParts, spec: ScanSpec): string {
  const file = `${spec.name}.pdf`
  const dir = join(WORK, spec.name)
  const scans = scannedPages(parts, spec)
  const pdf = join(dir, `${spec.name}.pdf`)
  run('pdfseparate', [pdf, join(dir, 'text-%d.pdf')])
  const pieces = scans.map((jpg, i) => {
    if (i === 0) return join(dir, 'text-1.pdf')
    const scanned = join(dir, `scan-${i + 1}.pdf`)
    run('img2pdf', ['--nodate', '--producer', '', '-o', scanned, jpg])
    return scanned
  })
  run('pdfunite', [...pieces, join(FILES, file)])
  return file
}

function makeDocx(parts: ReportParts, spec: ScanSpec): string {
  const pictures = tablePictures(parts, spec, false)
  const dir = join(WORK, `${spec.name}-docx`)
  mkdirSync(dir, { recursive: true })
  const html = join(dir, `${spec.name}.html`)
  writeFileSync(
    html,
    pictureReport(parts, pictures, (_, p) => `data:${mimeOf(p)};base64,${b64(p)}`)
  )
  run('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, html])
  copyFileSync(join(dir, `${spec.name}.docx`), join(FILES, `${spec.name}.docx`))
  return `${spec.name}.docx`
}

/** A single-file web archive as IE/Chrome save it: multipart/related, the page quoted-printable, pictures base64. */
function makeMht(parts: ReportParts, spec: ScanSpec): string {
  const pictures = tablePictures(parts, spec, true)
  const html = pictureReport(parts, pictures, (i) => `images/table${i + 2}.jpg`)
  const file = `${spec.name}.mht`
  writeFileSync(
    join(FILES, file),
    mhtArchive(
      parts.title,
      html,
      pictures.map((p, i) => ({ name: `images/table${i + 2}.jpg`, mime: 'image/jpeg', bytes: readFileSync(p) }))
    )
  )
  return file
}

function makeHtmlFolder(parts: ReportParts, spec: ScanSpec): string {
  const pictures = tablePictures(parts, spec, true)
  const folder = `${spec.name}_files`
  mkdirSync(join(FILES, folder), { recursive: true })
  pictures.forEach((p, i) => copyFileSync(p, join(FILES, folder, `image00${i + 1}.jpg`)))
  const file = `${spec.name}.html`
  writeFileSync(
    join(FILES, file),
    pictureReport(parts, pictures, (i) => `./${folder}/image00${i + 1}.jpg`)
  )
  return file
}

/** A fax-like bi-level multi-page TIFF (CCITT G4, 200 dpi), as office scanners file it. */
function makeTif(parts: ReportParts, spec: ScanSpec): string {
  const rnd = prng(spec.seed)
  const pages = renderPages(wholeReport(parts), spec.name, 200).map((png, i) => {
    const jpg = png.replace(/\.png$/, '.jpg')
    degrade(png, jpg, { ...scanOf(rnd), noise: 0.15 }, spec.seed * 100 + i)
    return jpg
  })
  const file = `${spec.name}.tif`
  run('convert', [...pages, '-threshold', '80%', '-type', 'bilevel', '-compress', 'Group4', '-density', '200', '-units', 'PixelsPerInch', join(FILES, file)])
  return file
}

/**
 * A folder as an auditor receives it from a county: the narrative typed as text, the tables as
 * pictures — a clean screenshot (.png), a phone photo (.jpg), a scanner's bitmap (.bmp).
 */
function makePhotos(parts: ReportParts, spec: ScanSpec): string {
  const [active, requests, appeals] = tablePictures(parts, spec, false)
  const folder = join(FILES, spec.name)
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder)
  const text = [parts.opening, ...parts.tables.map((t) => `${t.lead}\n（见附图）`), parts.closing].join('\n')
  writeFileSync(join(folder, '正文.txt'), text.replace(/<[^>]+>/g, '').replace(/\n+/g, '\r\n'))
  run('convert', [active, '-colorspace', 'Gray', '-depth', '8', '-strip', `PNG8:${join(folder, '表二.png')}`])
  degrade(requests, join(folder, '表三.jpg'), { ...scanOf(prng(spec.seed)), angle: -1.2 }, spec.seed)
  run('convert', [appeals, '-colorspace', 'Gray', '-threshold', '60%', '-type', 'bilevel', `BMP3:${join(folder, '表四.bmp')}`])
  return spec.name
}

const MAKERS: Record<Form, (parts: ReportParts, spec: ScanSpec) => string> = {
  pdf: makePdf,
  'mixed-pdf': makeMixedPdf,
  docx: makeDocx,
  mht: makeMht,
  'html-folder': makeHtmlFolder,
  tif: makeTif,
  photos: makePhotos
}

function main(): void {
  const only = process.argv.slice(2)
  mkdirSync(FILES, { recursive: true })
  mkdirSync(TRUTH, { recursive: true })
  for (const spec of SPECS) {
    if (only.length && !only.includes(spec.name)) continue
    const truth = JSON.parse(readFileSync(join(SHARED, spec.truth), 'utf8')) as Truth
    const parts = reportParts(truth, spec.seed)
    const made = MAKERS[spec.form](parts, spec)
    if (!existsSync(join(FILES, made))) throw new Error(`${spec.name}: nothing produced`)
    writeTruth(spec.name, made, truth)
    console.log(`${spec.name}: ${made}`)
  }
  if (!process.env.KEEP_WORK) rmSync(WORK, { recursive: true, force: true })
}

main()

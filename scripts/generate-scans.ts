// Draws whole scanned reports under randomised, seeded conditions (issue #23 item 6), so the OCR path is
// measured on pictures it was never tuned to: both templates (2021, 2019 trial form, and the mixed
// report whose table 三 keeps the single （六） row), Song/Hei/Kai faces, grey or coloured header
// shading, thick outer borders, labels wrapped over two lines, red seals on colour scans; then "scanned"
// at a true 100–400 dpi (declared so in the file), turned 0/90/180/270° ± 3°, photographed (perspective,
// uneven light), blurred, JPEG 40–90 or G4 fax; and wrapped as an image-only PDF, a multi-page TIFF, a
// folder of page pictures, a .docx or an .mht whose tables are pictures.
//
//   npx tsx scripts/generate-scans.ts --count 40 --seed 1 --out /tmp/scans
//
// Writes OUT/files/<name>.<ext> (or a folder), OUT/truth/<name>.json (report-desk/truth@1, as
// ../shared/tools/score.mjs reads) and OUT/manifest.json (each report's conditions). Pages are drawn as
// HTML by the system Chromium (playwright-core) and degraded by ImageMagick; needs chromium, convert,
// img2pdf and, for .docx, soffice. The same seed gives the same reports (and the same page pixels).

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { docxOf, mhtArchive, type DocxBlock } from './scan-containers'
import { blur, decodePicture, encodeJpeg, encodePng, g4Tiff, imagePdf, noise, quarterTurn, toGrey, unevenLight, warp, type Picture } from './scan-pictures'
import {
  COLUMNS,
  DENIED,
  NOT_PROCESSED,
  OTHER_2021,
  UNABLE,
  active2019,
  active2021,
  appealsTable,
  esc,
  fillActive,
  prng,
  requestsTable,
  type Cells
} from './official-tables'

const ROOT = resolve(__dirname, '..')
const SHARED = resolve(ROOT, '..', 'shared')

export type Template = '2021' | '2019'
export type Face = 'song' | 'hei' | 'kai'
export type Container = 'pdf' | 'tif' | 'pictures' | 'docx' | 'mht'

/** Everything that decides how one report looks; drawn from the seed alone. */
export interface Conditions {
  /** Table 二's form (the report's template). */
  template: Template
  /** Table 三's rows: the 2019 form has the single （六）其他处理 row (a 2021 report with it is "mixed"). */
  requestsForm: Template
  face: Face
  container: Container
  /** The picture's true resolution, as declared in the file. */
  dpi: number
  /** The page (or table picture) turned by a quarter turn: the file holds it sideways or upside down. */
  quarter: 0 | 90 | 180 | 270
  /** Degrees the paper lay crooked on the scanner. */
  skew: number
  /** A phone photo's keystone: each page corner moved inward by up to this share of the page. */
  perspective: number
  /** Uneven light: the darkest corner keeps this share of the light (1 = even). */
  light: number
  /** Gaussian blur, in points of the printed page (scaled to the dpi). */
  blur: number
  /** JPEG quality; 0 for a lossless picture (PNG, G4). */
  quality: number
  shading: 'none' | 'grey' | 'colour'
  /** Outer border of the tables, in CSS px (1 = as the inner rulings). */
  border: number
  /** Label columns narrow enough that the long labels wrap onto two lines. */
  wrap: boolean
  /** A red seal over the 落款 (and the table above it); the scan keeps colour. */
  seal: boolean
}

export interface Plan {
  name: string
  seed: number
  conditions: Conditions
  agency: string
  /** Other names a careful reader accepts for the agency. */
  agencies: string[]
  year: number
  /** Where the numbers come from: a shared truth file, or "random". */
  values: string
  cells: Cells
  /** A page of prose before the tables (a fourth page: the batch bench's 4-page scans). */
  cover?: boolean
}

const FACES: Record<Face, string> = {
  // Song (Ming), Hei (sans), Kai (brush); FangSong has no free Debian font installed here.
  song: '"AR PL UMing CN"',
  hei: '"WenQuanYi Zen Hei"',
  kai: '"AR PL UKai CN"'
}

const AGENCIES = [
  '益阳市应急管理局',
  '东风区教育局',
  '南湖县财政局',
  '青山市自然资源和规划局',
  '白云区卫生健康委员会',
  '临江市人民政府办公室',
  '北川县住房和城乡建设局',
  '长宁区市场监督管理局',
  '溧水区交通运输局',
  '丰城市司法局',
  '宁海县民政局',
  '云龙区人力资源和社会保障局'
]

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]
}

/** One choice among weighted options. */
function weighted<T>(rnd: () => number, options: [T, number][]): T {
  const total = options.reduce((s, [, w]) => s + w, 0)
  let r = rnd() * total
  for (const [value, w] of options) if ((r -= w) < 0) return value
  return options[options.length - 1][0]
}

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits

export function drawConditions(rnd: () => number, template: Template, requestsForm: Template): Conditions {
  const container = weighted<Container>(rnd, [
    ['pdf', 4],
    ['tif', 1.5],
    ['pictures', 2],
    ['docx', 1.5],
    ['mht', 1]
  ])
  const scanned = container === 'pdf' || container === 'tif' || container === 'pictures'
  // a phone photo arrives as a picture or pasted into a PDF; a fax never is one
  const photo = (container === 'pictures' || container === 'pdf') && rnd() < 0.3
  const seal = container !== 'tif' && rnd() < 0.3
  return {
    template,
    requestsForm,
    face: weighted<Face>(rnd, [
      ['song', 2],
      ['hei', 1],
      ['kai', 1.5]
    ]),
    container,
    // a table picture pasted into Word or a web page is a screenshot: 96–200 ppi
    // scanners record 150–300 dpi mostly, some 100 (a fax's fine mode is 200), some 300–400
    dpi: scanned
      ? Math.round(
          weighted(rnd, [
            [100, 1],
            [150, 2],
            [250, 1]
          ]) +
            rnd() * 50 * (1 + rnd() * 2)
        )
      : Math.round(96 + rnd() * 104),
    quarter: scanned && rnd() < 0.25 ? pick(rnd, [90, 180, 270] as const) : 0,
    skew: scanned ? round((rnd() * 2 - 1) * 3, 2) : 0,
    perspective: photo ? round(0.03 + rnd() * 0.03, 3) : 0,
    // a fax machine scans paper pressed flat against its glass under its own even lamp: sharp, never
    // a defocused photo, never half in shadow (a blurred or half-dark page thresholded to bilevel at
    // a fixed level lost its print or went black wholesale, 0/200 cells, conditions no fax makes);
    // drawn all the same, so the conditions after them stay as seeded
    light: Math.max(container === 'tif' ? 1 : 0, photo || (scanned && rnd() < 0.15) ? round(0.5 + rnd() * 0.3, 2) : 1),
    blur: Math.min(container === 'tif' ? 0.4 : Infinity, round(rnd() < 0.3 ? 0.6 + rnd() * 0.8 : rnd() * 0.4, 2)),
    quality: container === 'tif' ? 0 : rnd() < 0.15 ? 0 : Math.round(40 + rnd() * 50),
    shading: weighted(rnd, [
      ['none', 2],
      ['grey', 1.5],
      ['colour', 1]
    ] as ['none' | 'grey' | 'colour', number][]),
    border: rnd() < 0.3 ? round(2.5 + rnd() * 2, 1) : 1,
    wrap: rnd() < 0.35,
    seal
  }
}

/** Numbers of every table of the template, random but consistent with the 勾稽关系 (totals, balance). */
export function randomCells(rnd: () => number, template: Template, requestsForm: Template): Cells {
  const n = (max: number): number => Math.floor(rnd() * rnd() * max)
  const cells: Cells = {}
  const groups = [DENIED, UNABLE, NOT_PROCESSED, ...(requestsForm === '2021' ? [OTHER_2021] : [])]
  const resultRows = ['granted', 'partially_granted', ...groups.flatMap((g) => g.rows.map(([key]) => key)), ...(requestsForm === '2019' ? ['other'] : [])]
  const sums: Record<string, number> = {}
  COLUMNS.slice(0, 6).forEach((col, i) => {
    const received = i === 0 ? n(400) : n(rnd() < 0.5 ? 3 : 40)
    const carried = n(i === 0 ? 20 : 3)
    const forward = Math.min(received + carried, n(i === 0 ? 20 : 3))
    let left = received + carried - forward
    const split = resultRows.map(() => 0)
    // most requests are granted; the rest spread over a few outcome rows
    while (left > 0) {
      const row = rnd() < 0.5 ? 0 : rnd() < 0.3 ? 1 : Math.floor(rnd() * rnd() * resultRows.length)
      const k = Math.min(left, 1 + Math.floor(rnd() * Math.max(1, left / 4)))
      split[row] += k
      left -= k
    }
    const put = (row: string, v: number): void => {
      cells[`requests.${row}.${col}`] = v
      sums[row] = (sums[row] ?? 0) + v
    }
    put('new_received', received)
    put('carried_over', carried)
    resultRows.forEach((row, r) => put(row, split[r]))
    put('total', received + carried - forward)
    put('carried_forward', forward)
  })
  for (const [row, sum] of Object.entries(sums)) cells[`requests.${row}.total`] = sum
  for (const g of ['review', 'litigation_direct', 'litigation_after_review']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((p) => {
      const v = n(g === 'review' ? 12 : 6)
      cells[`appeals.${g}.${p}`] = v
      return v
    })
    cells[`appeals.${g}.total`] = parts.reduce((a, b) => a + b, 0)
  }
  const active = fillActive(template, {}, rnd)
  // some fees are charged, in 万元 with decimals, as real reports print them
  if (template === '2021' && rnd() < 0.3) active['active.fees.amount'] = round(rnd() * 300, 2)
  return { ...active, ...cells }
}

interface Truth {
  meta: { agency: string[]; year: number; template: Template }
  tables: Record<string, string>
  cells: Cells
}

/** The shared truths whose three tables are all printed: their real numbers make reports. */
function sharedTruths(): { path: string; truth: Truth }[] {
  const out: { path: string; truth: Truth }[] = []
  for (const set of ['seeds/truth', 'corpus/truth']) {
    let names: string[] = []
    try {
      names = readdirSync(join(SHARED, set))
        .filter((f) => f.endsWith('.json'))
        .sort()
    } catch {
      continue
    }
    for (const name of names) {
      const truth = JSON.parse(readFileSync(join(SHARED, set, name), 'utf8')) as Truth
      if (Object.values(truth.tables).every((t) => t === 'found') && truth.meta.template) out.push({ path: `${set}/${name}`, truth })
    }
  }
  return out
}

export interface PlanOptions {
  /** Pages turned by quarter turns among the conditions (default true). */
  quarterTurns?: boolean
  /** Every report in this container (the other conditions drawn as ever). */
  container?: Container
  /** A page of prose before the tables: four pages instead of three. */
  cover?: boolean
}

/** The reports of a seed: conditions, meta and numbers, nothing drawn yet. */
export function planReports(count: number, seed: number, options: PlanOptions = {}): Plan[] {
  const truths = sharedTruths()
  return Array.from({ length: count }, (_, i) => {
    const own = seed * 7919 + i * 104729 + 1
    const rnd = prng(own)
    // half the reports carry real numbers of the shared truths, the others random consistent ones
    const source = truths.length && rnd() < 0.5 ? pick(rnd, truths) : null
    let template: Template
    let requestsForm: Template
    let cells: Cells
    let agency: string
    let agencies: string[]
    let year: number
    if (source) {
      template = source.truth.meta.template
      requestsForm = 'requests.other.total' in source.truth.cells ? '2019' : '2021'
      cells = fillActive(template, source.truth.cells, rnd)
      agencies = source.truth.meta.agency
      agency = agencies[0]
      year = source.truth.meta.year
    } else {
      template = rnd() < 0.3 ? '2019' : '2021'
      // a 2021 report printed with the 2019 single （六） row, as some are
      requestsForm = template === '2019' || rnd() < 0.12 ? '2019' : '2021'
      cells = randomCells(rnd, template, requestsForm)
      agency = pick(rnd, AGENCIES)
      agencies = [agency]
      year = template === '2019' ? 2019 + Math.floor(rnd() * 2) : 2021 + Math.floor(rnd() * 5)
    }
    const conditions = drawConditions(rnd, template, requestsForm)
    // drawn all the same, so the other conditions of the seed stay as they are
    if (options.quarterTurns === false) conditions.quarter = 0
    if (options.container) conditions.container = options.container
    return {
      ...(options.cover ? { cover: true } : {}),
      name: `g${String(seed).padStart(3, '0')}_${String(i).padStart(3, '0')}_${conditions.container}`,
      seed: own,
      conditions,
      agency,
      agencies,
      year,
      values: source?.path ?? 'random',
      cells
    }
  })
}

/** Short tags for reading the scores apart by condition (a report has several). */
export function tagsOf(c: Conditions): string[] {
  const tags = [`container:${c.container}`, `template:${c.template === c.requestsForm ? c.template : 'mixed'}`, `face:${c.face}`]
  tags.push(c.dpi < 150 ? 'dpi:<150' : c.dpi < 250 ? 'dpi:150-249' : 'dpi:250+')
  if (c.quarter) tags.push(`turned:${c.quarter}`)
  if (Math.abs(c.skew) > 1.5) tags.push('skew>1.5°')
  if (c.perspective) tags.push('perspective')
  if (c.light < 1) tags.push('uneven-light')
  if (c.blur >= 0.6) tags.push('blur')
  if (c.quality && c.quality < 60) tags.push('jpeg<60')
  if (c.shading !== 'none') tags.push(`shading:${c.shading}`)
  if (c.border > 1) tags.push('thick-border')
  if (c.wrap) tags.push('wrapped-labels')
  if (c.seal) tags.push('seal')
  return tags
}

// ---------------------------------------------------------------------------------------------
// Drawing: HTML pages of A4 (794 × 1123 CSS px at 96 px/in), screenshot at the true dpi.

const PAGE_W = 794
const PAGE_H = 1123

/** Column widths (in %) of each table: narrow label columns make the long labels wrap. */
function colgroup(widths: number[]): string {
  return `<colgroup>${widths.map((w) => `<col style="width:${w.toFixed(2)}%">`).join('')}</colgroup>`
}

function styledTable(html: string, widths: number[], c: Conditions): string {
  const shade = c.shading === 'grey' ? '#d0d0d0' : '#cfe0f3'
  let out = html.replace(/<table[^>]*>/, (t) => `${t}\n${colgroup(widths)}`)
  if (c.shading !== 'none') {
    // header rows: rows holding no number and no blank value cell
    out = out.replace(/<tr>([\s\S]*?)<\/tr>/g, (row, inner: string) => {
      const texts = [...inner.matchAll(/<p align="center">([\s\S]*?)<\/p>/g)].map((m) => m[1])
      const header = texts.every((t) => /[\u4e00-\u9fff]/.test(t))
      return header ? `<tr class="head">${inner}</tr>` : row
    })
    out = out.replace('<table', `<table data-shade="${shade}"`)
  }
  return out
}

function tablesOf(plan: Plan): { lead: string; html: string }[] {
  const c = plan.conditions
  const cells = plan.cells
  const labelShare = c.wrap ? 16 : 30
  const activeCols = c.template === '2021' ? 4 : 5
  const activeWidths = [labelShare, ...Array(activeCols - 1).fill((100 - labelShare) / (activeCols - 1))]
  // table 三: three label columns (the vertical 三、本年度办理结果, the group, the row) and seven numbers
  const requestLabels = c.wrap ? [4, 8, 17] : [5, 12, 29]
  const requestWidths = [...requestLabels, ...Array(7).fill((100 - requestLabels.reduce((a, b) => a + b, 0)) / 7)]
  return [
    { lead: '二、主动公开政府信息情况', html: styledTable(c.template === '2021' ? active2021(cells) : active2019(cells), activeWidths, c) },
    { lead: '三、收到和处理政府信息公开申请情况', html: styledTable(requestsTable(c.requestsForm, cells), requestWidths, c) },
    { lead: '四、政府信息公开行政复议、行政诉讼情况', html: styledTable(appealsTable(cells), Array(15).fill(100 / 15), c) }
  ]
}

function style(c: Conditions): string {
  const shade = c.shading === 'grey' ? '#d0d0d0' : '#cfe0f3'
  return `<style>
html,body{margin:0;background:#fff}
body{font-family:${FACES[c.face]},"Droid Sans Fallback";color:#000}
.page{width:${PAGE_W}px;height:${PAGE_H}px;box-sizing:border-box;padding:48px 64px;position:relative;overflow:hidden;font-size:15px;line-height:1.7}
h1{font-size:21px;text-align:center;margin:0 0 6px;font-weight:normal}
.date{text-align:center;margin:0 0 10px}
p{margin:0}
.para{text-indent:2em}
.lead{font-weight:bold;margin:10px 0 6px}
.sign{text-align:right;margin-top:24px;padding-right:40px}
table{border-collapse:collapse;width:100%;table-layout:fixed;border:${c.border}px solid #000}
td{border:1px solid #000;font-size:12px;line-height:1.3;padding:${c.wrap ? '1px 2px' : '2px'};word-break:break-all}
td p{margin:0}
tr.head td{background:${shade}}
.seal{position:absolute;mix-blend-mode:multiply;opacity:0.85}
</style>`
}

/** A round official seal (公章): red ring, star, the agency's name along the arc. */
function sealSvg(agency: string, x: number, y: number, rnd: () => number): string {
  const r = 72
  const chars = [...agency]
  const sweep = Math.min(250, chars.length * 22)
  const letters = chars
    .map((ch, i) => {
      const a = ((-90 - sweep / 2 + (sweep * (i + 0.5)) / chars.length) * Math.PI) / 180
      const cx = r + Math.cos(a) * (r - 20)
      const cy = r + Math.sin(a) * (r - 20)
      return `<text x="${cx.toFixed(1)}" y="${cy.toFixed(1)}" font-size="15" fill="#d21e1e" text-anchor="middle" dominant-baseline="central" transform="rotate(${((a * 180) / Math.PI + 90).toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})">${esc(ch)}</text>`
    })
    .join('')
  const star = Array.from({ length: 10 }, (_, k) => {
    const a = (-90 + k * 36) * (Math.PI / 180)
    const rr = k % 2 ? 9 : 22
    return `${(r + Math.cos(a) * rr).toFixed(1)},${(r + Math.sin(a) * rr).toFixed(1)}`
  }).join(' ')
  const turn = ((rnd() * 2 - 1) * 20).toFixed(1)
  return `<svg class="seal" style="left:${x - r}px;top:${y - r}px;transform:rotate(${turn}deg)" width="${2 * r}" height="${2 * r}" viewBox="0 0 ${2 * r} ${2 * r}">
<circle cx="${r}" cy="${r}" r="${r - 3}" fill="none" stroke="#d21e1e" stroke-width="4"/>
<polygon points="${star}" fill="#d21e1e"/>${letters}</svg>`
}

/** The report as three A4 pages of HTML (title and table 二; table 三; table 四 and the close). */
export function pagesOf(plan: Plan): string[] {
  const c = plan.conditions
  const rnd = prng(plan.seed + 3)
  const title = `${plan.agency}${plan.year}年政府信息公开工作年度报告`
  const tables = tablesOf(plan)
  const received = plan.cells['requests.new_received.total'] ?? 0
  const date = `${plan.year + 1}年1月${10 + Math.floor(rnd() * 18)}日`
  const head = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title>${style(c)}</head><body>`
  const page = (body: string): string => `${head}<div class="page">${body}</div></body></html>`
  const lead = (t: { lead: string; html: string }): string => `<p class="lead">${t.lead}</p>${t.html}`
  // the seal over the 落款, its upper part reaching into the table above
  const sealAt = c.seal ? sealSvg(plan.agency, PAGE_W - 136 - 140 + Math.floor(rnd() * 40), 10 + Math.floor(rnd() * 20), rnd) : ''
  const cover = page(`<h1>${esc(title)}</h1><p class="date">（${date}）</p>
<p class="para">为全面反映本机关政府信息公开工作情况，现将${plan.year}年度工作情况报告如下。</p>
<p class="para">一是加强组织领导，明确分管负责同志和承办机构；二是完善工作制度，规范依申请公开办理流程；三是强化平台建设，及时更新政府信息公开专栏；四是加强政策解读，回应社会关切。</p>
<p class="para">本年度共组织政府信息公开业务培训${2 + Math.floor(rnd() * 6)}次，参训人员${20 + Math.floor(rnd() * 200)}人次。</p>`)
  return [
    ...(plan.cover ? [cover] : []),
    page(`<h1>${esc(title)}</h1><p class="date">（${date}）</p>
<p class="para">本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自${plan.year}年1月1日起至${plan.year}年12月31日止。</p>
<p class="lead">一、总体情况</p>
<p class="para">${plan.year}年，${esc(plan.agency)}坚持以公开为常态、不公开为例外，全年新收政府信息公开申请${received}件，均在法定期限内予以答复。</p>
${lead(tables[0])}`),
    page(lead(tables[1])),
    page(`${lead(tables[2])}
<p class="lead">五、存在的主要问题及改进情况</p>
<p class="para">一是公开内容的全面性和及时性有待提高；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。</p>
<p class="lead">六、其他需要报告的事项</p>
<p class="para">本年度未收取信息处理费。</p>
<div style="position:relative"><p class="sign">${esc(plan.agency)}</p><p class="sign" style="margin-top:0">${date}</p>${sealAt}</div>`)
  ]
}

type Browser = import('playwright-core').Browser

async function openBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  const executablePath = process.env.REPORT_DESK_CHROMIUM ?? '/usr/bin/chromium'
  return chromium.launch({ executablePath, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] })
}

/** Page PNGs at the plan's dpi (and, for pictures pasted in documents, each table alone). */
async function draw(browser: Browser, plan: Plan): Promise<{ pages: Uint8Array[]; tables: Uint8Array[] }> {
  const scale = plan.conditions.dpi / 96
  const context = await browser.newContext({ viewport: { width: PAGE_W, height: PAGE_H }, deviceScaleFactor: scale, offline: true })
  try {
    const tab = await context.newPage()
    const pages: Uint8Array[] = []
    const tables: Uint8Array[] = []
    const html = pagesOf(plan)
    for (let i = 0; i < html.length; i++) {
      await tab.setContent(html[i], { waitUntil: 'load' })
      // (a string: this script is type-checked without the DOM's types)
      const overflow = (await tab.evaluate("(() => { const p = document.querySelector('.page'); return p.scrollHeight > p.clientHeight + 1 })()")) as boolean
      if (overflow) throw new Error(`${plan.name}: page ${i + 1} overflows A4`)
      pages.push(new Uint8Array(await tab.screenshot({ clip: { x: 0, y: 0, width: PAGE_W, height: PAGE_H } })))
      if (plan.conditions.container === 'docx' || plan.conditions.container === 'mht') {
        // the table alone with a little paper around it, as a screenshot tool crops it
        const box = await tab.locator('table').first().boundingBox()
        if (!box) throw new Error(`${plan.name}: no table on page ${i + 1}`)
        const clip = { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 }
        tables.push(new Uint8Array(await tab.screenshot({ clip })))
      }
    }
    return { pages, tables }
  } finally {
    await context.close()
  }
}

/** Pixels darker than this (of 255) are black in a fax: a fax machine's threshold varies. */
function faxThreshold(rnd: () => number): number {
  return Math.round(255 * (0.55 + rnd() * 0.2))
}

/**
 * A clean picture through the conditions, in the order things happen to paper: seal ink is already
 * on it; grey unless the scan keeps colour; uneven light; a phone's keystone and a crooked feed; blur
 * (in points of the page, scaled to the dpi); sensor noise; the file turned by a quarter turn.
 */
export async function degrade(png: Uint8Array, c: Conditions, seed: number): Promise<Picture> {
  const rnd = prng(seed)
  let p = await decodePicture(png)
  if (!c.seal || c.container === 'tif') toGrey(p)
  if (c.light < 1) unevenLight(p, rnd() * p.width, rnd() * p.height, c.light)
  if (c.perspective || c.skew) {
    const m = (k: number): number => rnd() * c.perspective * k
    const { width: w, height: h } = p
    const corners: [number, number][] | null = c.perspective
      ? [
          [m(w), m(h)],
          [w - m(w), m(h)],
          [w - m(w), h - m(h)],
          [m(w), h - m(h)]
        ]
      : null
    // the desk shows around a photographed sheet; a scanner's lid is white
    p = warp(p, corners, c.skew, c.perspective ? 158 : 255)
  }
  if (c.blur > 0.05) blur(p, (c.blur * c.dpi) / 72 / 2)
  noise(p, 4 + rnd() * 8, rnd)
  return quarterTurn(p, c.quarter)
}

const LEADS = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']

/** The text of a report whose tables are pictures, with `picture(i)` where table i (0 = 二) goes. */
function narrativeBlocks(plan: Plan, picture: (i: number) => DocxBlock): DocxBlock[] {
  return [
    { text: `${plan.agency}${plan.year}年政府信息公开工作年度报告`, bold: true, align: 'center' },
    { text: `本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限自${plan.year}年1月1日起至${plan.year}年12月31日止。` },
    { text: '一、总体情况', bold: true },
    { text: `${plan.year}年，${plan.agency}坚持以公开为常态、不公开为例外。` },
    ...LEADS.flatMap((l, i): DocxBlock[] => [{ text: l, bold: true }, picture(i)]),
    { text: '五、存在的主要问题及改进情况', bold: true },
    { text: '一是公开内容的全面性和及时性有待提高；二是政策解读形式较为单一。' },
    { text: plan.agency, align: 'right' }
  ]
}

function narrativeHtml(plan: Plan, pictures: string[]): string {
  const title = `${plan.agency}${plan.year}年政府信息公开工作年度报告`
  const lines = narrativeBlocks(plan, (i) => ({ text: `\u0000${i}` })).map((b) => {
    if (!('text' in b)) return ''
    if (b.text.startsWith('\u0000')) return `<p align="center"><img src="${pictures[Number(b.text.slice(1))]}" width="640"></p>`
    const text = b.bold ? `<b>${esc(b.text)}</b>` : esc(b.text)
    return `<p${b.align ? ` align="${b.align}"` : ''}>${text}</p>`
  })
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n</head>\n<body>\n${lines.join('\n')}\n</body>\n</html>\n`
}

/** Draws one planned report into `out/files` and its truth into `out/truth`. Returns the file (or folder) name. */
export async function makeReport(browser: Browser, plan: Plan, out: string): Promise<string> {
  const c = plan.conditions
  const files = join(out, 'files')
  const { pages, tables } = await draw(browser, plan)
  const rnd = prng(plan.seed + 5)
  let made: string
  if (c.container === 'pdf') {
    const scans = []
    for (let i = 0; i < pages.length; i++) {
      const p = await degrade(pages[i], c, plan.seed * 10 + i)
      scans.push({ jpeg: encodeJpeg(p, c.quality || 92, c.dpi), width: p.width, height: p.height, dpi: c.dpi })
    }
    made = `${plan.name}.pdf`
    writeFileSync(join(files, made), imagePdf(scans))
  } else if (c.container === 'tif') {
    const scans = []
    for (let i = 0; i < pages.length; i++) scans.push({ picture: await degrade(pages[i], c, plan.seed * 10 + i), threshold: faxThreshold(rnd), dpi: c.dpi })
    made = `${plan.name}.tif`
    writeFileSync(join(files, made), g4Tiff(scans))
  } else if (c.container === 'pictures') {
    made = plan.name
    mkdirSync(join(files, made), { recursive: true })
    for (let i = 0; i < pages.length; i++) {
      const p = await degrade(pages[i], c, plan.seed * 10 + i)
      writeFileSync(join(files, made, `第${i + 1}页.${c.quality ? 'jpg' : 'png'}`), c.quality ? encodeJpeg(p, c.quality, c.dpi) : encodePng(p, c.dpi))
    }
  } else {
    // tables pasted as pictures: a screenshot is straight, but may be blurred, shaded, JPEG'd
    const flat: Conditions = { ...c, quarter: 0, skew: 0, perspective: 0, light: 1 }
    const pictures: { bytes: Uint8Array; width: number; height: number; mime: 'image/jpeg' | 'image/png'; name: string }[] = []
    for (let i = 0; i < tables.length; i++) {
      const p = await degrade(tables[i], flat, plan.seed * 10 + i)
      const mime: 'image/jpeg' | 'image/png' = c.quality ? 'image/jpeg' : 'image/png'
      pictures.push({
        bytes: c.quality ? encodeJpeg(p, c.quality, c.dpi) : encodePng(p, c.dpi),
        width: p.width,
        height: p.height,
        mime,
        name: `images/table${i + 2}.${c.quality ? 'jpg' : 'png'}`
      })
    }
    if (c.container === 'docx') {
      made = `${plan.name}.docx`
      writeFileSync(
        join(files, made),
        await docxOf(
          narrativeBlocks(plan, (i) => ({ picture: pictures[i].bytes, mime: pictures[i].mime, width: pictures[i].width, height: pictures[i].height }))
        )
      )
    } else {
      made = `${plan.name}.mht`
      const title = `${plan.agency}${plan.year}年政府信息公开工作年度报告`
      writeFileSync(
        join(files, made),
        mhtArchive(
          title,
          narrativeHtml(
            plan,
            pictures.map((p) => p.name)
          ),
          pictures.map((p) => ({ name: p.name, mime: p.mime, bytes: p.bytes }))
        )
      )
    }
  }
  const truth = {
    schema: 'report-desk/truth@1',
    source: made,
    meta: { agency: plan.agencies, year: plan.year, template: c.template },
    tables: { active: 'found', requests: 'found', appeals: 'found' },
    cells: plan.cells
  }
  writeFileSync(join(out, 'truth', `${plan.name}.json`), JSON.stringify(truth, null, 1) + '\n')
  return made
}

/** Plans and draws `count` reports of `seed` into `out` (files/, truth/, manifest.json). */
export async function generateScans(
  count: number,
  seed: number,
  out: string,
  log: (line: string) => void = () => {},
  options: PlanOptions = {}
): Promise<Plan[]> {
  const plans = planReports(count, seed, options)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(join(out, 'files'), { recursive: true })
  mkdirSync(join(out, 'truth'), { recursive: true })
  const browser = await openBrowser()
  try {
    for (const plan of plans) {
      const made = await makeReport(browser, plan, out)
      log(`${made}: ${tagsOf(plan.conditions).join(' ')}`)
    }
  } finally {
    await browser.close()
  }
  const manifest = plans.map((p) => ({ name: p.name, values: p.values, conditions: p.conditions, tags: tagsOf(p.conditions) }))
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n')
  return plans
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : fallback
}

if (require.main === module) {
  const count = Number(arg('--count', '40'))
  const seed = Number(arg('--seed', '1'))
  const out = resolve(arg('--out', join(ROOT, '.generated-scans')))
  generateScans(count, seed, out, console.log).then(
    () => console.log(`${count} reports of seed ${seed} in ${out}`),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    }
  )
}

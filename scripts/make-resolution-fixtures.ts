// Scans at their true resolution (issue #23): the pages of a text report printed to pixels at 200,
// 300 and 400 dpi, "scanned" (print faded to grey, optics blur and sensor noise scaled to the
// resolution, a slight turn, JPEG) and wrapped in an image-only PDF whose pages are A4 — so each
// PDF declares its pictures at their real dpi, as a scanner writes them. One more file has the
// table pages turned a quarter and a half (a wide table printed landscape, a sheet fed upside down).
//
//   npx tsx scripts/make-resolution-fixtures.ts      (needs pdftoppm, pdftotext and img2pdf)
//
// Outputs test/fixtures/scan/files/huaian_2024_<dpi>dpi.pdf, huaian_2024_turned.pdf and their truth
// (the corpus truth with `source` set). Seeds are fixed: the same files come out every time.

import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodePicture, canvasLib, encodeCanvas } from '../src/core/ingest/images/raster'
import { rotate, type Raster } from '../src/core/ocr/raster'
import { prng } from './official-tables'

const ROOT = join(__dirname, '..')
const SHARED = join(ROOT, '..', 'shared')
const OUT = join(ROOT, 'test', 'fixtures', 'scan')
const WORK = join(OUT, '.work-dpi')
const SOURCE = join(SHARED, 'corpus', 'files', '001_huaian_city_2024.pdf')
const TRUTH = join(SHARED, 'corpus', 'truth', '001_huaian_city_2024.json')
function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 })
}

/** The title page and the pages from table 二's header words to table 四's (the tables run over page breaks). */
function reportPages(): number[] {
  const count = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [SOURCE]))![1])
  let first = 0
  let last = 0
  for (let p = 2; p <= count; p++) {
    const text = run('pdftotext', ['-f', String(p), '-l', String(p), SOURCE, '-']).replace(/\s+/g, '')
    if (!first && text.includes('信息内容')) first = p
    if (first && /维持/.test(text) && /纠正/.test(text)) last = p
  }
  if (!first || !last) throw new Error("the tables' pages were not found")
  return [1, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)]
}

/** Print faded to grey, blurred over `blur` px, Gaussian noise of σ `noise`: a light, noisy scan. */
function scanned(page: Raster, seed: number, { turn, blur, noise, fade }: { turn: number; blur: number; noise: number; fade: number }): Raster {
  const rnd = prng(seed)
  const gauss = (): number => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd())
  const turned = rotate(page, turn)
  const { width: w, height: h } = turned
  const faded = turned.data.map((v) => 255 - (255 - v) * fade)
  // separable box blur
  const tmp = new Float32Array(w * h)
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      let n = 0
      for (let d = -blur; d <= blur; d++) if (x + d >= 0 && x + d < w) ((s += faded[y * w + x + d]), n++)
      tmp[y * w + x] = s / n
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0
      let n = 0
      for (let d = -blur; d <= blur; d++) if (y + d >= 0 && y + d < h) ((s += tmp[(y + d) * w + x]), n++)
      out[y * w + x] = Math.max(0, Math.min(255, Math.round(s / n + gauss() * noise)))
    }
  }
  return { width: w, height: h, data: out }
}

/** Grey pixels → JPEG that declares `dpi` in its JFIF header (img2pdf sizes the page from it). */
async function jpegAt(r: Raster, dpi: number, quality: number): Promise<Uint8Array> {
  const canvas = canvasLib().createCanvas(r.width, r.height)
  const context = canvas.getContext('2d')
  const image = context.createImageData(r.width, r.height)
  for (let i = 0; i < r.data.length; i++) image.data.set([r.data[i], r.data[i], r.data[i], 255], i * 4)
  context.putImageData(image, 0, 0)
  const jpeg = await encodeCanvas(canvas, 'jpeg', quality)
  // APP0 'JFIF\0' at byte 6: version (2 bytes), units (1 = dots per inch), X and Y density
  if (String.fromCharCode(...jpeg.subarray(6, 10)) !== 'JFIF') throw new Error('no JFIF header to declare the dpi in')
  jpeg[13] = 1
  jpeg[14] = dpi >> 8
  jpeg[15] = dpi & 255
  jpeg[16] = dpi >> 8
  jpeg[17] = dpi & 255
  return jpeg
}

/** A page turned by a multiple of 90° (clockwise as seen), pixels kept. */
function quarterTurns(r: Raster, quarters: number): Raster {
  let out = r
  for (let q = 0; q < ((quarters % 4) + 4) % 4; q++) {
    const { width: w, height: h, data } = out
    const next = new Uint8Array(w * h)
    // clockwise: (x, y) → (h − 1 − y, x) in a h-wide picture
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) next[x * h + (h - 1 - y)] = data[y * w + x]
    out = { width: h, height: w, data: next }
  }
  return out
}

/** The report's pages at `dpi`, the `turns[i]`-th of them turned by that many quarters clockwise. */
async function makeAt(dpi: number, name: string, seed: number, turns: number[] = []): Promise<void> {
  const pages = reportPages()
  const dir = join(WORK, name)
  mkdirSync(dir, { recursive: true })
  const jpegs: string[] = []
  for (const p of pages) {
    run('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(p), '-l', String(p), '-singlefile', SOURCE, join(dir, `p${p}`)])
    const clean = await decodePicture(readFileSync(join(dir, `p${p}.png`)))
    const rnd = prng(seed * 100 + p)
    const page = scanned(clean, seed * 100 + p, { turn: (rnd() - 0.5) * 1.4, blur: Math.round(dpi / 300), noise: 8, fade: 0.7 })
    const file = join(dir, `p${p}.jpg`)
    writeFileSync(file, await jpegAt(quarterTurns(page, turns[pages.indexOf(p)] ?? 0), dpi, 60))
    jpegs.push(file)
  }
  run('img2pdf', ['--nodate', '--producer', '', '-o', join(OUT, 'files', `${name}.pdf`), ...jpegs])
  const truth = JSON.parse(readFileSync(TRUTH, 'utf8'))
  truth.source = `${name}.pdf`
  writeFileSync(join(OUT, 'truth', `${name}.json`), JSON.stringify(truth, null, 1) + '\n')
  console.log(`${name}.pdf: pages ${pages.join(', ')} at ${dpi} dpi`)
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true })
  for (const [i, dpi] of [200, 300, 400].entries()) await makeAt(dpi, `huaian_2024_${dpi}dpi`, 201 + i)
  // the tables' first page turned a quarter clockwise (a wide table printed landscape), the next a
  // half (a sheet fed upside down), the last three quarters
  await makeAt(200, 'huaian_2024_turned', 211, [0, 1, 2, 3])
  rmSync(WORK, { recursive: true, force: true })
}

void main()

// The bench's 10-page scan: one image-only PDF made of the scanned pages of the scan fixtures
// (test/fixtures/scan) at their true resolutions — 150 dpi grey, 200 and 300 dpi colour, pages held
// sideways — the JPEGs copied as they are, so the file is the same byte for byte on every run.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { imagePdf } from '../scan-pictures'

interface ScanJpeg {
  jpeg: Uint8Array
  width: number
  height: number
  grey: boolean
}

/** The DCT-coded pictures of an image-only PDF as img2pdf writes them (direct lengths), in file order. */
function jpegsOf(pdf: Uint8Array): ScanJpeg[] {
  const text = Buffer.from(pdf).toString('latin1')
  const out: ScanJpeg[] = []
  const dictionary = /<<([^<>]*\/Subtype\s*\/Image[^<>]*)>>\s*stream\r?\n/g
  for (let m = dictionary.exec(text); m; m = dictionary.exec(text)) {
    const dict = m[1]
    const num = (key: string): number => Number(new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict)?.[1])
    const [width, height, length] = [num('Width'), num('Height'), num('Length')]
    if (!/\/DCTDecode/.test(dict) || !(width > 0 && height > 0 && length > 0)) continue
    const start = m.index + m[0].length
    out.push({ jpeg: pdf.slice(start, start + length), width, height, grey: /\/DeviceGray/.test(dict) })
  }
  return out
}

/** Which pages of which fixture, and their true resolution. */
const PAGES: { file: string; dpi: number; take: number[] }[] = [
  { file: 'huaian_2024_scan.pdf', dpi: 150, take: [0, 1, 2] },
  { file: 'huaian_2024_200dpi.pdf', dpi: 200, take: [0, 1, 2, 3] },
  { file: 'huaian_2024_300dpi.pdf', dpi: 300, take: [2] },
  { file: 'huaian_2024_turned.pdf', dpi: 200, take: [0, 1] }
]

export function tenPageScan(fixtures: string): Uint8Array {
  const pages = PAGES.flatMap(({ file, dpi, take }) => {
    const jpegs = jpegsOf(new Uint8Array(readFileSync(join(fixtures, file))))
    return take.map((i) => ({ ...jpegs[i], dpi }))
  })
  if (pages.length !== 10 || pages.some((p) => !p.jpeg)) throw new Error('bench: the scan fixtures changed; cannot make the 10-page scan')
  return imagePdf(pages)
}

// Hostile inputs from the red-team pass (issue 12), made from a real .doc fixture and a few
// lines of code rather than shipped as binaries. The tests import these generators; run the
// script to get the files on disk, e.g. to drop them into the app by hand:
//
//   npx tsx scripts/hostile-files.ts OUT_DIR
//
// Each .doc variant damages one structure of the OLE compound file (MS-CFB) that word-extractor
// trusts: the killer is a two-sector cycle in the FAT, which makes word-extractor grow an array
// until V8 aborts the process ("Fatal JavaScript invalid size error", exit 133).

import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

export const DOC_FIXTURE = resolve(__dirname, '../test/fixtures/doc/files/lo_2021_split.doc')

export function fixtureDoc(): Uint8Array {
  return new Uint8Array(readFileSync(DOC_FIXTURE))
}

/** The OLE layout of a .doc: enough to find and damage its structures. */
interface OleLayout {
  sectorSize: number
  /** Byte offset of FAT entry `sector`. */
  fatEntryOffset(sector: number): number
  fat(sector: number): number
  directoryOffset(index: number): number
  entryStart(name: string): number
}

function layout(bytes: Uint8Array): OleLayout {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const sectorSize = 1 << dv.getUint16(30, true)
  const perSector = sectorSize / 4
  const offset = (sector: number): number => (sector + 1) * sectorSize
  const fatSectors = Array.from({ length: dv.getUint32(44, true) }, (_, i) => dv.getUint32(76 + 4 * i, true))
  const fatEntryOffset = (sector: number): number => offset(fatSectors[Math.floor(sector / perSector)]) + (sector % perSector) * 4
  const fat = (sector: number): number => dv.getUint32(fatEntryOffset(sector), true)
  const directorySectors: number[] = []
  for (let s = dv.getUint32(48, true); s < 0xfffffffa && directorySectors.length < 1000; s = fat(s)) directorySectors.push(s)
  const perDirSector = sectorSize / 128
  const directoryOffset = (index: number): number => offset(directorySectors[Math.floor(index / perDirSector)]) + (index % perDirSector) * 128
  const entryStart = (name: string): number => {
    for (let i = 0; i < directorySectors.length * perDirSector; i++) {
      const at = directoryOffset(i)
      const length = dv.getUint16(at + 64, true)
      if (Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.max(0, length - 2)).toString('utf16le') === name) return dv.getUint32(at + 116, true)
    }
    throw new Error(`no ${name} stream`)
  }
  return { sectorSize, fatEntryOffset, fat, directoryOffset, entryStart }
}

function patched(base: Uint8Array, edit: (dv: DataView, ole: OleLayout) => void): Uint8Array {
  const copy = new Uint8Array(base)
  edit(new DataView(copy.buffer), layout(copy))
  return copy
}

/** The killer: the WordDocument stream's second sector points back to its first (a → b → a). */
export function cyclicFatDoc(base = fixtureDoc()): Uint8Array {
  return patched(base, (dv, ole) => {
    const first = ole.entryStart('WordDocument')
    const second = ole.fat(first)
    dv.setUint32(ole.fatEntryOffset(second), first, true)
  })
}

/** Every damaged variant the OLE validator must refuse, by what is wrong. */
export function damagedDocs(base = fixtureDoc()): Record<string, Uint8Array> {
  return {
    'fat-cycle': cyclicFatDoc(base),
    // The directory stream's chain loops on itself through a second sector.
    'directory-chain-cycle': patched(base, (dv, ole) => {
      const first = dv.getUint32(48, true)
      dv.setUint32(ole.fatEntryOffset(first), 1, true)
      dv.setUint32(ole.fatEntryOffset(1), first, true)
    }),
    'sector-size': patched(base, (dv) => dv.setUint16(30, 30, true)),
    'fat-count-beyond-file': patched(base, (dv) => dv.setUint32(44, 0x7fffffff, true)),
    'difat-cycle': patched(base, (dv) => {
      // Claim a DIFAT sector that lists itself as the next one.
      const sectorSize = 1 << dv.getUint16(30, true)
      dv.setUint32(44, 110, true)
      dv.setUint32(68, 4, true)
      dv.setUint32(72, 2, true)
      dv.setUint32((4 + 1) * sectorSize + sectorSize - 4, 4, true)
    }),
    'chain-beyond-file': patched(base, (dv, ole) => {
      dv.setUint32(ole.fatEntryOffset(ole.entryStart('WordDocument')), 100_000, true)
    }),
    // The root's child's left sibling is the root's child itself: word-extractor recurses forever.
    'directory-tree-cycle': patched(base, (dv, ole) => {
      const child = dv.getInt32(ole.directoryOffset(0) + 76, true)
      dv.setInt32(ole.directoryOffset(child) + 68, child, true)
    }),
    'directory-index-beyond-table': patched(base, (dv, ole) => {
      dv.setInt32(ole.directoryOffset(0) + 76, 5000, true)
    }),
    truncated: base.slice(0, 4096)
  }
}

/**
 * A zip (zip64: the classic end record counts at most 65 535) with `count` empty entries: more
 * than any zip reader here accepts. It used to be reported as a damaged zip; it is a zip bomb.
 */
export function manyEntriesZip(count = 100_001): Uint8Array {
  const crc = crc32(Buffer.alloc(0))
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(`e/${i}`)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(45, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name)
    centrals.push(central, name)
    offset += 30 + name.length
  }
  const directory = Buffer.concat(centrals)
  const zip64End = Buffer.alloc(56)
  zip64End.writeUInt32LE(0x06064b50, 0)
  zip64End.writeBigUInt64LE(44n, 4)
  zip64End.writeUInt16LE(45, 12)
  zip64End.writeUInt16LE(45, 14)
  zip64End.writeBigUInt64LE(BigInt(count), 24)
  zip64End.writeBigUInt64LE(BigInt(count), 32)
  zip64End.writeBigUInt64LE(BigInt(directory.length), 40)
  zip64End.writeBigUInt64LE(BigInt(offset), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8)
  locator.writeUInt32LE(1, 16)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(0xffff, 8)
  end.writeUInt16LE(0xffff, 10)
  end.writeUInt32LE(0xffffffff, 12)
  end.writeUInt32LE(0xffffffff, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, zip64End, locator, end]))
}

/**
 * A page whose table has `rows` rows whose first cell spans to the end (rowspan=0), `cols` wide; the
 * other cells hold `value` ('' makes label + blank rows, which the recogniser once reread row after row).
 */
export function rowspanZeroHtml(rows: number, cols = 8, value = '1'): string {
  const cells = `<td>${value}</td>`.repeat(cols - 1)
  return tablePage(Array.from({ length: rows }, () => `<tr><td rowspan="0">x</td>${cells}</tr>`))
}

/** A page whose every row starts with a cell spanning half the table: each span ends on a row of its own. */
export function longRowspansHtml(rows: number, cols = 8): string {
  const cells = '<td>1</td>'.repeat(cols - 1)
  return tablePage(Array.from({ length: rows }, () => `<tr><td rowspan="${Math.ceil(rows / 2)}">x</td>${cells}</tr>`))
}

function tablePage(rows: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>rowspan</title></head><body><table>\n${rows.join('\n')}\n</table></body></html>`
}

/** A file of `bytes` zero bytes that takes no disk space (sparse), for the size limit. */
export function writeSparseFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w')
  try {
    ftruncateSync(fd, bytes)
  } finally {
    closeSync(fd)
  }
}

/**
 * Saved pages whose `_files` lead out of their folder (issue 22, item 1), as a zip or tar download
 * restores them on Linux and macOS. Written under `dir`:
 *   outside/secret.txt                 what must never be read
 *   pages/linked-folder.html           its `linked-folder_files` is a link to ../outside
 *   pages/linked-file.html             a real folder holding own.png and a link to ../../outside/secret.txt
 *   pages/looped.html                  a real folder holding a link to itself and one to its parent
 *   pages/linked-subfolder.html        a real folder holding a link sub → ../../outside
 * Returns the pages' paths and the secret's.
 */
export function symlinkedPages(dir: string): {
  pages: Record<'linkedFolder' | 'linkedFile' | 'looped' | 'linkedSubfolder', string>
  secret: string
  outside: string
} {
  const outside = join(dir, 'outside')
  const pages = join(dir, 'pages')
  mkdirSync(outside, { recursive: true })
  mkdirSync(pages, { recursive: true })
  const secret = join(outside, 'secret.txt')
  writeFileSync(secret, 'SECRET-OUTSIDE-THE-PAGE')
  writeFileSync(join(outside, 'secret.png'), 'SECRET-PICTURE')
  const page = (stem: string): string => {
    const path = join(pages, `${stem}.html`)
    writeFileSync(
      path,
      `<!doctype html><html><head><meta charset="utf-8"></head><body><p>某区人民政府2023年政府信息公开工作年度报告</p><img src="${stem}_files/secret.png"></body></html>`
    )
    return path
  }
  const linkedFolder = page('linked-folder')
  symlinkSync('../outside', join(pages, 'linked-folder_files'))
  const linkedFile = page('linked-file')
  mkdirSync(join(pages, 'linked-file_files'))
  writeFileSync(join(pages, 'linked-file_files', 'own.png'), 'OWN')
  symlinkSync('../../outside/secret.txt', join(pages, 'linked-file_files', 'secret.txt'))
  const looped = page('looped')
  mkdirSync(join(pages, 'looped_files'))
  writeFileSync(join(pages, 'looped_files', 'own.png'), 'OWN')
  symlinkSync('.', join(pages, 'looped_files', 'self'))
  symlinkSync('..', join(pages, 'looped_files', 'parent'))
  const linkedSubfolder = page('linked-subfolder')
  mkdirSync(join(pages, 'linked-subfolder_files'))
  symlinkSync('../../outside', join(pages, 'linked-subfolder_files', 'sub'))
  return { pages: { linkedFolder, linkedFile, looped, linkedSubfolder }, secret, outside }
}

/** A saved page whose `_files` holds `count` sparse files of `bytes` each (issue 22, item 3). */
export function pageWithSparseFiles(dir: string, count: number, bytes = 99 * 1024 * 1024): string {
  mkdirSync(join(dir, 'big_files'), { recursive: true })
  const path = join(dir, 'big.html')
  writeFileSync(path, '<!doctype html><html><head><meta charset="utf-8"></head><body><p>某区人民政府2023年政府信息公开工作年度报告</p></body></html>')
  for (let i = 0; i < count; i++) writeSparseFile(join(dir, 'big_files', `junk-${i}.bin`), bytes)
  return path
}

/**
 * A one-page PDF painting one `width`×`height` grey picture (all white, deflated: at 8 bits a pixel
 * 20000² is 400 MB raw and 389 KB on disk) over the whole page (issue 22, item 2). pdf.js turns such
 * a picture into 4 bytes a pixel while it draws it.
 */
export function pictureBombPdf(width = 20_000, height = 20_000, bits: 1 | 8 = 8): Uint8Array {
  return imagePagesPdf([{ width, height, bits }])
}

/**
 * A scan of `pages` A4 pages, each painting its own `width`×`height` grey picture (300 dpi by
 * default) over the whole page (issue 22, item 9: every page was rendered, and kept, before OCR
 * read the first). White pages (OCR skips them as blank) measure rendering alone; with `band`, each
 * page carries a dark band whose place changes with the page, and is read.
 */
export function scannedPagesPdf(pages = 150, options: { width?: number; height?: number; band?: boolean } = {}): Uint8Array {
  const { width = 2480, height = 3508, band = false } = options
  return imagePagesPdf(
    Array.from({ length: pages }, (_, i) => ({ width, height, bits: 8 as const, ...(band ? { band: (i * 37) % Math.max(1, height - 40) } : {}) }))
  )
}

/** A PDF of A4 pages, each painting one deflated grey picture over the whole page (white, with an optional 20-row dark band). */
function imagePagesPdf(pictures: { width: number; height: number; bits: 1 | 8; band?: number }[]): Uint8Array {
  const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q\n', 'latin1')
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`${dict.replace('>>', ` /Length ${data.length} >>`)}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])
  // 1 catalog, 2 page tree, then per page: page, contents, picture
  const kids = pictures.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pictures.length} >>`, 'latin1')
  ]
  pictures.forEach(({ width, height, bits, band }, i) => {
    const rowBytes = Math.ceil((width * bits) / 8)
    const raw = Buffer.alloc(rowBytes * height, 0xff)
    if (band !== undefined) raw.fill(0x20, rowBytes * band, rowBytes * Math.min(height, band + 20))
    const page = 3 + 3 * i
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`,
        'latin1'
      ),
      stream('<< >>', content),
      stream(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent ${bits} /Filter /FlateDecode >>`,
        deflateSync(raw, { level: 9 })
      )
    )
  })
  return pdfOfObjects(objects)
}

/** A PDF of `objects` (1 0 obj, 2 0 obj … in order; object 1 the catalog), with its cross-reference table. */
export function pdfOfObjects(objects: (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let offset = parts[0].length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(offset)
    const whole = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1')
    ])
    parts.push(whole)
    offset += whole.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('')
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'))
  return new Uint8Array(Buffer.concat(parts))
}

/**
 * A TIFF of one `side`² page declaring `samples` samples of 8 bits a pixel, its pixels absent (issue 22,
 * item 9): 138 bytes that made UTIF allocate side² × samples bytes (4 GB at 1000² × 4096).
 */
export function manySamplesTiff(side = 1000, samples = 4096): Uint8Array {
  const entries: [number, number, number][] = [
    // tag, type (3 SHORT, 4 LONG), value
    [256, 4, side],
    [257, 4, side],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 134],
    [277, 3, samples],
    [278, 4, side],
    [279, 4, 4],
    [284, 3, 1]
  ]
  const bytes = Buffer.alloc(8 + 2 + entries.length * 12 + 4 + 4)
  bytes.write('II', 0, 'latin1')
  bytes.writeUInt16LE(42, 2)
  bytes.writeUInt32LE(8, 4)
  bytes.writeUInt16LE(entries.length, 8)
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12
    bytes.writeUInt16LE(tag, at)
    bytes.writeUInt16LE(type, at + 2)
    bytes.writeUInt32LE(1, at + 4)
    if (type === 3) bytes.writeUInt16LE(value, at + 8)
    else bytes.writeUInt32LE(value, at + 8)
  })
  return new Uint8Array(bytes)
}

/** A grey PNG of `width`×`height` pixels all of `grey` (deflated: 60 M pixels take about 60 KB). */
export function plainPng(width: number, height: number, grey = 255): Uint8Array {
  const row = Buffer.alloc(width + 1, grey)
  row[0] = 0 // filter: none
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) row.copy(raw, y * (width + 1))
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bits
  ihdr[9] = 0 // greyscale
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0))
    ])
  )
}

/**
 * A saved page showing `count` blank pictures of `side`² pixels (one file in its `_files`, shown
 * `count` times), in place of its tables (issue 22, item 9: forty blank pictures at the pixel cap
 * took 192 s of OCR, each page restarting the clock). Returns the page's path.
 */
export function blankPicturesPage(dir: string, count = 40, side = 7745): string {
  mkdirSync(join(dir, 'blank_files'), { recursive: true })
  writeFileSync(join(dir, 'blank_files', 'blank.png'), plainPng(side, side))
  const pictures = Array.from({ length: count }, () => '<p><img src="blank_files/blank.png"></p>').join('\n')
  const path = join(dir, 'blank.html')
  writeFileSync(
    path,
    `<!doctype html><html><head><meta charset="utf-8"></head><body><p>某区人民政府2023年政府信息公开工作年度报告</p>\n${pictures}\n</body></html>`
  )
  return path
}

/** A JPEG with two frame headers, the second 60000² (issue 22, item 10: skia crashed on such a file). */
export function twoFrameHeadersJpeg(): Uint8Array {
  const sof = (height: number, width: number): number[] => [0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]
  const dqt = [0xff, 0xdb, 0, 67, 0, ...Array(64).fill(1)]
  const dht = [0xff, 0xc4, 0, 20, 0, 1, ...Array(15).fill(0), 0]
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0]
  return new Uint8Array([0xff, 0xd8, ...dqt, ...sof(64, 64), ...sof(60000, 60000), ...dht, ...sos, 0x12, 0x34, 0xff, 0xd9])
}

/** A GIF of a 1×1 screen whose one frame is `side`² (issue 22, item 10: a 35-byte one aborted skia). */
export function hugeFrameGif(side = 60000): Uint8Array {
  const u16 = (n: number): number[] => [n & 0xff, n >> 8]
  return new Uint8Array([
    ...Buffer.from('GIF89a', 'latin1'),
    ...u16(64),
    ...u16(64),
    0,
    0,
    0, // a 64² screen, no colour table
    0x2c,
    ...u16(0),
    ...u16(0),
    ...u16(side),
    ...u16(side),
    0, // the frame
    2,
    2,
    0x4c,
    0x01,
    0, // LZW code size, one sub-block, end
    0x3b
  ])
}

/** Writes every hostile file into `dir`; returns their paths. */
export function writeHostileFiles(dir: string): string[] {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  const write = (name: string, bytes: Uint8Array | string): void => {
    writeFileSync(join(dir, name), bytes)
    written.push(join(dir, name))
  }
  for (const [what, bytes] of Object.entries(damagedDocs())) write(`ole-${what}.doc`, bytes)
  write('zip-100001-entries.docx', manyEntriesZip())
  write('rowspan-zero.html', rowspanZeroHtml(20_000))
  write('rowspan-zero-blank.html', rowspanZeroHtml(60_000, 8, ''))
  write('rowspan-half.html', longRowspansHtml(20_000))
  write('picture-bomb-20000x20000.pdf', pictureBombPdf())
  write('tiff-4096-samples.tif', manySamplesTiff())
  write('two-frame-headers.jpg', twoFrameHeadersJpeg())
  write('huge-frame.gif', hugeFrameGif())
  written.push(blankPicturesPage(join(dir, 'blank-pictures')))
  write('name\twith\ttabs\nand a newline.txt', '不是年报')
  writeSparseFile(join(dir, 'text-200mb.txt'), 200 * 1024 * 1024)
  written.push(join(dir, 'text-200mb.txt'))
  written.push(...Object.values(symlinkedPages(join(dir, 'symlinks')).pages))
  written.push(pageWithSparseFiles(join(dir, 'sparse-page'), 5))
  return written
}

if (require.main === module) {
  const dir = process.argv[2]
  if (!dir) {
    console.error('usage: npx tsx scripts/hostile-files.ts OUT_DIR')
    process.exit(2)
  }
  for (const path of writeHostileFiles(resolve(dir))) console.log(path)
}

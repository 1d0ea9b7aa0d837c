// A small ZIP writer for the XLSX export. Each member is deflated as it is produced, on zlib's
// thread pool while the caller builds the next rows, into a staging file of its own; the archive
// is assembled at the end, when every member's CRC and sizes are known. So several sheets can be
// written side by side in one pass over the library, and memory stays flat however big it is.

import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { once } from 'node:events'
import type { TransformOptions } from 'node:stream'
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw, type ZlibOptions } from 'node:zlib'
import { LibraryError } from '../db'

/** Text is gathered into chunks this big before it is handed to zlib. */
const CHUNK_CHARS = 1 << 16
/**
 * How much may wait for zlib before the writer pauses. Roomy, so that a pause is rare: waiting for
 * every chunk (the 16 KiB default) left the main thread idle at every pause.
 */
const BACKLOG_BYTES = 8 << 20
/** Without ZIP64, no member or offset may pass 4 GiB; far beyond what a spreadsheet program opens. */
const ZIP32_LIMIT = 0xffffffff
const UTF8_NAMES = 1 << 11
const DEFLATE = 8

const tooLarge = (): LibraryError => new LibraryError('export.too_large', '导出的工作簿将超过 4 GB，电子表格程序无法打开；请分批导出（例如只导出已核验的报告）')

interface Member {
  name: string
  crc: number
  size: number
  compressedSize: number
  /** Where the compressed bytes are: a staging file, or in memory. */
  staged: string | Buffer
}

/** A member written piece by piece; `settle()` now and then lets zlib catch up. */
export class StagedMember {
  private readonly deflate: DeflateRaw
  private fd: number | null
  /** A failure on zlib's side or writing the staging file (disk full), reported by the next call. */
  private failure: Error | null = null
  private pending: string[] = []
  private pendingChars = 0
  private crc = 0
  private size = 0
  private compressedSize = 0

  constructor(
    private readonly stagingPath: string,
    level: number
  ) {
    const fd = openSync(stagingPath, 'w')
    this.fd = fd
    // zlib passes stream options through to its Transform; its typings just do not say so.
    const options: ZlibOptions & TransformOptions = { level, memLevel: 9, chunkSize: 1 << 16, highWaterMark: BACKLOG_BYTES }
    this.deflate = createDeflateRaw(options)
    this.deflate.on('error', (e) => (this.failure ??= e))
    this.deflate.on('data', (chunk: Buffer) => {
      try {
        writeSync(fd, chunk)
        this.compressedSize += chunk.length
      } catch (e) {
        this.deflate.destroy(e as Error)
      }
    })
  }

  write(text: string): void {
    this.pending.push(text)
    this.pendingChars += text.length
    if (this.pendingChars >= CHUNK_CHARS) this.flush()
  }

  /** Resolves once zlib has room again. */
  async settle(): Promise<void> {
    if (this.failure) throw this.failure
    if (this.deflate.writableNeedDrain) await once(this.deflate, 'drain')
  }

  /** Finishes the member; the caller names it when the archive is assembled. */
  async close(): Promise<Omit<Member, 'name'>> {
    if (this.failure) throw this.failure
    this.flush()
    const ended = once(this.deflate, 'end')
    this.deflate.end()
    await ended
    this.closeFile()
    return { crc: this.crc, size: this.size, compressedSize: this.compressedSize, staged: this.stagingPath }
  }

  /** Stops without finishing (an error elsewhere): the staging file goes. */
  abort(): void {
    this.deflate.destroy()
    this.closeFile()
    rmSync(this.stagingPath, { force: true })
  }

  private closeFile(): void {
    // Once only: a closed descriptor's number may already belong to another file.
    if (this.fd === null) return
    closeSync(this.fd)
    this.fd = null
  }

  private flush(): void {
    if (this.pendingChars === 0) return
    const bytes = Buffer.from(this.pending.join(''), 'utf8')
    this.pending = []
    this.pendingChars = 0
    this.crc = crc32(bytes, this.crc)
    this.size += bytes.length
    this.deflate.write(bytes)
  }
}

/** The archive's members in order; `writeTo` assembles them into one file. */
export class ZipArchive {
  private readonly members: Member[] = []

  addText(name: string, text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    const compressed = deflateRawSync(bytes)
    this.members.push({ name, crc: crc32(bytes), size: bytes.length, compressedSize: compressed.length, staged: compressed })
  }

  addStaged(name: string, member: Omit<Member, 'name'>): void {
    this.members.push({ name, ...member })
  }

  writeTo(path: string): void {
    const fd = openSync(path, 'w')
    try {
      const central: Buffer[] = []
      let offset = 0
      const stamp = dosTime(new Date())
      for (const m of this.members) {
        const name = Buffer.from(m.name, 'utf8')
        if (m.size > ZIP32_LIMIT || m.compressedSize > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw tooLarge()
        const local = localHeader(m, name, stamp)
        writeSync(fd, local)
        copyStaged(fd, m.staged)
        central.push(centralHeader(m, name, stamp, offset))
        offset += local.length + m.compressedSize
      }
      const directory = Buffer.concat(central)
      if (offset + directory.length > ZIP32_LIMIT) throw tooLarge()
      writeSync(fd, directory)
      writeSync(fd, endOfDirectory(this.members.length, directory.length, offset))
    } finally {
      closeSync(fd)
    }
  }

  /** Removes the staging files (after `writeTo`, or after a failure). */
  discardStaging(): void {
    for (const m of this.members) if (typeof m.staged === 'string') rmSync(m.staged, { force: true })
  }
}

function copyStaged(fd: number, staged: string | Buffer): void {
  if (typeof staged !== 'string') {
    writeSync(fd, staged)
    return
  }
  const source = openSync(staged, 'r')
  const buffer = Buffer.allocUnsafe(1 << 20)
  try {
    for (let n = readSync(source, buffer); n > 0; n = readSync(source, buffer)) writeSync(fd, buffer, 0, n)
  } finally {
    closeSync(source)
  }
}

interface DosStamp {
  time: number
  date: number
}

function dosTime(d: Date): DosStamp {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
  }
}

/** The fields local and central headers share, in the same order: version needed … name length. */
function writeCommonFields(b: Buffer, at: number, m: Member, name: Buffer, stamp: DosStamp): void {
  b.writeUInt16LE(20, at) // version needed: 2.0 (deflate)
  b.writeUInt16LE(UTF8_NAMES, at + 2)
  b.writeUInt16LE(DEFLATE, at + 4)
  b.writeUInt16LE(stamp.time, at + 6)
  b.writeUInt16LE(stamp.date, at + 8)
  b.writeUInt32LE(m.crc >>> 0, at + 10)
  b.writeUInt32LE(m.compressedSize, at + 14)
  b.writeUInt32LE(m.size, at + 18)
  b.writeUInt16LE(name.length, at + 22)
}

function localHeader(m: Member, name: Buffer, stamp: DosStamp): Buffer {
  const b = Buffer.alloc(30) // the extra field's length (28) stays zero
  b.writeUInt32LE(0x04034b50, 0)
  writeCommonFields(b, 4, m, name, stamp)
  return Buffer.concat([b, name])
}

function centralHeader(m: Member, name: Buffer, stamp: DosStamp, offset: number): Buffer {
  const b = Buffer.alloc(46)
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(20, 4) // made by: 2.0, MS-DOS attributes
  writeCommonFields(b, 6, m, name, stamp)
  // extra, comment, disk, internal and external attributes: all zero
  b.writeUInt32LE(offset, 42)
  return Buffer.concat([b, name])
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  if (count > 0xffff) throw tooLarge()
  const b = Buffer.alloc(22)
  b.writeUInt32LE(0x06054b50, 0)
  b.writeUInt16LE(count, 8)
  b.writeUInt16LE(count, 10)
  b.writeUInt32LE(size, 12)
  b.writeUInt32LE(offset, 16)
  return b
}

// Checks the OLE compound file (MS-CFB) structure of a .doc before word-extractor reads it.
// word-extractor trusts every number in the file: a FAT chain that loops (a → b → a) makes it
// grow an array until V8 aborts the whole process, a directory tree that loops recurses
// forever, a sector count of two billion allocates two billion slots. Here every chain is
// walked once with cycle detection and its length bounded by the sectors the file really has,
// so such a file is refused with a reason instead of reaching word-extractor.

export interface OleProblem {
  /** What is wrong, in Chinese, for the reviewer. */
  zh: string
  en: string
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const HEADER_BYTES = 512
const DIRECTORY_ENTRY_BYTES = 128
const MINI_SECTOR_SHIFT = 6
/** Sector numbers at or above this are markers (end of chain, free, FAT/DIFAT sector), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa
const NO_STREAM = 0xffffffff
const TYPE_STORAGE = 1
const TYPE_STREAM = 2
const TYPE_ROOT = 5

class Damaged extends Error {
  constructor(readonly problem: OleProblem) {
    super(problem.en)
  }
}

function damaged(zh: string, en: string): never {
  throw new Damaged({ zh, en })
}

/** Null when the structure is sound enough for word-extractor; otherwise what is wrong. */
export function checkOleStructure(bytes: Uint8Array): OleProblem | null {
  try {
    new OleFile(bytes).check()
    return null
  } catch (e) {
    if (e instanceof Damaged) return e.problem
    throw e
  }
}

interface DirectoryEntry {
  type: number
  left: number
  right: number
  child: number
  start: number
  size: number
}

class OleFile {
  private readonly dv: DataView
  private readonly sectorSize: number
  /** Sectors the file really holds after its header (a last partial sector counts). */
  private readonly sectorCount: number
  private fat: Uint32Array = new Uint32Array(0)

  constructor(private readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (bytes.length < HEADER_BYTES || SIGNATURE.some((b, i) => bytes[i] !== b)) damaged('文件头无效', 'invalid header')
    const shift = this.u16(30)
    // Version 3 files use 512-byte sectors, version 4 files 4096-byte ones; nothing else exists.
    if (shift !== 9 && shift !== 12) damaged(`扇区大小无效（2^${shift}）`, `invalid sector size 2^${shift}`)
    if (this.u16(32) !== MINI_SECTOR_SHIFT) damaged('小扇区大小无效', 'invalid mini sector size')
    this.sectorSize = 1 << shift
    this.sectorCount = Math.max(0, Math.ceil((bytes.length - this.sectorSize) / this.sectorSize))
    if (this.sectorCount === 0) damaged('文件被截断，只有文件头', 'truncated: header only')
  }

  check(): void {
    this.fat = this.readFat()
    const directory = this.readDirectory()
    const root = directory[0]
    if (root?.type !== TYPE_ROOT) damaged('目录缺少根条目', 'the directory has no root entry')
    const miniFat = this.readMiniFat()
    const miniStreamSectors =
      root.start === NO_STREAM || root.start >= MAX_REGULAR_SECTOR ? 0 : this.chain(root.start, this.fat, this.sectorCount, '小流容器').length
    const miniSectorCount = (miniStreamSectors * this.sectorSize) >> MINI_SECTOR_SHIFT
    const cutoff = this.u32(56)
    for (const entry of this.reachableEntries(directory)) {
      if (entry.type !== TYPE_STREAM || entry.size === 0) continue
      if (entry.size < cutoff) this.chain(entry.start, miniFat, miniSectorCount, '数据流（小扇区）')
      else this.chain(entry.start, this.fat, this.sectorCount, '数据流')
    }
  }

  /** The FAT, from the 109 header slots and the DIFAT sector chain. */
  private readFat(): Uint32Array {
    const fatSectors = this.u32(44)
    const difatSectors = this.u32(72)
    if (fatSectors === 0 || fatSectors > this.sectorCount)
      damaged(`扇区分配表数量（${fatSectors}）超出文件实际扇区数`, `FAT sector count ${fatSectors} exceeds the file's ${this.sectorCount} sectors`)
    if (difatSectors > this.sectorCount) damaged('主扇区分配表数量超出文件实际扇区数', 'DIFAT sector count exceeds the file')
    const ids: number[] = []
    for (let i = 0; i < 109 && ids.length < fatSectors; i++) ids.push(this.u32(76 + 4 * i))
    const perSector = this.sectorSize / 4
    const seen = new Set<number>()
    // word-extractor reads as many DIFAT sectors as the header counts, whatever they hold.
    let difat = this.u32(68)
    for (let n = 0; n < difatSectors && difat < MAX_REGULAR_SECTOR; n++) {
      if (difat >= this.sectorCount) damaged('主扇区分配表链超出文件范围', 'the DIFAT chain runs past the file')
      if (seen.has(difat)) damaged('主扇区分配表链存在循环', 'the DIFAT chain loops')
      seen.add(difat)
      const at = this.offsetOf(difat)
      for (let i = 0; i < perSector - 1 && ids.length < fatSectors; i++) ids.push(this.u32(at + 4 * i))
      difat = this.u32(at + this.sectorSize - 4)
    }
    if (ids.length < fatSectors) damaged('主扇区分配表链过短', 'the DIFAT chain ends too early')
    const fat = new Uint32Array(fatSectors * perSector)
    ids.forEach((sector, i) => {
      if (sector >= this.sectorCount) damaged('扇区分配表位置超出文件范围', 'a FAT sector lies outside the file')
      const at = this.offsetOf(sector)
      for (let j = 0; j < perSector; j++) fat[i * perSector + j] = at + 4 * j + 4 <= this.bytes.length ? this.u32(at + 4 * j) : NO_STREAM
    })
    return fat
  }

  private readDirectory(): DirectoryEntry[] {
    const sectors = this.chain(this.u32(48), this.fat, this.sectorCount, '目录')
    if (sectors.length === 0) damaged('目录为空', 'the directory is empty')
    const entries: DirectoryEntry[] = []
    for (const sector of sectors) {
      for (
        let at = this.offsetOf(sector), end = at + this.sectorSize;
        at < end && at + DIRECTORY_ENTRY_BYTES <= this.bytes.length;
        at += DIRECTORY_ENTRY_BYTES
      ) {
        if (this.u16(at + 64) > 64) damaged('目录条目名称长度无效', 'a directory entry name is too long')
        entries.push({
          type: this.bytes[at + 66],
          left: this.u32(at + 68),
          right: this.u32(at + 72),
          child: this.u32(at + 76),
          start: this.u32(at + 116),
          size: this.u32(at + 120)
        })
      }
    }
    return entries
  }

  private readMiniFat(): Uint32Array {
    const start = this.u32(60)
    if (start >= MAX_REGULAR_SECTOR) return new Uint32Array(0)
    const sectors = this.chain(start, this.fat, this.sectorCount, '小扇区分配表')
    // word-extractor refuses a mini FAT whose chain is not the length the header claims.
    if (sectors.length !== this.u32(64)) damaged('小扇区分配表长度与文件头不符', 'the mini FAT length does not match the header')
    const perSector = this.sectorSize / 4
    const table = new Uint32Array(sectors.length * perSector)
    sectors.forEach((sector, i) => {
      const at = this.offsetOf(sector)
      for (let j = 0; j < perSector; j++) table[i * perSector + j] = at + 4 * j + 4 <= this.bytes.length ? this.u32(at + 4 * j) : NO_STREAM
    })
    return table
  }

  /**
   * The entries word-extractor will visit from the root, each exactly once: an index outside the
   * table or an entry reached twice (a loop in the red-black tree or a storage inside itself) is damage.
   */
  private reachableEntries(directory: DirectoryEntry[]): DirectoryEntry[] {
    const seen = new Set<number>([0])
    const out: DirectoryEntry[] = []
    const pending = [directory[0].child]
    while (pending.length > 0) {
      const index = pending.pop()!
      if (index === NO_STREAM) continue
      if (index >= directory.length) damaged('目录条目编号超出目录范围', 'a directory entry index is out of range')
      if (seen.has(index)) damaged('目录结构存在循环', 'the directory tree loops')
      seen.add(index)
      const entry = directory[index]
      out.push(entry)
      pending.push(entry.left, entry.right)
      if (entry.type === TYPE_STORAGE) pending.push(entry.child)
    }
    return out
  }

  /**
   * The sectors of a chain in `table`: each a sector the file has (`limit`), none twice, ending on
   * a marker. Visiting each sector once bounds the walk by the file's size.
   */
  private chain(start: number, table: Uint32Array, limit: number, what: string): number[] {
    const sectors: number[] = []
    const seen = new Set<number>()
    for (let sector = start; sector < MAX_REGULAR_SECTOR; sector = table[sector]) {
      if (sector >= limit || sector >= table.length) damaged(`${what}的扇区链超出文件范围`, `a ${chainName(what)} chain runs past the file`)
      if (seen.has(sector)) damaged(`${what}的扇区链存在循环`, `a ${chainName(what)} chain loops`)
      seen.add(sector)
      sectors.push(sector)
    }
    return sectors
  }

  private offsetOf(sector: number): number {
    return (sector + 1) * this.sectorSize
  }

  private u16(at: number): number {
    return this.dv.getUint16(at, true)
  }

  private u32(at: number): number {
    if (at + 4 > this.bytes.length) damaged('文件被截断', 'the file is truncated')
    return this.dv.getUint32(at, true)
  }
}

const CHAIN_NAMES: Record<string, string> = {
  目录: 'directory',
  小流容器: 'mini stream',
  小扇区分配表: 'mini FAT',
  数据流: 'stream',
  '数据流（小扇区）': 'mini stream'
}

function chainName(what: string): string {
  return CHAIN_NAMES[what] ?? 'sector'
}

// Opening a library: one SQLite file holding everything a reviewer needs offline. A file is looked
// at read-only first (integrity, is it a library at all, which version): nothing is written into a
// file that is not a library, and a library nobody may write to is opened read-only.

import Database from 'better-sqlite3'
import { accessSync, constants, mkdirSync, readFileSync, statSync, type Stats } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { foreignSchemaObjects } from './schema-objects'

export type Db = Database.Database

export class LibraryError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'LibraryError'
  }
}

export interface OpenOptions {
  /** better-sqlite3 built for another ABI (Electron's), see scripts/rebuild-native.mjs. */
  nativeBinding?: string
}

export interface LibraryOpenOptions extends OpenOptions {
  /** Open read-only even when the file could be written (list, export). */
  readOnly?: boolean
  /** Only a library that exists (打开资料库…): no new one from a missing path, an empty file or database. */
  existingOnly?: boolean
}

export interface OpenedLibrary {
  db: Db
  /** Why the library is open read-only (in Chinese), or null when it may be changed. */
  readOnly: string | null
  /** 'new_file' when the path did not exist, 'empty_file' when it was a zero-byte file. */
  created: 'new_file' | 'empty_file' | null
}

const binding = (options: OpenOptions): { nativeBinding?: string } => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})

/** SQLite's own reasons, as the reviewer reads them (its English kept after, for support). */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_CORRUPT: '资料库文件已损坏',
  SQLITE_NOTADB: '该文件不是 SQLite 数据库，也不是年报核验台的资料库',
  SQLITE_CANTOPEN: '无法打开该文件（文件不存在、无权限或所在文件夹不可访问）',
  SQLITE_READONLY: '资料库为只读，不能修改',
  SQLITE_BUSY: '资料库正被其他程序占用，请稍后再试',
  SQLITE_FULL: '磁盘已满，无法写入资料库',
  SQLITE_IOERR: '读写资料库文件时出错（磁盘或网络存储故障）'
}

/** A SQLite error's reason in Chinese ('资料库文件已损坏（database disk image is malformed）'), or its message. */
export function sqliteReason(e: unknown): string {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown }
  const base = typeof code === 'string' ? code.replace(/^(SQLITE_[A-Z]+?)(_[A-Z_]+)?$/, '$1') : ''
  const reason = SQLITE_REASONS[base]
  return reason ? `${reason}（${String(message)}）` : String(message)
}

const cannotOpen = (path: string, e: unknown): LibraryError =>
  e instanceof LibraryError ? e : new LibraryError('library.open', `无法打开资料库 ${path}：${sqliteReason(e)}`)

/** The library at `path`: created when missing, migrated when older, read-only when it must be. */
export function openLibrary(path: string, options: LibraryOpenOptions = {}): OpenedLibrary {
  if (path === ':memory:') return { db: openWritable(path, options), readOnly: null, created: null }
  let stats: Stats | null
  try {
    stats = statSync(path)
  } catch {
    stats = null
  }
  if (stats?.isDirectory()) throw new LibraryError('library.open', `无法打开资料库 ${path}：这是文件夹，不是资料库文件`)
  if (!stats || stats.size === 0) {
    if (options.readOnly || options.existingOnly || (stats && readOnlyReason(path))) {
      throw new LibraryError('library.missing', stats ? `资料库文件 ${path} 是空文件（0 字节），其中没有报告` : `找不到资料库 ${path}`)
    }
    if (!stats) mkdirSync(dirname(path), { recursive: true })
    return { db: openWritable(path, options), readOnly: null, created: stats ? 'empty_file' : 'new_file' }
  }
  const looked = openReadOnly(path, { ...options, emptyDatabase: true })
  const version = schemaVersion(looked)
  if ((options.readOnly || options.existingOnly) && version === 0) {
    looked.close()
    throw new LibraryError('library.not_library', `${path} 是空的数据库，还不是年报核验台的资料库`)
  }
  const reason = readOnlyReason(path) ?? (options.readOnly && version === SCHEMA_VERSION ? '只读命令' : null)
  if (reason) {
    if (version < SCHEMA_VERSION) {
      looked.close()
      throw new LibraryError(
        'library.read_only_old',
        `资料库 ${path} 为只读（${reason}），且结构版本较旧（${version}），无法升级：请把它复制到可写的位置后再打开。`
      )
    }
    looked.pragma('busy_timeout = 5000')
    return { db: looked, readOnly: reason, created: null }
  }
  looked.close()
  return { db: openWritable(path, options), readOnly: null, created: null }
}

/** Why nobody may write the library here (its file or its folder is read-only), or null. */
export function readOnlyReason(path: string): string | null {
  if (!writable(path)) return '文件为只读'
  if (!writable(dirname(path))) return '所在文件夹为只读'
  return null
}

/** Write permission and the write bits both: a file marked read-only stays so even for root. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return (statSync(path).mode & 0o222) !== 0
  } catch {
    return false
  }
}

function openWritable(path: string, options: OpenOptions): Db {
  let db: Db
  try {
    db = new Database(path, binding(options))
  } catch (e) {
    throw cannotOpen(path, e)
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    migrate(db)
    return db
  } catch (e) {
    db.close()
    throw cannotOpen(path, e)
  }
}

function checkIntegrity(db: Db, path: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[]
  if (rows.length !== 1 || rows[0].quick_check !== 'ok') {
    throw new LibraryError('library.corrupt', `资料库文件已损坏（${path}）：${rows.map((r) => r.quick_check).join('; ')}`)
  }
}

function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id))
  const newest = Math.max(0, ...applied)
  if (newest > SCHEMA_VERSION) {
    throw new LibraryError(
      'library.newer_schema',
      `该资料库由更新版本的年报核验台创建（结构版本 ${newest}，本程序支持到 ${SCHEMA_VERSION}），请升级程序后再打开。`
    )
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) continue
    db.transaction(() => {
      db.exec(m.sql)
      record.run(m.id, m.name, new Date().toISOString())
    })()
  }
}

/** The newest migration recorded; 0 for a database without any (an empty one). */
export function schemaVersion(db: Db): number {
  if (!hasTable(db, 'schema_migrations')) return 0
  const row = db.prepare('SELECT MAX(id) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>()

/** A prepared statement, compiled once per connection; always bind values as parameters. */
export function sql(db: Db, text: string): Database.Statement {
  let cache = statementCache.get(db)
  if (!cache) statementCache.set(db, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = db.prepare(text)))
  return statement
}

/**
 * The oldest schema a read-only open understands: migration 2 only added merge_conflicts, which
 * no read of another library needs, so a colleague's library from before it merges as it is.
 */
const OLDEST_READABLE_SCHEMA = 1

export interface ReadOnlyOptions extends OpenOptions {
  /** Accept a database with no tables at all (a library about to be created in it). */
  emptyDatabase?: boolean
}

/**
 * A library file opened for reading only (merge, export snapshot, the first look at any library):
 * integrity checked, and refused when it was made by a newer version or is not a library at all.
 */
export function openReadOnly(path: string, options: ReadOnlyOptions = {}): Db {
  const db = connectReadOnly(path, options)
  try {
    checkIntegrity(db, path)
    if (!hasTable(db, 'schema_migrations')) {
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get() as { n: number }
      if (options.emptyDatabase && n === 0) return db
      const what = n === 0 ? '空的数据库' : '其中是其他程序的数据'
      throw new LibraryError('library.not_library', `${path} 不是年报核验台的资料库（${what}），未作任何改动`)
    }
    const version = schemaVersion(db)
    if (version > SCHEMA_VERSION) {
      throw new LibraryError('library.newer_schema', `资料库 ${path} 由更新版本的年报核验台创建（结构版本 ${version}），请升级程序后再打开。`)
    }
    if (version < OLDEST_READABLE_SCHEMA) {
      throw new LibraryError('library.older_schema', `资料库 ${path} 的结构版本较旧（${version}），请先用本程序打开一次以升级。`)
    }
    const foreign = foreignSchemaObjects(db)
    if (foreign.length > 0) {
      const named = foreign.slice(0, 5).join('、') + (foreign.length > 5 ? ` 等 ${foreign.length} 项` : '')
      throw new LibraryError(
        'library.foreign_objects',
        `资料库 ${path} 含有年报核验台不会创建的触发器、视图或索引（${named}），可能被他人改动过：这些对象会在读写时自行执行，为安全起见未打开，也未作任何改动。`
      )
    }
    return db
  } catch (e) {
    db.close()
    throw cannotOpen(path, e)
  }
}

/**
 * A read-only connection. A WAL library in a folder nobody may write to cannot be read in place
 * (SQLite needs its -shm file beside it): when it has no pending -wal, its bytes are read into
 * memory, marked as a rollback-journal database there, and read from the copy.
 */
function connectReadOnly(path: string, options: OpenOptions): Db {
  let db: Db | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...binding(options) })
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get()
    return db
  } catch (e) {
    db?.close()
    const code = (e as { code?: string }).code ?? ''
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw cannotOpen(path, e)
    if (hasPendingWal(path)) {
      throw new LibraryError(
        'library.read_only_wal',
        `资料库 ${path} 所在文件夹为只读，且其 -wal 文件中还有未并入的修改，无法在此读取：请把资料库连同 -wal 文件复制到可写的位置后再打开。`
      )
    }
    return readCopy(path, options)
  }
}

/** The library's bytes read into memory, as a rollback-journal database there, read-only. */
export function readCopy(path: string, options: OpenOptions): Db {
  try {
    const bytes = readFileSync(path)
    if (bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20)
    return new Database(bytes, { readonly: true, ...binding(options) })
  } catch (e) {
    throw cannotOpen(path, e)
  }
}

function hasPendingWal(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0
  } catch {
    return false
  }
}

// Opening a library: one SQLite file holding everything a reviewer needs offline.

import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'

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

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let db: Db
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw new LibraryError('library.open', `无法打开资料库 ${path}：${(e as Error).message}`)
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    checkIntegrity(db, path)
    migrate(db)
    return db
  } catch (e) {
    db.close()
    if (e instanceof LibraryError) throw e
    throw new LibraryError('library.open', `无法打开资料库 ${path}：${(e as Error).message}`)
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

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(id) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
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

/**
 * Another library file opened for reading only (merge, export snapshot): integrity checked,
 * and refused when it was made by a newer version or is not a library at all.
 */
export function openReadOnly(path: string, options: OpenOptions = {}): Db {
  let db: Db
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  } catch (e) {
    throw new LibraryError('library.open', `无法打开资料库 ${path}：${(e as Error).message}`)
  }
  try {
    checkIntegrity(db, path)
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
    if (!hasMigrations) throw new LibraryError('library.not_library', `${path} 不是年报核验台的资料库`)
    const version = schemaVersion(db)
    if (version > SCHEMA_VERSION) {
      throw new LibraryError('library.newer_schema', `资料库 ${path} 由更新版本的年报核验台创建（结构版本 ${version}），请升级程序后再打开。`)
    }
    if (version < OLDEST_READABLE_SCHEMA) {
      throw new LibraryError('library.older_schema', `资料库 ${path} 的结构版本较旧（${version}），请先用本程序打开一次以升级。`)
    }
    return db
  } catch (e) {
    db.close()
    if (e instanceof LibraryError) throw e
    throw new LibraryError('library.open', `无法打开资料库 ${path}：${(e as Error).message}`)
  }
}

// Exports read from a snapshot: a second, read-only connection inside one read transaction, so the
// app keeps editing while a long export runs and the file still shows one consistent moment.

import Database from 'better-sqlite3'
import type { ExportFormat } from '../../shared/types'
import type { Db, OpenOptions } from '../db'
import { isLibraryFile, refuseLibraryFile } from '../paths'
import { removeStagingFolders } from '../leftovers'
import type { ExportOptions, WriterOptions } from './data'
import { writeCsv } from './csv'
import { writeJsonFolder } from './json'
import { isJsonFilePath, writeJsonFile } from './json-file'
import { writeXlsx } from './xlsx'

export type { ExportOptions } from './data'

const WRITERS: Record<ExportFormat, (db: Db, path: string, options: WriterOptions) => Promise<number>> = {
  xlsx: writeXlsx,
  csv: writeCsv,
  // A folder of files, or one file when the chosen path is a .json file name (see json-file.ts).
  json: (db, path, options) => (isJsonFilePath(path) ? writeJsonFile(db, path, options) : writeJsonFolder(db, path, options))
}

export async function exportTo(
  db: Db,
  libraryPath: string,
  format: ExportFormat,
  outPath: string,
  options: ExportOptions & OpenOptions & { readOnly?: boolean } = {}
): Promise<number> {
  const write = WRITERS[format]
  if (!write) throw new Error(`unknown export format: ${String(format)}`)
  refuseLibraryFile(libraryPath, outPath, 'export')
  if (format === 'xlsx') removeStagingFolders()
  const writerOptions: WriterOptions = { ...options, isLibraryFile: (path) => isLibraryFile(libraryPath, path) }
  if (libraryPath === ':memory:') return write(db, outPath, writerOptions)
  // A read-only library changes under no one: its own connection is the snapshot.
  if (options.readOnly) return inOneReadTransaction(db, () => write(db, outPath, writerOptions))
  const snapshot = new Database(libraryPath, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    return await inOneReadTransaction(snapshot, () => write(snapshot, outPath, writerOptions))
  } finally {
    snapshot.close()
  }
}

async function inOneReadTransaction<T>(db: Db, read: () => Promise<T>): Promise<T> {
  if (db.inTransaction) return read()
  db.exec('BEGIN')
  try {
    return await read()
  } finally {
    if (db.inTransaction) db.exec('COMMIT')
  }
}

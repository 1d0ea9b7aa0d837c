// Exports read from a snapshot: a second, read-only connection inside one read transaction, so the
// app keeps editing while a long export runs and the file still shows one consistent moment.

import Database from 'better-sqlite3'
import type { ExportFormat } from '../../shared/types'
import type { Db, OpenOptions } from '../db'
import type { ExportOptions } from './data'
import { writeCsv } from './csv'
import { writeJsonFolder } from './json'
import { isJsonFilePath, writeJsonFile } from './json-file'
import { writeXlsx } from './xlsx'

export type { ExportOptions } from './data'

const WRITERS: Record<ExportFormat, (db: Db, path: string, options: ExportOptions) => Promise<number>> = {
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
  options: ExportOptions & OpenOptions = {}
): Promise<number> {
  const write = WRITERS[format]
  if (!write) throw new Error(`unknown export format: ${String(format)}`)
  if (libraryPath === ':memory:') return write(db, outPath, options)
  const snapshot = new Database(libraryPath, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  })
  try {
    snapshot.exec('BEGIN')
    return await write(snapshot, outPath, options)
  } finally {
    if (snapshot.inTransaction) snapshot.exec('COMMIT')
    snapshot.close()
  }
}

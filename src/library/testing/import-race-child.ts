// Another process importing the same file with a slow write: it takes the write lock, stores the
// report, prints "locked", holds the lock for HOLD_MS, then commits. The test's own import of that
// file runs meanwhile and must find it, not fail on the UNIQUE constraint.
//   import-race-child LIBRARY FILE HOLD_MS

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { sha256Hex } from '../../core/hash'
import { templateKeys } from '../../core/template'
import { openLibrary } from '../db'
import { storeImported } from '../importing'
import { handReport } from './fixtures'

const [libraryPath, filePath, holdMs] = process.argv.slice(2)
const db = openLibrary(libraryPath).db
const bytes = new Uint8Array(readFileSync(filePath))
const cells = Object.fromEntries(templateKeys('2021').map((k, i) => [k, String(i % 9)]))
db.exec('BEGIN IMMEDIATE')
storeImported(db, { name: basename(filePath), bytes }, sha256Hex(bytes), handReport(basename(filePath), '并发导入测试局', 2022, cells))
process.stdout.write('locked\n')
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs))
db.exec('COMMIT')
db.close()
process.stdout.write('committed\n')

// Hostile library files, made by code rather than checked in: what a colleague's "library" (merge),
// a file picked by mistake (--library, 打开资料库…) or a crafted file may hold.

import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'

/** Another program's SQLite database: its own tables, rollback journal. */
export function foreignDatabase(path: string): Buffer {
  const db = new Database(path)
  db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('王五'), ('赵六')")
  db.close()
  return readFileSync(path)
}

/** A SQLite database holding nothing yet (its header written, no table). */
export function emptyDatabase(path: string): void {
  const db = new Database(path)
  db.pragma('user_version = 7')
  db.close()
}

/** A real library, closed, with one of its later pages overwritten: integrity check fails. */
export function damageLibrary(path: string): Buffer {
  const bytes = readFileSync(path)
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16)
  const pages = bytes.length / pageSize
  if (pages < 3) throw new Error('library too small to damage')
  // A b-tree page's header, scrambled: the page stays readable as bytes but not as a table.
  bytes.fill(0xa5, (pages - 1) * pageSize, (pages - 1) * pageSize + 64)
  writeFileSync(path, bytes)
  return bytes
}

/** Writes raw values into a closed library, as a crafted file would hold them. */
export function tamper(path: string, statements: [string, ...unknown[]][]): void {
  const db = new Database(path)
  for (const [text, ...values] of statements) db.prepare(text).run(...values)
  db.close()
}

/** Display HTML that tried, in a crafted library, to fake the original's text and navigate away. */
export const HOSTILE_DISPLAY_HTML =
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">' +
  '<style>.rd-source p{visibility:hidden} .rd-source:after{content:"本年新收 999"}</style>' +
  '<div class="rd-source modal" data-rd-start="0" data-rd-end="5 onmouseover=alert(1)" style="position:fixed">' +
  '<p data-rd-start="0" data-rd-end="5" onclick="alert(1)">原文正文</p>' +
  '<img src="https://evil.example/t.gif" onerror="alert(2)"><a href="javascript:alert(3)">链接文字</a>' +
  '<table><tr><td colspan="2 onclick=x" data-rd-table="0" data-rd-row="0" data-rd-col="0">7</td></tr></table>' +
  '<iframe src="https://evil.example/"></iframe><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">' +
  '</div>'

// What a library file may hold beyond its tables: the indexes and triggers our migrations create, as
// they create them, nothing else. A trigger runs on our own writes (one rewrote table 三's 总计 to 999
// at every edit, with no edit record), a view or an index on an expression runs its SQL on reads; one
// not ours, or ours with other SQL, means someone else changed the library, and it is not opened.

import type { Database as Db } from 'better-sqlite3'
import { MIGRATIONS } from './migrations'

const normal = (sql: string): string => sql.replace(/\s+/g, ' ').trim().toLowerCase()

/** type:name → the statement, as some migration creates it (SQLite keeps the CREATE text as written). */
function ownObjects(): Map<string, string> {
  const own = new Map<string, string>()
  // A trigger's body (migration 12's) holds semicolons: its statement runs to the END.
  const create = /\bCREATE\s+(?:UNIQUE\s+)?(INDEX|TRIGGER|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:[^;]*?\bBEGIN\b[\s\S]*?\bEND\b|[^;]*)/gi
  for (const m of MIGRATIONS) {
    for (const hit of m.sql.matchAll(create)) own.set(`${hit[1].toLowerCase()}:${hit[2].toLowerCase()}`, normal(hit[0]))
  }
  return own
}

let own: Map<string, string> | null = null

/** The triggers, views and indexes of the library that no version of ours creates as they are: 'trigger reports_x', … */
export function foreignSchemaObjects(db: Db): string[] {
  own ??= ownObjects()
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view', 'index')").all() as {
    type: string
    name: string
    sql: string | null
  }[]
  const foreign: string[] = []
  for (const { type, name, sql } of rows) {
    // An index SQLite made itself for a UNIQUE or PRIMARY KEY constraint has no SQL of its own.
    if (type === 'index' && sql === null) continue
    if (sql === null || own.get(`${type}:${name.toLowerCase()}`) !== normal(sql)) foreign.push(`${type} ${name}`)
  }
  return foreign
}

// Ordered schema migrations. Each runs once, in order, inside a transaction, and is recorded in
// schema_migrations. Never edit a released migration: add the next one.

export interface Migration {
  id: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'files and reports',
    sql: `
      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        format TEXT NOT NULL,
        bytes BLOB NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
        agency TEXT,
        year INTEGER,
        template TEXT CHECK (template IN ('2021', '2019')),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'problem', 'verified')),
        open_findings INTEGER NOT NULL DEFAULT 0,
        extractor_version TEXT NOT NULL,
        report_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX reports_agency_year ON reports(agency, year);
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].id

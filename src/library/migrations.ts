// Ordered schema migrations. Each runs once, in order, inside a transaction, and is recorded in
// schema_migrations. Never edit a released migration: add the next one.

export interface Migration {
  id: number
  name: string
  sql: string
}

/**
 * The cells 统计分析 adds up (stats/measures.ts), frozen as migration 7 indexed them: a partial
 * index is used only by a query whose WHERE holds the same `key IN (…)` term, so stats/read.ts
 * writes this very list into its query. A measure reading other keys needs a new migration.
 */
export const STATS_INDEXED_KEYS: readonly string[] = [
  'active.fees.amount',
  'active.licensing.decisions',
  'active.punishment.decisions',
  'appeals.litigation_after_review.corrected',
  'appeals.litigation_after_review.total',
  'appeals.litigation_direct.corrected',
  'appeals.litigation_direct.total',
  'appeals.review.corrected',
  'appeals.review.total',
  'requests.carried_forward.total',
  'requests.carried_over.total',
  'requests.denied.administrative_query.total',
  'requests.denied.enforcement_files.total',
  'requests.denied.internal_affairs.total',
  'requests.denied.process_info.total',
  'requests.denied.prohibited_by_law.total',
  'requests.denied.security_stability.total',
  'requests.denied.state_secret.total',
  'requests.denied.third_party_rights.total',
  'requests.granted.total',
  'requests.new_received.total',
  'requests.not_processed.confirm_existing.total',
  'requests.not_processed.mass_repeated.total',
  'requests.not_processed.petition_complaint.total',
  'requests.not_processed.publication.total',
  'requests.not_processed.repeated.total',
  'requests.other.misc.total',
  'requests.other.no_correction.total',
  'requests.other.total',
  'requests.other.unpaid_fee.total',
  'requests.partially_granted.total',
  'requests.total.total',
  'requests.unable.needs_creation.total',
  'requests.unable.not_held.total',
  'requests.unable.still_unclear.total'
]

/** The `key IN (…)` term of the stats index, word for word as the index and its query must both hold it. */
export const STATS_KEY_TERM = `key IN (${STATS_INDEXED_KEYS.map((k) => `'${k}'`).join(', ')})`

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'files, reports, cells, edits, acceptances, documents, settings',
    sql: `
      -- The imported files (their bytes in file_bytes, so review works after the source folder is gone).
      -- sha256 is a file's identity.
      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        format TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      -- The bytes apart from the file's description, so listing never reads through them.
      CREATE TABLE file_bytes (
        file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
        bytes BLOB NOT NULL
      );
      -- One report per file. agency/year/template are the current (possibly edited) values;
      -- extracted_meta keeps what the engine read. findings are the last run of the checks.
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
        agency TEXT,
        agency_key TEXT,
        year INTEGER,
        template TEXT CHECK (template IN ('2021', '2019')),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'problem', 'verified')),
        open_findings INTEGER NOT NULL DEFAULT 0,
        verified_by TEXT,
        verified_at TEXT,
        extractor_version TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Large JSON last: SQLite reads a row's columns in order, so the list never touches them.
        extracted_meta TEXT NOT NULL,
        tables TEXT NOT NULL,
        messages TEXT NOT NULL,
        -- deflated JSON: findings repeat their wording, and are most of a report's size otherwise
        findings BLOB NOT NULL
      );
      CREATE INDEX reports_agency_year ON reports(agency_key, year);
      CREATE INDEX reports_updated ON reports(updated_at);
      -- The decoded document, so the source pane and the text checks never re-parse the bytes.
      CREATE TABLE documents (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        display_html TEXT,
        encoding TEXT,
        pages INTEGER
      );
      -- One row per cell: what the engine read (ext_*; ext_raw NULL when the engine read nothing,
      -- e.g. a table typed in by hand) and the reviewer's value (human_raw NULL when never corrected).
      -- conflict_raw: a re-extraction that disagrees with the reviewer's value (the value is kept).
      CREATE TABLE cells (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        ext_value REAL,
        ext_raw TEXT,
        review INTEGER NOT NULL DEFAULT 0,
        review_reason TEXT,
        source TEXT,
        human_value REAL,
        human_raw TEXT,
        conflict_raw TEXT,
        PRIMARY KEY (report_id, key)
      ) WITHOUT ROWID;
      -- The audit trail: cell keys, 'meta.agency' / 'meta.year' / 'meta.template', 'status'.
      CREATE TABLE edits (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        old_raw TEXT,
        new_raw TEXT,
        reviewer TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX edits_report_target ON edits(report_id, target);
      -- "原文如此，已核对": a finding instance (rule + sorted cell keys) a reviewer accepted.
      CREATE TABLE acceptances (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        instance TEXT NOT NULL,
        comment TEXT NOT NULL,
        accepted_by TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        PRIMARY KEY (report_id, rule, instance)
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
      );
    `
  },
  {
    id: 2,
    name: 'merge conflicts kept until a person settles them',
    sql: `
      -- A report settled differently here and in another reviewer's library, found by a merge and
      -- kept until a person takes one side. conflict: the MergeConflict JSON, every difference.
      CREATE TABLE merge_conflicts (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        other_path TEXT NOT NULL,
        conflict TEXT NOT NULL,
        found_at TEXT NOT NULL,
        UNIQUE (report_id, other_path)
      );
    `
  },
  {
    id: 3,
    name: 'reviewer marks: 原文无此表 per table, 原文空白 per cell',
    sql: `
      -- What a reviewer recorded about the original, with a comment: target 'table.<name>' for a
      -- table the original does not have (原文无此表), a cell key for a cell it leaves blank (原文空白).
      -- Each mark is also an entry of the edits audit trail.
      CREATE TABLE marks (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        comment TEXT NOT NULL,
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL,
        PRIMARY KEY (report_id, target)
      ) WITHOUT ROWID;
      -- open_findings now counts missing tables, unread cells and unsettled checks, which only the
      -- checks can tell: the library re-runs them for every unverified report on its next open
      -- (findings.ts rederiveIfAsked).
      INSERT INTO settings (key, value) VALUES ('rederive_open_findings', '3')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `
  },
  // 4 was reserved for another branch and never used: ids need not be contiguous, each runs once.
  {
    id: 5,
    name: 'files that came with a report, and the page images OCR read',
    sql: `
      -- A saved page's _files pictures, the page photos dropped with a narrative: kept with the file so
      -- re-extraction reads exactly what the import read. path is relative to the drop, '/'-separated.
      CREATE TABLE file_attachments (
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        path TEXT NOT NULL,
        bytes BLOB NOT NULL,
        PRIMARY KEY (file_id, seq)
      ) WITHOUT ROWID;
      -- The page images OCR read (scans, tables published as pictures), shown in the source pane with
      -- the selected cell boxed; OCR'd cells' bboxes are in pixels of these. Replaced on re-extraction.
      CREATE TABLE page_images (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        origin TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        anchor INTEGER,
        pdf_page INTEGER,
        bytes BLOB NOT NULL,
        PRIMARY KEY (report_id, idx)
      );
      -- What OCR read for a cell (JSON: confidence, the text read, alternative readings); NULL otherwise.
      ALTER TABLE cells ADD COLUMN ocr TEXT;
    `
  },
  {
    id: 6,
    name: 'deleted reports kept on record',
    sql: `
      -- A report deleted by a person (e.g. one of two near-duplicates): who, when, why, and what it
      -- held (report JSON with its cells and audit trail), so a deletion is never silent or untraceable.
      CREATE TABLE deleted_reports (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        agency TEXT,
        year INTEGER,
        status TEXT NOT NULL,
        deleted_by TEXT NOT NULL,
        reason TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
    `
  },
  {
    id: 7,
    name: 'an index of the cells 统计分析 adds up',
    sql: `
      -- 统计分析 reads ~35 of a report's ~230 cells. Without this it probed the whole cells table
      -- (1 s for 10,000 reports); with it it scans only these cells, in report order, and never
      -- touches the table: the index holds every column the current value is worked out from.
      -- Partial, so it costs ~4 % of the file, not another copy of every cell.
      CREATE INDEX cells_stats ON cells(report_id, key, human_raw, human_value, ext_raw, ext_value)
        WHERE ${STATS_KEY_TERM};
    `
  },
  {
    id: 8,
    name: 'confirmations of flagged cells (确认)',
    sql: `
      -- A reviewer's 确认 of a cell the engine flagged (需核对): who, when, and the text confirmed. It
      -- settles the flag only while the cell still holds that text (a re-extraction that reads it
      -- differently asks again); a row's doubt is confirmed by one act, one row per cell.
      CREATE TABLE confirmations (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        raw TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        PRIMARY KEY (report_id, key)
      ) WITHOUT ROWID;
      -- open_findings now counts unsettled flagged cells, which only the checks can tell.
      INSERT INTO settings (key, value) VALUES ('rederive_open_findings', '8')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `
  },
  {
    id: 9,
    name: 'near-duplicates recorded as the same report',
    sql: `
      -- Two files of one report (its .docx and its .txt) both verified: a reviewer recorded that they
      -- are the same report, so verifying either no longer asks which one stands (统计 counts one).
      -- One row per pair, the lower id first; gone with either report.
      CREATE TABLE same_reports (
        low_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        high_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (low_id, high_id),
        CHECK (low_id < high_id)
      );
      CREATE INDEX same_reports_high ON same_reports(high_id);
    `
  },
  {
    id: 10,
    name: 'the form a reviewer set for a table',
    sql: `
      -- A reviewer's choice of form for a table whose two forms differ (table 三's （六）其他处理: one
      -- row in 2019, three in 2021), for a report that mixes them. The table's cells are then read in
      -- that form: the other form's cells are kept but not shown, the missing ones worked out from
      -- them and marked (core/template/forms.ts). Table 二's form is the report's template.
      CREATE TABLE table_forms (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL CHECK (table_name IN ('requests')),
        form TEXT NOT NULL CHECK (form IN ('2021', '2019')),
        chosen_by TEXT NOT NULL,
        chosen_at TEXT NOT NULL,
        PRIMARY KEY (report_id, table_name)
      ) WITHOUT ROWID;
    `
  },
  {
    id: 11,
    name: 'the publication date a reviewer typed',
    sql: `
      -- 及时性 reads the publication date from the report's text (发布日期 / 落款); where the text has
      -- none (or the site's page says otherwise) the reviewer types it, and it wins. Who and when are
      -- kept with it (the trail has the history, target meta.published). One row per report.
      CREATE TABLE publication_dates (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        typed_by TEXT NOT NULL,
        typed_at TEXT NOT NULL
      );
    `
  },
  {
    id: 12,
    name: 'per-report stats scores, dropped by any write to their cells',
    sql: `
      -- 统计分析's per-report arithmetic (each measure's value, decimals and blank keys; stats/stored.ts)
      -- kept, so a whole-library figure reads 10,000 short rows instead of 300,000 cells. Written when
      -- a report's checks re-run (findings.ts refreshReport: every write path); the triggers drop a
      -- row whenever one of its stats cells changes by any path or process, and a read works out the
      -- rows missing, stale (template, rule) or dropped from the cells. Empty here: filled on first read.
      CREATE TABLE report_stats (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
        template TEXT,
        rule INTEGER NOT NULL,
        scores TEXT NOT NULL
      );
      CREATE TRIGGER report_stats_cell_insert AFTER INSERT ON cells WHEN NEW.${STATS_KEY_TERM}
      BEGIN DELETE FROM report_stats WHERE report_id = NEW.report_id; END;
      CREATE TRIGGER report_stats_cell_update AFTER UPDATE ON cells WHEN OLD.${STATS_KEY_TERM} OR NEW.${STATS_KEY_TERM}
      BEGIN DELETE FROM report_stats WHERE report_id IN (OLD.report_id, NEW.report_id); END;
      CREATE TRIGGER report_stats_cell_delete AFTER DELETE ON cells WHEN OLD.${STATS_KEY_TERM}
      BEGIN DELETE FROM report_stats WHERE report_id = OLD.report_id; END;
    `
  },
  {
    id: 13,
    name: 'an index holding what 统计 reads of each report',
    sql: `
      -- 统计 reads eight short columns of every report in scope (stats/read.ts). A report's row is
      -- kilobytes (its tables, messages and findings follow), so scanning the table read ~40 MB of
      -- pages for 10,000 reports: half the first whole-library figure's time. The index holds those
      -- columns alone (~100 bytes a report), in id order as the query asks.
      CREATE INDEX reports_stats_scope ON reports(id, agency, agency_key, year, template, status, verified_at, updated_at);
    `
  }
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].id

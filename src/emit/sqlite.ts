import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_REVISION, SCHEMA_VERSION, type Span } from '../../schemas/common.js';
import { DiffRecord } from '../../schemas/diff.js';
import { LocatedFinding, type Finding } from '../../schemas/finding.js';
import { NoticeRecord, type Table } from '../../schemas/notice.js';
import { sqliteDriver } from './sqlite-driver.js';
import { halfUnit } from '../util/precision.js';
import { provinceByShortOrName } from '../lexicon/regions.js';
import { titleCore } from '../diff/national.js';
import { contentKey, linkParents, type StoreDiff } from './store-parents.js';

/**
 * The SQLite store (`notices.sqlite`): one row per document in `documents`, its parts in child
 * tables that cascade on delete, findings and diffs beside them. docs/loading.md documents the
 * tables; src/emit/queries.ts holds the example queries.
 *
 * Conventions: snake_case columns; `position` is the 0-based index of the item in its array in the
 * record (so `record_json -> '$.targets[0]'` is the target with position 0); `line`/`col`/`page`
 * are the item's span (1-based; `page` only for PDF); booleans are 0/1; JSON-valued columns end in
 * `_json`. Every table is STRICT.
 */

/** Layout of the tables; bumped (and written to PRAGMA user_version) whenever the DDL changes. */
export const STORE_VERSION = 6;

/**
 * The 小计 rows of a table (tables[].subtotals), one row per subtotal × column: the rows it adds up
 * are table_rows.row_index from from_row up to, not including, to_row (layout 6).
 */
const TABLE_SUBTOTALS_SQL = `CREATE TABLE IF NOT EXISTS table_subtotals (
  id          INTEGER PRIMARY KEY,
  table_id    INTEGER NOT NULL REFERENCES tables_ (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  group_name  TEXT,
  from_row    INTEGER NOT NULL,
  to_row      INTEGER NOT NULL,
  column_name TEXT    NOT NULL,
  value       REAL,
  printed     TEXT,
  half_unit   REAL    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS table_subtotals_table ON table_subtotals (table_id, position);`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS documents (
  id              INTEGER PRIMARY KEY,
  sha256          TEXT    NOT NULL,
  document_index  INTEGER NOT NULL,
  path            TEXT    NOT NULL,
  format          TEXT    NOT NULL,
  file_number     TEXT,
  file_number_raw TEXT,
  prefix          TEXT,
  year            INTEGER,
  serial          INTEGER,
  title           TEXT,
  doc_type        TEXT,
  level           TEXT,
  region_name     TEXT,
  region_code     TEXT,
  signed_date     TEXT,
  printed_date    TEXT,
  printed_by      TEXT,
  disclosure      TEXT,
  copy_number     TEXT,
  secrecy         TEXT,
  urgency         TEXT,
  schema_version  TEXT    NOT NULL,
  record_json     TEXT    NOT NULL CHECK (json_valid(record_json)),
  verdict_kind    TEXT,
  verdict_confidence REAL,
  content_key     TEXT,
  title_core      TEXT,
  UNIQUE (sha256, document_index)
) STRICT;
CREATE INDEX IF NOT EXISTS documents_path ON documents (path, document_index);
CREATE INDEX IF NOT EXISTS documents_file_number ON documents (file_number);
CREATE INDEX IF NOT EXISTS documents_region ON documents (region_code);
CREATE INDEX IF NOT EXISTS documents_title_core ON documents (title_core);
CREATE INDEX IF NOT EXISTS documents_content_key ON documents (content_key);

CREATE TABLE IF NOT EXISTS issuers (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  PRIMARY KEY (document_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS issuers_name ON issuers (name);

CREATE TABLE IF NOT EXISTS addressees (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS references_ (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  file_number TEXT,
  title       TEXT,
  relation    TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  title_core  TEXT,
  PRIMARY KEY (document_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS references_file_number ON references_ (file_number);
CREATE INDEX IF NOT EXISTS references_title_core ON references_ (title_core);

CREATE TABLE IF NOT EXISTS sections (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  number      TEXT,
  ordinal     INTEGER,
  heading     TEXT,
  text        TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  path        TEXT,
  UNIQUE (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS clauses (
  id          INTEGER PRIMARY KEY,
  section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  number      TEXT    NOT NULL,
  ordinal     INTEGER NOT NULL,
  heading     TEXT,
  text        TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  path        TEXT,
  UNIQUE (section_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS clauses_document ON clauses (document_id);

CREATE TABLE IF NOT EXISTS targets (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  metric      TEXT    NOT NULL,
  comparator  TEXT    NOT NULL,
  value       REAL    NOT NULL,
  max         REAL,
  unit        TEXT    NOT NULL,
  persons     REAL,
  scope       TEXT,
  clause      TEXT,
  text        TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  UNIQUE (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS tables_ (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  label        TEXT,
  title        TEXT,
  kind         TEXT    NOT NULL,
  unit         TEXT,
  columns_json TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  UNIQUE (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS table_rows (
  id          INTEGER PRIMARY KEY,
  table_id    INTEGER NOT NULL REFERENCES tables_ (id) ON DELETE CASCADE,
  row_index   INTEGER,
  seq         INTEGER,
  region      TEXT    NOT NULL,
  column_name TEXT    NOT NULL,
  value       REAL,
  printed     TEXT,
  half_unit   REAL    NOT NULL,
  is_total    INTEGER NOT NULL CHECK (is_total IN (0, 1)),
  line INTEGER, col INTEGER, page INTEGER,
  group_name  TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS table_rows_table ON table_rows (table_id, column_name);
CREATE INDEX IF NOT EXISTS table_rows_region ON table_rows (region);
${TABLE_SUBTOTALS_SQL}

CREATE TABLE IF NOT EXISTS subsidies (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  name           TEXT,
  amount         REAL    NOT NULL,
  unit           TEXT    NOT NULL,
  unit_printed   INTEGER NOT NULL,
  per            TEXT,
  recipient      TEXT,
  condition      TEXT,
  funding_source TEXT,
  one_time       INTEGER NOT NULL,
  cap            INTEGER NOT NULL,
  clause         TEXT,
  text           TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER,
  UNIQUE (document_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS subsidies_recipient ON subsidies (recipient);

CREATE TABLE IF NOT EXISTS policy_mentions (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS policy_mentions_name ON policy_mentions (name);

CREATE TABLE IF NOT EXISTS key_regions (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  count       INTEGER,
  line INTEGER, col INTEGER, page INTEGER,
  name        TEXT,
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS contacts (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  org         TEXT,
  person      TEXT,
  phone       TEXT,
  email       TEXT,
  line INTEGER, col INTEGER, page INTEGER,
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS attachments (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  label       TEXT    NOT NULL,
  title       TEXT    NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS findings (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  origin         TEXT    NOT NULL CHECK (origin IN ('extract', 'check')),
  path           TEXT    NOT NULL,
  document_index INTEGER NOT NULL,
  file_number    TEXT,
  rule           TEXT    NOT NULL,
  severity       TEXT    NOT NULL,
  message        TEXT    NOT NULL,
  data_json      TEXT    NOT NULL,
  line INTEGER, col INTEGER, page INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS findings_document ON findings (document_id);
CREATE INDEX IF NOT EXISTS findings_path ON findings (path, document_index);
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule, severity);

CREATE TABLE IF NOT EXISTS diffs (
  id             INTEGER PRIMARY KEY,
  base           TEXT,
  target         TEXT,
  base_path      TEXT    NOT NULL,
  target_path    TEXT    NOT NULL,
  similarity     REAL    NOT NULL,
  unchanged      INTEGER NOT NULL,
  modified       INTEGER NOT NULL,
  added          INTEGER NOT NULL,
  removed        INTEGER NOT NULL,
  schema_version TEXT    NOT NULL,
  document_id      INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  base_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  pairing_by         TEXT,
  pairing_similarity REAL,
  pairing_threshold  REAL,
  linked             INTEGER NOT NULL DEFAULT 0 CHECK (linked IN (0, 1))
) STRICT;
CREATE INDEX IF NOT EXISTS diffs_pair ON diffs (base_path, target_path);
CREATE INDEX IF NOT EXISTS diffs_document ON diffs (document_id);
CREATE INDEX IF NOT EXISTS diffs_base_document ON diffs (base_document_id);

CREATE TABLE IF NOT EXISTS diff_clauses (
  diff_id       INTEGER NOT NULL REFERENCES diffs (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  base_clause   TEXT,
  target_clause TEXT,
  status        TEXT    NOT NULL,
  similarity    REAL    NOT NULL,
  tags_json     TEXT    NOT NULL,
  ops_json      TEXT    NOT NULL,
  base_clause_id    INTEGER REFERENCES clauses (id) ON DELETE SET NULL,
  target_clause_id  INTEGER REFERENCES clauses (id) ON DELETE SET NULL,
  base_section_id   INTEGER REFERENCES sections (id) ON DELETE SET NULL,
  target_section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL,
  PRIMARY KEY (diff_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS diff_numbers (
  diff_id      INTEGER NOT NULL REFERENCES diffs (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  metric       TEXT    NOT NULL,
  region       TEXT    NOT NULL,
  base_value   REAL,
  target_value REAL,
  status       TEXT    NOT NULL,
  table_title  TEXT,
  region_name  TEXT,
  PRIMARY KEY (diff_id, position)
) STRICT;

CREATE TABLE IF NOT EXISTS diff_figures (
  diff_id      INTEGER NOT NULL REFERENCES diffs (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  metric       TEXT    NOT NULL,
  unit         TEXT    NOT NULL,
  base_value   REAL,
  target_value REAL,
  target_unit  TEXT,
  year         INTEGER,
  status       TEXT    NOT NULL,
  implied      REAL,
  of_value     REAL,
  of_unit      TEXT,
  of_line INTEGER, of_col INTEGER, of_page INTEGER,
  base_line INTEGER, base_col INTEGER, base_page INTEGER,
  target_line INTEGER, target_col INTEGER, target_page INTEGER,
  PRIMARY KEY (diff_id, position)
) STRICT;
CREATE INDEX IF NOT EXISTS diff_figures_status ON diff_figures (status, metric);

-- Each notice's parent, chosen when the store is loaded (src/emit/store-parents.ts): one row per
-- document; parent_document_id null when it has none (chosen_by none) or is a cover notice whose
-- forwarded document is paired instead (cover).
CREATE TABLE IF NOT EXISTS parents (
  document_id        INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  parent_document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  chosen_by          TEXT    NOT NULL CHECK (chosen_by IN ('fileNumber', 'title', 'titleSimilarity', 'content', 'given', 'cover', 'none')),
  similarity         REAL,
  threshold          REAL,
  diff_id            INTEGER REFERENCES diffs (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX IF NOT EXISTS parents_parent ON parents (parent_document_id);

-- Full-text search over clause, section and table text. The trigram tokenizer indexes every run of
-- three characters, so Chinese (written without spaces, which unicode61 cannot split) is found by
-- any substring of 3+ characters, with MATCH, LIKE or GLOB. rowid = item id × 4 + kind code
-- (clause 0, section 1, table 2), so the triggers below remove an item's entry by rowid when the
-- item goes (replacing a document cascades to its clauses, sections and tables).
CREATE VIRTUAL TABLE IF NOT EXISTS text_search USING fts5 (
  text,
  kind UNINDEXED, document_id UNINDEXED, item_id UNINDEXED, number UNINDEXED,
  line UNINDEXED, col UNINDEXED, page UNINDEXED,
  tokenize = 'trigram'
);
CREATE TRIGGER IF NOT EXISTS text_search_clause_gone AFTER DELETE ON clauses BEGIN
  DELETE FROM text_search WHERE rowid = old.id * 4;
END;
CREATE TRIGGER IF NOT EXISTS text_search_section_gone AFTER DELETE ON sections BEGIN
  DELETE FROM text_search WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER IF NOT EXISTS text_search_table_gone AFTER DELETE ON tables_ BEGIN
  DELETE FROM text_search WHERE rowid = old.id * 4 + 2;
END;
`;

/**
 * How a store of an older layout is brought up to this one: columns are only added (a query
 * written against the old layout keeps working). Layout 3: diffs and diff_clauses join to
 * documents, clauses and sections by id; key_regions.name, diff_numbers.table_title/region_name,
 * clauses.path.
 */
const MIGRATIONS: Record<number, string | ((db: Database.Database) => void)> = {
  3: `
ALTER TABLE clauses ADD COLUMN path TEXT;
ALTER TABLE sections ADD COLUMN path TEXT;
ALTER TABLE key_regions ADD COLUMN name TEXT;
UPDATE key_regions SET name = kind;
ALTER TABLE diffs ADD COLUMN document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL;
ALTER TABLE diffs ADD COLUMN base_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL;
ALTER TABLE diff_clauses ADD COLUMN base_clause_id INTEGER REFERENCES clauses (id) ON DELETE SET NULL;
ALTER TABLE diff_clauses ADD COLUMN target_clause_id INTEGER REFERENCES clauses (id) ON DELETE SET NULL;
ALTER TABLE diff_clauses ADD COLUMN base_section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL;
ALTER TABLE diff_clauses ADD COLUMN target_section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL;
ALTER TABLE diff_numbers ADD COLUMN table_title TEXT;
ALTER TABLE diff_numbers ADD COLUMN region_name TEXT;
UPDATE diff_numbers SET table_title = metric;
`,
  4: `
ALTER TABLE documents ADD COLUMN verdict_kind TEXT;
ALTER TABLE documents ADD COLUMN verdict_confidence REAL;
UPDATE documents SET verdict_kind = json_extract(record_json, '$.verdict.kind'), verdict_confidence = json_extract(record_json, '$.verdict.confidence');
`,
  // Layout 5: each notice's parent chosen at load time (table parents, filled after the migration
  // by linkParents), the pairing of a diff, its figures (table diff_figures, empty for diffs stored
  // before: their figures were not kept), and what a title is about, for citations by title.
  5: (db) => {
    addColumns(db, 'documents', { content_key: 'TEXT', title_core: 'TEXT' });
    addColumns(db, 'references_', { title_core: 'TEXT' });
    addColumns(db, 'diffs', {
      pairing_by: 'TEXT', pairing_similarity: 'REAL', pairing_threshold: 'REAL', linked: 'INTEGER NOT NULL DEFAULT 0 CHECK (linked IN (0, 1))',
    });
    db.function('notices_content_key', { deterministic: true }, (json) => contentKey(JSON.parse(String(json)) as NoticeRecord));
    db.function('notices_title_core', { deterministic: true }, (title) => (title === null ? null : titleCore(String(title)) || null));
    db.exec(`UPDATE documents SET content_key = notices_content_key(record_json), title_core = notices_title_core(title);
UPDATE references_ SET title_core = notices_title_core(title);`);
  },
  // Layout 6: each table row's group (table_rows.group_name) and the 小计 rows (table_subtotals),
  // filled from the stored records, which have always carried them.
  6: (db) => {
    addColumns(db, 'table_rows', { group_name: 'TEXT' });
    db.exec(TABLE_SUBTOTALS_SQL);
    fillTableGroups(db);
  },
};

/** table_rows.group_name and table_subtotals for the tables already in a store, read from record_json. */
function fillTableGroups(db: Database.Database): void {
  const tableId = db.prepare('SELECT id FROM tables_ WHERE document_id = ? AND position = ?').pluck();
  const setGroup = db.prepare('UPDATE table_rows SET group_name = ? WHERE table_id = ? AND row_index = ?');
  const insertSubtotal = db.prepare(INSERT_SQL.table_subtotals);
  // the records are the truth: whatever a half-migrated file holds is replaced, never doubled
  db.exec('DELETE FROM table_subtotals');
  const recordJson = db.prepare('SELECT record_json FROM documents WHERE id = ?').pluck();
  // ids first, each record after: a statement still iterating would block the updates
  for (const documentId of db.prepare('SELECT document_id FROM tables_ GROUP BY document_id').pluck().all() as number[]) {
    const tables = (JSON.parse(recordJson.get(documentId) as string) as NoticeRecord).tables;
    for (const [position, t] of tables.entries()) {
      const id = tableId.get(documentId, position) as number | undefined;
      if (id === undefined) continue;
      for (const [rowIndex, tr] of t.rows.entries()) if (tr.group) setGroup.run(tr.group, id, rowIndex);
      for (const [, values] of subtotalInserts(id, t)) insertSubtotal.run(values);
    }
  }
}

/** ALTER TABLE … ADD COLUMN for each column the table lacks (a store may hold some of them already). */
function addColumns(db: Database.Database, table: string, columns: Record<string, string>): void {
  const have = new Set(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
  for (const [name, type] of Object.entries(columns)) if (!have.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}

/**
 * Layout 4 lets `documents.title` be null (a body-only text or a copy without its title has none;
 * a NOT NULL column made loading such a record fail). SQLite cannot drop a NOT NULL in place: the
 * table is rebuilt as its documentation prescribes (foreign keys off, copy, drop, rename), before
 * the migrations' transaction, so the children's rows are neither cascaded nor orphaned.
 */
function relaxDocumentTitle(db: Database.Database): void {
  const title = (db.prepare('PRAGMA table_info(documents)').all() as { name: string; notnull: number }[]).find((c) => c.name === 'title');
  if (!title?.notnull) return;
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").pluck().get() as string;
  const relaxed = sql.replace(/CREATE TABLE (?:IF NOT EXISTS )?"?documents"?/, 'CREATE TABLE documents_relaxed').replace(/\btitle(\s+)TEXT\s+NOT NULL/, 'title$1TEXT');
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(relaxed);
      db.exec('INSERT INTO documents_relaxed SELECT * FROM documents; DROP TABLE documents; ALTER TABLE documents_relaxed RENAME TO documents;');
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length) throw new Error(`rebuilding documents left ${broken.length} dangling references`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** What a text_search entry is, and its code in the entry's rowid. */
const SEARCH_KINDS = { clause: 0, section: 1, table: 2 } as const;

/** Every table of the store, parents before children. */
export const TABLES = [
  'meta', 'documents', 'issuers', 'addressees', 'references_', 'sections', 'clauses', 'targets', 'tables_', 'table_rows',
  'table_subtotals', 'subsidies', 'policy_mentions', 'key_regions', 'contacts', 'attachments', 'findings', 'diffs', 'diff_clauses', 'diff_numbers',
  'diff_figures', 'parents',
] as const;

const SPAN = ['line', 'col', 'page'] as const;

/** The columns each insert fills, in bind order. */
const INSERT_COLUMNS = {
  documents: [
    'sha256', 'document_index', 'path', 'format', 'file_number', 'file_number_raw', 'prefix', 'year', 'serial', 'title', 'doc_type',
    'level', 'region_name', 'region_code', 'signed_date', 'printed_date', 'printed_by', 'disclosure', 'copy_number', 'secrecy',
    'urgency', 'schema_version', 'record_json', 'verdict_kind', 'verdict_confidence', 'content_key', 'title_core',
  ],
  issuers: ['document_id', 'position', 'name', ...SPAN],
  addressees: ['document_id', 'position', 'name'],
  references_: ['document_id', 'position', 'file_number', 'title', 'relation', ...SPAN, 'title_core'],
  sections: ['document_id', 'position', 'number', 'ordinal', 'heading', 'text', ...SPAN, 'path'],
  clauses: ['section_id', 'document_id', 'position', 'number', 'ordinal', 'heading', 'text', ...SPAN, 'path'],
  targets: ['document_id', 'position', 'metric', 'comparator', 'value', 'max', 'unit', 'persons', 'scope', 'clause', 'text', ...SPAN],
  tables_: ['document_id', 'position', 'label', 'title', 'kind', 'unit', 'columns_json', ...SPAN],
  table_rows: ['table_id', 'row_index', 'seq', 'region', 'column_name', 'value', 'printed', 'half_unit', 'is_total', ...SPAN, 'group_name'],
  table_subtotals: ['table_id', 'position', 'group_name', 'from_row', 'to_row', 'column_name', 'value', 'printed', 'half_unit', ...SPAN],
  subsidies: [
    'document_id', 'position', 'name', 'amount', 'unit', 'unit_printed', 'per', 'recipient', 'condition', 'funding_source',
    'one_time', 'cap', 'clause', 'text', ...SPAN,
  ],
  policy_mentions: ['document_id', 'position', 'name'],
  key_regions: ['document_id', 'position', 'kind', 'count', ...SPAN, 'name'],
  contacts: ['document_id', 'position', 'org', 'person', 'phone', 'email', ...SPAN],
  attachments: ['document_id', 'position', 'label', 'title'],
  findings: [
    'document_id', 'origin', 'path', 'document_index', 'file_number', 'rule', 'severity', 'message', 'data_json', ...SPAN,
  ],
  diffs: [
    'base', 'target', 'base_path', 'target_path', 'similarity', 'unchanged', 'modified', 'added', 'removed', 'schema_version',
    'document_id', 'base_document_id', 'pairing_by', 'pairing_similarity', 'pairing_threshold', 'linked',
  ],
  diff_clauses: [
    'diff_id', 'position', 'base_clause', 'target_clause', 'status', 'similarity', 'tags_json', 'ops_json',
    'base_clause_id', 'target_clause_id', 'base_section_id', 'target_section_id',
  ],
  diff_numbers: ['diff_id', 'position', 'metric', 'region', 'base_value', 'target_value', 'status', 'table_title', 'region_name'],
  diff_figures: [
    'diff_id', 'position', 'metric', 'unit', 'base_value', 'target_value', 'target_unit', 'year', 'status', 'implied', 'of_value', 'of_unit',
    'of_line', 'of_col', 'of_page', 'base_line', 'base_col', 'base_page', 'target_line', 'target_col', 'target_page',
  ],
  text_search: ['rowid', 'text', 'kind', 'document_id', 'item_id', 'number', ...SPAN],
} as const;

export type InsertTable = keyof typeof INSERT_COLUMNS;
export type SqlValue = string | number | null;
type RowOf<T extends InsertTable> = { [C in (typeof INSERT_COLUMNS)[T][number]]: SqlValue };

/** One INSERT: the table and its values in INSERT_COLUMNS order. */
export type Insert = readonly [InsertTable, SqlValue[]];

/**
 * FTS5 columns have no type affinity: a position bound from JavaScript (a double) would come back
 * as REAL (`3.0`). These are cast where they go in, so ids and positions read back as INTEGER.
 */
const INTEGER_IN_FTS = new Set(['document_id', 'item_id', 'line', 'col', 'page']);
const placeholder = (table: string, column: string) => (table === 'text_search' && INTEGER_IN_FTS.has(column) ? 'CAST(? AS INTEGER)' : '?');

export const INSERT_SQL = Object.fromEntries(
  Object.entries(INSERT_COLUMNS).map(([t, cols]) => [t, `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => placeholder(t, c)).join(', ')})`]),
) as Record<InsertTable, string>;

/** Replacing a document: its children go with it (ON DELETE CASCADE). */
export const DELETE_DOCUMENT_SQL = 'DELETE FROM documents WHERE sha256 = ? AND document_index = ?';

function row<T extends InsertTable>(table: T, values: RowOf<T>): Insert {
  return [table, INSERT_COLUMNS[table].map((c) => (values as Record<string, SqlValue>)[c] ?? null)];
}

const spanOf = (s: Span | null | undefined) => ({ line: s?.line ?? null, col: s?.column ?? null, page: s?.page ?? null });
const bit = (b: boolean) => (b ? 1 : 0);

/** Half a unit of the last printed digit (src/util/precision.ts); 0 when nothing was printed. */
export const halfUnitOf = (printed: string | null | undefined, value: number | null | undefined): number => halfUnit(printed, value);

/**
 * The INSERTs for one record, parents first. The caller runs each and sends back its rowid
 * (`gen.next(rowid)`), which the children of that row use. Driver-agnostic: the loader runs it with
 * better-sqlite3, bench/sqlite.mjs with the async sqlite3 driver as well.
 */
export function* recordInserts(r: NoticeRecord): Generator<Insert, void, number> {
  const fn = r.fileNumber;
  const documentId: number = yield row('documents', {
    sha256: r.source.sha256,
    document_index: r.source.documentIndex,
    path: r.source.path,
    format: r.source.format,
    file_number: fn?.normalized ?? null,
    file_number_raw: fn?.raw ?? null,
    prefix: fn?.prefix ?? null,
    year: fn?.year ?? null,
    serial: fn?.serial ?? null,
    title: r.title,
    doc_type: r.docType,
    level: r.level,
    region_name: r.region?.name ?? null,
    region_code: r.region?.code ?? null,
    signed_date: r.signedDate,
    printed_date: r.printedDate,
    printed_by: r.printedBy,
    disclosure: r.disclosure,
    copy_number: r.copyNumber,
    secrecy: r.secrecy,
    urgency: r.urgency,
    schema_version: r.schemaVersion,
    record_json: JSON.stringify(r),
    verdict_kind: r.verdict.kind,
    verdict_confidence: r.verdict.confidence,
    content_key: contentKey(r),
    title_core: titleCore(r.title) || null,
  });
  const document_id = documentId;
  for (const [position, x] of r.issuers.entries()) yield row('issuers', { document_id, position, name: x.name, ...spanOf(x.span) });
  for (const [position, name] of r.addressees.entries()) yield row('addressees', { document_id, position, name });
  for (const [position, x] of r.references.entries()) {
    yield row('references_', {
      document_id, position, file_number: x.fileNumber, title: x.title, relation: x.relation, ...spanOf(x.span), title_core: titleCore(x.title) || null,
    });
  }
  for (const [position, s] of r.sections.entries()) {
    const section_id: number = yield row('sections', {
      document_id, position, number: s.number, ordinal: s.ordinal, heading: s.heading, text: s.text, ...spanOf(s.span),
      path: printedPath(s),
    });
    // a section's own text (outside its clauses): the body of a notice written in 一、二、 only
    if (s.text.trim()) yield searchRow('section', section_id, document_id, s.number, [s.heading, s.text].filter(Boolean).join(' '), s.span);
    for (const [cp, c] of s.clauses.entries()) {
      const clause_id: number = yield row('clauses', {
        section_id, document_id, position: cp, number: c.number, ordinal: c.ordinal, heading: c.heading, text: c.text, ...spanOf(c.span),
        path: printedPath(c),
      });
      yield searchRow('clause', clause_id, document_id, c.number, c.text, c.span);
    }
  }
  for (const [position, t] of r.targets.entries()) {
    yield row('targets', {
      document_id, position, metric: t.metric, comparator: t.comparator, value: t.value, max: t.max, unit: t.unit, persons: t.persons,
      scope: t.scope, clause: t.clause, text: t.text, ...spanOf(t.span),
    });
  }
  for (const [position, t] of r.tables.entries()) {
    const table_id: number = yield row('tables_', {
      document_id, position, label: t.label, title: t.title, kind: t.kind, unit: t.unit, columns_json: JSON.stringify(t.columns),
      ...spanOf(t.span),
    });
    yield searchRow('table', table_id, document_id, t.label, tableText(t), t.span);
    // the declared columns, plus any a row has beyond them
    const columns = [...new Set([...t.columns, ...t.rows.flatMap((tr) => Object.keys(tr.values)), ...Object.keys(t.declaredTotal ?? {})])];
    for (const [row_index, tr] of t.rows.entries()) {
      for (const column_name of columns) {
        const value = tr.values[column_name] ?? null;
        const printed = tr.printed[column_name] ?? null;
        yield row('table_rows', {
          table_id, row_index, seq: tr.seq, region: tr.region, column_name, value, printed,
          half_unit: halfUnitOf(printed, value), is_total: 0, ...spanOf(tr.span), group_name: tr.group ?? null,
        });
      }
    }
    if (t.declaredTotal) {
      // the declared 合计 as one more row per column, flagged is_total = 1
      for (const column_name of columns) {
        if (!(column_name in t.declaredTotal) && !(column_name in (t.declaredTotalPrinted ?? {}))) continue;
        const value = t.declaredTotal[column_name] ?? null;
        const printed = t.declaredTotalPrinted?.[column_name] ?? null;
        yield row('table_rows', {
          table_id, row_index: null, seq: null, region: '合计', column_name, value, printed,
          half_unit: halfUnitOf(printed, value), is_total: 1, line: null, col: null, page: null, group_name: null,
        });
      }
    }
    yield* subtotalInserts(table_id, t);
  }
  for (const [position, s] of r.subsidies.entries()) {
    yield row('subsidies', {
      document_id, position, name: s.name, amount: s.amount, unit: s.unit, unit_printed: bit(s.unitPrinted), per: s.per,
      recipient: s.recipient, condition: s.condition, funding_source: s.fundingSource, one_time: bit(s.oneTime), cap: bit(s.cap),
      clause: s.clause, text: s.text, ...spanOf(s.span),
    });
  }
  for (const [position, name] of r.policyMentions.entries()) yield row('policy_mentions', { document_id, position, name });
  for (const [position, k] of r.keyRegions.entries()) {
    // `kind` holds the region's name (国家乡村振兴重点帮扶县): `name` says so; `kind` stays for queries written against it
    yield row('key_regions', { document_id, position, kind: k.kind, name: k.kind, count: k.count, ...spanOf(k.span) });
  }
  for (const [position, c] of r.contacts.entries()) {
    yield row('contacts', { document_id, position, org: c.org, person: c.person, phone: c.phone, email: c.email, ...spanOf(c.span) });
  }
  for (const [position, a] of r.attachments.entries()) yield row('attachments', { document_id, position, label: a.label, title: a.title });
  for (const f of r.findings) {
    yield findingRow(f, { document_id, origin: 'extract', path: r.source.path, document_index: r.source.documentIndex, file_number: fn?.normalized ?? null });
  }
}

/** A table's 小计 rows, one INSERT per subtotal × column it prints (the loader and migration 6 share it). */
function* subtotalInserts(table_id: number, t: Table): Generator<Insert, void, unknown> {
  for (const [position, st] of (t.subtotals ?? []).entries()) {
    for (const column_name of Object.keys(st.values)) {
      const value = st.values[column_name] ?? null;
      const printed = st.printed[column_name] ?? null;
      yield row('table_subtotals', {
        table_id, position, group_name: st.group, from_row: st.from, to_row: st.to, column_name, value, printed,
        half_unit: halfUnitOf(printed, value), ...spanOf(st.span),
      });
    }
  }
}

function searchRow(kind: keyof typeof SEARCH_KINDS, item_id: number, document_id: number, number: string | null, text: string, span: Span): Insert {
  return row('text_search', { rowid: item_id * 4 + SEARCH_KINDS[kind], text, kind, document_id, item_id, number, ...spanOf(span) });
}

/** A table as searchable text: label and title, then one line per row (region and cells as printed), then the 合计. */
function tableText(t: Table): string {
  const cells = (printed: Record<string, string | null>) => Object.values(printed).filter(Boolean).join(' ');
  return [
    [t.label, t.title].filter(Boolean).join(' '),
    ...t.rows.map((r) => `${r.region} ${cells(r.printed)}`.trim()),
    ...(t.declaredTotalPrinted ? [`合计 ${cells(t.declaredTotalPrinted)}`.trim()] : []),
  ].join('\n');
}

function findingRow(
  f: Finding,
  where: { document_id: number | null; origin: 'extract' | 'check'; path: string; document_index: number; file_number: string | null },
): Insert {
  return row('findings', {
    ...where, rule: f.rule, severity: f.severity, message: f.message, data_json: JSON.stringify(f.data ?? {}), ...spanOf(f.span),
  });
}

/** A clause's or section's printed path (二（三）, 二) when the record carries one (src/extract/sections.ts), else null. */
const printedPath = (c: object): string | null => {
  const path = (c as { path?: unknown }).path;
  return typeof path === 'string' ? path : null;
};

/** What a diff's rows join to in the store: its two documents and their clauses or sections (see unitIds). */
export interface DiffLinks {
  document_id: number | null;
  base_document_id: number | null;
  base: UnitIds;
  target: UnitIds;
}

export const NO_LINKS: DiffLinks = { document_id: null, base_document_id: null, base: () => ({}), target: () => ({}) };

/** A span as three columns named with a prefix (base_line, base_col, base_page). */
const prefixedSpan = <P extends string>(prefix: P, s: Span | null | undefined) =>
  ({ [`${prefix}_line`]: s?.line ?? null, [`${prefix}_col`]: s?.column ?? null, [`${prefix}_page`]: s?.page ?? null }) as Record<`${P}_${'line' | 'col' | 'page'}`, number | null>;

/** The store ids of the clause (or section) a diff row names on one side; position = the row's index in the diff. */
export type UnitIds = (printed: string | null, path: string | null, position: number) => { clause_id?: number; section_id?: number };

/** The INSERTs for one diff, the diff row first; `links` resolves its documents and clauses to store ids. */
export function* diffInserts(d: DiffRecord, links: DiffLinks = NO_LINKS, linked = false): Generator<Insert, void, number> {
  const diff_id: number = yield row('diffs', {
    base: d.base, target: d.target, base_path: d.basePath, target_path: d.targetPath, similarity: d.similarity,
    unchanged: d.counts.unchanged, modified: d.counts.modified, added: d.counts.added, removed: d.counts.removed,
    schema_version: d.schemaVersion, document_id: links.document_id, base_document_id: links.base_document_id,
    pairing_by: d.pairing?.by ?? null, pairing_similarity: d.pairing?.similarity ?? null, pairing_threshold: d.pairing?.threshold ?? null,
    linked: bit(linked),
  });
  for (const [position, c] of d.clauses.entries()) {
    const paths = c as { baseClause?: unknown; targetClause?: unknown };
    const b = links.base(c.base, typeof paths.baseClause === 'string' ? paths.baseClause : null, position);
    const t = links.target(c.target, typeof paths.targetClause === 'string' ? paths.targetClause : null, position);
    yield row('diff_clauses', {
      diff_id, position, base_clause: c.base, target_clause: c.target, status: c.status, similarity: c.similarity,
      tags_json: JSON.stringify(c.tags), ops_json: JSON.stringify(c.ops),
      base_clause_id: b.clause_id ?? null, target_clause_id: t.clause_id ?? null,
      base_section_id: b.section_id ?? null, target_section_id: t.section_id ?? null,
    });
  }
  for (const [position, n] of d.numbers.entries()) {
    // region_name: the division's full name, as documents.region_name spells it (the row prints 吉林, the store says 吉林省).
    // `metric` holds the base table's title and `region` the row's label: the columns named for what they hold beside them
    yield row('diff_numbers', {
      diff_id, position, metric: n.metric, region: n.region, base_value: n.base, target_value: n.target, status: n.status,
      table_title: n.metric, region_name: provinceByShortOrName(n.region)?.name ?? n.region,
    });
  }
  for (const [position, f] of (d.figures ?? []).entries()) {
    yield row('diff_figures', {
      diff_id, position, metric: f.metric, unit: f.unit, base_value: f.base, target_value: f.target, target_unit: f.targetUnit, year: f.year,
      status: f.status, implied: f.implied, of_value: f.of?.value ?? null, of_unit: f.of?.unit ?? null, ...prefixedSpan('of', f.of?.span),
      ...prefixedSpan('base', f.baseSpan), ...prefixedSpan('target', f.targetSpan),
    });
  }
}

function toolVersion(): string {
  // src/emit/ under vitest, dist/src/emit/ when built: walk up to this package's package.json
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'policy-notices') return pkg.version ?? 'unknown';
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/**
 * Opens (creating if needed) a store with foreign keys on. A file written by another layout or
 * record schema version is refused rather than mixed: delete it and load again.
 */
export function openStore(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new (sqliteDriver())(path);
  try {
    db.pragma('foreign_keys = ON');
    const layout = db.pragma('user_version', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (layout === 0 && tables > 0) throw new Error(`${path} is not a notices store (it has tables but no layout version)`);
    if (layout !== 0 && (layout > STORE_VERSION || !canMigrate(layout))) {
      throw new Error(`${path} has store layout ${layout}, this version writes layout ${STORE_VERSION}; delete the file and load again`);
    }
    if (layout !== 0) {
      const schema = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get() as string | undefined;
      if (schema !== undefined && schema !== SCHEMA_VERSION) {
        throw new Error(`${path} holds records of schema version ${schema}, this version writes ${SCHEMA_VERSION}; delete the file and load again`);
      }
    }
    if (layout !== 0 && layout < 4) relaxDocumentTitle(db);
    db.transaction(() => {
      if (layout !== 0) for (let v = layout + 1; v <= STORE_VERSION; v++) migrate(db, MIGRATIONS[v]);
      db.exec(SCHEMA_SQL);
      db.pragma(`user_version = ${STORE_VERSION}`);
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      meta.run('schema_version', SCHEMA_VERSION);
      meta.run('schema_revision', String(SCHEMA_REVISION));
      meta.run('store_version', String(STORE_VERSION));
      meta.run('tool_version', toolVersion());
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('created', new Date().toISOString());
    }).immediate();
    if (!db.pragma('foreign_keys', { simple: true })) throw new Error('SQLite refused PRAGMA foreign_keys = ON');
    // a store brought up from before layout 5 has no parents yet: chosen once, over the whole store
    if (layout !== 0 && layout < 5) db.transaction(() => linkParents(db, [], storeDiffInto(db))).immediate();
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

const migrate = (db: Database.Database, m: string | ((db: Database.Database) => void)) => (typeof m === 'string' ? db.exec(m) : m(db));

/** Every layout from `from` up to this one has a migration. */
const canMigrate = (from: number) => Array.from({ length: STORE_VERSION - from }, (_, i) => from + 1 + i).every((v) => v in MIGRATIONS);

export interface LoadSummary {
  documents: number;
  replaced: number;
  findings: number;
  diffs: number;
  /** diffs the store worked out against the parent it chose for a notice it was given no diff for (table parents) */
  linked: number;
}

/**
 * Loads one batch into an open store, in ONE transaction: any invalid record (checked against the
 * NoticeRecord schema) or failing insert rolls the whole batch back and the store is as before.
 *
 * Idempotent. A document is keyed by its source sha256 + documentIndex: loading it again deletes
 * the old row (children cascade) and inserts it anew. Documents at a path of this batch whose
 * sha256 is not in the batch (the file was edited since) are deleted too, so an edited file never
 * leaves its old version behind. Check findings (`extras.findings`, origin `check`) replace those
 * of the same path + documentIndex; a diff replaces the diff of the same base/target pair.
 */
export function loadInto(
  db: Database.Database,
  records: readonly NoticeRecord[],
  extras: { findings?: readonly LocatedFinding[]; diffs?: readonly DiffRecord[] } = {},
): LoadSummary {
  const insert = Object.fromEntries(Object.entries(INSERT_SQL).map(([t, sql]) => [t, db.prepare(sql)])) as Record<InsertTable, Database.Statement>;
  const run = (gen: Generator<Insert, void, number>, first?: (id: number) => void) => {
    let next = gen.next(0);
    while (!next.done) {
      const [table, values] = next.value;
      const id = Number(insert[table].run(values).lastInsertRowid);
      if (first) first(id);
      first = undefined;
      next = gen.next(id);
    }
  };
  const unlink = db.prepare('DELETE FROM parents WHERE document_id = ?');
  const unlinkDiffs = db.prepare('DELETE FROM diffs WHERE document_id = ? AND linked = 1');
  const deleteDocument = db.prepare(DELETE_DOCUMENT_SQL);
  const atPath = db.prepare('SELECT id, sha256 FROM documents WHERE path = ?');
  const deleteById = db.prepare('DELETE FROM documents WHERE id = ?');
  const documentAt = db.prepare('SELECT id FROM documents WHERE path = ? AND document_index = ? ORDER BY id DESC LIMIT 1').pluck();
  const deleteCheckFindings = db.prepare("DELETE FROM findings WHERE origin = 'check' AND path = ? AND document_index = ?");
  // a finding the record already carries (origin extract) is not stored again as a check finding
  const alreadyStored = db
    .prepare(
      "SELECT 1 FROM findings WHERE origin = 'extract' AND document_id = ? AND rule = ? AND severity = ? AND message = ? AND line IS ? AND col IS ? AND data_json = ? LIMIT 1",
    )
    .pluck();
  const deleteDiff = db.prepare('DELETE FROM diffs WHERE base_path = ? AND target_path = ? AND base IS ? AND target IS ?');
  const linksOf = diffLinker(db);
  const touch = db.prepare("INSERT INTO meta (key, value) VALUES ('updated', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  const load = db.transaction((): LoadSummary => {
    const summary: LoadSummary = { documents: 0, replaced: 0, findings: 0, diffs: 0, linked: 0 };
    const loaded: number[] = [];
    const valid = records.map((r, i) => {
      const where = `${r?.source?.path ?? `record ${i}`}#${r?.source?.documentIndex ?? '?'}`;
      return validated(NoticeRecord, r, `${where}: not a valid NoticeRecord`);
    });
    const findings = (extras.findings ?? []).map((f, i) => validated(LocatedFinding, f, `finding ${i}: not a valid LocatedFinding`));
    const diffs = (extras.diffs ?? []).map((d, i) => validated(DiffRecord, d, `diff ${i}: not a valid DiffRecord`));
    const shasAt = new Map<string, Set<string>>();
    for (const r of valid) {
      if (!shasAt.has(r.source.path)) shasAt.set(r.source.path, new Set());
      shasAt.get(r.source.path)!.add(r.source.sha256);
    }
    for (const [path, shas] of shasAt) {
      for (const old of atPath.all(path) as { id: number; sha256: string }[]) {
        if (!shas.has(old.sha256)) summary.replaced += deleteById.run(old.id).changes;
      }
    }
    for (const r of valid) {
      summary.replaced += deleteDocument.run(r.source.sha256, r.source.documentIndex).changes;
      run(recordInserts(r), (id) => loaded.push(id));
      summary.documents++;
    }
    {
      const keys = new Set<string>();
      for (const f of findings) {
        const key = JSON.stringify([f.path, f.documentIndex]);
        if (!keys.has(key)) deleteCheckFindings.run(f.path, f.documentIndex);
        keys.add(key);
        const document_id = (documentAt.get(f.path, f.documentIndex) as number | undefined) ?? null;
        if (document_id !== null && alreadyStored.get(document_id, f.rule, f.severity, f.message, f.span?.line ?? null, f.span?.column ?? null, JSON.stringify(f.data ?? {}))) continue;
        const { path, documentIndex: document_index, fileNumber: file_number } = f;
        insert.findings.run(findingRow(f, { document_id, origin: 'check', path, document_index, file_number })[1]);
        summary.findings++;
      }
    }
    for (const d of diffs) {
      deleteDiff.run(d.basePath, d.targetPath, d.base, d.target);
      const links = linksOf(d);
      // a notice given a diff is linked to that diff's base: the store's own choice for it goes
      if (links.document_id !== null) {
        unlink.run(links.document_id);
        unlinkDiffs.run(links.document_id);
      }
      run(diffInserts(d, links));
      summary.diffs++;
    }
    summary.linked = linkParents(db, loaded, storeDiffInto(db));
    touch.run(new Date().toISOString());
    return summary;
  });
  return load.immediate();
}

/** How linkParents stores a diff it worked out: as the loader stores a given one, flagged linked. */
function storeDiffInto(db: Database.Database): StoreDiff {
  const insert = Object.fromEntries(Object.entries(INSERT_SQL).map(([t, sql]) => [t, db.prepare(sql)])) as Record<InsertTable, Database.Statement>;
  const linksOf = diffLinker(db);
  return (d) => {
    const gen = diffInserts(d, linksOf(d), true);
    let next = gen.next(0);
    let diffId = 0;
    while (!next.done) {
      const [table, values] = next.value;
      const id = Number(insert[table].run(values).lastInsertRowid);
      if (table === 'diffs') diffId = id;
      next = gen.next(id);
    }
    return diffId;
  };
}

/**
 * Resolves a diff's paths (`file#N` for document N > 0) to its documents' ids, and each clause it
 * names to the row in `clauses` — or in `sections` for a notice compared section by section (no
 * （一） clauses; src/diff/align.ts unitsOf): by the printed path when the diff carries one
 * (二、（三）), else by the clause number when it is unique in the document, else (a number that
 * repeats under several sections) by the order in which the diff meets it, as the alignment keeps
 * each side's document order.
 */
function diffLinker(db: Database.Database): (d: DiffRecord) => DiffLinks {
  const documentAt = db.prepare('SELECT id FROM documents WHERE path = ? AND document_index = ? ORDER BY id DESC LIMIT 1').pluck();
  const clausesOf = db.prepare('SELECT id, number, path FROM clauses WHERE document_id = ? ORDER BY id');
  const sectionsOf = db.prepare('SELECT id, number, path FROM sections WHERE document_id = ? AND number IS NOT NULL ORDER BY id');
  const documentOf = (spec: string): number | null => {
    const whole = documentAt.get(spec, 0) as number | undefined;
    if (whole !== undefined) return whole;
    const m = /^(.*)#(\d+)$/.exec(spec);
    return m ? ((documentAt.get(m[1], Number(m[2])) as number | undefined) ?? null) : null;
  };
  const unitsOf = (documentId: number | null): UnitIds => {
    if (documentId === null) return () => ({});
    const clauses = clausesOf.all(documentId) as Unit[];
    const sections = sectionsOf.all(documentId) as Unit[];
    // numbers name clauses where the notice has any, else its sections (as unitsOf in src/diff/align.ts)
    const [numbered, key] = clauses.length ? [clauses, 'clause_id' as const] : [sections, 'section_id' as const];
    const seen = new Map<string, number>();
    return (printed, path) => {
      if (printed === null) return {};
      const byPath = path !== null ? unitAtPath(clauses, sections, path) : null;
      if (byPath) return byPath;
      const same = numbered.filter((u) => u.number === printed);
      if (same.length === 0) return {};
      const k = seen.get(printed) ?? 0;
      seen.set(printed, k + 1);
      return { [key]: same[Math.min(k, same.length - 1)].id };
    };
  };
  return (d) => {
    const document_id = documentOf(d.targetPath);
    const base_document_id = documentOf(d.basePath);
    return { document_id, base_document_id, base: unitsOf(base_document_id), target: unitsOf(document_id) };
  };
}

interface Unit {
  id: number;
  number: string;
  path: string | null;
}

/**
 * The clause or section printed at `path`; for an item (二（三）1, no row of its own) the clause
 * that holds it: the one whose path is the longest prefix of the item's.
 */
export function unitAtPath(clauses: Unit[], sections: Unit[], path: string): { clause_id?: number; section_id?: number } | null {
  const clause = clauses.find((u) => u.path === path);
  if (clause) return { clause_id: clause.id };
  const section = sections.find((u) => u.path === path);
  if (section) return { section_id: section.id };
  const holder = clauses.filter((u) => u.path && path.startsWith(u.path)).sort((a, b) => b.path!.length - a.path!.length)[0];
  return holder ? { clause_id: holder.id } : null;
}

function validated<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, x: unknown, what: string): T {
  const parsed = schema.safeParse(x);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${what} at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

/** `notices extract --format sqlite`: loads the records (and optionally check findings and diffs) into the store at `path`. */
export async function loadSqlite(
  path: string,
  records: NoticeRecord[],
  extras?: { findings?: LocatedFinding[]; diffs?: DiffRecord[] },
): Promise<LoadSummary> {
  const db = openStore(path);
  try {
    return loadInto(db, records, extras);
  } finally {
    db.close();
  }
}

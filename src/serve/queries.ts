import type Database from 'better-sqlite3';
import { PROVINCES, provinceByShortOrName } from '../lexicon/regions.js';
import { wordGroups, type Filters } from './params.js';

/**
 * Every SQL statement of `notices serve`, so a change of the store's layout (src/emit/sqlite.ts,
 * docs/loading.md) touches this file only. User input is only ever bound as a parameter; the only
 * text spliced into SQL is chosen here (column names the store was found to have, fixed fragments).
 */

type Value = string | number | null;
interface Where {
  sql: string[];
  params: Value[];
}

/** The year a notice belongs to: its file number's, else the year it was signed. */
const YEAR = "coalesce(d.year, CAST(substr(d.signed_date, 1, 4) AS INTEGER))";
/** Stable list order: national notices first, then by region code and file number; the id breaks ties. */
const DOCUMENT_ORDER = "d.level IS NOT 'national', d.region_code, d.file_number, d.id";
const ISSUERS = '(SELECT json_group_array(name) FROM (SELECT name FROM issuers WHERE document_id = d.id ORDER BY position))';
const FINDING_COUNT = '(SELECT count(*) FROM findings f WHERE f.document_id = d.id)';
const NOTICE_COLUMNS = `d.id, d.sha256, d.document_index AS documentIndex, d.path, d.format, d.file_number AS fileNumber, d.title,
  d.doc_type AS docType, d.level, d.region_name AS regionName, d.region_code AS regionCode, ${YEAR} AS year,
  d.signed_date AS signedDate, ${ISSUERS} AS issuers, ${FINDING_COUNT} AS findings`;
/** a row as read, its issuers still the JSON array text */
type RawNotice<T> = Omit<T, 'issuers'> & { issuers: string };
const withIssuers = <T extends NoticeRow>(r: RawNotice<T>): T => ({ ...r, issuers: JSON.parse(r.issuers) as string[] }) as unknown as T;

export interface NoticeRow {
  id: number;
  sha256: string;
  documentIndex: number;
  path: string;
  format: string;
  fileNumber: string | null;
  title: string;
  docType: string | null;
  level: string | null;
  regionName: string | null;
  regionCode: string | null;
  year: number | null;
  signedDate: string | null;
  issuers: string[];
  findings: number;
  verdict: string | null;
}

export interface HitRow {
  kind: 'clause' | 'section' | 'table';
  documentId: number;
  itemId: number;
  number: string | null;
  line: number | null;
  text: string;
  fileNumber: string | null;
  title: string;
  regionName: string | null;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}
export type FacetName = 'province' | 'level' | 'year' | 'issuer' | 'verdict' | 'findings';
export type Facets = Partial<Record<FacetName, FacetValue[]>>;

export interface Paged<T> {
  total: number;
  rows: T[];
}

export interface FindingRow {
  origin: string;
  rule: string;
  severity: string;
  message: string;
  data: Record<string, unknown>;
  line: number | null;
  col: number | null;
  page: number | null;
}

export interface LinkRow {
  id: number;
  fileNumber: string | null;
  title: string;
  relation: string;
}

export interface DiffLink {
  diffId: number;
  id: number | null;
  fileNumber: string | null;
  title: string | null;
  path: string;
  similarity: number;
}

export interface StoredDiff {
  id: number;
  base: string | null;
  target: string | null;
  basePath: string;
  targetPath: string;
  similarity: number;
  counts: { unchanged: number; modified: number; added: number; removed: number };
  schemaVersion: string;
  clauses: { base: string | null; target: string | null; status: 'unchanged' | 'modified' | 'added' | 'removed'; similarity: number; tags: string[]; ops: { op: 'equal' | 'insert' | 'delete'; text: string }[] }[];
  numbers: { metric: string; region: string; base: number | null; target: number | null; status: 'match' | 'differs' | 'missing' }[];
}

/** A diff names a document by its path, with `#index` after it for any document but a file's first (src/diff/index.ts). */
const DIFF_PATH_IS = (diffPath: string, doc: string) =>
  `${diffPath} = CASE WHEN ${doc}.document_index > 0 THEN ${doc}.path || '#' || ${doc}.document_index ELSE ${doc}.path END`;

/** A province facet value: the two-digit code prefix, shown by the province's short name. */
const provinceLabel = (prefix: string) => PROVINCES.find((p) => p.code.startsWith(prefix))?.short ?? prefix;

/** `%term%` for LIKE, with LIKE's own wildcards taken literally. */
const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An FTS5 phrase: the word in double quotes, quotes doubled, so no user input is read as query syntax. */
const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

export class StoreQueries {
  private readonly statements = new Map<string, Database.Statement>();
  /** the optional `verdict` column (records of a later schema carry it); null when the store has none */
  readonly verdictColumn: string | null;
  readonly hasSourceTexts: boolean;

  constructor(private readonly db: Database.Database) {
    const columns = (db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all() as string[]);
    this.verdictColumn = ['verdict_kind', 'verdict'].find((c) => columns.includes(c)) ?? null;
    this.hasSourceTexts = Boolean(db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'source_texts'").get());
    this.buildFacetIndex();
  }

  /**
   * The facet columns of every notice, its issuers, and the notice of every full-text entry (from
   * the entry's rowid, item id × 4 + kind code: src/emit/sqlite.ts) copied once into narrow TEMP tables (the
   * connection's own, in memory: the store stays untouched). A row of `documents` carries the
   * whole record, and one of `text_search` or `clauses` its text, so every scan of them for a count,
   * a sort or a notice id would read those too: at 10,000 notices, hundreds of milliseconds a
   * request. The server shows the store as it was when it started.
   */
  private buildFacetIndex(): void {
    this.db.exec(`PRAGMA temp_store = MEMORY;
DROP TABLE IF EXISTS temp.facet_docs;
DROP TABLE IF EXISTS temp.facet_issuers;
CREATE TEMP TABLE facet_docs (
  id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, level TEXT, province TEXT, region_name TEXT, year INTEGER, verdict TEXT, findings INTEGER NOT NULL
);
INSERT INTO temp.facet_docs
  SELECT d.id, row_number() OVER (ORDER BY ${DOCUMENT_ORDER}), d.level, substr(d.region_code, 1, 2), d.region_name, ${YEAR}, ${this.verdictExpr},
    EXISTS (SELECT 1 FROM findings f WHERE f.document_id = d.id)
  FROM documents d;
CREATE INDEX temp.facet_docs_ord ON facet_docs (ord);
CREATE TEMP TABLE facet_issuers (document_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (document_id, name)) WITHOUT ROWID;
INSERT OR IGNORE INTO temp.facet_issuers SELECT document_id, name FROM issuers;
CREATE INDEX temp.facet_issuers_name ON facet_issuers (name, document_id);
DROP TABLE IF EXISTS temp.entry_docs;
CREATE TEMP TABLE entry_docs (entry INTEGER PRIMARY KEY, document_id INTEGER NOT NULL);
INSERT INTO temp.entry_docs
  SELECT id * 4, document_id FROM clauses UNION ALL SELECT id * 4 + 1, document_id FROM sections UNION ALL SELECT id * 4 + 2, document_id FROM tables_;`);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private get verdictExpr(): string {
    return this.verdictColumn ? `d.${this.verdictColumn}` : 'NULL';
  }

  /**
   * The condition on text_search (alias ts) for the search words: words of 3+ characters through
   * the trigram index (MATCH, each as a phrase), shorter ones by LIKE (which the trigram index
   * cannot serve: a scan). Empty when there are no words.
   */
  private hitWhere(f: Filters): Where {
    const groups = wordGroups(f.q, f.exact);
    const indexed = (g: string[]) => g.every((t) => [...t].length >= 3);
    const long = groups.filter(indexed);
    const where: Where = { sql: [], params: [] };
    if (long.length) {
      where.sql.push('ts.text MATCH ?');
      where.params.push(long.map((g) => `(${g.map(phrase).join(' OR ')})`).join(' AND '));
    }
    for (const g of groups.filter((g) => !indexed(g))) {
      where.sql.push(`(${g.map(() => "ts.text LIKE ? ESCAPE '\\'").join(' OR ')})`);
      where.params.push(...g.map(likePattern));
    }
    return where;
  }

  /** The condition on temp.facet_docs (alias d) for the facets, and the search words when `withText`. */
  private documentWhere(f: Filters, withText = true): Where {
    const w: Where = { sql: [], params: [] };
    const add = (sql: string, ...params: Value[]) => {
      w.sql.push(sql);
      w.params.push(...params);
    };
    if (withText && f.q) {
      const hit = this.hitWhere(f);
      if (hit.sql.length) add(`d.id IN (SELECT ed.document_id FROM text_search ts JOIN temp.entry_docs ed ON ed.entry = ts.rowid WHERE ${hit.sql.join(' AND ')})`, ...hit.params);
    }
    if (f.province) {
      const p = provinceByShortOrName(f.province);
      if (p) add('d.province = ?', p.code.slice(0, 2));
      else if (/^\d{2}$/.test(f.province)) add('d.province = ?', f.province);
      else add('d.region_name = ?', f.province);
    }
    if (f.level) add('d.level = ?', f.level);
    if (f.year !== null) add('d.year = ?', f.year);
    if (f.issuer) add('EXISTS (SELECT 1 FROM temp.facet_issuers i WHERE i.document_id = d.id AND i.name = ?)', f.issuer);
    if (f.verdict && this.verdictColumn) add('d.verdict = ?', f.verdict);
    if (f.findings) add('d.findings = ?', Number(f.findings));
    return w;
  }

  private static clause(w: Where): string {
    return w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  }

  /**
   * Notices matching the filters (the search words anywhere in their text), in list order: first
   * the page's ids (a sort of narrow rows), then those rows' details.
   */
  notices(f: Filters, page: number, size: number): Paged<NoticeRow> {
    const w = this.documentWhere(f);
    const ids = this.stmt(`SELECT d.id, count(*) OVER () AS total FROM temp.facet_docs d ${StoreQueries.clause(w)} ORDER BY d.ord LIMIT ? OFFSET ?`)
      .all(...w.params, size, (page - 1) * size) as { id: number; total: number }[];
    const total = ids[0]?.total ?? this.count(w);
    if (!ids.length) return { total, rows: [] };
    const sql = `SELECT ${NOTICE_COLUMNS}, ${this.verdictExpr} AS verdict FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`;
    const byId = new Map((this.stmt(sql).all(JSON.stringify(ids.map((r) => r.id))) as RawNotice<NoticeRow>[]).map((r) => [r.id, withIssuers<NoticeRow>(r)]));
    return { total, rows: ids.map((r) => byId.get(r.id)!) };
  }

  private count(w: Where): number {
    return this.stmt(`SELECT count(*) FROM temp.facet_docs d ${StoreQueries.clause(w)}`).pluck().get(...w.params) as number;
  }

  /**
   * Clauses, sections and tables whose text holds every search word, in list order of their notice:
   * first the page's entries by rowid (the index alone), then their text.
   */
  hits(f: Filters, page: number, size: number): Paged<HitRow> {
    const hit = this.hitWhere(f);
    if (!hit.sql.length) return { total: 0, rows: [] };
    const docs = this.documentWhere(f, false);
    const entries_ = `SELECT ts.rowid AS entry, ed.document_id AS document FROM text_search ts JOIN temp.entry_docs ed ON ed.entry = ts.rowid WHERE ${hit.sql.join(' AND ')}`;
    const sql = `WITH e AS (${entries_})
SELECT e.entry, count(*) OVER () AS total FROM e JOIN temp.facet_docs d ON d.id = e.document
${docs.sql.length ? `WHERE ${docs.sql.join(' AND ')}` : ''}
ORDER BY d.ord, e.entry LIMIT ? OFFSET ?`;
    const entries = this.stmt(sql).all(...hit.params, ...docs.params, size, (page - 1) * size) as { entry: number; total: number }[];
    if (!entries.length) {
      const count = `WITH e AS (${entries_})
SELECT count(*) FROM e JOIN temp.facet_docs d ON d.id = e.document ${docs.sql.length ? `WHERE ${docs.sql.join(' AND ')}` : ''}`;
      return { total: this.stmt(count).pluck().get(...hit.params, ...docs.params) as number, rows: [] };
    }
    const rows = this.stmt(
      `SELECT ts.rowid AS entry, ts.kind, ts.document_id AS documentId, ts.item_id AS itemId, ts.number, ts.line, ts.text,
  d.file_number AS fileNumber, d.title, d.region_name AS regionName
FROM text_search ts JOIN documents d ON d.id = ts.document_id WHERE ts.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(entries.map((e) => e.entry))) as (HitRow & { entry: number })[];
    const byEntry = new Map(rows.map(({ entry, ...r }) => [entry, r]));
    return { total: entries[0].total, rows: entries.map((e) => byEntry.get(e.entry)!) };
  }

  /** Counts per facet value among the notices matching the filters, in one statement. */
  facets(f: Filters): Facets {
    const w = this.documentWhere(f);
    const sql = `WITH m AS MATERIALIZED (SELECT d.* FROM temp.facet_docs d ${StoreQueries.clause(w)})
SELECT 'level' AS facet, level AS value, count(*) AS n FROM m GROUP BY level
UNION ALL SELECT 'province', province, count(*) FROM m GROUP BY province
UNION ALL SELECT 'year', year, count(*) FROM m GROUP BY year
UNION ALL SELECT 'findings', findings, count(*) FROM m GROUP BY findings
UNION ALL SELECT 'verdict', verdict, count(*) FROM m GROUP BY verdict
UNION ALL SELECT 'issuer', i.name, count(*) FROM m JOIN temp.facet_issuers i ON i.document_id = m.id GROUP BY i.name`;
    const out: Facets = {};
    for (const r of this.stmt(sql).all(...w.params) as { facet: FacetName; value: Value; n: number }[]) {
      if (r.facet === 'verdict' && !this.verdictColumn) continue;
      const value = r.value === null ? '' : String(r.value);
      const label = r.facet === 'province' ? (value ? provinceLabel(value) : '（无地区）') : r.facet === 'findings' ? (value === '1' ? '有' : '无') : value || '（未注明）';
      (out[r.facet] ??= []).push({ value, label, count: r.n });
    }
    for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    if (out.year) out.year.sort((a, b) => b.value.localeCompare(a.value));
    return out;
  }

  /** One notice's row and whole record (JSON text), or undefined. */
  notice(id: number): (NoticeRow & { recordJson: string }) | undefined {
    const sql = `SELECT ${NOTICE_COLUMNS}, ${this.verdictExpr} AS verdict, d.record_json AS recordJson FROM documents d WHERE d.id = ?`;
    const row = this.stmt(sql).get(id) as RawNotice<NoticeRow & { recordJson: string }> | undefined;
    return row && withIssuers<NoticeRow & { recordJson: string }>(row);
  }

  /** Store ids of a notice's sections, clauses and tables by their positions in the record (the page's anchors). */
  itemIds(id: number): { sections: Map<number, number>; clauses: Map<string, number>; tables: Map<number, number> } {
    const sections = this.stmt('SELECT position, id FROM sections WHERE document_id = ?').all(id) as { position: number; id: number }[];
    const clauses = this.stmt(
      'SELECT s.position AS section, c.position, c.id FROM clauses c JOIN sections s ON s.id = c.section_id WHERE c.document_id = ?',
    ).all(id) as { section: number; position: number; id: number }[];
    const tables = this.stmt('SELECT position, id FROM tables_ WHERE document_id = ?').all(id) as { position: number; id: number }[];
    return {
      sections: new Map(sections.map((r) => [r.position, r.id])),
      clauses: new Map(clauses.map((r) => [`${r.section}.${r.position}`, r.id])),
      tables: new Map(tables.map((r) => [r.position, r.id])),
    };
  }

  /** Extraction and check findings of one notice, in source order. */
  findings(id: number): FindingRow[] {
    const rows = this.stmt(
      `SELECT origin, rule, severity, message, data_json AS data, line, col, page FROM findings WHERE document_id = ?
ORDER BY coalesce(page, 0), coalesce(line, 0), coalesce(col, 0), id`,
    ).all(id) as (Omit<FindingRow, 'data'> & { data: string })[];
    return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  /** The stored notices a reference's file number names. */
  documentsNumbered(fileNumber: string): { id: number; title: string }[] {
    return this.stmt('SELECT id, title FROM documents WHERE file_number = ? ORDER BY id LIMIT 5').all(fileNumber) as { id: number; title: string }[];
  }

  /** The stored notice read from `path` with this file number (null: none printed), if any. */
  documentAt(diffPath: string, fileNumber: string | null): { id: number; title: string } | undefined {
    return this.stmt(`SELECT id, title FROM documents d WHERE ${DIFF_PATH_IS('?', 'd')} AND file_number IS ? ORDER BY id LIMIT 1`).get(diffPath, fileNumber) as { id: number; title: string } | undefined;
  }

  /** Notices that refer to this file number (cited by), one row per citing notice and relation. */
  citedBy(fileNumber: string): LinkRow[] {
    return this.stmt(
      `SELECT DISTINCT d.id, d.file_number AS fileNumber, d.title, r.relation FROM references_ r JOIN documents d ON d.id = r.document_id
WHERE r.file_number = ? ORDER BY ${DOCUMENT_ORDER} LIMIT 200`,
    ).all(fileNumber) as LinkRow[];
  }

  /** The stored diffs in which this notice is the target (its parent) or the base (its adaptations). */
  diffsOf(path: string, documentIndex: number, fileNumber: string | null): { parents: DiffLink[]; adaptations: DiffLink[] } {
    const diffPath = documentIndex > 0 ? `${path}#${documentIndex}` : path;
    const other = (side: 'base' | 'target') => {
      const [mine, theirs] = side === 'target' ? ['target', 'base'] : ['base', 'target'];
      return this.stmt(
        `SELECT x.id AS diffId, o.id, x.${theirs} AS fileNumber, o.title, x.${theirs}_path AS path, x.similarity
FROM diffs x LEFT JOIN documents o ON o.id = (SELECT o2.id FROM documents o2 WHERE ${DIFF_PATH_IS('x.' + theirs + '_path', 'o2')} AND o2.file_number IS x.${theirs} ORDER BY o2.id LIMIT 1)
WHERE x.${mine}_path = ? AND x.${mine} IS ? ORDER BY x.${theirs}_path, x.id LIMIT 200`,
      ).all(diffPath, fileNumber) as DiffLink[];
    };
    return { parents: other('target'), adaptations: other('base') };
  }

  /** A stored diff with its clause alignments and figures, or undefined. */
  diff(id: number): StoredDiff | undefined {
    const d = this.stmt(
      `SELECT id, base, target, base_path AS basePath, target_path AS targetPath, similarity, unchanged, modified, added, removed,
  schema_version AS schemaVersion FROM diffs WHERE id = ?`,
    ).get(id) as (Omit<StoredDiff, 'counts' | 'clauses' | 'numbers'> & StoredDiff['counts']) | undefined;
    if (!d) return undefined;
    const clauses = (this.stmt(
      'SELECT base_clause AS base, target_clause AS target, status, similarity, tags_json, ops_json FROM diff_clauses WHERE diff_id = ? ORDER BY position',
    ).all(id) as { base: string | null; target: string | null; status: StoredDiff['clauses'][number]['status']; similarity: number; tags_json: string; ops_json: string }[])
      .map(({ tags_json, ops_json, ...c }) => ({ ...c, tags: JSON.parse(tags_json) as string[], ops: JSON.parse(ops_json) as StoredDiff['clauses'][number]['ops'] }));
    const numbers = this.stmt(
      'SELECT metric, region, base_value AS base, target_value AS target, status FROM diff_numbers WHERE diff_id = ? ORDER BY position',
    ).all(id) as StoredDiff['numbers'];
    const { unchanged, modified, added, removed, ...rest } = d;
    return { ...rest, counts: { unchanged, modified, added, removed }, clauses, numbers };
  }

  /** The source text the notice's spans point into, when the store holds it (stores `notices serve` builds do). */
  sourceText(sha256: string): string | undefined {
    if (!this.hasSourceTexts) return undefined;
    return this.stmt('SELECT text FROM source_texts WHERE sha256 = ?').pluck().get(sha256) as string | undefined;
  }

  /** Counts for the overview: notices, clauses, tables, findings, diffs. */
  totals(): Record<'notices' | 'clauses' | 'tables' | 'findings' | 'diffs', number> {
    return this.stmt(
      `SELECT (SELECT count(*) FROM documents) AS notices, (SELECT count(*) FROM clauses) AS clauses, (SELECT count(*) FROM tables_) AS tables,
  (SELECT count(*) FROM findings) AS findings, (SELECT count(*) FROM diffs) AS diffs`,
    ).get() as Record<'notices' | 'clauses' | 'tables' | 'findings' | 'diffs', number>;
  }
}

/** Additive table `notices serve` adds to the stores it builds: each source's text as read, for the notice page. */
export const SOURCE_TEXTS_SQL = `CREATE TABLE IF NOT EXISTS source_texts (
  sha256 TEXT PRIMARY KEY,
  text   TEXT NOT NULL
) STRICT`;
export const INSERT_SOURCE_TEXT_SQL = 'INSERT OR REPLACE INTO source_texts (sha256, text) VALUES (?, ?)';

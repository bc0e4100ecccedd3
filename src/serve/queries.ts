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
/** a row as read, its issuers still the JSON array text */
type RawNotice<T> = Omit<T, 'issuers'> & { issuers: string };
const withIssuers = <T extends NoticeRow>(r: RawNotice<T>): T => ({ ...r, issuers: JSON.parse(r.issuers) as string[] }) as unknown as T;
const FINDING_COUNT = '(SELECT count(*) FROM findings f WHERE f.document_id = d.id)';

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

  /** The condition on documents (alias d) for the facets, and the search words when `withText`. */
  private documentWhere(f: Filters, withText = true): Where {
    const w: Where = { sql: [], params: [] };
    const add = (sql: string, ...params: Value[]) => {
      w.sql.push(sql);
      w.params.push(...params);
    };
    if (withText && f.q) {
      const hit = this.hitWhere(f);
      if (hit.sql.length) add(`d.id IN (SELECT ts.document_id FROM text_search ts WHERE ${hit.sql.join(' AND ')})`, ...hit.params);
    }
    if (f.province) {
      const p = provinceByShortOrName(f.province);
      if (p) add('substr(d.region_code, 1, 2) = ?', p.code.slice(0, 2));
      else if (/^\d{2}$/.test(f.province)) add('substr(d.region_code, 1, 2) = ?', f.province);
      else add('d.region_name = ?', f.province);
    }
    if (f.level) add('d.level = ?', f.level);
    if (f.year !== null) add(`${YEAR} = ?`, f.year);
    if (f.issuer) add('EXISTS (SELECT 1 FROM issuers i WHERE i.document_id = d.id AND i.name = ?)', f.issuer);
    if (f.verdict && this.verdictColumn) add(`${this.verdictExpr} = ?`, f.verdict);
    if (f.findings) add(`${f.findings === '1' ? '' : 'NOT '}EXISTS (SELECT 1 FROM findings f WHERE f.document_id = d.id)`, ...[]);
    return w;
  }

  private static clause(w: Where): string {
    return w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : '';
  }

  /** Notices matching the filters (the search words anywhere in their text), in list order. */
  notices(f: Filters, page: number, size: number): Paged<NoticeRow> {
    const w = this.documentWhere(f);
    const sql = `SELECT d.id, d.sha256, d.document_index AS documentIndex, d.path, d.format, d.file_number AS fileNumber, d.title,
  d.doc_type AS docType, d.level, d.region_name AS regionName, d.region_code AS regionCode, ${YEAR} AS year,
  d.signed_date AS signedDate, ${ISSUERS} AS issuers, ${FINDING_COUNT} AS findings, ${this.verdictExpr} AS verdict,
  count(*) OVER () AS total
FROM documents d ${StoreQueries.clause(w)}
ORDER BY ${DOCUMENT_ORDER} LIMIT ? OFFSET ?`;
    const rows = this.stmt(sql).all(...w.params, size, (page - 1) * size) as RawNotice<NoticeRow & { total: number }>[];
    return { total: rows[0]?.total ?? this.count(w), rows: rows.map(({ total: _, ...r }) => withIssuers<NoticeRow>(r)) };
  }

  private count(w: Where): number {
    return this.stmt(`SELECT count(*) FROM documents d ${StoreQueries.clause(w)}`).pluck().get(...w.params) as number;
  }

  /** Clauses, sections and tables whose text holds every search word, in list order of their notice. */
  hits(f: Filters, page: number, size: number): Paged<HitRow> {
    const hit = this.hitWhere(f);
    if (!hit.sql.length) return { total: 0, rows: [] };
    const docs = this.documentWhere(f, false);
    const where = StoreQueries.clause({ sql: [...hit.sql, ...docs.sql], params: [] });
    const sql = `SELECT ts.kind, ts.document_id AS documentId, ts.item_id AS itemId, ts.number, ts.line, ts.text,
  d.file_number AS fileNumber, d.title, d.region_name AS regionName, count(*) OVER () AS total
FROM text_search ts JOIN documents d ON d.id = ts.document_id
${where}
ORDER BY ${DOCUMENT_ORDER}, ts.rowid LIMIT ? OFFSET ?`;
    const rows = this.stmt(sql).all(...hit.params, ...docs.params, size, (page - 1) * size) as (HitRow & { total: number })[];
    const total = rows[0]?.total ?? (this.stmt(`SELECT count(*) FROM text_search ts JOIN documents d ON d.id = ts.document_id ${where}`).pluck().get(...hit.params, ...docs.params) as number);
    return { total, rows: rows.map(({ total: _, ...r }) => r) };
  }

  /** Counts per facet value among the notices matching the filters, in one statement. */
  facets(f: Filters): Facets {
    const w = this.documentWhere(f);
    const sql = `WITH m AS MATERIALIZED (
  SELECT d.id, d.level, substr(d.region_code, 1, 2) AS province, ${YEAR} AS year, ${this.verdictExpr} AS verdict,
    EXISTS (SELECT 1 FROM findings f WHERE f.document_id = d.id) AS findings
  FROM documents d ${StoreQueries.clause(w)})
SELECT 'level' AS facet, level AS value, count(*) AS n FROM m GROUP BY level
UNION ALL SELECT 'province', province, count(*) FROM m GROUP BY province
UNION ALL SELECT 'year', year, count(*) FROM m GROUP BY year
UNION ALL SELECT 'findings', findings, count(*) FROM m GROUP BY findings
UNION ALL SELECT 'verdict', verdict, count(*) FROM m GROUP BY verdict
UNION ALL SELECT 'issuer', i.name, count(DISTINCT i.document_id) FROM issuers i JOIN m ON m.id = i.document_id GROUP BY i.name`;
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
    const sql = `SELECT d.id, d.sha256, d.document_index AS documentIndex, d.path, d.format, d.file_number AS fileNumber, d.title,
  d.doc_type AS docType, d.level, d.region_name AS regionName, d.region_code AS regionCode, ${YEAR} AS year,
  d.signed_date AS signedDate, ${ISSUERS} AS issuers, ${FINDING_COUNT} AS findings, ${this.verdictExpr} AS verdict,
  d.record_json AS recordJson
FROM documents d WHERE d.id = ?`;
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
  documentAt(path: string, fileNumber: string | null): { id: number; title: string } | undefined {
    return this.stmt('SELECT id, title FROM documents WHERE path = ? AND file_number IS ? ORDER BY id LIMIT 1').get(path, fileNumber) as { id: number; title: string } | undefined;
  }

  /** Notices that refer to this file number (cited by), one row per citing notice and relation. */
  citedBy(fileNumber: string): LinkRow[] {
    return this.stmt(
      `SELECT DISTINCT d.id, d.file_number AS fileNumber, d.title, r.relation FROM references_ r JOIN documents d ON d.id = r.document_id
WHERE r.file_number = ? ORDER BY ${DOCUMENT_ORDER} LIMIT 200`,
    ).all(fileNumber) as LinkRow[];
  }

  /** The stored diffs in which this notice is the target (its parent) or the base (its adaptations). */
  diffsOf(path: string, fileNumber: string | null): { parents: DiffLink[]; adaptations: DiffLink[] } {
    const other = (side: 'base' | 'target') => {
      const [mine, theirs] = side === 'target' ? ['target', 'base'] : ['base', 'target'];
      return this.stmt(
        `SELECT x.id AS diffId, (SELECT o.id FROM documents o WHERE o.path = x.${theirs}_path AND o.file_number IS x.${theirs} ORDER BY o.id LIMIT 1) AS id,
  x.${theirs} AS fileNumber, (SELECT o.title FROM documents o WHERE o.path = x.${theirs}_path AND o.file_number IS x.${theirs} ORDER BY o.id LIMIT 1) AS title,
  x.${theirs}_path AS path, x.similarity
FROM diffs x WHERE x.${mine}_path = ? AND x.${mine} IS ? ORDER BY x.${theirs}_path, x.id LIMIT 200`,
      ).all(path, fileNumber) as DiffLink[];
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

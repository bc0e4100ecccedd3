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
  /** how the base was chosen as the parent (diffs.pairing_by: fileNumber, title, titleSimilarity, content, given), null for a diff stored without it */
  pairingBy: string | null;
  /** the similarity that decided it (title or content), null when cited */
  pairingSimilarity: number | null;
}

/** A notice's row of `parents`: the parent the store chose when it was loaded, or why there is none. */
export interface ParentRow {
  parentId: number | null;
  chosenBy: 'fileNumber' | 'title' | 'titleSimilarity' | 'content' | 'given' | 'cover' | 'none';
  similarity: number | null;
  threshold: number | null;
  diffId: number | null;
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
  pairing: { by: string; similarity: number | null; threshold: number | null } | null;
  figures: StoredFigure[];
}

/** A row of diff_figures as the diff formats read it (FigureComparison, spans as stored). */
export interface StoredFigure {
  metric: string;
  unit: string;
  base: number | null;
  target: number | null;
  targetUnit: string | null;
  year: number | null;
  status: 'same' | 'higher' | 'lower' | 'converted' | 'dropped' | 'added' | 'part';
  implied: number | null;
  of: { value: number; unit: string; span: { line: number; column: number; page?: number } | null } | null;
  baseSpan: { line: number; column: number; page?: number } | null;
  targetSpan: { line: number; column: number; page?: number } | null;
}

/** A row of diffs as read: the counts and the pairing in columns of their own. */
type DiffRow = Omit<StoredDiff, 'counts' | 'clauses' | 'numbers' | 'pairing' | 'figures'> &
  StoredDiff['counts'] & { pairing_by: string | null; pairing_similarity: number | null; pairing_threshold: number | null };

/** line/col/page columns with a prefix back into a span (null when no line was stored). */
function spanFrom(r: Record<string, unknown>, prefix: string): StoredFigure['baseSpan'] {
  const line = r[`${prefix}_line`] as number | null;
  if (line === null) return null;
  const page = r[`${prefix}_page`] as number | null;
  return { line, column: (r[`${prefix}_col`] as number | null) ?? 1, ...(page !== null ? { page } : {}) };
}

/** A diff names a document by its path, with `#index` after it for any document but a file's first (src/diff/index.ts). */
const DIFF_PATH_IS = (diffPath: string, doc: string) =>
  `${diffPath} = CASE WHEN ${doc}.document_index > 0 THEN ${doc}.path || '#' || ${doc}.document_index ELSE ${doc}.path END`;

/** The province facet value of a national notice (no region): no province code starts with 00. */
const NATIONWIDE = '00';

/** A province facet value: the two-digit code prefix, shown by the province's short name (全国 for a national notice). */
const provinceLabel = (prefix: string) => (prefix === NATIONWIDE ? '全国' : (PROVINCES.find((p) => p.code.startsWith(prefix))?.short ?? prefix));

function facetLabel(facet: FacetName, value: string): string {
  if (facet === 'province') return value ? provinceLabel(value) : '（无地区）';
  if (facet === 'findings') return value === '1' ? '有' : '无';
  return value || '（未注明）';
}

/** Full-text entry rowids stay below 2^32 (item ids below 2^30): room for the notice's list position above them. */
const ENTRY_SPAN = 2 ** 32;

/** A request's selection (StoreQueries.select): computed on first use, then shared by its facets and lists. */
export interface Selection {
  /** notice ids in list order */
  docs(): number[];
  /** [full-text entry rowid, notice id] in list order; empty without search words */
  entries(): [number, number][];
}

interface FacetRow {
  ord: number;
  level: string | null;
  province: string | null;
  year: number | null;
  verdict: string | null;
  findings: number;
}

/** `%term%` for LIKE, with LIKE's own wildcards taken literally. */
const likePattern = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An FTS5 phrase: the word in double quotes, quotes doubled, so no user input is read as query syntax. */
const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

export class StoreQueries {
  private readonly statements = new Map<string, Database.Statement>();
  /** the optional `verdict` column (records of a later schema carry it); null when the store has none */
  readonly verdictColumn: string | null;
  readonly hasSourceTexts: boolean;
  /** each notice's facet values and issuers, as in temp.facet_docs and temp.facet_issuers */
  private readonly facetRows = new Map<number, FacetRow>();
  private readonly issuersOf = new Map<number, string[]>();
  /** every notice id in list order */
  private byOrder: number[] = [];
  /** the notice of each full-text entry, indexed by its rowid (0: none) */
  private docOfEntry = new Int32Array(0);

  constructor(private readonly db: Database.Database) {
    const columns = (db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all() as string[]);
    this.verdictColumn = ['verdict_kind', 'verdict'].find((c) => columns.includes(c)) ?? null;
    this.hasSourceTexts = Boolean(db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'source_texts'").get());
    this.buildFacetIndex();
  }

  /**
   * The facet columns of every notice and its issuers, copied once into narrow TEMP tables (the
   * connection's own, in memory: the store stays untouched). A row of `documents` carries the
   * whole record, and one of `text_search` or `clauses` its text, so every scan of them for a count,
   * a sort or a notice id would read those too: at 10,000 notices, hundreds of milliseconds a
   * request. The notice of every full-text entry (from the entry's rowid, item id × 4 + kind
   * code: src/emit/sqlite.ts) is held in an array for the same reason. The server shows the store
   * as it was when it started.
   */
  private buildFacetIndex(): void {
    this.createFacetTables();
    this.loadFacetRows();
    this.loadEntryDocuments();
  }

  private createFacetTables(): void {
    this.db.exec(`PRAGMA temp_store = MEMORY;
DROP TABLE IF EXISTS temp.facet_docs;
DROP TABLE IF EXISTS temp.facet_issuers;
CREATE TEMP TABLE facet_docs (
  id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, level TEXT, province TEXT, region_name TEXT, year INTEGER, verdict TEXT, findings INTEGER NOT NULL
);
INSERT INTO temp.facet_docs
  SELECT d.id, row_number() OVER (ORDER BY ${DOCUMENT_ORDER}), d.level,
    CASE WHEN d.region_code IS NULL AND d.level = 'national' THEN '${NATIONWIDE}' ELSE substr(d.region_code, 1, 2) END, d.region_name, ${YEAR}, ${this.verdictExpr},
    EXISTS (SELECT 1 FROM findings f WHERE f.document_id = d.id)
  FROM documents d;
CREATE INDEX temp.facet_docs_ord ON facet_docs (ord);
CREATE TEMP TABLE facet_issuers (document_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (document_id, name)) WITHOUT ROWID;
INSERT OR IGNORE INTO temp.facet_issuers SELECT document_id, name FROM issuers;
CREATE INDEX temp.facet_issuers_name ON facet_issuers (name, document_id);`);
  }

  /** The facet rows and issuers in memory too: the facets of a selection are counted here. */
  private loadFacetRows(): void {
    for (const r of this.db.prepare('SELECT id, ord, level, province, year, verdict, findings FROM temp.facet_docs ORDER BY ord').all() as (FacetRow & { id: number })[]) {
      this.facetRows.set(r.id, { ord: r.ord, level: r.level, province: r.province, year: r.year, verdict: r.verdict, findings: r.findings });
      this.byOrder.push(r.id);
    }
    for (const r of this.db.prepare('SELECT document_id, name FROM temp.facet_issuers ORDER BY document_id, name').all() as { document_id: number; name: string }[]) {
      const list = this.issuersOf.get(r.document_id);
      if (list) list.push(r.name);
      else this.issuersOf.set(r.document_id, [r.name]);
    }
  }

  /** The notice of every full-text entry, by the entry's rowid (item id × 4 + kind code). */
  private loadEntryDocuments(): void {
    const entryDocs = this.db
      .prepare('SELECT id * 4, document_id FROM clauses UNION ALL SELECT id * 4 + 1, document_id FROM sections UNION ALL SELECT id * 4 + 2, document_id FROM tables_')
      .raw()
      .all() as [number, number][];
    this.docOfEntry = new Int32Array(entryDocs.reduce((m, [e]) => Math.max(m, e), 0) + 1);
    for (const [entry, doc] of entryDocs) this.docOfEntry[entry] = doc;
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

  /** The condition on temp.facet_docs (alias d) for the facets (not the search words). */
  private facetWhere(f: Filters): Where {
    const w: Where = { sql: [], params: [] };
    const add = (sql: string, ...params: Value[]) => {
      w.sql.push(sql);
      w.params.push(...params);
    };
    if (f.province) {
      const p = provinceByShortOrName(f.province);
      if (f.province === '全国') add('d.province = ?', NATIONWIDE);
      else if (p) add('d.province = ?', p.code.slice(0, 2));
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

  /**
   * What one request selects: the notices passing the facets and holding the search words, and
   * the full-text entries that hold them. Worked out once per request (a page shows the facets and
   * the hits of the same selection) and never kept between requests.
   */
  select(f: Filters): Selection {
    let docs: number[] | undefined;
    let entries: [number, number][] | undefined;
    const allowed = () => {
      const w = this.facetWhere(f);
      return w.sql.length ? new Set(this.stmt(`SELECT d.id FROM temp.facet_docs d WHERE ${w.sql.join(' AND ')}`).pluck().all(...w.params) as number[]) : null;
    };
    const compute = () => {
      const ok = allowed();
      const hit = this.hitWhere(f);
      if (!hit.sql.length) {
        entries = [];
        docs = ok ? this.byOrder.filter((id) => ok.has(id)) : this.byOrder;
        return;
      }
      // the index alone (rowids): reading any column of an entry would read its text too
      const matched = this.stmt(`SELECT ts.rowid FROM text_search ts WHERE ${hit.sql.join(' AND ')}`).pluck().all(...hit.params) as number[];
      // list order as one number per entry, sorted natively: notice's ord × 2^32 + entry rowid
      const keys = new Float64Array(matched.length);
      let n = 0;
      for (const entry of matched) {
        const doc = this.docOfEntry[entry] ?? 0;
        const row = this.facetRows.get(doc);
        if (row && (!ok || ok.has(doc))) keys[n++] = row.ord * ENTRY_SPAN + entry;
      }
      const sorted = keys.subarray(0, n).sort();
      entries = [];
      docs = [];
      for (const key of sorted) {
        const doc = this.byOrder[Math.floor(key / ENTRY_SPAN) - 1];
        if (doc !== docs[docs.length - 1]) docs.push(doc);
        entries.push([key % ENTRY_SPAN, doc]);
      }
    };
    return {
      docs: () => (docs ?? (compute(), docs!)),
      entries: () => (entries ?? (compute(), entries!)),
    };
  }

  /** Notices of a selection, in list order: the page's ids, then their details. */
  notices(sel: Selection, page: number, size: number): Paged<NoticeRow> {
    const all = sel.docs();
    const ids = all.slice((page - 1) * size, page * size);
    if (!ids.length) return { total: all.length, rows: [] };
    const sql = `SELECT ${NOTICE_COLUMNS}, ${this.verdictExpr} AS verdict FROM documents d WHERE d.id IN (SELECT value FROM json_each(?))`;
    const byId = new Map((this.stmt(sql).all(JSON.stringify(ids)) as RawNotice<NoticeRow>[]).map((r) => [r.id, withIssuers<NoticeRow>(r)]));
    return { total: all.length, rows: ids.map((id) => byId.get(id)!) };
  }

  /** Clauses, sections and tables of a selection that hold every search word, in list order of their notice. */
  hits(sel: Selection, page: number, size: number): Paged<HitRow> {
    const all = sel.entries();
    const entries = all.slice((page - 1) * size, page * size).map(([entry]) => entry);
    if (!entries.length) return { total: all.length, rows: [] };
    const rows = this.stmt(
      `SELECT ts.rowid AS entry, ts.kind, ts.document_id AS documentId, ts.item_id AS itemId, ts.number, ts.line, ts.text,
  d.file_number AS fileNumber, d.title, d.region_name AS regionName
FROM text_search ts JOIN documents d ON d.id = ts.document_id WHERE ts.rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(entries)) as (HitRow & { entry: number })[];
    const byEntry = new Map(rows.map(({ entry, ...r }) => [entry, r]));
    return { total: all.length, rows: entries.map((e) => byEntry.get(e)!) };
  }

  /** Counts per facet value among the notices of a selection, over the facet rows held in memory. */
  facets(sel: Selection): Facets {
    const counts = new Map<FacetName, Map<string, number>>();
    const bump = (facet: FacetName, value: Value) => {
      const key = value === null ? '' : String(value);
      const m = counts.get(facet) ?? counts.set(facet, new Map()).get(facet)!;
      m.set(key, (m.get(key) ?? 0) + 1);
    };
    for (const id of sel.docs()) {
      const r = this.facetRows.get(id)!;
      bump('level', r.level);
      bump('province', r.province);
      bump('year', r.year);
      bump('findings', r.findings);
      if (this.verdictColumn) bump('verdict', r.verdict);
      for (const name of this.issuersOf.get(id) ?? []) bump('issuer', name);
    }
    const out: Facets = {};
    for (const [facet, m] of counts) {
      out[facet] = [...m].map(([value, count]) => ({ value, label: facetLabel(facet, value), count }));
      out[facet]!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
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

  /** The stored notices whose title is about `core` (src/diff/national.ts titleCore): what a citation by title names. */
  documentsTitled(core: string): { id: number; title: string }[] {
    return this.stmt('SELECT id, title FROM documents WHERE title_core = ? ORDER BY id LIMIT 5').all(core) as { id: number; title: string }[];
  }

  /**
   * References that may name this notice (cited by): by its file number, or, citing no 文号, by what
   * its title is about (references_.title_core); one row per citing notice, relation and reference, with the
   * reference's own file number and title so the caller can tell a citation of this notice from
   * one of another notice on the same subject.
   */
  citedBy(fileNumber: string | null, core: string | null): (LinkRow & { refNumber: string | null; refTitle: string | null })[] {
    return this.stmt(
      `SELECT DISTINCT d.id, d.file_number AS fileNumber, d.title, r.relation, r.file_number AS refNumber, r.title AS refTitle
FROM references_ r JOIN documents d ON d.id = r.document_id
WHERE r.file_number = ? OR (r.title_core = ? AND r.file_number IS NULL) ORDER BY ${DOCUMENT_ORDER} LIMIT 400`,
    ).all(fileNumber, core) as (LinkRow & { refNumber: string | null; refTitle: string | null })[];
  }

  /** The parent the store chose for a notice when it was loaded (table parents), or undefined when it has no row. */
  parentRow(id: number): ParentRow | undefined {
    return this.stmt(
      'SELECT parent_document_id AS parentId, chosen_by AS chosenBy, similarity, threshold, diff_id AS diffId FROM parents WHERE document_id = ?',
    ).get(id) as ParentRow | undefined;
  }

  /** The stored diffs in which this notice is the target (its parent) or the base (its adaptations). */
  diffsOf(path: string, documentIndex: number, fileNumber: string | null): { parents: DiffLink[]; adaptations: DiffLink[] } {
    const diffPath = documentIndex > 0 ? `${path}#${documentIndex}` : path;
    const other = (side: 'base' | 'target') => {
      const [mine, theirs] = side === 'target' ? ['target', 'base'] : ['base', 'target'];
      return this.stmt(
        `SELECT x.id AS diffId, o.id, x.${theirs} AS fileNumber, o.title, x.${theirs}_path AS path, x.similarity,
  x.pairing_by AS pairingBy, x.pairing_similarity AS pairingSimilarity
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
  schema_version AS schemaVersion, pairing_by, pairing_similarity, pairing_threshold FROM diffs WHERE id = ?`,
    ).get(id) as DiffRow | undefined;
    if (!d) return undefined;
    const clauses = (this.stmt(
      'SELECT base_clause AS base, target_clause AS target, status, similarity, tags_json, ops_json FROM diff_clauses WHERE diff_id = ? ORDER BY position',
    ).all(id) as { base: string | null; target: string | null; status: StoredDiff['clauses'][number]['status']; similarity: number; tags_json: string; ops_json: string }[])
      .map(({ tags_json, ops_json, ...c }) => ({ ...c, tags: JSON.parse(tags_json) as string[], ops: JSON.parse(ops_json) as StoredDiff['clauses'][number]['ops'] }));
    const numbers = this.stmt(
      'SELECT metric, region, base_value AS base, target_value AS target, status FROM diff_numbers WHERE diff_id = ? ORDER BY position',
    ).all(id) as StoredDiff['numbers'];
    const { unchanged, modified, added, removed, pairing_by, pairing_similarity, pairing_threshold, ...rest } = d;
    const pairing = pairing_by === null ? null : { by: pairing_by, similarity: pairing_similarity, threshold: pairing_threshold };
    return { ...rest, counts: { unchanged, modified, added, removed }, clauses, numbers, pairing, figures: this.figures(id) };
  }

  /** A diff's figures (diff_figures), in the diff's order. */
  private figures(diffId: number): StoredFigure[] {
    const rows = this.stmt('SELECT * FROM diff_figures WHERE diff_id = ? ORDER BY position').all(diffId) as Record<string, unknown>[];
    return rows.map((r) => ({
      metric: r.metric as string,
      unit: r.unit as string,
      base: r.base_value as number | null,
      target: r.target_value as number | null,
      targetUnit: r.target_unit as string | null,
      year: r.year as number | null,
      status: r.status as StoredFigure['status'],
      implied: r.implied as number | null,
      of: r.of_value === null ? null : { value: r.of_value as number, unit: r.of_unit as string, span: spanFrom(r, 'of') },
      baseSpan: spanFrom(r, 'base'),
      targetSpan: spanFrom(r, 'target'),
    }));
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

import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { diffRecords } from '../diff/index.js';
import { isCover, pairingOf, parentOf, titleCore, withCover, type ParentChoice } from '../diff/national.js';

/**
 * Each stored notice's parent, chosen when the store is loaded (table `parents`), so a reader of the
 * store — `notices serve`'s notice page above all — only reads it. The choice is parentOf's (the
 * one place it is made: cited 发文字号, cited title, similar title, reused clauses), over the whole
 * store rather than over one batch; the diff against the chosen parent is stored beside the ones
 * the loader was given (`diffs.linked = 1`).
 *
 * What makes it affordable on a large store: only the notices parentOf could pick are handed to it
 * (the ones a notice cites, and the higher ones whose region holds its region), copies of one text
 * filed at several paths are one candidate (the first stored), and a notice whose text was already
 * linked in this pass is answered from that pass. A notice already linked is looked at again only
 * when a batch brings a text it could adopt that the store did not hold.
 */

/** What parentOf and the diff read of a record, hashed: copies of one notice at two paths share it. */
export function contentKey(r: NoticeRecord): string {
  const { source: _source, ...rest } = r;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** What a row of `parents` says: how the parent was chosen, or why there is none. */
export type ChosenBy = ParentChoice['by'] | 'given' | 'cover' | 'none';

interface Doc {
  id: number;
  path: string;
  documentIndex: number;
  fileNumber: string | null;
  title: string | null;
  level: string | null;
  regionCode: string | null;
  contentKey: string;
}

/** Higher levels first (as src/diff/national.ts ranks them). */
const LEVEL_RANK: Record<string, number> = { national: 0, provincial: 1, municipal: 2, county: 3, township: 4 };
const rank = (d: Doc) => (d.level ? (LEVEL_RANK[d.level] ?? 9) : 9);
const compact = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** GB/T 2260 prefix containment, as parentOf's regionContains: a national notice holds every region. */
function mayAdopt(parent: Doc, child: Doc): boolean {
  if (rank(parent) >= rank(child)) return false;
  if (!parent.regionCode) return parent.level === 'national';
  if (!child.regionCode) return true;
  return child.regionCode.startsWith(parent.regionCode.replace(/(00)+$/, ''));
}

/** How the loader stores a diff the store worked out; returns its id. */
export type StoreDiff = (d: DiffRecord) => number;

/** The store's documents without their records, and lookups over them, for one linking pass. */
class Corpus {
  readonly docs: Doc[];
  readonly byId = new Map<number, Doc>();
  private readonly byNumber = new Map<string, Doc[]>();
  private readonly byTitle = new Map<string, Doc[]>();
  /** the first stored document of each text: the one that stands for its copies */
  private readonly firstOfKey = new Map<string, Doc>();
  private readonly byPath = new Map<string, Doc[]>();
  private readonly records = new Map<number, NoticeRecord>();
  private readonly recordOf: Database.Statement;

  constructor(db: Database.Database) {
    this.docs = db
      .prepare(
        `SELECT id, path, document_index AS documentIndex, file_number AS fileNumber, title, level, region_code AS regionCode,
  content_key AS contentKey FROM documents ORDER BY id`,
      )
      .all() as Doc[];
    for (const d of this.docs) {
      this.byId.set(d.id, d);
      const push = (m: Map<string, Doc[]>, k: string) => (k ? (m.get(k) ?? m.set(k, []).get(k)!).push(d) : undefined);
      push(this.byNumber, compact(d.fileNumber));
      push(this.byTitle, titleCore(d.title));
      push(this.byPath, d.path);
      if (!this.firstOfKey.has(d.contentKey)) this.firstOfKey.set(d.contentKey, d);
    }
    this.recordOf = db.prepare('SELECT record_json FROM documents WHERE id = ?').pluck();
  }

  record(id: number): NoticeRecord {
    let r = this.records.get(id);
    if (!r) {
      r = JSON.parse(this.recordOf.get(id) as string) as NoticeRecord;
      this.records.set(id, r);
    }
    return r;
  }

  /** Whether `d` is the first stored copy of its text (only those are candidates). */
  isFirstOfText = (d: Doc) => this.firstOfKey.get(d.contentKey) === d;

  /** The documents of the same file (a cover notice and the document it forwards). */
  fileOf(d: Doc): Doc[] {
    return this.byPath.get(d.path) ?? [d];
  }

  /**
   * Every document parentOf could choose for `d`: those it cites by 发文字号 or title, and the higher
   * ones whose region holds its region; one per text, never a copy of its own text, in store order.
   */
  candidates(d: Doc, record: NoticeRecord): Doc[] {
    const out = new Set<Doc>();
    for (const x of record.references) {
      for (const c of this.byNumber.get(compact(x.fileNumber)) ?? []) out.add(c);
      for (const c of this.byTitle.get(titleCore(x.title)) ?? []) out.add(c);
    }
    for (const c of this.docs) if (mayAdopt(c, d)) out.add(c);
    return [...out].filter((c) => c.contentKey !== d.contentKey && this.isFirstOfText(c)).sort((a, b) => a.id - b.id);
  }
}

interface Linked {
  parent: Doc | null;
  choice: ParentChoice | null;
  cover: boolean;
  /** the diff against the parent as first worked out in this pass (paths of the first pair) */
  diff: DiffRecord | null;
}

const diffPath = (d: Doc) => (d.documentIndex > 0 ? `${d.path}#${d.documentIndex}` : d.path);

/**
 * Links every document of the store that has no row in `parents` yet, after first unlinking the
 * ones a text new to the store (`loaded`: the documents this batch stored) could be the parent of.
 * Returns how many diffs it stored. Runs inside the loader's transaction.
 */
export function linkParents(db: Database.Database, loaded: readonly number[], storeDiff: StoreDiff): number {
  rejoinDiffs(db);
  db.prepare('DELETE FROM diffs WHERE linked = 1 AND (document_id IS NULL OR base_document_id IS NULL)').run();
  const corpus = new Corpus(db);
  unlinkAdoptable(db, corpus, new Set(loaded));
  const unlinked = db.prepare('SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM parents) ORDER BY id').pluck().all() as number[];
  const given = db.prepare(
    'SELECT id, base_document_id AS parent, pairing_by AS chosenBy, pairing_similarity AS similarity, pairing_threshold AS threshold FROM diffs WHERE document_id = ? AND linked = 0 ORDER BY id LIMIT 1',
  );
  const insert = db.prepare('INSERT INTO parents (document_id, parent_document_id, chosen_by, similarity, threshold, diff_id) VALUES (?, ?, ?, ?, ?, ?)');
  const byText = new Map<string, Linked>();
  let stored = 0;
  for (const id of unlinked) {
    const d = corpus.byId.get(id)!;
    const g = given.get(id) as { id: number; parent: number | null; chosenBy: string | null; similarity: number | null; threshold: number | null } | undefined;
    if (g) {
      insert.run(id, g.parent, g.chosenBy ?? 'given', g.similarity, g.threshold, g.id);
      continue;
    }
    const linked = linkOne(corpus, d, byText);
    if (!linked.parent || !linked.choice) {
      insert.run(id, null, linked.cover ? 'cover' : 'none', null, null, null);
      continue;
    }
    const pairing = pairingOf(linked.choice);
    const diff = { ...linked.diff!, basePath: diffPath(linked.parent), targetPath: diffPath(d) };
    insert.run(id, linked.parent.id, pairing.by, pairing.similarity, pairing.threshold, storeDiff(diff));
    stored++;
  }
  return stored;
}

/**
 * A given diff whose document was replaced (the file edited and loaded again) lost its link to it
 * (ON DELETE SET NULL): joined again to the document now stored at the path it names (`file#N`
 * for document N > 0), through the documents_path index.
 */
function rejoinDiffs(db: Database.Database): void {
  const lost = db.prepare('SELECT id, target_path AS target, base_path AS base, document_id AS doc, base_document_id AS baseDoc FROM diffs WHERE linked = 0 AND (document_id IS NULL OR base_document_id IS NULL)').all() as {
    id: number; target: string; base: string; doc: number | null; baseDoc: number | null;
  }[];
  if (!lost.length) return;
  const at = db.prepare('SELECT id FROM documents WHERE path = ? AND document_index = ? ORDER BY id DESC LIMIT 1').pluck();
  const documentOf = (spec: string): number | null => {
    const whole = at.get(spec, 0) as number | undefined;
    if (whole !== undefined) return whole;
    const m = /^(.*)#(\d+)$/.exec(spec);
    return m ? ((at.get(m[1], Number(m[2])) as number | undefined) ?? null) : null;
  };
  const set = db.prepare('UPDATE diffs SET document_id = ?, base_document_id = ? WHERE id = ?');
  for (const d of lost) {
    const doc = d.doc ?? documentOf(d.target);
    const baseDoc = d.baseDoc ?? documentOf(d.base);
    if (doc !== d.doc || baseDoc !== d.baseDoc) set.run(doc, baseDoc, d.id);
  }
}

/**
 * The parent of one document: parentOf over its candidates (a document that forwards another in
 * the same file is represented by it: pairWithParents does the same). A document alone in its file
 * is answered from an earlier document of the same text, whose candidates are the same.
 */
function linkOne(corpus: Corpus, d: Doc, byText: Map<string, Linked>): Linked {
  const file = corpus.fileOf(d);
  const alone = file.length === 1;
  const known = alone ? byText.get(d.contentKey) : undefined;
  if (known) return known;
  const record = corpus.record(d.id);
  const fileRecords = file.map((f) => corpus.record(f.id));
  let linked: Linked;
  if (isCover(record, fileRecords)) linked = { parent: null, choice: null, cover: true, diff: null };
  else {
    const candidates = corpus.candidates(d, record);
    const records = candidates.map((c) => corpus.record(c.id));
    const choice = parentOf(withCover(record, fileRecords), records);
    const parent = choice ? candidates[records.indexOf(choice.parent)] : null;
    linked = { parent, choice, cover: false, diff: choice ? diffRecords(choice.parent, record, pairingOf(choice)) : null };
  }
  if (alone) byText.set(d.contentKey, linked);
  return linked;
}

/**
 * Documents already linked that a text new to the store could now be the parent of (it is higher
 * and its region holds theirs, or they cite it): their row and the diff the store worked out go,
 * so the pass links them again. A parent the loader was given (`given`) stays.
 */
function unlinkAdoptable(db: Database.Database, corpus: Corpus, loaded: Set<number>): void {
  const older = new Set(corpus.docs.filter((d) => !loaded.has(d.id)).map((d) => d.contentKey));
  const fresh = corpus.docs.filter((d) => loaded.has(d.id) && !older.has(d.contentKey) && corpus.isFirstOfText(d));
  if (!fresh.length) return;
  const freshNumbers = new Set(fresh.map((d) => compact(d.fileNumber)).filter(Boolean));
  const freshTitles = new Set(fresh.map((d) => titleCore(d.title)).filter(Boolean));
  const cites = db.prepare('SELECT DISTINCT document_id FROM references_ WHERE file_number IS NOT NULL OR title IS NOT NULL').pluck().all() as number[];
  const citing = new Set<number>();
  const refsOf = db.prepare('SELECT file_number AS fileNumber, title FROM references_ WHERE document_id = ?');
  for (const id of cites) {
    const refs = refsOf.all(id) as { fileNumber: string | null; title: string | null }[];
    if (refs.some((x) => freshNumbers.has(compact(x.fileNumber)) || freshTitles.has(titleCore(x.title)))) citing.add(id);
  }
  // a parent whose diff the loader was given stays (its diff row has linked = 0)
  const rows = db.prepare('SELECT p.document_id FROM parents p LEFT JOIN diffs x ON x.id = p.diff_id WHERE x.linked IS NOT 0').pluck().all() as number[];
  const drop = db.prepare('DELETE FROM parents WHERE document_id = ?');
  const dropDiffs = db.prepare('DELETE FROM diffs WHERE document_id = ? AND linked = 1');
  for (const id of rows) {
    const d = corpus.byId.get(id);
    if (!d || loaded.has(id)) continue;
    if (citing.has(id) || fresh.some((f) => mayAdopt(f, d))) {
      drop.run(id);
      dropDiffs.run(id);
    }
  }
}

import type { Pairing } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { linkUnits, unitsOf, type Unit } from './align.js';
import { overallSimilarity } from './overall.js';
import { dice, SHINGLE } from './similarity.js';
import { coveredBy, pairSpace } from './shingle-space.js';

const compact = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** Below this, two titles are about different things (measured on the seeds and corpus-gold: see docs/architecture.md). */
export const TITLE_SIMILARITY_THRESHOLD = 0.6;

/**
 * Below this overall diff similarity (overall.ts), a notice that neither cites nor shares a title
 * with a higher one is not taken as its adaptation. Measured over every ordered pair of the 37
 * documents of the seeds, the Shanghai corpus and corpus-gold (`notices extract`, then
 * contentSimilarity): the seeds' provinces against the national notice 0.449–0.774, sibling
 * provinces 0.318–0.48 (same ancestry); the Guangdong cover notice against the national text it
 * forwards 0.099; every pair on different topics 0.021 or less. 0.2 sits in the gap 0.099–0.318.
 */
export const CONTENT_SIMILARITY_THRESHOLD = 0.2;

/** Higher levels first: a parent is issued above its adaptation. */
const LEVEL_RANK: Record<string, number> = { national: 0, provincial: 1, municipal: 2, county: 3, township: 4 };
const rank = (r: NoticeRecord) => (r.level ? (LEVEL_RANK[r.level] ?? 9) : 9);

/** How a parent was chosen, and how similar the two are when that decided it. */
export interface ParentChoice {
  parent: NoticeRecord;
  by: 'fileNumber' | 'title' | 'titleSimilarity' | 'content';
  /** title similarity (titleSimilarity) or overall diff similarity (content); null when cited */
  similarity: number | null;
}

const sameDocument = (a: NoticeRecord, b: NoticeRecord) => a === b || (a.source.path === b.source.path && a.source.documentIndex === b.source.documentIndex);

/**
 * What pairing compares of a record, worked out once per record: a batch asks about every record
 * against every higher notice, and each question normalised the same file number, title and region
 * code again (records are not changed once extracted; withCover's copy is a new object).
 */
interface PairingKeys {
  /** the 发文字号 without whitespace ('' without one) */
  fileNumber: string;
  /** titleCore of the title */
  title: string;
  /** the region code without its trailing 00 pairs: what the codes of the regions it holds start with */
  regionPrefix: string | null;
}
const keysMemo = new WeakMap<NoticeRecord, PairingKeys>();
function keysOf(r: NoticeRecord): PairingKeys {
  let keys = keysMemo.get(r);
  if (!keys) keysMemo.set(r, (keys = { fileNumber: compact(r.fileNumber?.normalized), title: titleCore(r.title), regionPrefix: r.region ? r.region.code.replace(/(00)+$/, '') : null }));
  return keys;
}

/** GB/T 2260: 310000 contains 310117; a national notice (no region) contains everything. */
function regionContains(parent: NoticeRecord, child: NoticeRecord): boolean {
  const prefix = keysOf(parent).regionPrefix;
  if (prefix === null) return parent.level === 'national';
  // a text whose region is unknown (a body without header) is held back by the similarity threshold alone
  if (!child.region) return true;
  return child.region.code.startsWith(prefix);
}

/**
 * Who may be a record's parent without citing it: a notice of a higher level whose region holds
 * the record's (the national one, its province, its city), never the record itself.
 */
const mayAdopt = (candidate: NoticeRecord, record: NoticeRecord) =>
  !sameDocument(candidate, record) && rank(candidate) < rank(record) && regionContains(candidate, record);

/**
 * The notice a record adapts, among the given records, at any level (national, provincial, city);
 * null when none of them is. The one place this choice is made (check, diff, compare, report and
 * `npm start` all ask here):
 *   1. the one it cites by 发文字号 (转发/根据/按照 人社部发〔2022〕13号), higher levels first;
 *   2. the one it cites by title (《关于做好…的通知》);
 *   3. among higher notices of its region, the one whose title says the same thing
 *      (关于做好2022年脱贫人口稳岗就业工作的通知), when exactly one is similar enough;
 *   4. among those, the one whose clauses it reuses most, above CONTENT_SIMILARITY_THRESHOLD (a
 *      district plan that copies a city plan's headings without citing it).
 * A notice on another topic is never paired just because a higher notice is among the inputs.
 */
export function parentOf(record: NoticeRecord, records: readonly NoticeRecord[]): ParentChoice | null {
  const others = records.filter((r) => !sameDocument(r, record) && rank(r) <= rank(record)).sort((a, b) => rank(a) - rank(b));
  const citedNumbers = new Set(record.references.map((x) => compact(x.fileNumber)).filter(Boolean));
  const byNumber = others.find((n) => n.fileNumber && citedNumbers.has(keysOf(n).fileNumber));
  if (byNumber) return { parent: byNumber, by: 'fileNumber', similarity: null };
  const citedTitles = record.references.map((x) => titleCore(x.title)).filter(Boolean);
  const byTitle = others.find((n) => n.title && citedTitles.includes(keysOf(n).title) && keysOf(n).title !== keysOf(record).title);
  if (byTitle) return { parent: byTitle, by: 'title', similarity: null };
  const higher = others.filter((r) => mayAdopt(r, record));
  return byTitleSimilarity(record, higher) ?? byContent(record, higher);
}

function byTitleSimilarity(record: NoticeRecord, higher: NoticeRecord[]): ParentChoice | null {
  const own = keysOf(record).title;
  if (!own) return null;
  // a corpus may hold one notice several times (copied from several sites): one title, one score
  const scores = new Map<string, number>();
  const scoreOf = (title: string) => {
    let score = scores.get(title);
    if (score === undefined) scores.set(title, (score = dice(own, title)));
    return score;
  };
  const scored = higher
    .map((n) => ({ n, score: n.title ? scoreOf(keysOf(n).title) : 0 }))
    .filter((x) => x.score >= TITLE_SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  if (!scored.length || (scored.length > 1 && scored[0].score === scored[1].score)) return null;
  return { parent: scored[0].n, by: 'titleSimilarity', similarity: Math.round(scored[0].score * 1000) / 1000 };
}

/** The clause reuse of a record and a candidate parent: the diff's overall similarity. */
export function contentSimilarity(parent: NoticeRecord, record: NoticeRecord): number {
  const b = unitsOnce(parent);
  const t = unitsOnce(record);
  return b.length && t.length ? overallSimilarity(b, t, linkUnits(b, t)) : 0;
}

/**
 * An upper bound of contentSimilarity that needs no alignment: each side's characters inside a
 * shingle found anywhere on the other side (the aligned partners are a subset of the other side),
 * over all characters. Linear in the text, so a corpus with many higher notices only aligns the
 * candidates that could reach the threshold.
 */
export function contentBound(parent: NoticeRecord, record: NoticeRecord): number {
  const b = unitsOnce(parent);
  const t = unitsOnce(record);
  const { base, side } = pairSpace(b, t);
  // a unit shorter than a shingle may still equal a partner: counted whole, the bound stays a bound
  const covered = (units: Unit[], at: readonly Int32Array[], inOther: (id: number) => boolean) =>
    units.reduce((n, u, i) => n + (u.norm.length < SHINGLE ? u.norm.length : coveredBy(at[i], inOther)), 0);
  const total = b.reduce((n, u) => n + u.norm.length, 0) + t.reduce((n, u) => n + u.norm.length, 0);
  // a base shingle is in the record when a record unit holds it; a record shingle with an id is in the base
  return total ? (covered(b, base.at, (id) => side.holders[id] !== undefined) + covered(t, side.at, () => true)) / total : 0;
}

/**
 * A record's compared units, worked out once per record: every record of a batch is bounded against
 * every higher notice, and the same notice was normalised again for each pair. Records are not
 * changed once extracted; a record copied with its cover's references (withCover) is a new object
 * and gets its own entry. The shingles of a pair are the pair's own (shingle-space.ts), not kept.
 */
const unitsMemo = new WeakMap<NoticeRecord, Unit[]>();
/** A record's units, worked out once: the national notice is aligned with every provincial one (never changed by the alignment). */
function unitsOnce(record: NoticeRecord): Unit[] {
  let units = unitsMemo.get(record);
  if (!units) unitsMemo.set(record, (units = unitsOf(record)));
  return units;
}

/** Whether two units arrays compare as the same text (pairing reads only the compared form). */
const sameTexts = (a: readonly Unit[], b: readonly Unit[]) => a === b || (a.length === b.length && a.every((u, i) => u.norm === b[i].norm));
/** A hash of the compared texts (FNV-1a over the code units, units apart), once per units array: equal texts hash alike. */
const hashes = new WeakMap<readonly Unit[], number>();
function textsHash(units: readonly Unit[]): number {
  let h = hashes.get(units);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (const u of units) {
      for (let i = 0; i < u.norm.length; i++) h = Math.imul(h ^ u.norm.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ 0xffff, 0x01000193);
    }
    hashes.set(units, h);
  }
  return h;
}

function byContent(record: NoticeRecord, higher: NoticeRecord[]): ParentChoice | null {
  // bound and similarity of one candidate in turn (the pair's shingles are cut once for both); a
  // candidate whose clause texts equal an earlier one's (one notice held several times) scores as it
  const known = new Map<number, { units: Unit[]; score: number | null }[]>();
  const scoreOf = (n: NoticeRecord): number | null => {
    const units = unitsOnce(n);
    const hash = textsHash(units);
    const same = known.get(hash)?.find((k) => sameTexts(k.units, units));
    if (same) return same.score;
    const score = contentBound(n, record) >= CONTENT_SIMILARITY_THRESHOLD ? contentSimilarity(n, record) : null;
    known.set(hash, [...(known.get(hash) ?? []), { units, score }]);
    return score;
  };
  const scored = higher
    .flatMap((n) => {
      const score = scoreOf(n);
      return score === null ? [] : [{ n, score }];
    })
    .filter((x) => x.score >= CONTENT_SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || rank(b.n) - rank(a.n));
  return scored.length ? { parent: scored[0].n, by: 'content', similarity: scored[0].score } : null;
}

/**
 * The national notice a record implements: parentOf among national notices only. Kept for callers
 * that ask only about the national level (the allocation check: national annex tables).
 */
export function nationalFor(record: NoticeRecord, records: readonly NoticeRecord[]): NoticeRecord | null {
  if (record.level === 'national') return null;
  const choice = parentOf(record, records.filter((r) => r.level === 'national'));
  return choice?.parent ?? null;
}

/**
 * The document a file's document stands for in a diff: a 转发/印发 cover notice (#0) stands for the
 * document it forwards when that document follows it in the same file and is issued at the cover's
 * level or below (a city 印发 its own plan); a cover forwarding a higher notice (a province 转发 the
 * national one) stays itself, since the forwarded text is not its adaptation.
 */
export function forwardedBy(record: NoticeRecord, fileRecords: readonly NoticeRecord[]): NoticeRecord {
  const later = fileRecords.filter((r) => r.source.path === record.source.path && r.source.documentIndex > record.source.documentIndex);
  if (!later.length || !record.references.some((x) => x.relation === 'forwards') && !/转发|印发/.test(record.title ?? '')) return record;
  const numbers = new Set(record.references.filter((x) => x.relation === 'forwards').map((x) => compact(x.fileNumber)).filter(Boolean));
  const titles = record.references.filter((x) => x.relation === 'forwards').map((x) => titleCore(x.title)).filter(Boolean);
  const forwarded =
    later.find((r) => (r.fileNumber && numbers.has(compact(r.fileNumber.normalized))) || (r.title && titles.includes(titleCore(r.title)))) ??
    (unitsOf(record).length === 0 ? later[0] : undefined);
  return forwarded && rank(forwarded) >= rank(record) ? forwarded : record;
}

/**
 * A forwarded document as its parent is looked for: it carries its cover's citations, level and
 * region (a city 印发 cover cites the provincial notice; the plan it issues often prints neither).
 * Any other record is returned as it is.
 */
export function withCover(record: NoticeRecord, fileRecords: readonly NoticeRecord[]): NoticeRecord {
  const cover = fileRecords.find((c) => c !== record && c.source.path === record.source.path && c.source.documentIndex < record.source.documentIndex && forwardedBy(c, fileRecords) === record);
  if (!cover) return record;
  return { ...record, references: [...record.references, ...cover.references], level: record.level ?? cover.level, region: record.region ?? cover.region };
}

/** A cover notice whose forwarded document stands for it (forwardedBy): not paired itself. */
export const isCover = (record: NoticeRecord, fileRecords: readonly NoticeRecord[]) => forwardedBy(record, fileRecords) !== record;

/**
 * What a title is about, without who issues or forwards it and without its document type:
 * 吉林省人社厅…转发人力资源社会保障部…关于做好2022年脱贫人口稳岗就业工作的通知 → 做好2022年脱贫人口稳岗就业工作.
 */
export function titleCore(title: string | null | undefined): string {
  let t = compact(title).replace(/[《》〈〉“”"]/g, '');
  const about = t.lastIndexOf('关于');
  if (about >= 0) t = t.slice(about + 2);
  return t.replace(/的?(通知|意见|实施意见|实施方案|方案|办法|决定|函|批复)(（[^）]*）)?$/, '');
}

export { dice };

/** A choice as the DiffRecord states it. */
export function pairingOf(choice: ParentChoice | null): Pairing {
  if (!choice) return { by: 'given', similarity: null, threshold: null };
  const threshold = choice.by === 'content' ? CONTENT_SIMILARITY_THRESHOLD : choice.by === 'titleSimilarity' ? TITLE_SIMILARITY_THRESHOLD : null;
  return { by: choice.by, similarity: choice.similarity, threshold };
}

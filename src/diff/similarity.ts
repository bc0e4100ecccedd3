/**
 * Clause text comparison for `notices diff`: normalisation plus a text-reuse measure.
 *
 * The measure is the one text-reuse detectors (the Legislative Influence Detector, plagiarism
 * finders) use for borrowed legal text: cut both texts into overlapping character k-grams
 * ("shingles"), and count how many characters of each text lie inside a shingle the other text
 * also has. A provincial clause that copies a national sentence and inserts local specifics keeps
 * long runs of shared shingles; two clauses that merely share the vocabulary of the policy field
 * (脱贫人口, 就业帮扶, 乡村振兴…) share only short, scattered ones. Counting *covered characters*
 * rather than shingles makes the figure read as "share of this clause's text found in the other"
 * and lets coverage be unioned over several partner clauses (merges).
 *
 * `dice` (character-bigram Dice) is kept as a secondary, vocabulary-level measure.
 */

/** Shingle length. See THRESHOLDS below for why 6 and not 2–4. */
export const SHINGLE = 6;

/**
 * When a target clause counts as adapting a base clause: the larger of the two coverages (share of
 * the target found in the base, share of the base found in the target), counting only shingles
 * distinctive of one base clause (see commonShingles), reaches LINK, and that distinctive shared
 * material covers at least MIN_SHARED characters of the target.
 *
 * THRESHOLDS, measured on the seeds (national 人社部发〔2022〕13号 against 001 吉林, 002 山东,
 * 004 黑龙江; every target × base clause pair, 6-character shingles, stock shingles aside):
 * - pairs that are not adaptations stay at or below 0.162 (黑 四 劳务协作 vs national 五, sharing
 *   吸纳脱贫人口就业 and 衔接推进乡村振兴补助资金); next 0.132 (黑 四 vs 七), 0.122 (山 十, 黑 八/十三/
 *   十五 vs 二, through 乡村振兴重点帮扶县 alone);
 * - the weakest real adaptations are 0.243 (黑 七 车间 takes its 车间 sentence from national 五),
 *   0.262 (吉 六, likewise), 0.279 (黑 三 is national 二's 牢牢守住不发生规模性失业返贫的底线);
 *   heavily localised clauses score high on the base side (黑 四 has 69% of national 四).
 * LINK = 0.2 sits in the middle of the gap 0.162–0.243. Without the stock-phrase rule the gap
 * closed to 0.208–0.262 (吉 十 vs national 七 shares 落实就业帮扶政策 and 脱贫人口就业帮扶 twice);
 * with 4-character shingles the background rose to 0.30 (黑 十四 vs 五, on shared words alone).
 * MIN_SHARED = 12 characters: shorter than the shortest real borrowing (黑 三: 17), longer than a
 * stock phrase, so that a very short clause is not linked through one common expression.
 */
export const LINK = 0.2;
export const MIN_SHARED = 12;
/** A further base clause is folded into a target (merge) when it explains this much more of it. */
export const MERGE_GAIN = 0.15;

const NUMBERING =
  /^\s*(?:[（(]\s*[一二三四五六七八九十百零〇两\d]+\s*[）)]|[一二三四五六七八九十百零〇两]+\s*、|\d+\s*[.．、]|[①-⑳]|第[一二三四五六七八九十百零〇两]+[条章])\s*/u;

/** Strips the leading clause or item number (（十五）, 十五、, 15., （1）, ①, 第十五条) from a text as printed. */
export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, '');
}

/** The text as a reader sees it in one line: hard line breaks joined, no numbering. */
export function displayText(text: string): string {
  return stripNumbering(text.replace(/\s*\n\s*/g, '').trim());
}

/**
 * The form clauses are compared in: Unicode NFKC (full-width digits and letters → ASCII), no
 * numbering, no punctuation, symbols or whitespace. `＋` and OCR's `十` in 雨露计划+ are left alone.
 */
export function normalizeClause(text: string): string {
  return stripNumbering(text.normalize('NFKC'))
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** The set of k-character shingles of a string. */
export function shingles(s: string, k = SHINGLE): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + k <= s.length; i++) out.add(s.slice(i, i + k));
  return out;
}

/**
 * Marks which characters of `a` lie inside a k-gram that also occurs in `other` (a shingle set),
 * skipping the k-grams listed in `ignore` (see commonShingles).
 */
export function coverMask(a: string, other: Set<string>, k = SHINGLE, into?: Uint8Array, ignore?: Set<string>): Uint8Array {
  const mask = into ?? new Uint8Array(a.length);
  for (let i = 0; i + k <= a.length; i++) {
    const g = a.slice(i, i + k);
    if (other.has(g) && !ignore?.has(g)) mask.fill(1, i, i + k);
  }
  return mask;
}

export const countMask = (m: Uint8Array): number => m.reduce((n, x) => n + x, 0);

/** Coverage of `a` by `b` in 0–1: the share of a's characters inside a shingle b shares. */
export function coverage(a: string, b: string, k = SHINGLE, ignore?: Set<string>, bShingles?: Set<string>): number {
  return coverageOf(a, b, () => countMask(coverMask(a, bShingles ?? shingles(b, k), k, undefined, ignore)), k);
}

/** coverage, given the count of a's characters inside b's shingles (or how to count them: only asked when the texts decide nothing). */
function coverageOf(a: string, b: string, covered: number | (() => number), k = SHINGLE): number {
  if (a.length === 0) return 0;
  if (a === b) return 1;
  if (a.length < k || b.length < k) return b.includes(a) ? 1 : 0;
  return (typeof covered === 'number' ? covered : covered()) / a.length;
}

/**
 * The stock phrases of a notice: shingles that occur in two or more of its clauses (就业帮扶政策,
 * 脱贫人口就业帮扶, 乡村振兴重点帮扶县…). Such a shingle cannot tell those clauses apart, so it is no
 * evidence of which one a target clause adapts — the document-frequency idea of tf-idf, at its
 * sharpest. Link decisions ignore them; the reported similarity does not.
 */
export function commonShingles(texts: string[], k = SHINGLE): Set<string> {
  const seen = new Map<string, number>();
  for (const t of texts) for (const g of shingles(t, k)) seen.set(g, (seen.get(g) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= 2).map(([g]) => g));
}

/** A comparison of two normalised clause texts. */
export interface PairScore {
  /** share of the target found in the base, stock phrases aside */
  target: number;
  /** share of the base found in the target, stock phrases aside */
  base: number;
  /** characters of the target inside shared distinctive shingles */
  shared: number;
  /** both sides together, every shingle counted: covered characters over all characters (1 for equal texts) */
  similarity: number;
  /** max(target, base): what decides whether the two are linked */
  link: number;
}

/**
 * Compares a base clause with a target clause; `common` are the base notice's stock shingles,
 * `sets` the two texts' shingle sets when the caller has them already.
 */
export function compareTexts(
  base: string,
  target: string,
  common?: Set<string>,
  k = SHINGLE,
  sets?: { base: Set<string>; target: Set<string> },
): PairScore {
  const bs = sets?.base ?? shingles(base, k);
  const ts = sets?.target ?? shingles(target, k);
  const count = (a: string, other: Set<string>, ignore?: Set<string>) => countMask(coverMask(a, other, k, undefined, ignore));
  return pairScore(base, target, { target: count(target, bs), base: count(base, ts), targetDistinct: count(target, bs, common), baseDistinct: count(base, ts, common) }, k);
}

/**
 * How many characters of each side lie inside a shingle of the other: every shingle counted, and the
 * base's stock phrases aside (distinct). compareTexts counts them with string shingles, linkUnits
 * with shingle ids (shingle-space.ts): the same numbers.
 */
export interface CoverCounts {
  target: number;
  base: number;
  targetDistinct: number;
  baseDistinct: number;
}

/** A pair's score from its cover counts: the one place compareTexts and linkUnits' shingle ids both decide it. */
export function pairScore(base: string, target: string, counts: CoverCounts, k = SHINGLE): PairScore {
  if (base === target) {
    const n = base.length;
    return { target: n ? 1 : 0, base: n ? 1 : 0, shared: n, similarity: n ? 1 : 0, link: n ? 1 : 0 };
  }
  const total = target.length + base.length;
  const similarity = total ? (coverageOf(target, base, counts.target, k) * target.length + coverageOf(base, target, counts.base, k) * base.length) / total : 0;
  const ct = coverageOf(target, base, counts.targetDistinct, k);
  const cb = coverageOf(base, target, counts.baseDistinct, k);
  return { target: ct, base: cb, shared: Math.round(ct * target.length), similarity, link: Math.max(ct, cb) };
}

/**
 * Whether a pair is strong enough to count as the target adapting the base. Identical texts are
 * linked however short (an item 「加强宣传引导。」 kept word for word is kept, not added and removed).
 */
export const isLink = (s: PairScore): boolean => s.link >= LINK && (s.shared >= MIN_SHARED || s.similarity === 1);

/** Sørensen–Dice coefficient over character n-grams (multiset), 0–1. */
export function dice(a: string, b: string, n = 2): number {
  if (a === b) return a.length ? 1 : 0;
  if (a.length < n || b.length < n) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + n <= a.length; i++) {
    const g = a.slice(i, i + n);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + n <= b.length; i++) {
    const g = b.slice(i, i + n);
    const left = grams.get(g) ?? 0;
    if (left > 0) {
      common++;
      grams.set(g, left - 1);
    }
  }
  return (2 * common) / (a.length - n + 1 + (b.length - n + 1));
}

export const round3 = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

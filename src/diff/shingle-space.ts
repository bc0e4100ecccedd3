import type { Unit } from './align.js';
import { SHINGLE } from './similarity.js';

/**
 * The shingles of a base notice's units as small integers, and a target's units read against them.
 *
 * Pairing and alignment ask, for every target unit against every base unit, how many characters of
 * one lie inside a shingle of the other (similarity.ts). Asked with strings, each question cuts a
 * substring at every position and hashes it: n_t × n_b × (|t| + |b|) substrings per notice pair,
 * most of a `notices check` run. Here every shingle of the base gets an id once (per base units
 * array), each target text is cut into shingles once per pair, and every coverage is counted from
 * which units hold each id — the same counts, exactly: two shingles share an id only when they are
 * the same string, and a target shingle the base does not have can cover nothing.
 */

/** The base side: built once per base units array and read-only after. */
export interface BaseSpace {
  /** the base unit texts */
  readonly texts: readonly string[];
  /** an open hash table of the shingles: bucket (hash & mask) → 1 + the bucket's first id, 0 when empty; `next` chains the others (−1 ends) */
  readonly buckets: Int32Array;
  readonly mask: number;
  readonly next: readonly number[];
  /** per id, where its shingle first occurs: unit and position */
  readonly originUnit: readonly number[];
  readonly originAt: readonly number[];
  /** per base unit, the id of the shingle at each position (length − SHINGLE + 1 positions; none when shorter) */
  readonly at: readonly Int32Array[];
  /** per id, the base units holding it, ascending */
  readonly holders: readonly number[][];
  /** per id, 1 when two or more base units hold it: a stock phrase of the notice (commonShingles) */
  readonly stock: Uint8Array;
}

/** A target's units against one base: made per pair, never kept with either record. */
export interface TargetSpace {
  /** per target unit, the base id of the shingle at each position, −1 where the base has no such shingle */
  readonly at: readonly Int32Array[];
  /** per base id, the target units holding it, ascending (undefined: none) */
  readonly holders: readonly (number[] | undefined)[];
}

/**
 * A hash of the shingle at `i` (FNV-1a over its UTF-16 code units): a shingle is looked up without
 * cutting the substring; the shingles of a bucket are then compared code unit by code unit, so a
 * collision never merges two shingles.
 */
function hashAt(text: string, i: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < SHINGLE; k++) h = Math.imul(h ^ text.charCodeAt(i + k), 0x01000193);
  return h >>> 0;
}

function sameShingle(a: string, i: number, b: string, j: number): boolean {
  for (let k = 0; k < SHINGLE; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** The id of the shingle at `i` of `text`, −1 when the base has no such shingle. */
function idOf(space: BaseSpace, text: string, i: number, bucket = hashAt(text, i) & space.mask): number {
  for (let id = space.buckets[bucket] - 1; id >= 0; id = space.next[id]) if (sameShingle(space.texts[space.originUnit[id]], space.originAt[id], text, i)) return id;
  return -1;
}

export function baseSpace(texts: readonly string[]): BaseSpace {
  // at most one id per position: twice that many buckets keeps the chains short
  const positions = texts.reduce((n, t) => n + Math.max(0, t.length - SHINGLE + 1), 0);
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, 2 * positions)));
  const buckets = new Int32Array(size);
  const mask = size - 1;
  const next: number[] = [];
  const originUnit: number[] = [];
  const originAt: number[] = [];
  const holders: number[][] = [];
  const at: Int32Array[] = [];
  const space: BaseSpace = { texts, buckets, mask, next, originUnit, originAt, at, holders, stock: new Uint8Array(0) };
  texts.forEach((text, unit) => {
    const row = new Int32Array(Math.max(0, text.length - SHINGLE + 1));
    at.push(row);
    for (let i = 0; i < row.length; i++) {
      const bucket = hashAt(text, i) & mask;
      let id = idOf(space, text, i, bucket);
      if (id < 0) {
        id = holders.length;
        next.push(buckets[bucket] - 1);
        buckets[bucket] = id + 1;
        originUnit.push(unit);
        originAt.push(i);
        holders.push([]);
      }
      row[i] = id;
      const h = holders[id];
      if (h[h.length - 1] !== unit) h.push(unit);
    }
  });
  const stock = new Uint8Array(holders.length);
  holders.forEach((h, id) => (stock[id] = h.length >= 2 ? 1 : 0));
  return { ...space, stock };
}

export function targetSpace(base: BaseSpace, texts: readonly string[]): TargetSpace {
  const holders: (number[] | undefined)[] = new Array(base.holders.length);
  const at = texts.map((text, unit) => {
    const row = new Int32Array(Math.max(0, text.length - SHINGLE + 1));
    for (let i = 0; i < row.length; i++) {
      const id = idOf(base, text, i);
      row[i] = id;
      if (id < 0) continue;
      const h = (holders[id] ??= []);
      if (h[h.length - 1] !== unit) h.push(unit);
    }
    return row;
  });
  return { at, holders };
}

/**
 * Characters inside the shingles, at the positions `at` lists, whose id passes `covers`: what
 * countMask(coverMask(...)) gives, counted as a union of windows without a mask (positions rise, so
 * each window only extends the last).
 */
export function coveredBy(at: Int32Array, covers: (id: number) => boolean): number {
  let n = 0;
  let end = 0;
  for (let i = 0; i < at.length; i++) {
    const id = at[i];
    if (id < 0 || !covers(id)) continue;
    n += i + SHINGLE - (i > end ? i : end);
    end = i + SHINGLE;
  }
  return n;
}

/**
 * For every pair of a unit on one side (rows) and a unit on the other (cols), the characters of the
 * row unit inside a shingle the column unit also has: `all` counting every shingle, `distinct` the
 * base's stock phrases aside. `at` are the row units' ids, `holders` which column units hold an id.
 * Work in proportion to the shared shingles, not to rows × columns × text.
 */
export function coverCounts(
  at: readonly Int32Array[],
  holders: readonly (readonly number[] | undefined)[],
  cols: number,
  stock: Uint8Array,
): { all: Int32Array; distinct: Int32Array } {
  const all = new Int32Array(at.length * cols);
  const distinct = new Int32Array(at.length * cols);
  const endAll = new Int32Array(cols);
  const endDistinct = new Int32Array(cols);
  at.forEach((row, r) => {
    endAll.fill(0);
    endDistinct.fill(0);
    const base = r * cols;
    for (let i = 0; i < row.length; i++) {
      const id = row[i];
      if (id < 0) continue;
      const hs = holders[id];
      if (!hs) continue;
      const isStock = stock[id] === 1;
      for (const c of hs) {
        all[base + c] += i + SHINGLE - Math.max(i, endAll[c]);
        endAll[c] = i + SHINGLE;
        if (isStock) continue;
        distinct[base + c] += i + SHINGLE - Math.max(i, endDistinct[c]);
        endDistinct[c] = i + SHINGLE;
      }
    }
  });
  return { all, distinct };
}

/** Marks the characters of one text inside the shingles whose id passes `covers` (coverMask, by id). */
export function maskBy(at: Int32Array, length: number, covers: (id: number) => boolean, into?: Uint8Array): Uint8Array {
  const mask = into ?? new Uint8Array(length);
  for (let i = 0; i < at.length; i++) if (at[i] >= 0 && covers(at[i])) mask.fill(1, i, i + SHINGLE);
  return mask;
}

/**
 * The base space of a units array (once per array: `notices check` reads the same national notice's
 * units against every provincial one) and a target's side against it. The last target side is kept
 * for the next question about the same pair (linkUnits, then overallSimilarity; contentBound, then
 * contentSimilarity), and only that one: a batch does not keep a side per record.
 */
const baseSpaces = new WeakMap<readonly Unit[], BaseSpace>();
let lastPair: { base: BaseSpace; target: readonly Unit[]; side: TargetSpace } | null = null;
export function pairSpace(base: readonly Unit[], target: readonly Unit[]): { base: BaseSpace; side: TargetSpace } {
  let space = baseSpaces.get(base);
  if (!space) baseSpaces.set(base, (space = baseSpace(base.map((u) => u.norm))));
  if (lastPair?.base !== space || lastPair.target !== target) lastPair = { base: space, target, side: targetSpace(space, target.map((u) => u.norm)) };
  return lastPair;
}

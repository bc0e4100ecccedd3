import { linkUnits, type Link, type Unit } from './align.js';
import { round3 } from './similarity.js';
import { coveredBy, pairSpace } from './shingle-space.js';

/**
 * Overall similarity, 0–1: the share of all clause text, both sides together, that is reused —
 * target characters found in the base clauses they are aligned with, and base characters found in
 * the target clauses aligned with them — over all characters of both. Added clauses lower it as
 * much as removed ones; a notice against itself is 1.
 */
export function overallSimilarity(base: Unit[], target: Unit[], links: Link[] = linkUnits(base, target)): number {
  const total = base.reduce((n, u) => n + u.norm.length, 0) + target.reduce((n, u) => n + u.norm.length, 0);
  if (!total) return 0;
  // characters inside a shingle any partner also holds, by shingle id (shingle-space.ts)
  const { base: space, side: targetSpace } = pairSpace(base, target);
  let covered = 0;
  const side = (units: Unit[], partners: Unit[], at: readonly Int32Array[], holders: readonly (readonly number[] | undefined)[], partnersOf: (i: number) => number[]) => {
    units.forEach((u, i) => {
      const mine = partnersOf(i);
      if (!mine.length) return;
      if (mine.some((p) => partners[p].norm === u.norm)) {
        covered += u.norm.length;
        return;
      }
      covered += coveredBy(at[i], (id) => holders[id]?.some((h) => mine.includes(h)) ?? false);
    });
  };
  side(target, base, targetSpace.at, space.holders, (t) => links.filter((l) => l.t === t).map((l) => l.b));
  side(base, target, space.at, targetSpace.holders, (b) => links.filter((l) => l.b === b).map((l) => l.t));
  return round3(covered / total);
}


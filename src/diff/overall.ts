import { linkUnits, type Link, type Unit } from './align.js';
import { countMask, coverMask, round3, shingles, SHINGLE } from './similarity.js';

/**
 * Overall similarity, 0–1: the share of all clause text, both sides together, that is reused —
 * target characters found in the base clauses they are aligned with, and base characters found in
 * the target clauses aligned with them — over all characters of both. Added clauses lower it as
 * much as removed ones; a notice against itself is 1.
 */
export function overallSimilarity(base: Unit[], target: Unit[], links: Link[] = linkUnits(base, target)): number {
  const total = base.reduce((n, u) => n + u.norm.length, 0) + target.reduce((n, u) => n + u.norm.length, 0);
  if (!total) return 0;
  let covered = 0;
  const side = (units: Unit[], partnersOf: (i: number) => Unit[]) => {
    for (const u of units) {
      const partners = partnersOf(u.index);
      if (!partners.length) continue;
      if (partners.some((p) => p.norm === u.norm)) {
        covered += u.norm.length;
        continue;
      }
      const mask = new Uint8Array(u.norm.length);
      for (const p of partners) coverMask(u.norm, shingles(p.norm), SHINGLE, mask);
      covered += countMask(mask);
    }
  };
  side(target, (t) => links.filter((l) => l.t === t).map((l) => base[l.b]));
  side(base, (b) => links.filter((l) => l.b === b).map((l) => target[l.t]));
  return round3(covered / total);
}


import { DiffRecord, type ClauseAlignment } from '../../schemas/diff.js';
import { SCHEMA_VERSION } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { alignUnits, linkUnits, unitsOf, type Link, type Unit } from './align.js';
import { compareNumbers } from './numbers.js';
import { compareFigures } from './figures.js';
import { countMask, coverMask, round3, shingles, SHINGLE } from './similarity.js';

export { alignClauses, alignUnits, unitsOf } from './align.js';
export { compareNumbers } from './numbers.js';
export { compareFigures } from './figures.js';
export { redline } from './redline.js';

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

export function countStatuses(clauses: ClauseAlignment[]): DiffRecord['counts'] {
  const counts = { unchanged: 0, modified: 0, added: 0, removed: 0 };
  for (const c of clauses) counts[c.status]++;
  return counts;
}

/** One DiffRecord: the target (a provincial notice) against its base (the national one). */
export function diffRecords(base: NoticeRecord, target: NoticeRecord): DiffRecord {
  const baseUnits = unitsOf(base);
  const targetUnits = unitsOf(target);
  const links = linkUnits(baseUnits, targetUnits);
  const clauses = alignUnits(baseUnits, targetUnits, target, links);
  return DiffRecord.parse({
    schemaVersion: SCHEMA_VERSION,
    base: base.fileNumber?.normalized ?? null,
    target: target.fileNumber?.normalized ?? null,
    basePath: pathOf(base),
    targetPath: pathOf(target),
    similarity: overallSimilarity(baseUnits, targetUnits, links),
    counts: countStatuses(clauses),
    clauses,
    numbers: compareNumbers(base, target),
    figures: compareFigures(base, target),
  });
}

/** `path#N` when the document is not the only or first one in its file. */
function pathOf(r: NoticeRecord): string {
  return r.source.documentIndex > 0 ? `${r.source.path}#${r.source.documentIndex}` : r.source.path;
}

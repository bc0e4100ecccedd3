import { DiffRecord, type ClauseAlignment, type Pairing } from '../../schemas/diff.js';
import { SCHEMA_VERSION } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { alignUnits, linkUnits, unitsOf } from './align.js';
import { compareNumbers } from './numbers.js';
import { compareFigures } from './figures.js';
import { pairingOf, parentOf } from './national.js';
import { overallSimilarity } from './overall.js';

export { alignClauses, alignUnits, unitsOf } from './align.js';
export { compareNumbers } from './numbers.js';
export { compareFigures } from './figures.js';
export { overallSimilarity } from './overall.js';
export { redline } from './redline.js';

export function countStatuses(clauses: ClauseAlignment[]): DiffRecord['counts'] {
  const counts = { unchanged: 0, modified: 0, added: 0, removed: 0 };
  for (const c of clauses) counts[c.status]++;
  return counts;
}

/**
 * One DiffRecord: the target (an adapting notice) against its base (the parent: national, provincial
 * or city); `pairing` says how the base was found, by default how it relates to the target (parentOf
 * over the base alone: cited, similar, or merely given).
 */
export function diffRecords(base: NoticeRecord, target: NoticeRecord, pairing: Pairing = pairingOf(parentOf(target, [base]))): DiffRecord {
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
    pairing,
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

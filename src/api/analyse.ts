import type { DiffRecord, Pairing } from '../../schemas/diff.js';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { checkAll } from '../check/run.js';
import { compareRows, type CompareRow } from '../compare/rows.js';
import { diffRecords } from '../diff/index.js';
import { diffsOf, pairWithParents } from '../compare/national.js';

/**
 * Runs every consistency rule (docs/rules/) within each record and across all of them — include
 * the national notice so provincial figures are checked against its allocation tables. The same
 * findings as `notices check --format json`.
 */
export function check(records: readonly NoticeRecord[]): LocatedFinding[] {
  return checkAll([...records]);
}

/**
 * Aligns a target notice (typically provincial) with the base notice it adapts (typically the
 * national one): clause statuses with similarity and redline, and the target's figures against
 * the base's annex tables. The same record as `notices diff --format json`.
 */
export function diff(base: NoticeRecord, target: NoticeRecord, pairing?: Pairing): DiffRecord {
  return diffRecords(base, target, pairing);
}

/**
 * The researcher's table: one row per record, in the given order. Every non-national record is
 * diffed against the national notice it implements among the records (src/compare/national.ts)
 * for `similarity` and `clauses`. The same rows as `notices compare --format json`.
 */
export function compare(records: readonly NoticeRecord[]): CompareRow[] {
  const all = [...records];
  return compareRows(all, diffsOf(pairWithParents(all)), checkAll(all));
}

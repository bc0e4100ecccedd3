import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { diffRecords } from '../diff/index.js';
import { isCover, nationalFor, pairingOf, parentOf, withCover, type ParentChoice } from '../diff/national.js';

export { nationalFor, parentOf };

/** A record compared with the notice it adapts (its parent, at any level). */
export interface Pairing {
  parent: NoticeRecord;
  /** the same record as `parent`: the name from when only national notices were parents */
  national: NoticeRecord;
  choice: ParentChoice;
  diff: DiffRecord;
}

/**
 * Every record that has a parent among the inputs (parentOf: national, provincial or city), diffed
 * against it. A cover notice that 印发s a document of its own level in the same file is not paired:
 * the document it issues is, through the cover's citations (withCover).
 */
export function pairWithParents(records: readonly NoticeRecord[]): Map<NoticeRecord, Pairing> {
  const pairs = new Map<NoticeRecord, Pairing>();
  for (const r of records) {
    // a 印发 cover is represented by the document it issues, which is paired with the cover's citations
    if (isCover(r, records)) continue;
    const choice = parentOf(withCover(r, records), records);
    if (choice) pairs.set(r, { parent: choice.parent, national: choice.parent, choice, diff: diffRecords(choice.parent, r, pairingOf(choice)) });
  }
  return pairs;
}

/** @deprecated the parent may be of any level now: pairWithParents */
export const pairWithNationals = pairWithParents;

/** Just the diffs, keyed by the target record (what compareRows and the store take). */
export const diffsOf = (pairs: Map<NoticeRecord, Pairing>): Map<NoticeRecord, DiffRecord> =>
  new Map([...pairs].map(([r, p]) => [r, p.diff]));

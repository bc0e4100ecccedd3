import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { diffRecords } from '../diff/index.js';
import { nationalFor } from '../diff/national.js';

export { nationalFor };

/** A record compared with the national notice it implements. */
export interface Pairing {
  national: NoticeRecord;
  diff: DiffRecord;
}

/** Every non-national record that has a national notice among the inputs, diffed against it. */
export function pairWithNationals(records: readonly NoticeRecord[]): Map<NoticeRecord, Pairing> {
  const pairs = new Map<NoticeRecord, Pairing>();
  const nationals = records.filter((r) => r.level === 'national');
  for (const r of records) {
    const national = nationalFor(r, nationals);
    if (national) pairs.set(r, { national, diff: diffRecords(national, r) });
  }
  return pairs;
}

/** Just the diffs, keyed by the target record (what compareRows and the store take). */
export const diffsOf = (pairs: Map<NoticeRecord, Pairing>): Map<NoticeRecord, DiffRecord> =>
  new Map([...pairs].map(([r, p]) => [r, p.diff]));

import type { DiffRecord } from '../../schemas/diff.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { diffRecords } from '../diff/index.js';

const compact = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/**
 * The national notice a record implements, among the inputs; null for a national notice itself
 * or when there is none. The one place this choice is made (npm start, compare, report): the lead
 * is unifying it into one function (references first, then title similarity), so callers only
 * ever go through here.
 *
 * Today: the national notice the record cites by file number; else the first national notice of
 * the inputs (what pipelines/default.ts did before).
 */
export function nationalFor(record: NoticeRecord, records: readonly NoticeRecord[]): NoticeRecord | null {
  if (record.level === 'national') return null;
  const nationals = records.filter((r) => r.level === 'national' && r !== record);
  const cited = new Set(record.references.map((x) => compact(x.fileNumber)).filter(Boolean));
  return nationals.find((n) => n.fileNumber && cited.has(compact(n.fileNumber.normalized))) ?? nationals[0] ?? null;
}

/** A record compared with the national notice it implements. */
export interface Pairing {
  national: NoticeRecord;
  diff: DiffRecord;
}

/** Every non-national record that has a national notice among the inputs, diffed against it. */
export function pairWithNationals(records: readonly NoticeRecord[]): Map<NoticeRecord, Pairing> {
  const pairs = new Map<NoticeRecord, Pairing>();
  for (const r of records) {
    const national = nationalFor(r, records);
    if (national) pairs.set(r, { national, diff: diffRecords(national, r) });
  }
  return pairs;
}

/** Just the diffs, keyed by the target record (what compareRows and the store take). */
export const diffsOf = (pairs: Map<NoticeRecord, Pairing>): Map<NoticeRecord, DiffRecord> =>
  new Map([...pairs].map(([r, p]) => [r, p.diff]));

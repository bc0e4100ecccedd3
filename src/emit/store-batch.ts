import type { DiffRecord } from '../../schemas/diff.js';
import type { LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { checkAll } from '../check/run.js';
import { diffsOf, pairWithNationals, type Pairing } from '../compare/national.js';
import { loadSqlite, type LoadSummary } from './sqlite.js';

/** What the store keeps beside a batch's records. */
export interface StoreAnalysis {
  findings: LocatedFinding[];
  diffs: DiffRecord[];
}

/**
 * The one decision of what a batch's store holds beside its records, shared by `npm start` and
 * `notices extract --format sqlite` so both write the same store: every finding (the records'
 * own are stored once, see loadInto) and each notice's diff against the national notice it
 * implements, when that notice is among the inputs.
 */
export function analyse(records: NoticeRecord[], pairs: Map<NoticeRecord, Pairing> = pairWithNationals(records)): StoreAnalysis {
  return { findings: checkAll(records), diffs: [...diffsOf(pairs).values()] };
}

/** Loads a batch into the store at `file`; `analysis` false stores the records (and their own findings) only. */
export async function storeBatch(file: string, records: NoticeRecord[], analysis: StoreAnalysis | boolean): Promise<LoadSummary> {
  const extras = analysis === true ? analyse(records) : analysis === false ? {} : analysis;
  return loadSqlite(file, records, extras);
}

import type { Finding, LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { documentRules } from './document-rules.js';
import type { CorpusRule, RuleInfo } from './rule.js';
import { allocationMismatch } from './rules/allocation-mismatch.js';
import { extractorFailed } from './rules/extractor-failed.js';
import { locate } from './corpus-view.js';

export { checkDocument, documentRules } from './document-rules.js';
export { corpusView, locate } from './corpus-view.js';

export const corpusRules: CorpusRule[] = [allocationMismatch];
/** Findings raised while extracting (not from the record): they arrive in `record.findings`. */
export const extractionRules: RuleInfo[] = [extractorFailed];
export const allRules: RuleInfo[] = [...documentRules, ...corpusRules, ...extractionRules];

/** Every finding over a batch: each record's own, then the cross-document ones, in input order. */
export function checkAll(records: NoticeRecord[]): LocatedFinding[] {
  const own = records.flatMap((r) => r.findings.map((f) => locate(r, f)));
  return [...own, ...checkCorpus(records)];
}

/** The cross-document findings (corpus rules), in input order of the records they concern. */
export function checkCorpus(records: NoticeRecord[]): LocatedFinding[] {
  return corpusRules.flatMap((rule) => rule.check(records)).map(({ record, finding }) => locate(record, finding));
}

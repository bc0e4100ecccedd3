import type { Finding, LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { documentRules } from './document-rules.js';
import type { CorpusRule, RuleInfo } from './rule.js';
import { allocationMismatch } from './rules/allocation-mismatch.js';
import { extractorFailed } from './rules/extractor-failed.js';

export { checkDocument, documentRules } from './document-rules.js';

export const corpusRules: CorpusRule[] = [allocationMismatch];
/** Findings raised while extracting (not from the record): they arrive in `record.findings`. */
export const extractionRules: RuleInfo[] = [extractorFailed];
export const allRules: RuleInfo[] = [...documentRules, ...corpusRules, ...extractionRules];

export const locate = (r: NoticeRecord, f: Finding): LocatedFinding => ({
  path: r.source.path,
  fileNumber: r.fileNumber?.normalized ?? null,
  documentIndex: r.source.documentIndex,
  ...f,
});

/** Every finding over a batch: each record's own, then the cross-document ones, in input order. */
export function checkAll(records: NoticeRecord[]): LocatedFinding[] {
  const own = records.flatMap((r) => r.findings.map((f) => locate(r, f)));
  return [...own, ...checkCorpus(records)];
}

/** The cross-document findings (corpus rules), in input order of the records they concern. */
export function checkCorpus(records: NoticeRecord[]): LocatedFinding[] {
  return corpusRules.flatMap((rule) => rule.check(records)).map(({ record, finding }) => locate(record, finding));
}

/**
 * What the corpus rules read of a record (where it is from, its level, region, title, references,
 * targets and tables): a batch keeps only this much per document, so `notices check` over a large
 * corpus does not hold every clause's text.
 */
export function corpusView(r: NoticeRecord): NoticeRecord {
  // only the clauses that point at an annex: they tell which table a target is made up in (tablesOfTarget)
  const sections = r.sections.map((s) => ({ ...s, text: s.text.includes('附件') ? s.text : '', clauses: s.clauses.filter((c) => c.text.includes('附件')) }));
  return { ...r, sections, subsidies: [], policyMentions: [], keyRegions: [], contacts: [], attachments: [], findings: [] };
}

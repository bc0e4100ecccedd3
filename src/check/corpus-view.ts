import type { Finding, LocatedFinding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import type { Result } from '../util/result.js';

export const locate = (r: NoticeRecord, f: Finding): LocatedFinding => ({
  path: r.source.path,
  fileNumber: r.fileNumber?.normalized ?? null,
  documentIndex: r.source.documentIndex,
  ...f,
});

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

/** What `notices check` needs of one document: its own findings, located, and its corpus view. */
export interface CheckedDocument {
  findings: LocatedFinding[];
  view: NoticeRecord;
}

/**
 * A file's documents as `notices check` reads them, made where the file was read (in a worker of
 * the pool: the main thread then parses these, not whole records).
 */
export function checkedDocuments(result: Result<{ path: string; records: readonly NoticeRecord[] }>): Result<{ path: string; documents: CheckedDocument[] }> {
  if (!result.ok) return result;
  return { ok: true, path: result.path, documents: result.records.map((r) => ({ findings: r.findings.map((f) => locate(r, f)), view: corpusView(r) })) };
}

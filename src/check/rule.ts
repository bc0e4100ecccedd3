import type { Finding } from '../../schemas/finding.js';
import type { Severity } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';

/** What every rule has: a stable id, a default severity and a one-line summary (docs/rules/<id>.md). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
}

/** A consistency rule, remark-lint style: a stable id, docs, and a pure check. */
export interface DocumentRule extends RuleInfo {
  check(record: NoticeRecord): Finding[];
}

/** A rule that needs several documents at once (a province against the national notice). */
export interface CorpusRule extends RuleInfo {
  check(records: NoticeRecord[]): { record: NoticeRecord; finding: Finding }[];
}

import type { Finding } from '../../schemas/finding.js';
import type { Severity } from '../../schemas/common.js';
import type { NoticeRecord } from '../../schemas/notice.js';

/** A consistency rule, remark-lint style: a stable id, docs, and a pure check. */
export interface DocumentRule {
  id: string;
  severity: Severity;
  summary: string;
  check(record: NoticeRecord): Finding[];
}

/** A rule that needs several documents at once (a province against the national notice). */
export interface CorpusRule {
  id: string;
  severity: Severity;
  summary: string;
  check(records: NoticeRecord[]): { record: NoticeRecord; finding: Finding }[];
}

import { NoticeRecord } from '../../schemas/notice.js';
import type { Finding } from '../../schemas/finding.js';
import { recordInvalid } from './reading-findings.js';

/**
 * The zod check of a record: loaded only where a record is validated (validate.ts), since zod and
 * the schemas cost a worker more start-up than anything else it loads.
 */

/** The schema's complaints about one record as findings (empty when it conforms). At most 5 issues are spelled out. */
export function schemaFindings(record: unknown): Finding[] {
  const parsed = NoticeRecord.safeParse(record);
  if (parsed.success) return [];
  const issues = parsed.error.issues;
  return [
    {
      rule: recordInvalid.id,
      severity: recordInvalid.severity,
      message: `the record fails the schema at ${issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
      span: null,
      data: { issues: issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message })) },
    },
  ];
}

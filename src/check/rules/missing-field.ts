import type { Finding } from '../../../schemas/finding.js';
import type { DocumentRule } from '../rule.js';

/** A notice without a title, a 发文字号, an issuer, or any date (neither 成文日期 nor 印发日期). */
export const missingField: DocumentRule = {
  id: 'missing-field',
  severity: 'warning',
  summary: 'A required element is absent: title, file number, issuer, or a date.',
  check(record) {
    const out: Finding[] = [];
    const at = record.titleSpan;
    const miss = (field: string, message: string) => out.push({ rule: 'missing-field', severity: 'warning', message, span: at, data: { field } });
    if (!record.title) miss('title', 'no title found: a partial copy (it starts at the 主送机关 or in the body)');
    if (!record.fileNumber) miss('fileNumber', 'no file number (发文字号) found');
    if (record.issuers.length === 0) miss('issuers', 'no issuing body (发文机关) found');
    if (!record.signedDate && !record.printedDate) miss('date', 'no date found: neither 成文日期 nor 印发日期');
    return out;
  },
};

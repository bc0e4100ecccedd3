import type { Finding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import type { DocumentRule } from './rule.js';
import { amountMissingUnit } from './rules/amount-missing-unit.js';
import { annexMissing } from './rules/annex-missing.js';
import { duplicateRow } from './rules/duplicate-row.js';
import { missingField } from './rules/missing-field.js';
import { numberingGap } from './rules/numbering-gap.js';
import { regionOutsideProvince } from './rules/region-outside-province.js';
import { tableSumMismatch } from './rules/table-sum-mismatch.js';
import { tableTextMismatch } from './rules/table-text-mismatch.js';
import { targetTableMismatch } from './rules/target-table-mismatch.js';

/**
 * The rules that read one document: the pipeline runs them on every record it builds (in each
 * worker), apart from the corpus rules (run.ts), which pair documents and load the diff code.
 */
export const documentRules: DocumentRule[] = [tableSumMismatch, targetTableMismatch, amountMissingUnit, numberingGap, missingField, annexMissing, duplicateRow, regionOutsideProvince, tableTextMismatch];

/** Findings that concern one document; they also go into that record's `findings`. */
export function checkDocument(record: NoticeRecord): Finding[] {
  return documentRules.flatMap((rule) => rule.check(record));
}

import type { z } from 'zod';
import type { Finding } from '../../schemas/finding.js';
import type { NoticeRecord } from '../../schemas/notice.js';
import { orderOf, shaperFrom, type Shaper } from './key-order.js';
import { NOTICE_KEY_ORDER } from './notice-key-order.js';
import { VALIDATE_MODES, type ValidateMode } from '../read/options.js';

/**
 * Schema validation of the records the pipeline builds. The extractors fill a skeleton typed
 * against the same zod schema, so in production a sample is enough to catch drift (validating every
 * record cost ~5 % of the text path); the tests validate every record (vitest.config.ts sets
 * NOTICES_VALIDATE=all). A record that fails is a finding on that record, never a failed file.
 */

/** 'sample' validates the files whose content hash falls in 1/16 of the hash space: the same files whatever the order or the worker. */
const SAMPLE_BUCKETS = 16;

export function validateMode(mode: ValidateMode | undefined): ValidateMode {
  if (mode) return mode;
  const env = process.env.NOTICES_VALIDATE as ValidateMode | undefined;
  return env && VALIDATE_MODES.includes(env) ? env : 'sample';
}

export function shouldValidate(mode: ValidateMode, sha256: string): boolean {
  if (mode === 'all') return true;
  if (mode === 'none') return false;
  return parseInt(sha256.slice(0, 2), 16) % SAMPLE_BUCKETS === 0;
}

/**
 * The zod check (schema-check.ts), loaded the first time a record is to be validated: a worker whose
 * files are not in the sample never loads zod and the schemas (~0.1–0.2 s of its start-up).
 * processFile loads it before a file it validates; a caller of processSource that validates loads it
 * first (the tests do so in their setup).
 */
let schemaCheck: typeof import('./schema-check.js') | null = null;
export async function loadSchemaCheck(): Promise<void> {
  schemaCheck ??= await import('./schema-check.js');
}

/** The schema's complaints about one record as findings (empty when it conforms); needs loadSchemaCheck first. */
export function schemaFindings(record: unknown): Finding[] {
  if (!schemaCheck) throw new Error('schemaFindings: the schema check is not loaded (await loadSchemaCheck() before validating)');
  return schemaCheck.schemaFindings(record);
}

/**
 * What `schema.parse` returns for a conforming value, without checking it: zod builds each object
 * with the schema's keys in the schema's order and drops keys it does not know. Records that are not
 * validated still come out byte for byte as validated ones (the extractors may set keys in any order).
 */
export const shaperOf = (schema: z.ZodType): Shaper => shaperFrom(orderOf(schema));

const noticeShaper = shaperFrom(NOTICE_KEY_ORDER);
/** A record as `NoticeRecord.parse` would return it, when it conforms. */
export const inSchemaOrder = (record: NoticeRecord): NoticeRecord => noticeShaper(record) as NoticeRecord;

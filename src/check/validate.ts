import type { z } from 'zod';
import { NoticeRecord } from '../../schemas/notice.js';
import type { Finding } from '../../schemas/finding.js';
import { recordInvalid } from './reading-findings.js';
import type { NoticeRecord as NoticeRecordType } from '../../schemas/notice.js';
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

/** A function that copies a value the way the schema's parse would output it: object keys in schema order, unknown keys dropped. */
type Shaper = (value: unknown) => unknown;

/**
 * What `schema.parse` returns for a conforming value, without checking it: zod builds each object
 * with the schema's keys in the schema's order and drops keys it does not know. Records that are not
 * validated still come out byte for byte as validated ones (the extractors may set keys in any order).
 * Covers the kinds the record schemas use (object, array, record, nullable, optional, primitives).
 */
export function shaperOf(schema: z.ZodType): Shaper {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.keys(shape).map((key) => [key, shaperOf(shape[key])] as const);
      return (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
        const out: Record<string, unknown> = {};
        for (const [key, shapeField] of fields) if (key in value) out[key] = shapeField((value as Record<string, unknown>)[key]);
        return out;
      };
    }
    case 'array': {
      const element = shaperOf(def.element as z.ZodType);
      return (value) => (Array.isArray(value) ? value.map((v) => element(v)) : value);
    }
    case 'record': {
      const element = shaperOf(def.valueType as z.ZodType);
      return (value) => {
        if (value === null || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) out[key] = element((value as Record<string, unknown>)[key]);
        return out;
      };
    }
    case 'nullable':
    case 'optional':
      return shaperOf(def.innerType as z.ZodType);
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
      return (value) => value;
    default:
      // a kind this walk does not know: only a real parse gives its output
      return (value) => {
        const parsed = schema.safeParse(value);
        return parsed.success ? parsed.data : value;
      };
  }
}

const noticeShaper = shaperOf(NoticeRecord);
/** A record as `NoticeRecord.parse` would return it, when it conforms. */
export const inSchemaOrder = (record: NoticeRecordType): NoticeRecordType => noticeShaper(record) as NoticeRecordType;

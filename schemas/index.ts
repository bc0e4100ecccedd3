/**
 * The zod schemas of every record the package writes, and their inferred types: validate what you
 * load (`NoticeRecord.parse(json)`), or use the types. The same schemas as JSON Schema are in
 * `policy-notices/schemas/*.schema.json`.
 *
 * @packageDocumentation
 * @module policy-notices/schemas
 */
import { z } from 'zod';
import { NoticeRecord } from './notice.js';
import { Finding, LocatedFinding } from './finding.js';
import { DiffRecord } from './diff.js';

export * from './common.js';
export * from './notice.js';
export * from './finding.js';
export * from './diff.js';

/** The schemas published as JSON Schema, keyed by the file name under schemas/. */
export const published = { notice: NoticeRecord, finding: Finding, 'located-finding': LocatedFinding, diff: DiffRecord } as const;

export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(published).map(([name, schema]) => [name, z.toJSONSchema(schema, { target: 'draft-2020-12' })]),
  );
}

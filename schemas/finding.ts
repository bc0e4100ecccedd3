import { z } from 'zod';
import { Severity, Span } from './common.js';

export const Finding = z.object({
  rule: z.string().describe('stable rule id, e.g. table-sum-mismatch'),
  severity: Severity,
  message: z.string(),
  span: Span.nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type Finding = z.infer<typeof Finding>;

/** A finding as printed by `notices check --format json`: which file and document it concerns. */
export const LocatedFinding = Finding.extend({
  path: z.string(),
  fileNumber: z.string().nullable(),
  documentIndex: z.number().int().min(0),
});
export type LocatedFinding = z.infer<typeof LocatedFinding>;

import { z } from 'zod';
import { SCHEMA_VERSION } from './common.js';

export const DiffOp = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const ClauseAlignment = z.object({
  base: z.string().nullable().describe('base clause number (national), null when added'),
  target: z.string().nullable().describe('target clause number (provincial), null when removed'),
  status: z.enum(['unchanged', 'modified', 'added', 'removed']),
  similarity: z.number().min(0).max(1),
  tags: z.array(z.string()).describe('implementation: adds local specifics; merged/split'),
  ops: z.array(DiffOp),
});

export const NumberComparison = z.object({
  metric: z.string(),
  region: z.string(),
  base: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(['match', 'differs', 'missing']),
});

export const DiffRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  base: z.string().nullable(),
  target: z.string().nullable(),
  basePath: z.string(),
  targetPath: z.string(),
  similarity: z.number().min(0).max(1),
  counts: z.object({ unchanged: z.number(), modified: z.number(), added: z.number(), removed: z.number() }),
  clauses: z.array(ClauseAlignment),
  numbers: z.array(NumberComparison),
});
export type DiffRecord = z.infer<typeof DiffRecord>;
export type ClauseAlignment = z.infer<typeof ClauseAlignment>;
export type NumberComparison = z.infer<typeof NumberComparison>;

import { z } from 'zod';
import { SCHEMA_VERSION } from './common.js';

export const DiffOp = z.object({
  op: z.enum(['equal', 'insert', 'delete']).describe('equal: in both; insert: only in the target; delete: only in the base'),
  text: z.string().describe('the characters of this run'),
});

export const ClauseAlignment = z.object({
  base: z.string().nullable().describe('base clause number (national), null when added'),
  target: z.string().nullable().describe('target clause number (provincial), null when removed'),
  status: z.enum(['unchanged', 'modified', 'added', 'removed']).describe('what the target did with the base clause'),
  similarity: z.number().min(0).max(1).describe('0..1, how much of the text the pair shares'),
  tags: z.array(z.string()).describe('implementation: adds local specifics; merged/split'),
  ops: z.array(DiffOp).describe('the inline redline, base to target'),
});

export const NumberComparison = z.object({
  metric: z.string().describe('the base table the figure is read from (its title)'),
  region: z.string().describe('the target\'s region as the base table\'s row names it'),
  base: z.number().nullable().describe('the base table\'s figure for that region'),
  target: z.number().nullable().describe('the target\'s own figure, null when it prints none'),
  status: z.enum(['match', 'differs', 'missing']).describe('match: equal within printed precision; differs; missing: one side has no figure'),
});

export const DiffRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION).describe('the contract version'),
  base: z.string().nullable().describe('the base notice\'s file number'),
  target: z.string().nullable().describe('the target notice\'s file number'),
  basePath: z.string().describe('the base notice: its file, with #N for document N > 0 of the file'),
  targetPath: z.string().describe('the target notice: its file, with #N for document N > 0 of the file'),
  similarity: z.number().min(0).max(1).describe('0..1 over the whole text'),
  counts: z
    .object({
      unchanged: z.number().describe('clauses kept word for word'),
      modified: z.number().describe('clauses adapted'),
      added: z.number().describe('target clauses with no base clause'),
      removed: z.number().describe('base clauses the target does not carry'),
    })
    .describe('clauses by status'),
  clauses: z.array(ClauseAlignment).describe('every target clause aligned with the base clause(s) it adapts, removed base clauses in place'),
  numbers: z.array(NumberComparison).describe('the target\'s figures against its rows in the base\'s annex tables'),
});
export type DiffRecord = z.infer<typeof DiffRecord>;
export type ClauseAlignment = z.infer<typeof ClauseAlignment>;
export type NumberComparison = z.infer<typeof NumberComparison>;

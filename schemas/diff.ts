import { z } from 'zod';
import { SCHEMA_VERSION, Span } from './common.js';

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

export const FigureComparison = z
  .object({
    metric: z.string().describe("what the figure measures, as the base names it (the target's wording for an added figure)"),
    unit: z.string().describe("the base figure's unit (the target's for an added figure): 万人, %, 座, 平方公里 …"),
    base: z.number().nullable().describe('the base notice\'s target value, null for a figure only the target states'),
    target: z.number().nullable().describe('the value the target notice states for the same metric, in its own unit (targetUnit), null when it drops the figure'),
    targetUnit: z.string().nullable().describe('the unit of the target side (differs from unit when converted: 40 % restated as 40 平方公里); null when dropped'),
    year: z.number().int().nullable().describe('the year the figure is set for (the base\'s, else the target\'s)'),
    status: z
      .enum(['same', 'higher', 'lower', 'converted', 'dropped', 'added'])
      .describe(
        'same: equal within printed precision (approximate figures within 5 %); higher/lower: the target sets more/less; converted: a share restated as a quantity (or back) of a whole the text states; dropped: the base figure is not restated; added: only the target states it',
      ),
    implied: z.number().nullable().describe("converted only: the target's figure expressed in the base's unit through the stated whole (40 平方公里 of 100.9 平方公里 → 39.64 %); null otherwise"),
    of: z
      .object({ value: z.number(), unit: z.string(), span: Span.nullable() })
      .nullable()
      .describe('converted only: the whole the share is taken of, as the text states it (建成区面积100.9平方公里)'),
    baseSpan: Span.nullable().describe('where the base states the figure, null for an added figure'),
    targetSpan: Span.nullable().describe('where the target states the figure, null for a dropped one'),
  })
  .describe('A target of the base matched to the figure the target notice states for the same metric');

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
  // default [] so a DiffRecord written before revision 6 (no figures) still loads into the store
  figures: z.array(FigureComparison).default([]).describe("every target of the base (any unit, with its year and metric) against the target notice's figure for the same metric, then the target's own targets the base does not state (added)"),
});
export type DiffRecord = z.infer<typeof DiffRecord>;
export type ClauseAlignment = z.infer<typeof ClauseAlignment>;
export type NumberComparison = z.infer<typeof NumberComparison>;
export type FigureComparison = z.infer<typeof FigureComparison>;

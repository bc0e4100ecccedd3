import { z } from 'zod';
import { SCHEMA_VERSION, Span } from './common.js';

export const DiffOp = z.object({
  op: z.enum(['equal', 'insert', 'delete']).describe('equal: in both; insert: only in the target; delete: only in the base'),
  text: z.string().describe('the characters of this run'),
});

export const ClauseAlignment = z.object({
  base: z.string().nullable().describe('base clause number (the parent notice), null when added; for an item, the number of the clause holding it'),
  target: z.string().nullable().describe('target clause number (the adapting notice), null when removed; for an item, the number of the clause holding it'),
  baseClause: z
    .string()
    .nullable()
    .default(null)
    .describe('printed path of the base unit (二（三）1, 二（三）, 第二章第五条, 一), as NoticeRecord clause/item `path`; null when added'),
  targetClause: z.string().nullable().default(null).describe('printed path of the target unit, as NoticeRecord clause/item `path`; null when removed'),
  unit: z
    .enum(['section', 'clause', 'item', 'lead'])
    .default('clause')
    .describe("what the compared unit is on the target side (base side when removed): a clause, an item (1. （1） ①) where clauses hold items, the text of a clause before its first item ('lead'), or a whole section where a notice has no clauses"),
  status: z.enum(['unchanged', 'modified', 'added', 'removed']).describe('what the target did with the base unit'),
  similarity: z.number().min(0).max(1).describe('0..1, how much of the text the pair shares'),
  tags: z
    .array(z.string())
    .describe(
      'implementation: adds local specifics; merged: the target unit joins several base units; split: the base unit is spread over several target units; moved: out of the base order; promoted: an item became a clause (or section), demoted: the reverse',
    ),
  ops: z.array(DiffOp).describe('the inline redline, base to target'),
});

export const NumberComparison = z.object({
  metric: z.string().describe('the base table the figure is read from (its title)'),
  region: z.string().describe('the target\'s region as the base table\'s row names it'),
  base: z.number().nullable().describe('the base table\'s figure for that region'),
  target: z.number().nullable().describe('the target\'s own figure, null when it prints none'),
  status: z.enum(['match', 'differs', 'missing']).describe('match: equal within printed precision; differs; missing: one side has no figure'),
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
      .enum(['same', 'higher', 'lower', 'converted', 'dropped', 'added', 'part'])
      .describe(
        "same: equal within printed precision (approximate figures within 5 %); higher/lower: the target sets more/less; converted: a share restated as a quantity (or back) of a whole the text states; dropped: the base figure is not restated; added: only the target states it; part: the base states a total for a wider area (全国) and the target its own region's figure for the metric, a part of that total and not comparable as higher or lower (revision 8)",
      ),
    implied: z.number().nullable().describe("converted only: the target's figure expressed in the base's unit through the stated whole (40 平方公里 of 100.9 平方公里 → 39.64 %); null otherwise"),
    of: z
      .object({
        value: z.number().describe('the whole, as printed (100.9)'),
        unit: z.string().describe('its unit (平方公里)'),
        span: Span.nullable().describe("where the text states the whole, in the source of the notice `side` names; null when a line break lies between it and the figure whose sentence states it (revision 8: filled)"),
        side: z.enum(['base', 'target']).default('target').describe('which notice states the whole: its span is a position in that notice (revision 8)'),
      })
      .nullable()
      .describe('converted only: the whole the share is taken of, as the text states it (建成区面积100.9平方公里)'),
    baseSpan: Span.nullable().describe('where the base states the figure, null for an added figure'),
    targetSpan: Span.nullable().describe('where the target states the figure, null for a dropped one'),
  })
  .describe('A target of the base matched to the figure the target notice states for the same metric');

export const Pairing = z
  .object({
    by: z
      .enum(['fileNumber', 'title', 'titleSimilarity', 'content', 'given'])
      .describe('how the base was chosen as the parent: cited by 发文字号, cited by title, similar title, reused clause text (content), or named by the user without any tie (given)'),
    similarity: z.number().min(0).max(1).nullable().describe('the title or content similarity that decided it; null when cited or given'),
    threshold: z.number().min(0).max(1).nullable().describe('the threshold that similarity had to reach; null when cited or given'),
  })
  .describe('why the base is taken as the parent of the target');

export const DiffRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION).describe('the contract version'),
  base: z.string().nullable().describe('the base notice\'s file number'),
  target: z.string().nullable().describe('the target notice\'s file number'),
  basePath: z.string().describe('the base notice: its file, with #N for document N > 0 of the file'),
  targetPath: z.string().describe('the target notice: its file, with #N for document N > 0 of the file'),
  similarity: z.number().min(0).max(1).describe('0..1 over the whole text'),
  pairing: Pairing.nullable().default(null).describe('how the base relates to the target as its parent (null in diffs written before revision 7)'),
  counts: z
    .object({
      unchanged: z.number().describe('units kept word for word'),
      modified: z.number().describe('units adapted'),
      added: z.number().describe('target units with no base unit'),
      removed: z.number().describe('base units the target does not carry'),
    })
    .describe('clauses by status'),
  clauses: z.array(ClauseAlignment).describe('every target unit (clause, or item where clauses hold items) aligned with the base unit(s) it adapts, removed base units in place'),
  numbers: z.array(NumberComparison).describe('the target\'s figures against its rows in the base\'s annex tables'),
  // default [] so a DiffRecord written before revision 7 (no figures) still loads into the store
  figures: z.array(FigureComparison).default([]).describe("every target of the base (any unit, with its year and metric) against the target notice's figure for the same metric, then the target's own targets the base does not state (added)"),
});
export type DiffRecord = z.infer<typeof DiffRecord>;
export type ClauseAlignment = z.infer<typeof ClauseAlignment>;
export type Pairing = z.infer<typeof Pairing>;
export type NumberComparison = z.infer<typeof NumberComparison>;
export type FigureComparison = z.infer<typeof FigureComparison>;

import { z } from 'zod';
import { Severity, Span } from './common.js';

export const Finding = z.object({
  rule: z.string().describe('stable rule id, e.g. table-sum-mismatch'),
  severity: Severity,
  message: z.string().describe('one sentence for a reader, naming the values and where they are'),
  span: Span.nullable().describe('where the finding points; null when it concerns the whole document'),
  data: z.record(z.string(), z.unknown()).describe("the rule's figures, by name (docs/rules/<rule>.md lists them)"),
});
export type Finding = z.infer<typeof Finding>;

/** A finding as printed by `notices check --format json`: which file and document it concerns. */
export const LocatedFinding = Finding.extend({
  path: z.string().describe('the input file, as given on the command line (relative paths stay relative)'),
  fileNumber: z.string().nullable().describe('the normalized 发文字号 of the document, null when it prints none'),
  documentIndex: z.number().int().min(0).describe('which document of the file (0 first; a forwarding notice is 0 and the notice it forwards 1)'),
});
export type LocatedFinding = z.infer<typeof LocatedFinding>;

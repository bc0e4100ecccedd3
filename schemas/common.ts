import { z } from 'zod';

/** Bumped whenever a JSON Schema in schemas/*.schema.json changes (a test enforces it). */
export const SCHEMA_VERSION = '1' as const;

/** A position in the source as read: 1-based line and column (UTF-16 units); page for PDF. */
export const Span = z
  .object({
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    page: z.number().int().min(1).optional(),
  })
  .describe('Where the value starts in the source text as read');
export type Span = z.infer<typeof Span>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

import { z } from 'zod';

// the version constants live in a module without zod, for code that stamps records without validating them
export { SCHEMA_REVISION, SCHEMA_VERSION } from './version.js';

/** A position in the source as read: 1-based line and column (UTF-16 units); page for PDF. */
export const Span = z
  .object({
    line: z.number().int().min(1).describe('1-based line in the text as read (for HTML: in the .html file)'),
    column: z.number().int().min(1).describe('1-based column, in UTF-16 code units'),
    page: z.number().int().min(1).optional().describe('1-based page (PDF, OFD, images); absent for text, HTML and Word'),
    box: z
      .object({
        x: z.number().describe('left edge, pixels from the left of the page image'),
        y: z.number().describe('top edge, pixels from the top of the page image'),
        width: z.number().describe('width in pixels'),
        height: z.number().describe('height in pixels'),
      })
      .optional()
      .describe('OCR: the box of the line the value is on, in pixels of the page image read (PDF pages are rendered at 150 dpi)'),
    confidence: z.number().min(0).max(1).optional().describe('OCR: mean confidence of that line, 0..1'),
  })
  .describe('Where the value starts in the source text as read');
export type Span = z.infer<typeof Span>;

export const Severity = z.enum(['error', 'warning', 'info']).describe('error: the figures contradict each other; warning: something is missing or suspicious; info: a gap that rounding or a known layout explains');
export type Severity = z.infer<typeof Severity>;

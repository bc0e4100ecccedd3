import type { Section } from '../../schemas/notice.js';
import type { Text } from '../normalize/offsets.js';
import { spanAt, type DocumentContext } from './context.js';

const joinParagraphs = (ps: Text[]) => ps.map((p) => p.value).join('\n');

/** The outline as records: sections (一、) with their clauses (（一）), numbering as printed. */
export function extractSections(ctx: DocumentContext): Section[] {
  return ctx.outline.sections.map((s) => ({
    number: s.number,
    ordinal: s.ordinal,
    heading: s.heading,
    text: joinParagraphs(s.paragraphs),
    span: spanAt(ctx, s.paragraphs[0] ?? s.clauses[0]?.paragraphs[0], 0),
    clauses: s.clauses.map((c) => ({
      number: c.number,
      ordinal: c.ordinal,
      heading: c.heading,
      text: joinParagraphs(c.paragraphs),
      span: spanAt(ctx, c.paragraphs[0], 0),
    })),
  }));
}

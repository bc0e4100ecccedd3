import type { Item, Section } from '../../schemas/notice.js';
import type { Text } from '../normalize/offsets.js';
import type { ItemBlock } from '../segment/outline.js';
import { spanAt, type DocumentContext } from './context.js';

const joinParagraphs = (ps: Text[]) => ps.map((p) => p.value).join('\n');

/** The item tree flattened in document order; depth and path keep the nesting. */
function flatItems(ctx: DocumentContext, items: ItemBlock[], depth = 1): Item[] {
  return items.flatMap((i) => [
    { number: i.number, ordinal: i.ordinal, path: i.path, depth, heading: i.heading, text: joinParagraphs(i.paragraphs), span: spanAt(ctx, i.paragraphs[0], 0) },
    ...flatItems(ctx, i.items, depth + 1),
  ]);
}

/** The outline as records: sections (一、) with their clauses (（一）) and items (1.), numbering and printed paths as printed. */
export function extractSections(ctx: DocumentContext): Section[] {
  return ctx.outline.sections.map((s) => ({
    number: s.number,
    ordinal: s.ordinal,
    heading: s.heading,
    path: s.path,
    text: joinParagraphs(s.paragraphs),
    span: spanAt(ctx, s.paragraphs[0] ?? s.clauses[0]?.paragraphs[0], 0),
    clauses: s.clauses.map((c) => ({
      number: c.number,
      ordinal: c.ordinal,
      heading: c.heading,
      path: c.path,
      text: joinParagraphs(c.paragraphs),
      items: flatItems(ctx, c.items),
      span: spanAt(ctx, c.paragraphs[0], 0),
    })),
    items: flatItems(ctx, s.items),
  }));
}

import type { Span } from '../../schemas/common.js';
import type { FrontMatter } from '../normalize/markdown.js';
import type { Text } from '../normalize/offsets.js';
import type { TableRepair } from '../normalize/table-rows.js';
import type { Source } from '../read/source.js';
import type { ClassifiedLine } from '../segment/documents.js';
import type { Outline } from '../segment/outline.js';
import type { Zones } from '../segment/zones.js';

/** Maps a source offset (Text.map[i]) to a line/column span in the file as read. */
export type Locate = (sourceOffset: number) => Span;

/**
 * What every extractor receives: one document's zones and outline over the normalised text.
 * Extractors are pure functions of this context.
 */
export interface DocumentContext {
  source: Source;
  documentIndex: number;
  /** the whole file's normalised text (lines' `start` index into it) */
  text: Text;
  lines: ClassifiedLine[];
  zones: Zones;
  /** body paragraphs (hard line breaks undone) arranged into 一、 sections and （一） clauses */
  outline: Outline;
  frontMatter: FrontMatter | null;
  locate: Locate;
  /** PDF tables the normaliser rebuilt with their totals (or could not) */
  tableRepairs?: TableRepair[];
}

/** Where a metadata value stands in the file; null for one stated outside the text (HTML <meta>). */
export const metadataSpan = (ctx: Pick<DocumentContext, 'frontMatter' | 'locate'>, key: string): Span | null => {
  const at = ctx.frontMatter?.offsets[key];
  return at === undefined ? null : ctx.locate(at);
};

/** Span of character `i` of a normalised Text. */
export const spanAt = (ctx: { locate: Locate }, t: Text, i = 0): Span => ctx.locate(t.map[Math.min(i, t.value.length)]);
